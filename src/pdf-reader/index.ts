/** Glossa's PDF reader: PDF.js's viewer, with Glossa's marks and popover on its text layer. */
export { configurePdfJs } from './pdf-document';
export { readerTheme } from './reader-address';
export { ReaderApp } from './reader-app';

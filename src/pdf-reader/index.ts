/** Glossa's PDF reader: PDF.js's viewer, with Glossa's marks and popover on its text layer. */
export { configurePdfJs, type PdfInput, PdfOpenError } from './pdf-document';
export { readerAddress, readerTheme } from './reader-address';
export { ReaderApp } from './reader-app';

export { supportsHighlights } from './highlight-layer';

export {
  ACTIVE_HIGHLIGHT,
  HighlightLayer,
  type HighlightStyle,
  highlightName,
  supportsHighlights,
} from './highlight-layer';

export { ElementKind, GLOSSA_HOST_TAG, kindOf } from './element-kinds';
export { mentionAtPoint, mentionRange } from './mention-at-point';
export { insertInOrder, precedes } from './mention-order';
export { type MentionListener, MentionStore } from './mention-store';
export { PageScanner, type PageScannerOptions } from './page-scanner';
export { type Mention, type RunReader, type ScanStats, TextScan, type TextScanOptions } from './text-scan';
export { yieldToPage } from './yield-to-page';

export { ElementKind, GLOSSA_HOST_TAG, kindOf } from './element-kinds';

export { type MentionListener, MentionStore } from './mention-store';
export { PageScanner } from './page-scanner';
export { type Mention, TextScan } from './text-scan';

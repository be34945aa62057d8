/**
 * How the scanner treats an element, decided by its tag name alone: reading computed styles for every
 * element would cost more than the whole scan.
 */
export const ElementKind = {
  /** Its text flows with its neighbours': "wartime <em>operational control</em>" is one mention. */
  Inline: 0,
  /** Starts and ends a run of text; mentions never cross it. */
  Block: 1,
  /** Never scanned: code, hidden text, form controls, and Glossa's own UI. */
  Skip: 2,
} as const;
export type ElementKind = (typeof ElementKind)[keyof typeof ElementKind];

/** The host element of Glossa's own UI (the popover); the scanner never looks inside it. */
export const GLOSSA_HOST_TAG = 'glossa-popover';

const INLINE_TAGS = [
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
];

const SKIP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'video',
  'audio',
  'head',
  'title',
  GLOSSA_HOST_TAG,
];

const KINDS = new Map<string, ElementKind>([
  ...INLINE_TAGS.map((tag) => [tag, ElementKind.Inline] as const),
  ...SKIP_TAGS.map((tag) => [tag, ElementKind.Skip] as const),
]);

/** Lower-case tag name → kind; anything unlisted (p, div, li, td, custom elements…) is a block. */
export function kindOf(localName: string): ElementKind {
  return KINDS.get(localName) ?? ElementKind.Block;
}

/** Code and program output, skipped when the reader asks (setting "skip code blocks"). */
export const CODE_TAGS = ['code', 'pre', 'kbd', 'samp'];

const KINDS_SKIPPING_CODE = new Map<string, ElementKind>([
  ...KINDS,
  ...CODE_TAGS.map((tag) => [tag, ElementKind.Skip] as const),
]);

/** `kindOf`, with code elements skipped. */
export function kindOfSkippingCode(localName: string): ElementKind {
  return KINDS_SKIPPING_CODE.get(localName) ?? ElementKind.Block;
}

/** The classifier for a scan: code scanned or skipped. */
export function classifier(skipCode: boolean): (localName: string) => ElementKind {
  return skipCode ? kindOfSkippingCode : kindOf;
}

/**
 * Built-in elements that may host a shadow root (DOM spec, attachShadow), besides custom elements,
 * whose names contain a hyphen. Only these are asked for `shadowRoot`.
 */
const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** The built-in elements that may host a shadow root, as a selector (custom elements aside). */
export const BUILT_IN_SHADOW_HOSTS = [...SHADOW_HOST_TAGS].join(',');

/** May an element of this name host a shadow root? Only these are asked (`shadowRoot` is not free). */
export function mayHostShadowRoot(localName: string): boolean {
  return SHADOW_HOST_TAGS.has(localName) || localName.includes('-');
}

/** The element's open shadow root, asked only of an element that may host one. */
export function shadowRootOf(element: Element): ShadowRoot | null {
  return mayHostShadowRoot(element.localName) ? element.shadowRoot : null;
}

/**
 * Marks mentions with the CSS Custom Highlight API: the page's DOM is never touched.
 *
 * - StaticRange, not Range: with 50k live Ranges every DOM mutation of the page slowed (2,500 mutations
 *   took 1.5 s against 8 ms), and the mention store already drops ranges whose text changed.
 * - Ranges are added one at a time: `new Highlight(...ranges)` overflows the stack near 113k ranges.
 * - The registry (`CSS.highlights`) is shared with the page, which can clear it: names are prefixed and
 *   `ensureRegistered()` puts ours back.
 */
import type { Mention, MentionListener } from '../page-scanning';
import highlightCss from './highlights.css?inline';

export type HighlightStyle = 'underline' | 'background' | 'none';

export const ACTIVE_HIGHLIGHT = 'glossa-mention-active';

export function highlightName(style: Exclude<HighlightStyle, 'none'>): string {
  return `glossa-mention-${style}`;
}

/** True where the browser has the Custom Highlight API (Chrome 105+, Safari 17.2+, Firefox 140+). */
export function supportsHighlights(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    'highlights' in CSS &&
    typeof Highlight === 'function' &&
    typeof StaticRange === 'function'
  );
}

export class HighlightLayer implements MentionListener {
  private readonly ranges = new Map<Mention, StaticRange>();
  private readonly marks: Highlight | null;
  private readonly active: Highlight | null;
  private style: HighlightStyle;
  private readonly styledRoots = new WeakSet<ShadowRoot>();

  constructor(style: HighlightStyle = 'underline') {
    this.style = style;
    const supported = supportsHighlights();
    this.marks = supported ? new Highlight() : null;
    this.active = supported ? new Highlight() : null;
    if (this.active) this.active.priority = 1;
    this.ensureRegistered();
  }

  added(mentions: readonly Mention[]): void {
    if (!this.marks) return;
    for (const mention of mentions) {
      const range = staticRangeOf(mention);
      this.ranges.set(mention, range);
      this.marks.add(range);
    }
    this.ensureRegistered();
  }

  removed(mentions: readonly Mention[]): void {
    if (!this.marks) return;
    for (const mention of mentions) {
      const range = this.ranges.get(mention);
      if (!range) continue;
      this.marks.delete(range);
      this.active?.delete(range);
      this.ranges.delete(mention);
    }
  }

  /** Emphasises one mention (the one explained, or reached by keyboard); null clears it. */
  setActive(mention: Mention | null): void {
    if (!this.active) return;
    this.active.clear();
    // A mention left unmarked ("mark only the first") still shows which one is being explained.
    const range = mention && (this.ranges.get(mention) ?? staticRangeOf(mention));
    if (range) this.active.add(range);
    this.ensureRegistered();
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.unregister();
    this.style = style;
    this.ensureRegistered();
  }

  /** Puts our highlights back in the registry if the page removed or replaced them. */
  ensureRegistered(): void {
    if (!this.marks || !this.active) return;
    const registry = CSS.highlights;
    if (this.style !== 'none') {
      const name = highlightName(this.style);
      if (registry.get(name) !== this.marks) registry.set(name, this.marks);
    }
    if (registry.get(ACTIVE_HIGHLIGHT) !== this.active) registry.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /** Document styles do not reach into shadow trees: give an open shadow root the highlight styles. */
  styleShadowRoot(root: ShadowRoot): void {
    if (!this.marks || this.styledRoots.has(root)) return;
    this.styledRoots.add(root);
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(highlightCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A sheet from another realm can be refused (Firefox's Xray wrappers); marks then stay unstyled
      // in that shadow root, and hovering still works.
    }
  }

  /** Removes every mark (Glossa switched off for the site). */
  dispose(): void {
    this.marks?.clear();
    this.active?.clear();
    this.ranges.clear();
    this.unregister();
  }

  private unregister(): void {
    if (!this.marks) return;
    const registry = CSS.highlights;
    for (const style of ['underline', 'background'] as const) {
      if (registry.get(highlightName(style)) === this.marks) registry.delete(highlightName(style));
    }
    if (registry.get(ACTIVE_HIGHLIGHT) === this.active) registry.delete(ACTIVE_HIGHLIGHT);
  }
}

function staticRangeOf(mention: Mention): StaticRange {
  return new StaticRange({
    startContainer: mention.startNode,
    startOffset: mention.startOffset,
    endContainer: mention.endNode,
    endOffset: mention.endOffset,
  });
}

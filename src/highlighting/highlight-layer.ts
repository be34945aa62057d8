/**
 * Marks mentions with the CSS Custom Highlight API: the page's DOM is never touched.
 *
 * - StaticRange, not Range: with 50k live Ranges every DOM mutation of the page slowed (2,500 mutations
 *   took 1.5 s against 8 ms), and the mention store already drops ranges whose text changed.
 * - Ranges are added one at a time: `new Highlight(...ranges)` overflows the stack near 113k ranges.
 * - The registry (`CSS.highlights`) is shared with the page, which can clear it: names are prefixed and
 *   `ensureRegistered()` puts ours back.
 */
import { mentionRange } from '../page-scanning/mention-at-point';
import { inDocumentOrder, insertInOrder, precedes } from '../page-scanning/mention-order';
import type { MentionListener } from '../page-scanning/mention-store';
import type { Mention } from '../page-scanning/text-scan';
import highlightCss from './highlights.css?inline';

/**
 * Past this many marks, only the mentions near the viewport keep a registered range. Chromium's paint
 * cost grows with the number of ranges in a highlight (80,000 of them stalled a page for 1.1 s at
 * once; 10,000 were fine), so a giant page registers a window of its mentions that follows scrolling.
 * Hit testing, counts and keyboard navigation use every mention, registered or not.
 */
export const REGISTERED_RANGES_MAX = 5_000;
/** How far beyond the viewport (in viewport heights) a windowed page keeps its marks. */
const WINDOW_MARGIN = 1;

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
  /** The registered ranges, by mention. */
  private readonly ranges = new Map<Mention, StaticRange>();
  private readonly marks: Highlight | null;
  private readonly active: Highlight | null;
  private readonly style: HighlightStyle;
  private readonly styledRoots = new WeakSet<ShadowRoot>();
  /** Every marked mention: in the order found, then, once the page is windowed, in document order. */
  private marked: Mention[] = [];
  /** Index in `marked` of the first mention below the window at its last update; -1: none was. */
  private windowEnd = -1;
  private readonly gone = new Set<Mention>();
  /** True once the page has more marks than REGISTERED_RANGES_MAX. */
  private windowed = false;
  private windowFrame = 0;
  private windowTimer = 0;
  private readonly win: Window | null;
  private readonly onViewportChange = () => this.scheduleWindow();

  constructor(
    style: HighlightStyle = 'underline',
    win: Window | null = typeof window === 'undefined' ? null : window,
  ) {
    this.style = style;
    this.win = win;
    const supported = supportsHighlights();
    this.marks = supported ? new Highlight() : null;
    this.active = supported ? new Highlight() : null;
    if (this.active) this.active.priority = 1;
    this.ensureRegistered();
  }

  added(mentions: readonly Mention[]): void {
    if (!this.marks) return;
    if (this.windowed) {
      // In document order (the window is found by binary search). A mention that lands below the
      // window (the scan going down a long page) changes nothing on screen: no update for it.
      let mayShow = false;
      for (const mention of mentions) {
        const at = insertInOrder(this.marked, mention);
        if (this.windowEnd < 0) mayShow = true;
        else if (at <= this.windowEnd) {
          mayShow = true;
          this.windowEnd++;
        }
      }
      if (mayShow) this.scheduleWindow();
      return;
    }
    for (const mention of mentions) {
      this.marked.push(mention);
      const range = staticRangeOf(mention);
      this.ranges.set(mention, range);
      this.marks.add(range);
    }
    if (this.ranges.size > REGISTERED_RANGES_MAX && this.win) this.enterWindow();
    this.ensureRegistered();
  }

  removed(mentions: readonly Mention[]): void {
    if (!this.marks) return;
    let shown = false;
    for (const mention of mentions) {
      this.gone.add(mention);
      const range = this.ranges.get(mention);
      if (!range) continue;
      shown = true;
      this.marks.delete(range);
      this.active?.delete(range);
      this.ranges.delete(mention);
    }
    // Forget what left the page once it is a good share of the list (no map of removed nodes grows).
    if (this.gone.size > 1000 && this.gone.size * 4 > this.marked.length) {
      this.marked = this.marked.filter((mention) => !this.gone.has(mention));
      this.gone.clear();
      this.windowEnd = -1;
      shown = true;
    }
    // Text that left the page moves what follows it up: the window may take in more.
    if (this.windowed && shown) this.scheduleWindow();
  }

  /** From now on only a window of mentions around the viewport is registered (see REGISTERED_RANGES_MAX). */
  private enterWindow(): void {
    this.windowed = true;
    // Found in scan order (the viewport's part first on a page opened scrolled down): sort once.
    const list = this.marked;
    for (let i = 1; i < list.length; i++) {
      if (!precedes(list[i - 1] as Mention, list[i] as Mention)) {
        list.sort(inDocumentOrder);
        break;
      }
    }
    this.win?.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
    this.win?.addEventListener('resize', this.onViewportChange, { passive: true });
    this.scheduleWindow();
  }

  /**
   * The window is worked out just after the next paint, when the page's layout is fresh: reading boxes
   * in the middle of a scan (or in an animation frame, before layout) would make Glossa pay for laying
   * out the page, 200 ms on a page with 300,000 characters in one line box.
   */
  private scheduleWindow(): void {
    if (this.windowFrame || !this.win) return;
    const win = this.win;
    this.windowFrame = win.requestAnimationFrame(() => {
      this.windowTimer = win.setTimeout(() => {
        this.windowFrame = 0;
        this.windowTimer = 0;
        this.updateWindow();
      }, 0);
    });
  }

  /**
   * Registers the mentions near the viewport: a binary search over the marked mentions (in document
   * order) for the first whose box ends below the viewport's top, then on while they start above the
   * bottom margin, then back up through the top margin. Reads a few dozen boxes, whatever the page's
   * size.
   */
  private updateWindow(): void {
    const marks = this.marks;
    const win = this.win;
    if (!marks || !win) return;
    const list = this.marked;
    const height = win.innerHeight;
    const top = -height * WINDOW_MARGIN;
    const bottom = height * (1 + WINDOW_MARGIN);
    const live = (i: number) => {
      const mention = list[i] as Mention;
      return !this.gone.has(mention) && mention.startNode.isConnected;
    };
    const box = (i: number) => mentionRange(list[i] as Mention).getBoundingClientRect();
    // The first mention that ends below the viewport's top: the viewport's own marks come first, so a
    // dense stretch above it (100,000 short words in one block) cannot use up the window.
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (live(mid) && box(mid).bottom < 0) low = mid + 1;
      else high = mid;
    }
    const wanted = new Set<Mention>();
    this.windowEnd = -1;
    for (let i = low; i < list.length; i++) {
      if (!live(i)) continue;
      if (wanted.size >= REGISTERED_RANGES_MAX || box(i).top > bottom) {
        this.windowEnd = i;
        break;
      }
      wanted.add(list[i] as Mention);
    }
    // Then up into the margin above, with what room is left.
    for (let i = low - 1; i >= 0 && wanted.size < REGISTERED_RANGES_MAX; i--) {
      if (!live(i)) continue;
      if (box(i).bottom < top) break;
      wanted.add(list[i] as Mention);
    }
    for (const [mention, range] of this.ranges) {
      if (wanted.has(mention)) continue;
      marks.delete(range);
      this.ranges.delete(mention);
    }
    for (const mention of wanted) {
      if (this.ranges.has(mention)) continue;
      const range = staticRangeOf(mention);
      this.ranges.set(mention, range);
      marks.add(range);
    }
    this.ensureRegistered();
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
    if (this.windowFrame) this.win?.cancelAnimationFrame(this.windowFrame);
    if (this.windowTimer) this.win?.clearTimeout(this.windowTimer);
    this.windowFrame = 0;
    this.windowTimer = 0;
    this.win?.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.win?.removeEventListener('resize', this.onViewportChange);
    this.marks?.clear();
    this.active?.clear();
    this.ranges.clear();
    this.marked = [];
    this.windowEnd = -1;
    this.gone.clear();
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

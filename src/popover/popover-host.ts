/**
 * The one element Glossa adds to a page, and only once a popover first shows: `<glossa-popover>`, with
 * a closed shadow root that page scripts cannot open and page CSS cannot style (`:host { all: initial }`
 * inside, `!important` inline styles outside). Styles are adopted, not inserted: an inline <style> is
 * blocked by strict page CSPs, constructed sheets are not.
 *
 * The host is shown in the browser's top layer (`popover="manual"`, `showPopover()`): above every
 * stacking context and fullscreen element, with no z-index race against the page. It is also far
 * cheaper on a big page: on a table of 100,000 rows, appending a fixed, z-indexed element to the
 * document cost the next frame ~110 ms in Chromium 156 (and a forced layout ~80 ms), the same element
 * in the top layer ~20 ms. Browsers without the Popover API get the fixed, z-indexed host.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { type ComponentChild, render } from 'preact';
import { GLOSSA_HOST_TAG } from '../page-scanning';
import popoverCss from './popover.css?inline';

export interface AnchorRect {
  /** The live Range of the mention (created on demand, dropped when the popover closes). */
  range: Range;
  /** Pointer position, to pick the right line of a mention that wraps. */
  pointer?: { x: number; y: number };
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
  contain: 'style',
};

function applyHostStyle(host: HTMLElement): void {
  host.removeAttribute('style');
  for (const [property, value] of Object.entries(HOST_STYLE))
    host.style.setProperty(property, value, 'important');
}

/** True where the Popover API puts an element in the top layer (every browser Glossa supports today). */
function hasTopLayer(host: HTMLElement): boolean {
  return typeof host.showPopover === 'function';
}

/**
 * Where the host must live to be seen and reached: inside the page's open modal dialog or its
 * fullscreen element, if it has one. Everything outside them is inert (measured in Chromium 156: a
 * top-layer host outside a modal dialog or a fullscreen element is missing from the accessibility
 * tree and cannot be clicked), and without the Popover API it would also be drawn under them.
 */
function containerFor(doc: Document): Element {
  let dialog: Element | undefined;
  try {
    const modal = doc.querySelectorAll('dialog:modal');
    dialog = modal[modal.length - 1];
  } catch {
    // A browser without `:modal`: no modal dialog it could tell.
  }
  return dialog ?? doc.fullscreenElement ?? doc.documentElement;
}

/**
 * Shows the host at the top of the top layer: shown if it is not (the page may have hidden it), shown
 * again when `again` (something, a fullscreen element, entered the top layer after it).
 */
function raise(host: HTMLElement, again: boolean): void {
  if (!hasTopLayer(host)) return;
  // A page may have taken the attribute away, which also closes it.
  if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
  try {
    if (host.matches(':popover-open')) {
      if (!again) return;
      host.hidePopover();
    }
    host.showPopover();
  } catch (error) {
    // The page made it something that cannot be a popover: it still shows as a fixed, z-indexed element.
    console.debug('[Glossa] popover host not in the top layer', error);
  }
}

export class PopoverHost {
  private host: HTMLElement | null = null;
  private frame: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  /** The host element, once created (events from inside the closed shadow root retarget to it). */
  get element(): HTMLElement | null {
    return this.host;
  }

  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  show(content: ComponentChild, anchor: AnchorRect): void {
    const frame = this.ensureFrame();
    render(content, frame);
    this.place(anchor);
  }

  /** Re-renders without moving (state changed inside the popover). */
  update(content: ComponentChild): void {
    if (this.frame) render(content, this.frame);
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (this.frame) {
      render(null, this.frame);
      this.frame.style.visibility = 'hidden';
    }
    // Out of the top layer, so that the next popover is raised above whatever entered it since (a
    // page's dialog); not displayed, or it would stay a fixed element over the page (our inline style
    // outranks the browser's `display: none` for a closed popover).
    const host = this.host;
    if (host && hasTopLayer(host) && host.isConnected) {
      try {
        if (host.matches(':popover-open')) host.hidePopover();
      } catch (error) {
        console.debug('[Glossa] popover host not hidden from the top layer', error);
      }
      host.style.setProperty('display', 'none', 'important');
    }
  }

  /** Focuses the card (pinned popovers are dialogs that take focus). */
  focusCard(): void {
    (this.frame?.querySelector('.card') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  /** The focusable controls of the card, for keeping Tab inside a pinned popover. */
  focusables(): HTMLElement[] {
    if (!this.frame) return [];
    return [...this.frame.querySelectorAll<HTMLElement>('button:not(:disabled), a[href]')];
  }

  /** The element focused inside the shadow root, if any. */
  activeElement(): Element | null {
    return this.frame?.getRootNode() instanceof ShadowRoot
      ? (this.frame.getRootNode() as ShadowRoot).activeElement
      : null;
  }

  /** The page entered or left fullscreen: an open popover follows (into the fullscreen element, on top). */
  followFullscreen(): void {
    if (this.host && this.frame?.style.visibility === 'visible') this.settle(this.host, true);
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = null;
    this.frame = null;
  }

  private ensureFrame(): HTMLElement {
    if (this.frame && this.host?.isConnected) {
      // A page may have restyled the host (`style.display = 'none'`): its style is set again each time.
      applyHostStyle(this.host);
      this.settle(this.host, false);
      this.frame.style.visibility = 'visible';
      return this.frame;
    }
    // First time, or the page removed the host: a new one.
    const host = this.doc.createElement(GLOSSA_HOST_TAG);
    applyHostStyle(host);
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(popoverCss);
    root.adoptedStyleSheets = [sheet];
    const frame = this.doc.createElement('div');
    frame.className = 'frame';
    root.appendChild(frame);
    this.host = host;
    this.frame = frame;
    this.settle(host, false);
    return frame;
  }

  /** Puts the host where it can be seen and reached (see `containerFor`), in the top layer. */
  private settle(host: HTMLElement, again: boolean): void {
    const container = containerFor(this.doc);
    // Moving an open popover closes it; `raise` opens it again.
    if (host.parentNode !== container) container.appendChild(host);
    raise(host, again);
  }

  /** Near the mention's line box, inside the viewport, following scrolls and resizes. */
  private place(anchor: AnchorRect): void {
    const frame = this.frame;
    if (!frame) return;
    this.stopAutoUpdate?.();
    const range = anchor.range;
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const update = () => {
      void computePosition(reference, frame, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(anchor.pointer),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              frame.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    this.stopAutoUpdate = autoUpdate(reference, frame, update, { animationFrame: false });
  }
}

/**
 * The one element Glossa adds to a page, and only once a popover first shows: `<glossa-popover>`, with
 * a closed shadow root that page scripts cannot open and page CSS cannot style (`:host { all: initial }`
 * inside, `!important` inline styles outside). Styles are adopted, not inserted: an inline <style> is
 * blocked by strict page CSPs, constructed sheets are not.
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

  /** Moves the host into the fullscreen element (or back), where it would otherwise be invisible. */
  followFullscreen(): void {
    if (!this.host) return;
    const parent = this.doc.fullscreenElement ?? this.doc.documentElement;
    if (this.host.parentNode !== parent) parent.appendChild(this.host);
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
    (this.doc.fullscreenElement ?? this.doc.documentElement).appendChild(host);
    this.host = host;
    this.frame = frame;
    return frame;
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

/**
 * Connects the reader's pointer and keyboard to the popover: hover intent, click to pin, Escape,
 * keyboard navigation between mentions. This part runs in every frame; the popover itself (the card,
 * its placement, its buttons) is a `PopoverSurface` loaded the first time it is needed — as soon as
 * the pointer settles on a mention, so that it is there when the hover delay has passed.
 */

import { mentionAtPoint, mentionRange } from '../page-scanning/mention-at-point';
import type { MentionStore } from '../page-scanning/mention-store';
import type { Mention } from '../page-scanning/text-scan';
import { HoverIntent } from './hover-intent';
import type { PopoverSurface, SurfaceView } from './popover-contract';
import { hasTextSelection, isTypingTarget } from './reader-activity';

/** What the controller tells the popover's own buttons to do. */
export interface SurfaceCallbacks {
  onClose(): void;
  onRelated(entryId: string): void;
  onStep(direction: 1 | -1): void;
}

export interface PopoverControllerOptions {
  doc: Document;
  mentions: MentionStore;
  /** Makes the popover (once): at once where its code is at hand, else when it has loaded (or null). */
  loadSurface(callbacks: SurfaceCallbacks): PopoverSurface | Promise<PopoverSurface | null>;
  /** Emphasises the mention being explained (the highlight layer); null clears it. */
  setActive(mention: Mention | null): void;
  /** Open shadow roots, so that hit testing can see into them. */
  shadowRoots(): ShadowRoot[];
  showDelay?: number;
  hideDelay?: number;
  /**
   * What opens a popover: resting the pointer on a mention, the same while holding Shift (for readers
   * who find hover popups distracting), or only a click. Keyboard navigation works with all three.
   */
  trigger?: PopoverTrigger;
  /**
   * Whether an event comes from the reader. Events a page dispatches itself (`isTrusted` false) never
   * open, pin or move a popover: otherwise a page could drive Glossa's UI.
   */
  isTrusted?(event: Event): boolean;
}

export type PopoverTrigger = 'hover' | 'hover-with-key' | 'click';

interface OpenState {
  mention: Mention;
  entryId: string;
  pinned: boolean;
  pointer?: { x: number; y: number };
}

/** Keys that move between mentions: Alt+Shift+↓ / ↑, ignored while typing in a field. */
const NEXT_KEY = 'ArrowDown';
const PREVIOUS_KEY = 'ArrowUp';

export class PopoverController {
  private readonly intent: HoverIntent<Mention>;
  private state: OpenState | null = null;
  private surface: PopoverSurface | null = null;
  private loading: Promise<PopoverSurface | null> | null = null;
  private lastPointer = { x: -1, y: -1 };
  private pendingFrame = 0;
  /** The pointer where a popover is about to open, to pick the right line of a wrapped mention. */
  private pendingPointer: { x: number; y: number } | undefined;
  /** Where focus was before a pinned popover took it; Escape gives it back. */
  private returnFocus: Element | null = null;
  private readonly listening = new AbortController();
  private shiftHeld = false;
  /** Where the pointer is, even when a move was not hit-tested (Shift not held). */
  private pointerNow = { x: -1, y: -1 };
  private readonly trusted: (event: Event) => boolean;

  constructor(private readonly options: PopoverControllerOptions) {
    this.trusted = options.isTrusted ?? ((event) => event.isTrusted);
    this.intent = new HoverIntent<Mention>({
      showDelay: options.showDelay ?? 300,
      hideDelay: options.hideDelay ?? 300,
      show: (mention) => this.open(mention, false),
      hide: () => this.close(),
    });
  }

  start(): void {
    const doc = this.options.doc;
    const win = doc.defaultView ?? window;
    this.listen(doc, 'pointermove', (event) => this.onPointerMove(event as PointerEvent), { passive: true });
    this.listen(doc, 'pointerdown', (event) => this.onPointerDown(event as PointerEvent), { capture: true });
    this.listen(doc, 'click', (event) => this.onClick(event as MouseEvent), { capture: true });
    this.listen(doc, 'keydown', (event) => this.onKeyDown(event as KeyboardEvent), { capture: true });
    this.listen(doc, 'fullscreenchange', () => this.surface?.followFullscreen(), {});
    this.listen(win, 'blur', () => this.intent.pointerAt(null), {});
    // The page moved on (a single-page app's navigation): the popover belongs to what was there.
    const navigation = (win as { navigation?: EventTarget }).navigation;
    if (navigation) this.listen(navigation, 'navigate', () => this.intent.reset(), {});
    this.listen(win, 'popstate', () => this.intent.reset(), {});
    if (this.options.trigger === 'hover-with-key') {
      // Pressing Shift with the pointer already resting on a mention opens it, without a move.
      this.listen(doc, 'keyup', (event) => this.onHoverKey(event as KeyboardEvent, false), {});
    }
  }

  /** Removes every listener and the popover (Glossa switched off for the site). */
  stop(): void {
    this.listening.abort();
    cancelAnimationFrame(this.pendingFrame);
    this.intent.reset();
    this.surface?.destroy();
    this.surface = null;
    this.loading = null;
  }

  /** Mentions left the page (or became editable): a popover on one of them closes. */
  forget(mentions: readonly Mention[]): void {
    const shown = this.state?.mention;
    if (shown && mentions.includes(shown)) this.intent.reset();
  }

  /** Opens the popover for a mention, pinned, with focus (keyboard navigation, the popup's list). */
  openPinned(mention: Mention): void {
    this.reveal(mention);
    this.intent.pin(mention);
    this.open(mention, true);
  }

  /** True while a pinned popover holds the reader's attention (and the keyboard focus). */
  get isPinned(): boolean {
    return this.state?.pinned ?? false;
  }

  /** Scrolls to the first mention of an entry and opens it pinned (the popup's "On this page"). */
  revealEntry(entryId: string): boolean {
    const mention = this.mentionsOf(entryId)[0];
    if (!mention) return false;
    this.openPinned(mention);
    return true;
  }

  /** Moves to the next or previous mention on the page (any entry) and opens it pinned. */
  step(direction: 1 | -1): void {
    const all = this.options.mentions.list();
    const mention = all[wrapIndex(this.state ? all.indexOf(this.state.mention) : -1, direction, all.length)];
    if (mention) this.openPinned(mention);
  }

  /** The popover's code, loading it on first use (at most once). */
  private ensureSurface(): Promise<PopoverSurface | null> {
    if (this.surface) return Promise.resolve(this.surface);
    if (!this.loading) {
      const made = this.options.loadSurface({
        onClose: () => this.intent.reset(),
        onRelated: (id) => this.showEntry(id),
        onStep: (direction) => this.stepWithinEntry(direction),
      });
      if (made instanceof Promise) {
        this.loading = made.then(
          (surface) => {
            if (this.listening.signal.aborted) surface?.destroy();
            else this.surface = surface;
            return this.surface;
          },
          () => null,
        );
      } else {
        this.surface = made;
        this.loading = Promise.resolve(made);
      }
    }
    return this.loading;
  }

  private listen(
    target: EventTarget,
    type: string,
    listener: EventListener,
    options: AddEventListenerOptions,
  ) {
    // A listener must never throw into the page.
    const safe: EventListener = (event) => {
      try {
        listener(event);
      } catch (error) {
        console.debug('[Glossa]', error);
      }
    };
    target.addEventListener(type, safe, { ...options, signal: this.listening.signal });
  }

  private hostContains(target: EventTarget | null): boolean {
    return this.surface?.contains(target) ?? false;
  }

  /** The mention at a point of the viewport, if any. */
  private mentionAt(x: number, y: number): Mention | null {
    return mentionAtPoint(this.options.doc, this.options.mentions, x, y, this.options.shadowRoots());
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch' || !this.trusted(event)) return;
    this.shiftHeld = event.shiftKey;
    this.pointerNow = { x: event.clientX, y: event.clientY };
    if (this.options.trigger === 'click') {
      this.intent.pointerInPopover(this.hostContains(event.target));
      return;
    }
    if (this.hostContains(event.target)) {
      this.intent.pointerInPopover(true);
      return;
    }
    this.intent.pointerInPopover(false);
    const keyMissing = this.options.trigger === 'hover-with-key' && !event.shiftKey;
    if (event.buttons !== 0 || keyMissing || this.isSelecting() || this.isTyping()) {
      if (!this.intent.isPinned) this.intent.pointerAt(null);
      return;
    }
    // Within a couple of pixels the answer cannot change: no hit test (stops flicker, saves work).
    if (Math.abs(event.clientX - this.lastPointer.x) + Math.abs(event.clientY - this.lastPointer.y) < 2)
      return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.pendingFrame) return;
    this.pendingFrame = requestAnimationFrame(() => {
      this.pendingFrame = 0;
      const { x, y } = this.lastPointer;
      this.pointTo(this.mentionAt(x, y), x, y);
    });
  }

  /** The pointer rests on `mention` (or on none): hover intent decides; the popover's code loads. */
  private pointTo(mention: Mention | null, x: number, y: number): void {
    if (mention && (!this.state || this.state.mention !== mention)) {
      this.pendingPointer = { x, y };
      void this.ensureSurface().then((surface) => surface?.prefetch(mention.entryId));
    }
    this.intent.pointerAt(mention);
  }

  /** Shift pressed or released while the pointer rests: look again under it (trigger 'hover-with-key'). */
  private onHoverKey(event: KeyboardEvent, down: boolean): void {
    if (event.key !== 'Shift' || this.shiftHeld === down || !this.trusted(event)) return;
    this.shiftHeld = down;
    if (this.intent.isPinned || this.isTyping()) return;
    if (!down) {
      this.intent.pointerAt(null);
      return;
    }
    const { x, y } = this.pointerNow;
    if (x < 0) return;
    this.lastPointer = { x, y };
    this.pointTo(this.mentionAt(x, y), x, y);
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.state?.pinned || !this.trusted(event)) return;
    if (this.hostContains(event.target)) return;
    // A click outside a pinned popover closes it; the click itself goes on to the page.
    this.intent.reset();
  }

  private onClick(event: MouseEvent): void {
    if (!this.trusted(event)) return;
    if (this.hostContains(event.target)) {
      // Using the popover (a button, a link) pins it so it does not vanish under the pointer.
      if (this.state && !this.state.pinned) {
        this.intent.pin(this.state.mention);
        this.state = { ...this.state, pinned: true };
        this.render(false);
      }
      return;
    }
    if (event.button !== 0 || this.isSelecting()) return;
    // Clicks on links and controls keep their meaning: a mention inside a link is never pinned by a click.
    const target = event.target as Element | null;
    if (
      target?.closest?.(
        'a[href], button, input, select, textarea, label, summary, [role="button"], [contenteditable]',
      )
    ) {
      return;
    }
    const mention = this.mentionAt(event.clientX, event.clientY);
    if (!mention) return;
    this.pendingPointer = { x: event.clientX, y: event.clientY };
    this.intent.pin(mention);
    this.open(mention, true);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.trusted(event)) return;
    if (this.options.trigger === 'hover-with-key' && event.key === 'Shift' && !event.repeat) {
      this.onHoverKey(event, true);
      return;
    }
    if (event.key === 'Escape' && this.state) {
      const hadFocus = this.state.pinned;
      this.intent.reset();
      if (hadFocus) event.stopPropagation();
      return;
    }
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      if (event.key !== NEXT_KEY && event.key !== PREVIOUS_KEY) return;
      if (this.isTyping(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      this.step(event.key === NEXT_KEY ? 1 : -1);
      return;
    }
    if (event.key === 'Tab' && this.state?.pinned && this.hostContains(event.target))
      this.keepTabInside(event);
  }

  /** Tab and Shift+Tab cycle through the pinned popover's controls. */
  private keepTabInside(event: KeyboardEvent): void {
    const controls = this.surface?.focusables() ?? [];
    if (controls.length === 0) return;
    const active = this.surface?.activeElement() ?? null;
    const index = active ? controls.indexOf(active as HTMLElement) : -1;
    const next = wrapIndex(index, event.shiftKey ? -1 : 1, controls.length);
    event.preventDefault();
    controls[next]?.focus();
  }

  private open(mention: Mention, pinned: boolean): void {
    if (pinned && !this.state?.pinned) {
      const active = this.options.doc.activeElement;
      this.returnFocus = active && !this.hostContains(active) ? active : null;
    }
    this.state = { mention, entryId: mention.entryId, pinned, pointer: this.pendingPointer };
    this.pendingPointer = undefined;
    this.render(true);
  }

  private close(): void {
    const wasPinned = this.state?.pinned ?? false;
    this.state = null;
    this.options.setActive(null);
    this.surface?.hide();
    if (wasPinned && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) {
      this.returnFocus.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  /**
   * Shows the current state; `place` moves the popover to its mention. Waits for the popover's code
   * the first time; an entry the popover cannot find (a glossary changed meanwhile) closes it.
   */
  private render(place: boolean): void {
    const state = this.state;
    if (!state) return;
    const loading = this.ensureSurface();
    // At hand (loaded before, or made at once): shown in this task; else once it has loaded.
    const surface = this.surface;
    if (!surface) {
      void loading.then((loaded) => {
        if (loaded && this.state === state) this.render(place);
      });
      return;
    }
    const ofEntry = this.mentionsOf(state.entryId);
    const view: SurfaceView = {
      entryId: state.entryId,
      anchor: mentionRange(state.mention),
      near: state.mention.startNode.parentElement,
      pointer: state.pointer,
      pinned: state.pinned,
      mentionCount: ofEntry.length,
      mentionIndex: ofEntry.indexOf(state.mention) + 1,
    };
    const shown = (ok: boolean) => {
      if (this.state !== state) return;
      if (!ok) {
        this.intent.reset();
        return;
      }
      // The mention is emphasised together with the popover's first drawing, not a frame before it:
      // on a page of 500,000 layout objects each frame that changes anything costs Chromium ~100 ms
      // (its compositing-inputs walk), and the entry is read asynchronously in between.
      if (place) this.options.setActive(state.mention);
      if (state.pinned && place) surface.focusCard();
    };
    const result = surface.show(view, place);
    if (result instanceof Promise) void result.then(shown, () => shown(false));
    else shown(result);
  }

  private mentionsOf(entryId: string): readonly Mention[] {
    return this.options.mentions.ofEntry(entryId);
  }

  /** Related term chosen: the popover explains that entry, still anchored where it is. */
  private showEntry(entryId: string): void {
    if (!this.state) return;
    this.state = { ...this.state, entryId, pinned: true };
    this.intent.pin(this.state.mention);
    this.render(false);
  }

  /** Previous/next mention of the entry shown: scroll there, flash it, and move the popover along. */
  private stepWithinEntry(direction: 1 | -1): void {
    if (!this.state) return;
    const ofEntry = this.mentionsOf(this.state.entryId);
    const mention = ofEntry[wrapIndex(ofEntry.indexOf(this.state.mention), direction, ofEntry.length)];
    if (!mention) return;
    this.reveal(mention);
    this.intent.pin(mention);
    this.state = { mention, entryId: this.state.entryId, pinned: true };
    this.render(true);
  }

  private reveal(mention: Mention): void {
    const element = mention.startNode.parentElement;
    if (!element) return;
    const rect = mentionRange(mention).getBoundingClientRect();
    const view = this.options.doc.defaultView ?? window;
    if (rect.top < 0 || rect.bottom > view.innerHeight) {
      element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    }
  }

  private isSelecting(): boolean {
    return hasTextSelection(this.options.doc);
  }

  /** Focus is in a field or editable region of the page (not the popover's own). */
  private isTyping(target: EventTarget | null = this.options.doc.activeElement): boolean {
    return !this.hostContains(target) && isTypingTarget(target);
  }
}

/**
 * The index `direction` steps from `index` in a list of `length`, wrapping around at either end; from
 * nowhere (-1) the first step forward is the first item and the first step back the last.
 */
export function wrapIndex(index: number, direction: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return direction > 0 ? 0 : length - 1;
  return (index + direction + length) % length;
}

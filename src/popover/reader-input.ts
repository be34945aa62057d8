/**
 * What the reader's pointer and keyboard mean for the popover: resting on a mention (hover intent),
 * clicking to pin, Escape, Tab inside a pinned popover, Alt+Shift+↓/↑ between mentions. It listens to
 * the document and tells the popover what to do; what is shown, and how, is the controller's job.
 */
import type { Mention } from '../page-scanning/text-scan';
import type { HoverIntent } from './hover-intent';
import { hasTextSelection, isTypingTarget } from './reader-activity';

export type PopoverTrigger = 'hover' | 'hover-with-key' | 'click';

/** The popover as the reader's input sees it. */
export interface InputTarget {
  /** Whether an event target is inside Glossa's popover. */
  contains(target: EventTarget | null): boolean;
  /** The mention at a point of the viewport, if any. */
  mentionAt(x: number, y: number): Mention | null;
  /** The pointer rests on `mention` (or on none); hover intent decides what shows. */
  pointTo(mention: Mention | null, x: number, y: number): void;
  /** What is shown now: nothing, a popover that follows hover, or a pinned one (it holds focus). */
  shown(): 'none' | 'hover' | 'pinned';
  /** The reader used the shown popover (a button, a link): it stays. */
  pinShown(): void;
  /** The reader clicked a mention: its popover opens pinned. */
  pinAt(mention: Mention, x: number, y: number): void;
  /** Next or previous mention on the page. */
  step(direction: 1 | -1): void;
  /** Tab or Shift+Tab inside the pinned popover: focus moves to its next control (false: it has none). */
  cycleFocus(backwards: boolean): boolean;
  /** The page entered or left fullscreen. */
  followFullscreen(): void;
}

export interface ReaderInputOptions {
  doc: Document;
  intent: HoverIntent<Mention>;
  popover: InputTarget;
  trigger: PopoverTrigger;
  /**
   * Whether an event comes from the reader. Events a page dispatches itself (`isTrusted` false) never
   * open, pin or move a popover: otherwise a page could drive Glossa's UI.
   */
  isTrusted(event: Event): boolean;
}

/** Keys that move between mentions: Alt+Shift+↓ / ↑, ignored while typing in a field. */
const NEXT_KEY = 'ArrowDown';
const PREVIOUS_KEY = 'ArrowUp';

/** Clicks on links and controls keep their meaning: a mention inside one is never pinned by a click. */
const CLICKABLE =
  'a[href], button, input, select, textarea, label, summary, [role="button"], [contenteditable]';

export class ReaderInput {
  private readonly listening = new AbortController();
  /** The last point hit-tested, and a hit test waiting for the next frame. */
  private lastPointer = { x: -1, y: -1 };
  private pendingFrame = 0;
  private shiftHeld = false;
  /** Where the pointer is, even when a move was not hit-tested (Shift not held). */
  private pointerNow = { x: -1, y: -1 };

  constructor(private readonly options: ReaderInputOptions) {}

  start(): void {
    const { doc, intent, popover } = this.options;
    const win = doc.defaultView ?? window;
    this.listen(doc, 'pointermove', (event) => this.onPointerMove(event as PointerEvent), { passive: true });
    this.listen(doc, 'pointerdown', (event) => this.onPointerDown(event as PointerEvent), { capture: true });
    this.listen(doc, 'click', (event) => this.onClick(event as MouseEvent), { capture: true });
    this.listen(doc, 'keydown', (event) => this.onKeyDown(event as KeyboardEvent), { capture: true });
    this.listen(doc, 'fullscreenchange', () => popover.followFullscreen(), {});
    this.listen(win, 'blur', () => intent.pointerAt(null), {});
    // The page moved on (a single-page app's navigation): the popover belongs to what was there.
    const navigation = (win as { navigation?: EventTarget }).navigation;
    if (navigation) this.listen(navigation, 'navigate', () => intent.reset(), {});
    this.listen(win, 'popstate', () => intent.reset(), {});
    if (this.options.trigger === 'hover-with-key') {
      // Pressing Shift with the pointer already resting on a mention opens it, without a move.
      this.listen(doc, 'keyup', (event) => this.onHoverKey(event as KeyboardEvent, false), {});
    }
  }

  /** Removes every listener at once. */
  stop(): void {
    this.listening.abort();
    cancelAnimationFrame(this.pendingFrame);
    this.pendingFrame = 0;
  }

  private listen(
    target: EventTarget,
    type: string,
    listener: EventListener,
    options: AddEventListenerOptions,
  ): void {
    // A listener must never throw into the page.
    const safe: EventListener = (event) => {
      if (!this.options.isTrusted(event)) return;
      try {
        listener(event);
      } catch (error) {
        console.debug('[Glossa]', error);
      }
    };
    target.addEventListener(type, safe, { ...options, signal: this.listening.signal });
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const { intent, popover, trigger } = this.options;
    this.shiftHeld = event.shiftKey;
    this.pointerNow = { x: event.clientX, y: event.clientY };
    const inPopover = popover.contains(event.target);
    intent.pointerInPopover(inPopover);
    if (trigger === 'click' || inPopover) return;
    const keyMissing = trigger === 'hover-with-key' && !event.shiftKey;
    if (event.buttons !== 0 || keyMissing || this.isSelecting() || this.isTyping()) {
      if (!intent.isPinned) intent.pointerAt(null);
      return;
    }
    // Within a couple of pixels the answer cannot change: no hit test (stops flicker, saves work).
    if (Math.abs(event.clientX - this.lastPointer.x) + Math.abs(event.clientY - this.lastPointer.y) < 2)
      return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.pendingFrame) return;
    this.pendingFrame = requestAnimationFrame(() => {
      this.pendingFrame = 0;
      this.pointAt(this.lastPointer);
    });
  }

  private pointAt({ x, y }: { x: number; y: number }): void {
    this.options.popover.pointTo(this.options.popover.mentionAt(x, y), x, y);
  }

  /** Shift pressed or released while the pointer rests: look again under it (trigger 'hover-with-key'). */
  private onHoverKey(event: KeyboardEvent, down: boolean): void {
    if (event.key !== 'Shift' || this.shiftHeld === down) return;
    this.shiftHeld = down;
    const intent = this.options.intent;
    if (intent.isPinned || this.isTyping()) return;
    if (!down) {
      intent.pointerAt(null);
      return;
    }
    if (this.pointerNow.x < 0) return;
    this.lastPointer = this.pointerNow;
    this.pointAt(this.pointerNow);
  }

  private onPointerDown(event: PointerEvent): void {
    const { intent, popover } = this.options;
    if (popover.shown() !== 'pinned' || popover.contains(event.target)) return;
    // A click outside a pinned popover closes it; the click itself goes on to the page.
    intent.reset();
  }

  private onClick(event: MouseEvent): void {
    const popover = this.options.popover;
    if (popover.contains(event.target)) {
      // Using the popover (a button, a link) pins it so it does not vanish under the pointer.
      if (popover.shown() === 'hover') popover.pinShown();
      return;
    }
    if (event.button !== 0 || this.isSelecting()) return;
    if ((event.target as Element | null)?.closest?.(CLICKABLE)) return;
    const mention = popover.mentionAt(event.clientX, event.clientY);
    if (mention) popover.pinAt(mention, event.clientX, event.clientY);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const { intent, popover, trigger } = this.options;
    if (trigger === 'hover-with-key' && event.key === 'Shift' && !event.repeat) {
      this.onHoverKey(event, true);
      return;
    }
    if (event.key === 'Escape' && popover.shown() !== 'none') {
      const hadFocus = popover.shown() === 'pinned';
      intent.reset();
      if (hadFocus) event.stopPropagation();
      return;
    }
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      if (event.key !== NEXT_KEY && event.key !== PREVIOUS_KEY) return;
      if (this.isTyping(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      popover.step(event.key === NEXT_KEY ? 1 : -1);
      return;
    }
    if (event.key === 'Tab' && popover.shown() === 'pinned' && popover.contains(event.target)) {
      if (popover.cycleFocus(event.shiftKey)) event.preventDefault();
    }
  }

  private isSelecting(): boolean {
    return hasTextSelection(this.options.doc);
  }

  /** Focus is in a field or editable region of the page (not the popover's own). */
  private isTyping(target: EventTarget | null = this.options.doc.activeElement): boolean {
    return !this.options.popover.contains(target) && isTypingTarget(target);
  }
}

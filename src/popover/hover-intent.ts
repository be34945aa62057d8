/**
 * When to show and hide the popover for pointer hovering, as a small state machine with injected
 * timers so it can be tested without a page.
 *
 * - Resting on a mention for `showDelay` ms shows it; merely passing over text shows nothing.
 * - Leaving the mention and the popover hides it after `hideDelay` ms; coming back in time keeps it,
 *   so the pointer can travel from the mention into the popover.
 * - A pinned popover ignores hovering altogether.
 */
export interface HoverIntentOptions<T> {
  showDelay: number;
  hideDelay: number;
  show(target: T): void;
  hide(): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class HoverIntent<T> {
  private candidate: T | null = null;
  private shown: T | null = null;
  private overPopover = false;
  private pinned = false;
  private showTimer: unknown = null;
  private hideTimer: unknown = null;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get current(): T | null {
    return this.shown;
  }

  /** The pointer is now over `target` (a mention), or over no mention (null). */
  pointerAt(target: T | null): void {
    if (this.pinned) return;
    if (target !== null && target === this.shown) {
      this.cancelHide();
      this.cancelShow();
      this.candidate = null;
      return;
    }
    if (target !== this.candidate) {
      this.cancelShow();
      this.candidate = target;
      if (target !== null) {
        this.showTimer = this.setTimer(() => {
          this.showTimer = null;
          this.candidate = null;
          this.cancelHide();
          this.shown = target;
          this.options.show(target);
        }, this.options.showDelay);
      }
    }
    if (this.shown !== null && !this.overPopover) this.scheduleHide();
  }

  /** The pointer entered or left the popover itself. */
  pointerInPopover(inside: boolean): void {
    this.overPopover = inside;
    if (this.pinned || this.shown === null) return;
    if (inside) this.cancelHide();
    else this.scheduleHide();
  }

  /** A click or keyboard opened the popover for `target` and keeps it until closed. */
  pin(target: T): void {
    this.cancelShow();
    this.cancelHide();
    this.candidate = null;
    this.pinned = true;
    this.shown = target;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** Hides now (Escape, close button, click outside, typing, selecting, scrolling away). */
  reset(): void {
    this.cancelShow();
    this.cancelHide();
    this.candidate = null;
    this.pinned = false;
    this.overPopover = false;
    if (this.shown !== null) {
      this.shown = null;
      this.options.hide();
    }
  }

  private scheduleHide(): void {
    if (this.hideTimer !== null) return;
    this.hideTimer = this.setTimer(() => {
      this.hideTimer = null;
      if (this.pinned || this.overPopover) return;
      this.shown = null;
      this.options.hide();
    }, this.options.hideDelay);
  }

  private cancelShow(): void {
    if (this.showTimer !== null) this.clearTimer(this.showTimer);
    this.showTimer = null;
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) this.clearTimer(this.hideTimer);
    this.hideTimer = null;
  }
}

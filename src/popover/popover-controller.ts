/**
 * What the popover shows and when: which mention it explains, whether it is pinned, where focus goes
 * and comes back. The reader's input is read by `ReaderInput`; the popover itself (the card, its
 * placement, its buttons) is a `PopoverSurface` loaded the first time it is needed — as soon as the
 * pointer settles on a mention, so that it is there when the hover delay has passed. This part runs
 * in every frame.
 */

import { mentionAtPoint, mentionRange } from '../page-scanning/mention-at-point';
import type { MentionStore } from '../page-scanning/mention-store';
import type { Mention } from '../page-scanning/text-scan';
import { HoverIntent } from './hover-intent';
import { LazySurface } from './lazy-surface';
import type { PopoverSurface, SurfaceView } from './popover-contract';
import { type InputTarget, type PopoverTrigger, ReaderInput } from './reader-input';
import { wrapIndex } from './wrap-index';

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
  /** Whether an event comes from the reader (see ReaderInputOptions.isTrusted); tests say yes. */
  isTrusted?(event: Event): boolean;
}

interface OpenState {
  mention: Mention;
  entryId: string;
  pinned: boolean;
  pointer?: { x: number; y: number };
}

export class PopoverController {
  private readonly intent: HoverIntent<Mention>;
  private readonly input: ReaderInput;
  private readonly surface: LazySurface;
  private state: OpenState | null = null;
  /** The pointer where a popover is about to open, to pick the right line of a wrapped mention. */
  private pendingPointer: { x: number; y: number } | undefined;
  /** Where focus was before a pinned popover took it; Escape gives it back. */
  private returnFocus: Element | null = null;

  constructor(private readonly options: PopoverControllerOptions) {
    this.intent = new HoverIntent<Mention>({
      showDelay: options.showDelay ?? 300,
      hideDelay: options.hideDelay ?? 300,
      show: (mention) => this.open(mention, false),
      hide: () => this.close(),
    });
    this.surface = new LazySurface(() =>
      options.loadSurface({
        onClose: () => this.intent.reset(),
        onRelated: (id) => this.showEntry(id),
        onStep: (direction) => this.stepWithinEntry(direction),
      }),
    );
    this.input = new ReaderInput({
      doc: options.doc,
      intent: this.intent,
      popover: this.inputTarget(),
      trigger: options.trigger ?? 'hover',
      isTrusted: options.isTrusted ?? ((event) => event.isTrusted),
    });
  }

  start(): void {
    this.input.start();
  }

  /** Removes every listener and the popover (Glossa switched off for the site). */
  stop(): void {
    this.input.stop();
    this.intent.reset();
    this.surface.destroy();
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

  /** The popover as the reader's input acts on it. */
  private inputTarget(): InputTarget {
    const { doc, mentions, shadowRoots } = this.options;
    return {
      contains: (target) => this.contains(target),
      mentionAt: (x, y) => mentionAtPoint(doc, mentions, x, y, shadowRoots()),
      pointTo: (mention, x, y) => {
        if (mention && this.state?.mention !== mention) {
          this.pendingPointer = { x, y };
          void this.surface.get().then((surface) => surface?.prefetch(mention.entryId));
        }
        this.intent.pointerAt(mention);
      },
      shown: () => (this.state === null ? 'none' : this.state.pinned ? 'pinned' : 'hover'),
      pinShown: () => {
        if (!this.state) return;
        this.intent.pin(this.state.mention);
        this.state = { ...this.state, pinned: true };
        this.render(false);
      },
      pinAt: (mention, x, y) => {
        this.pendingPointer = { x, y };
        this.intent.pin(mention);
        this.open(mention, true);
      },
      step: (direction) => this.step(direction),
      cycleFocus: (backwards) => this.cycleFocus(backwards),
      followFullscreen: () => this.surface.current?.followFullscreen(),
    };
  }

  private contains(target: EventTarget | null): boolean {
    return this.surface.current?.contains(target) ?? false;
  }

  /** Tab and Shift+Tab cycle through the pinned popover's controls. */
  private cycleFocus(backwards: boolean): boolean {
    const surface = this.surface.current;
    const controls = surface?.focusables() ?? [];
    if (controls.length === 0) return false;
    const active = surface?.activeElement() ?? null;
    const index = active ? controls.indexOf(active as HTMLElement) : -1;
    controls[wrapIndex(index, backwards ? -1 : 1, controls.length)]?.focus();
    return true;
  }

  private open(mention: Mention, pinned: boolean): void {
    if (pinned && !this.state?.pinned) {
      const active = this.options.doc.activeElement;
      this.returnFocus = active && !this.contains(active) ? active : null;
    }
    this.state = { mention, entryId: mention.entryId, pinned, pointer: this.pendingPointer };
    this.pendingPointer = undefined;
    this.render(true);
  }

  private close(): void {
    const wasPinned = this.state?.pinned ?? false;
    this.state = null;
    this.options.setActive(null);
    this.surface.current?.hide();
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
    const loading = this.surface.get();
    // At hand (loaded before, or made at once): shown in this task; else once it has loaded.
    const surface = this.surface.current;
    if (!surface) {
      void loading.then((loaded) => {
        if (this.state !== state) return;
        // Not loaded: nothing is shown, so nothing is held open; the next hover or click loads again.
        if (loaded) this.render(place);
        else this.intent.reset();
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
        console.debug('[Glossa] nothing to show for', state.entryId);
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
}

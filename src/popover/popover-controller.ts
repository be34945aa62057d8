/**
 * Connects the reader's pointer and keyboard to the popover: hover intent, click to pin, Escape,
 * keyboard navigation between mentions, and the popover's own buttons.
 */
import { h } from 'preact';
import type { GlossaryEntry, Source } from '../glossary';
import { type Mention, type MentionStore, mentionAtPoint, mentionRange } from '../page-scanning';
import { formatCitation } from './citation';
import { HoverIntent } from './hover-intent';
import { PopoverCard } from './popover-card';
import { PopoverHost } from './popover-host';
import { strings } from './strings';
import { pageTheme, type Theme } from './theme';

export interface PopoverControllerOptions {
  doc: Document;
  mentions: MentionStore;
  entry(id: string): GlossaryEntry | undefined;
  sourceOf(entry: GlossaryEntry): Source;
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
  /** 'page' follows the page's own background; 'light' and 'dark' are the reader's choice. */
  theme?: 'page' | Theme;
  /** True for an abbreviation the page defines itself (not from a glossary). */
  isPageTerm?(entryId: string): boolean;
  /** The page's own definition of a glossary term, if it has one. */
  alsoDefined?(entryId: string): { long: string; sentence: string } | undefined;
  /** Saves a page term to the reader's glossary; resolves false if it could not. */
  save?(entry: GlossaryEntry): Promise<boolean>;
}

export type PopoverTrigger = 'hover' | 'hover-with-key' | 'click';

interface OpenState {
  mention: Mention;
  entryId: string;
  pinned: boolean;
  theme: Theme;
  status: string;
  pointer?: { x: number; y: number };
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'image',
  'reset',
  'submit',
]);

/** Keys that move between mentions: Alt+Shift+↓ / ↑, ignored while typing in a field. */
const NEXT_KEY = 'ArrowDown';
const PREVIOUS_KEY = 'ArrowUp';

export class PopoverController {
  private readonly host: PopoverHost;
  private readonly intent: HoverIntent<Mention>;
  private state: OpenState | null = null;
  private lastPointer = { x: -1, y: -1 };
  private pendingFrame = 0;
  /** The pointer where a popover is about to open, to pick the right line of a wrapped mention. */
  private pendingPointer: { x: number; y: number } | undefined;
  /** Where focus was before a pinned popover took it; Escape gives it back. */
  private returnFocus: Element | null = null;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];
  private shiftHeld = false;
  /** Where the pointer is, even when a move was not hit-tested (Shift not held). */
  private pointerNow = { x: -1, y: -1 };

  constructor(private readonly options: PopoverControllerOptions) {
    this.host = new PopoverHost(options.doc);
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
    this.listen(doc, 'fullscreenchange', () => this.host.followFullscreen(), {});
    this.listen(win, 'blur', () => this.intent.pointerAt(null), {});
    if (this.options.trigger === 'hover-with-key') {
      // Pressing Shift with the pointer already resting on a mention opens it, without a move.
      this.listen(doc, 'keyup', (event) => this.onHoverKey(event as KeyboardEvent, false), {});
    }
  }

  /** Removes every listener and the popover (Glossa switched off for the site). */
  stop(): void {
    for (const [target, type, listener, options] of this.listeners) {
      target.removeEventListener(type, listener, options);
    }
    this.listeners.length = 0;
    cancelAnimationFrame(this.pendingFrame);
    this.intent.reset();
    this.host.destroy();
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
    if (all.length === 0) return;
    const current = this.state ? all.indexOf(this.state.mention) : -1;
    const next =
      current < 0 ? (direction > 0 ? 0 : all.length - 1) : (current + direction + all.length) % all.length;
    const mention = all[next];
    if (mention) this.openPinned(mention);
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
    target.addEventListener(type, safe, options);
    this.listeners.push([target, type, safe, options]);
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.shiftHeld = event.shiftKey;
    this.pointerNow = { x: event.clientX, y: event.clientY };
    if (this.options.trigger === 'click') {
      this.intent.pointerInPopover(this.host.contains(event.target));
      return;
    }
    if (this.host.contains(event.target)) {
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
      const mention = mentionAtPoint(
        this.options.doc,
        this.options.mentions,
        x,
        y,
        this.options.shadowRoots(),
      );
      if (mention && (!this.state || this.state.mention !== mention)) this.pendingPointer = { x, y };
      this.intent.pointerAt(mention);
    });
  }

  /** Shift pressed or released while the pointer rests: look again under it (trigger 'hover-with-key'). */
  private onHoverKey(event: KeyboardEvent, down: boolean): void {
    if (event.key !== 'Shift' || this.shiftHeld === down) return;
    this.shiftHeld = down;
    if (this.intent.isPinned || this.isTyping()) return;
    if (!down) {
      this.intent.pointerAt(null);
      return;
    }
    const { x, y } = this.pointerNow;
    if (x < 0) return;
    this.lastPointer = { x, y };
    const mention = mentionAtPoint(this.options.doc, this.options.mentions, x, y, this.options.shadowRoots());
    if (mention) this.pendingPointer = { x, y };
    this.intent.pointerAt(mention);
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.state?.pinned) return;
    if (this.host.contains(event.target)) return;
    // A click outside a pinned popover closes it; the click itself goes on to the page.
    this.intent.reset();
  }

  private onClick(event: MouseEvent): void {
    if (this.host.contains(event.target)) {
      // Using the popover (a button, a link) pins it so it does not vanish under the pointer.
      if (this.state && !this.state.pinned) {
        this.intent.pin(this.state.mention);
        this.state = { ...this.state, pinned: true };
        this.render();
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
    const mention = mentionAtPoint(
      this.options.doc,
      this.options.mentions,
      event.clientX,
      event.clientY,
      this.options.shadowRoots(),
    );
    if (!mention) return;
    this.pendingPointer = { x: event.clientX, y: event.clientY };
    this.intent.pin(mention);
    this.open(mention, true);
  }

  private onKeyDown(event: KeyboardEvent): void {
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
    if (event.key === 'Tab' && this.state?.pinned && this.host.contains(event.target)) {
      this.keepTabInside(event);
    }
  }

  /** Tab and Shift+Tab cycle through the pinned popover's controls. */
  private keepTabInside(event: KeyboardEvent): void {
    const controls = this.host.focusables();
    if (controls.length === 0) return;
    const active = this.host.activeElement();
    const index = active ? controls.indexOf(active as HTMLElement) : -1;
    const next = event.shiftKey
      ? index <= 0
        ? controls.length - 1
        : index - 1
      : index < 0 || index === controls.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    controls[next]?.focus();
  }

  private open(mention: Mention, pinned: boolean): void {
    const entry = this.options.entry(mention.entryId);
    if (!entry) return;
    if (pinned && !this.state?.pinned) {
      const active = this.options.doc.activeElement;
      this.returnFocus = active && !this.host.contains(active) ? active : null;
    }
    const chosen = this.options.theme ?? 'page';
    const theme = chosen === 'page' ? pageTheme(mention.startNode.parentElement) : chosen;
    this.state = { mention, entryId: entry.id, pinned, theme, status: '', pointer: this.pendingPointer };
    this.pendingPointer = undefined;
    this.options.setActive(mention);
    this.host.show(this.view(), { range: mentionRange(mention), pointer: this.state.pointer });
    if (pinned) this.host.focusCard();
  }

  private close(): void {
    const wasPinned = this.state?.pinned ?? false;
    this.state = null;
    this.options.setActive(null);
    this.host.hide();
    if (wasPinned && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) {
      this.returnFocus.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  private render(): void {
    this.host.update(this.view());
  }

  private view() {
    const state = this.state;
    if (!state) return null;
    const { entry: lookup, sourceOf } = this.options;
    const entry = lookup(state.entryId);
    if (!entry) return null;
    const ofEntry = this.mentionsOf(entry.id);
    const fromPage = this.options.isPageTerm?.(entry.id) ?? false;
    const save = this.options.save;
    return h(PopoverCard, {
      origin: fromPage ? 'page' : 'glossary',
      alsoDefined: fromPage ? undefined : this.options.alsoDefined?.(entry.id),
      onSave: fromPage && save ? () => void this.saveEntry(entry, save) : undefined,
      entry,
      source: sourceOf(entry),
      related: entry.related.map(lookup).filter((e): e is GlossaryEntry => e !== undefined),
      mentionCount: ofEntry.length,
      mentionIndex: ofEntry.indexOf(state.mention) + 1,
      pinned: state.pinned,
      theme: state.theme,
      status: state.status,
      onClose: () => this.intent.reset(),
      onRelated: (id) => this.showEntry(id),
      onStep: (direction) => this.stepWithinEntry(direction),
      onCopy: () => void this.copyCitation(),
    });
  }

  private mentionsOf(entryId: string): Mention[] {
    return this.options.mentions.list().filter((mention) => mention.entryId === entryId);
  }

  /** Related term chosen: the popover explains that entry, still anchored where it is. */
  private showEntry(entryId: string): void {
    if (!this.state) return;
    this.state = { ...this.state, entryId, pinned: true, status: '' };
    this.intent.pin(this.state.mention);
    this.render();
  }

  /** Previous/next mention of the entry shown: scroll there, flash it, and move the popover along. */
  private stepWithinEntry(direction: 1 | -1): void {
    if (!this.state) return;
    const ofEntry = this.mentionsOf(this.state.entryId);
    if (ofEntry.length === 0) return;
    const at = ofEntry.indexOf(this.state.mention);
    const next = at < 0 ? 0 : (at + direction + ofEntry.length) % ofEntry.length;
    const mention = ofEntry[next];
    if (!mention) return;
    const entryId = this.state.entryId;
    this.reveal(mention);
    this.intent.pin(mention);
    this.state = { ...this.state, mention, entryId, pinned: true, status: '' };
    this.options.setActive(mention);
    this.host.show(this.view(), { range: mentionRange(mention) });
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

  private async saveEntry(entry: GlossaryEntry, save: (entry: GlossaryEntry) => Promise<boolean>) {
    const state = this.state;
    let status: string = strings.savedToGlossary;
    try {
      if (!(await save(entry))) status = strings.saveFailed;
    } catch {
      status = strings.saveFailed;
    }
    if (this.state === state && state) {
      this.state = { ...state, status };
      this.render();
    }
  }

  private async copyCitation(): Promise<void> {
    const state = this.state;
    const entry = state && this.options.entry(state.entryId);
    const quote = entry?.quotes[0];
    if (!state || !entry || !quote) return;
    let status: string = strings.copied;
    try {
      await navigator.clipboard.writeText(formatCitation(quote, this.options.sourceOf(entry)));
    } catch {
      status = strings.copyFailed;
    }
    if (this.state === state) {
      this.state = { ...state, status };
      this.render();
    }
  }

  private isSelecting(): boolean {
    const selection = this.options.doc.getSelection();
    return selection !== null && !selection.isCollapsed && selection.toString().trim().length > 0;
  }

  /** Focus is in a field or editable region: the reader is typing, not reading. */
  private isTyping(target: EventTarget | null = this.options.doc.activeElement): boolean {
    const element = target as HTMLElement | null;
    if (!element || element === this.host.element) return false;
    if (element.isContentEditable) return true;
    const tag = element.localName;
    if (tag === 'textarea' || tag === 'select') return true;
    return tag === 'input' && !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  }
}

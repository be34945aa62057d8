/**
 * What the page side of Glossa (in every frame) and the popover's code (loaded into a frame the first
 * time it shows a popover) say to each other. Types and one key; nothing here runs.
 *
 * The popover's script, injected by the background into the content script's isolated world, puts a
 * `PopoverModule` on that world's global object under `POPOVER_MODULE`: the page's own scripts live in
 * another world and never see it.
 */
import type { Quote, Source } from '../glossary/model';

export const POPOVER_MODULE = Symbol.for('glossa.popover');

/** An entry as the popover shows it. */
/** How "Save to my glossary" ended: saved, refused by the browser's storage (full), or not saved. */
export type SaveOutcome = 'saved' | 'refused' | 'failed';

export interface ShownEntry {
  id: string;
  term: string;
  expansion?: string;
  category: string;
  explanation: string;
  quotes: Quote[];
  related: string[];
  source: Source;
}

/** An entry by id; sync where it is at hand, a promise where it is read from storage. */
export type EntryLookup = (id: string) => ShownEntry | undefined | Promise<ShownEntry | undefined>;

/** What to show, and where. */
export interface SurfaceView {
  entryId: string;
  /** The mention, as a live Range (made when the popover opens, dropped when it closes). */
  anchor: Range;
  /** The element the mention stands in: the popover's theme may follow its background. */
  near: Element | null;
  /** Pointer position, to pick the right line of a mention that wraps. */
  pointer?: { x: number; y: number };
  pinned: boolean;
  /** Mentions of the entry on the page, and which one this is (1-based; 0: none). */
  mentionCount: number;
  mentionIndex: number;
}

export interface SurfaceOptions {
  doc: Document;
  /** 'page' follows the page's own background. */
  theme: 'page' | 'light' | 'dark';
  /** Entries of the reader's glossaries. */
  glossaryEntry: EntryLookup;
  /** Terms the page defines itself (they are saved with "Save to my glossary"). */
  pageEntry(id: string): ShownEntry | undefined;
  /** The page's own definition of a glossary term. */
  alsoDefined(id: string): { long: string; sentence: string } | undefined;
  /** Saves a term the page defines to My glossary. */
  save?(entryId: string): Promise<SaveOutcome>;
  onClose(): void;
  onRelated(entryId: string): void;
  onStep(direction: 1 | -1): void;
}

export interface PopoverSurface {
  /**
   * Shows `view`; `place` moves the popover to its anchor (otherwise it re-renders where it is).
   * Returns (or resolves to) false when the entry is unknown: nothing is shown then.
   */
  show(view: SurfaceView, place: boolean): boolean | Promise<boolean>;
  /**
   * Reads an entry (and its related entries) ahead of showing it, while the hover delay runs, so
   * that `show` finds it at hand and draws in one task.
   */
  prefetch(entryId: string): void;
  hide(): void;
  /** True for the popover's host (events from inside the closed shadow root retarget to it). */
  contains(target: EventTarget | null): boolean;
  focusCard(): void;
  /** The focusable controls of the card, for keeping Tab inside a pinned popover. */
  focusables(): HTMLElement[];
  activeElement(): Element | null;
  /** The page entered or left fullscreen: an open popover stays visible and reachable over it. */
  followFullscreen(): void;
  destroy(): void;
}

export interface PopoverModule {
  createSurface(options: SurfaceOptions): PopoverSurface;
  /**
   * The reader's glossary entries, read from the prepared glossary's shards in storage: `locate`
   * tells where an entry id stands in the snapshot the page holds.
   */
  snapshotEntries(locate: (id: string) => { number: number; indexStamp: string } | undefined): EntryLookup;
}

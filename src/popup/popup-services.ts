/**
 * What the popup needs from the browser, as an interface: the real one talks to the current tab and
 * storage (extension-popup-services.ts); tests pass a fake.
 */
import type { GlossaryEntry } from '../glossary';
import type { FrameTermCount, PageInfo } from '../messaging';
import type { Settings } from '../settings';

export interface PopupServices {
  /** The current tab's site and state, or null where no content script runs (browser pages). */
  pageInfo(): Promise<PageInfo | null>;
  /** The terms every frame of the current tab mentions. */
  pageTerms(): Promise<FrameTermCount[]>;
  /** Scrolls the page to a term's first mention and opens its popover. */
  revealTerm(term: FrameTermCount): Promise<boolean>;
  loadSettings(): Promise<Settings>;
  /** Switches Glossa for a host; resolves with the patterns removed from the list, or an error. */
  setSiteEnabled(host: string, enabled: boolean): Promise<{ removed: string[] } | { error: string }>;
  setPaused(paused: boolean): Promise<{ error?: string }>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  copyText(text: string): Promise<void>;
  /** The current tab's selected text, title and address (empty where the page cannot be asked). */
  pageSelection(): Promise<{ text: string; title: string; url: string }>;
  /** Adds an entry to My glossary; resolves with what happened. */
  saveEntry(entry: GlossaryEntry): Promise<{ ok: true; message: string } | { ok: false; errors: string[] }>;
  openOptions(): void;
  /** The address of the PDF the current tab shows in the browser's own viewer, or null. */
  pdfInTab(): Promise<string | null>;
  /** Shows the current tab's PDF in Glossa's reader instead. */
  openInReader(url: string): Promise<void>;
  /** Closes the popup (after sending the reader to the page). */
  close(): void;
}

/**
 * Glossa in one frame, from start to stop: reads the prepared glossary, decides whether to run on this
 * site, starts a `PageSession`, and follows changes (a new snapshot of glossary or settings) by
 * starting afresh — but never from under a pinned popover, and never for a change that does not
 * concern this page.
 *
 * Whether a frame starts at all is decided before (frame-boot.ts).
 */

import type { LibraryEntry } from '../glossary/library';
import type { Source } from '../glossary/model';
import type { PageSnapshot } from '../glossary-snapshot/snapshot-model';
import { type Matcher, MatchIndex } from '../matching/match-index';
import type { TermCount } from '../messaging/protocol';
import type { PopoverModule, SaveOutcome } from '../popover/popover-contract';
import type { Settings } from '../settings/model';
import { siteHostOf } from '../settings/page-site';
import { isEnabledFor } from '../settings/site-rules';
import type { FrameReport } from './frame-reporter';
import { FrameReporter } from './frame-reporter';
import { PageSession } from './page-session';

export interface ContentSessionOptions {
  win: Window;
  doc: Document;
  /** The prepared glossary from storage; null when missing or unreadable. */
  readSnapshot(): Promise<PageSnapshot | null>;
  /** Asks the background to build the snapshot; resolves when it is done. */
  requestSnapshot(): Promise<void>;
  sendReport(report: FrameReport): Promise<unknown>;
  loadPopover(): Promise<PopoverModule | null>;
  save(entry: LibraryEntry): Promise<SaveOutcome>;
  /** How long a pinned popover may hold off a restart before it is asked again. */
  retryMs?: number;
  /** When the script started (`performance.now()`). */
  scriptStart?: number;
  /**
   * A document shown by an extension page (Glossa's PDF reader): the site whose switch it follows, and
   * the document as the source of the terms it defines. A page's own address otherwise.
   */
  document?: {
    host: string;
    source: Source;
    /** Where the document is shown on the page (the rest is the reader's own interface). */
    root?: Element;
    /** The whole document's terms (a PDF's pages not rendered too), for the popup; null: not yet. */
    termCounts?(): TermCount[] | null;
  };
}

/** A slice of learning a document's text again after a restart; well under a long task. */
const RELEARN_SLICE_MS = 8;

export class ContentSession {
  readonly host: string;
  private snapshot: PageSnapshot | null = null;
  private index: MatchIndex | null = null;
  private session: PageSession | null = null;
  private readonly reporter: FrameReporter;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** Bumped by every reading of the snapshot: an older one that finishes late is dropped. */
  private generation = 0;
  /** Text of the document not (yet) on the page, read for its definitions; kept for every session. */
  private readonly documentTexts: { text: string; source: Source }[] = [];

  constructor(private readonly options: ContentSessionOptions) {
    this.host = options.document?.host ?? siteHostOf(options.win);
    const top = options.win === options.win.top;
    this.reporter = new FrameReporter(top, options.sendReport);
  }

  /** Reads the prepared glossary and starts (or not, on a site where Glossa is off). */
  start(): Promise<void> {
    return this.load();
  }

  /** Whether Glossa runs here now. */
  get enabled(): boolean {
    return this.snapshot !== null && isEnabledFor(this.snapshot.settings, this.host);
  }

  /** The current settings, once read. */
  get settings(): Settings | null {
    return this.snapshot?.settings ?? null;
  }

  /** The snapshot changed (the background says so): read it again and follow. */
  snapshotChanged(stamp: string): void {
    if (this.stopped || stamp === this.snapshot?.stamp) return;
    void this.load().catch((error) => console.debug('[Glossa]', error));
  }

  reveal(entryId: string): boolean {
    return this.session?.reveal(entryId) ?? false;
  }

  /**
   * Text of the document that is not on the page (a PDF's pages not rendered yet), read for the terms
   * it defines, so that a term defined on page 2 is explained on page 40. True if it taught a term.
   */
  learnDocumentText(text: string, source: Source): boolean {
    this.documentTexts.push({ text, source });
    return this.session?.learnDefinitions(text, source) ?? false;
  }

  /** Scans the page again (after `learnDocumentText` taught terms, once for many pages). */
  rescan(): void {
    this.session?.rescan();
  }

  /** The terms the page defines (and the document text taught), as entries. */
  pageTerms(): LibraryEntry[] {
    return this.session?.pageTerms() ?? [];
  }

  /** What a document's text is matched with while Glossa runs here: the glossary's, the page's terms. */
  matchers(): Matcher[] {
    if (!this.session || !this.index) return [];
    const pageTerms = this.session.pageTermMatcher;
    return pageTerms ? [this.index, pageTerms] : [this.index];
  }

  /** Tells the background the terms again (a document counted more of its text). */
  reportTerms(): void {
    this.report();
  }

  /** Stops for good (the extension was updated or removed). */
  stop(): void {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.restartTimer);
    this.session?.stop();
    this.session = null;
  }

  private async load(): Promise<void> {
    const mine = ++this.generation;
    let next = await this.options.readSnapshot();
    if (!next) {
      // Missing or unreadable: the background builds it; the page stays as it is meanwhile.
      await this.options.requestSnapshot().catch(() => {});
      next = await this.options.readSnapshot();
    }
    if (mine !== this.generation || this.stopped || !next) return;
    const before = this.snapshot;
    this.snapshot = next;
    if (!before || before.indexStamp !== next.indexStamp) this.index = new MatchIndex(next.index);
    const enabledBefore = before !== null && isEnabledFor(before.settings, this.host);
    const enabledNow = isEnabledFor(next.settings, this.host);
    if (!enabledNow) {
      // Switching off is immediate, popover or not.
      this.stopSession();
      this.report();
      return;
    }
    if (
      before &&
      enabledBefore &&
      before.indexStamp === next.indexStamp &&
      !changesSession(before.settings, next.settings)
    ) {
      // Another site added to the list, or a setting this page does not use: nothing to redo.
      return;
    }
    this.restart();
  }

  /** Starts a new session with the current snapshot, waiting while a popover is pinned. */
  private restart(): void {
    clearTimeout(this.restartTimer);
    if (this.session?.popoverPinned) {
      this.restartTimer = setTimeout(() => this.restart(), this.options.retryMs ?? 500);
      return;
    }
    this.stopSession();
    const snapshot = this.snapshot;
    const index = this.index;
    if (!snapshot || !index || !isEnabledFor(snapshot.settings, this.host)) return;
    const session = new PageSession({
      doc: this.options.doc,
      index,
      indexStamp: snapshot.indexStamp,
      settings: snapshot.settings,
      onTermsChanged: () => this.report(),
      loadPopover: this.options.loadPopover,
      save: this.options.save,
      scriptStart: this.options.scriptStart,
      ...(this.options.document ? { source: this.options.document.source } : {}),
      ...(this.options.document?.root ? { root: this.options.document.root } : {}),
    });
    this.session = session;
    if (this.documentTexts.length) this.relearn(session);
    void session.start().then(() => {
      if (this.session === session) this.report();
    });
  }

  /**
   * A new session learns again what the document's text defines, a slice at a time (a long report's
   * text is megabytes), and scans again once it has.
   */
  private relearn(session: PageSession): void {
    let next = 0;
    let taught = false;
    const slice = () => {
      if (this.session !== session) return;
      const start = performance.now();
      while (next < this.documentTexts.length && performance.now() - start < RELEARN_SLICE_MS) {
        const { text, source } = this.documentTexts[next++] as { text: string; source: Source };
        taught = session.learnDefinitions(text, source) || taught;
      }
      if (next < this.documentTexts.length) setTimeout(slice, 0);
      else if (taught) session.rescan();
    };
    slice();
  }

  private stopSession(): void {
    this.session?.stop();
    this.session = null;
  }

  private report(): void {
    const terms: TermCount[] = this.session
      ? (this.options.document?.termCounts?.() ?? this.session.termCounts())
      : [];
    this.reporter.report({ enabled: this.enabled, terms });
  }
}

/** Whether new settings change what Glossa does on a page where it stays on. */
export function changesSession(before: Settings, after: Settings): boolean {
  const siteFields = new Set<string>(['paused', 'siteMode', 'sites']);
  return (Object.keys(after) as (keyof Settings)[]).some(
    (key) => !siteFields.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

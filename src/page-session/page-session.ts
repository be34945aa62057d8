/**
 * Glossa running on one document with one snapshot of the glossary and settings: scanner, marks,
 * the page's own definitions and the popover wired together. A change of settings or glossary stops
 * the session and starts a new one: they are rare, and a fresh session carries no stale state.
 */
import type { LibraryEntry } from '../glossary/library';
import type { Source } from '../glossary/model';
import { HighlightLayer } from '../highlighting/highlight-layer';
import type { Matcher, MatchIndex } from '../matching/match-index';
import { PageDefinitions } from '../page-definitions/page-definitions';
import { PageScanner } from '../page-scanning/page-scanner';
import type { Mention } from '../page-scanning/text-scan';
import type { PopoverModule, PopoverSurface, SaveOutcome } from '../popover/popover-contract';
import { PopoverController, type SurfaceCallbacks } from '../popover/popover-controller';
import type { Settings } from '../settings/model';
import { FirstMentions } from './first-mentions';

export interface PageSessionOptions {
  doc: Document;
  /** The glossary's match index, from the prepared snapshot. */
  index: MatchIndex;
  /** The snapshot's build of entries (the popover reads entries of that build). */
  indexStamp: string;
  settings: Settings;
  /** Called (at most every 300 ms) when the terms the page mentions may have changed. */
  onTermsChanged(): void;
  /** The popover's code, loaded on first use; null if it cannot be loaded. */
  loadPopover(): Promise<PopoverModule | null>;
  /** Saves a term the page defines to the reader's own glossary. */
  save(entry: LibraryEntry): Promise<SaveOutcome>;
  /** When Glossa's script started in this document (`performance.now()`). */
  scriptStart?: number;
  /** The document as the source of its own definitions (the page's title and address otherwise). */
  source?: Source;
  /** The part of the page that shows the document (the whole page otherwise). */
  root?: Element;
}

const REPORT_DELAY_MS = 300;

/** What the reader does that may begin editing a page in design mode (see checkDesignMode). */
const DESIGN_MODE_CUES = ['focusin', 'keydown', 'pointerdown'] as const;

export class PageSession {
  /** Made with the first mention: a page without one never touches the highlight registry. */
  private layer: HighlightLayer | null = null;
  private readonly scanner: PageScanner;
  private readonly popover: PopoverController;
  private readonly definitions: PageDefinitions;
  private readonly shadowRoots: ShadowRoot[] = [];
  /** With "mark only the first mention": the mention of each entry that carries the mark. */
  private readonly firsts: FirstMentions | null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCheck = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private started = false;
  /** Listening for the reader (pointer, keys), from the first mention on. */
  private listening = false;
  private readonly checkDesignMode = () => this.scanner.checkDesignMode();
  private readonly restoreMarks = () => {
    const now = performance.now();
    if (now - this.lastCheck < 1000) return;
    this.lastCheck = now;
    this.layer?.ensureRegistered();
  };

  constructor(private readonly options: PageSessionOptions) {
    const { doc, index, settings } = options;
    // A short form a glossary already knows stays that glossary's ("also defined on this page").
    this.definitions = new PageDefinitions(
      (short) => index.ownerOf(short),
      options.source ?? pageSource(doc),
    );
    this.firsts = settings.markMode === 'first' ? new FirstMentions() : null;
    this.scanner = new PageScanner(doc, {
      matcher: index,
      skipCode: settings.skipCode,
      runReader: this.definitions,
      scriptStart: options.scriptStart,
      ...(options.root ? { root: options.root } : {}),
      added: (mentions) => {
        const layer = this.marks();
        if (this.firsts) this.apply(this.firsts.added(mentions));
        else layer.added(mentions);
        this.scheduleReport();
      },
      removed: (mentions) => {
        if (this.firsts) this.apply(this.firsts.removed(mentions, (id) => this.mentionsOf(id)));
        else this.layer?.removed(mentions);
        this.popover.forget(mentions);
        this.scheduleReport();
      },
      onShadowRoot: (root) => {
        this.shadowRoots.push(root);
        this.layer?.styleShadowRoot(root);
      },
    });
    this.popover = new PopoverController({
      doc,
      mentions: this.scanner.mentions,
      loadSurface: (callbacks) => this.makeSurface(callbacks),
      setActive: (mention) => this.layer?.setActive(mention),
      shadowRoots: () => this.shadowRoots,
      showDelay: settings.hoverDelayMs,
      trigger: settings.trigger,
    });
  }

  /**
   * Starts scanning; resolves when the first scan is done. Marks, and listening for the reader, begin
   * with the first mention: most pages and frames have none, and pay for neither.
   */
  start(): Promise<unknown> {
    this.started = true;
    // No mutation says when a page switches design mode on: look when the reader acts.
    for (const type of DESIGN_MODE_CUES) {
      this.options.doc.addEventListener(type, this.checkDesignMode, { capture: true, passive: true });
    }
    return this.scanner.start().catch((error) => console.debug('[Glossa] scan failed', error));
  }

  /** The highlight layer, made (and the reader's input followed) when the first mention is found. */
  private marks(): HighlightLayer {
    if (!this.layer) {
      this.layer = new HighlightLayer(this.options.settings.highlightStyle, this.options.doc.defaultView);
      for (const root of this.shadowRoots) this.layer.styleShadowRoot(root);
    }
    if (!this.listening && this.started && !this.stopped) {
      this.listening = true;
      this.popover.start();
      // The page shares the highlight registry and may clear it (CSS.highlights.clear()): look again
      // when the reader comes back to the tab or moves the pointer, at most once a second.
      this.options.doc.addEventListener('pointermove', this.restoreMarks, { passive: true });
      this.options.doc.addEventListener('visibilitychange', this.restoreMarks);
    }
    return this.layer;
  }

  /** Mentions per entry, as found now; terms the page defines carry their name. */
  termCounts(): { entryId: string; count: number; term?: string }[] {
    return [...this.scanner.mentions.counts()].map(([entryId, count]) => {
      const pageTerm = this.definitions.entry(entryId);
      return pageTerm ? { entryId, count, term: pageTerm.term } : { entryId, count };
    });
  }

  /** Reads text not on the page for its definitions (see ContentSession.learnDocumentText). */
  learnDefinitions(text: string, source: Source): boolean {
    return this.definitions.learn(text, source);
  }

  /** Scans the whole page again, with what the definitions have learnt since. */
  rescan(): void {
    if (this.stopped) return;
    void this.scanner.setMatcher(this.options.index).catch((error) => console.debug('[Glossa]', error));
  }

  pageTerms(): LibraryEntry[] {
    return this.definitions.list();
  }

  get pageTermMatcher(): Matcher | null {
    return this.definitions.matcher;
  }

  /** Scrolls to the first mention of an entry and opens its popover; false if the page has none. */
  reveal(entryId: string): boolean {
    return this.popover.revealEntry(entryId);
  }

  /** True while a popover is pinned: a restart now would pull it from under the reader. */
  get popoverPinned(): boolean {
    return this.popover.isPinned;
  }

  /** Removes every mark, the popover and every listener: the page is as if Glossa had never run. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.reportTimer);
    this.options.doc.removeEventListener('pointermove', this.restoreMarks);
    this.options.doc.removeEventListener('visibilitychange', this.restoreMarks);
    for (const type of DESIGN_MODE_CUES) {
      this.options.doc.removeEventListener(type, this.checkDesignMode, { capture: true });
    }
    this.popover.stop();
    this.scanner.stop();
    this.layer?.dispose();
  }

  private mentionsOf(entryId: string): readonly Mention[] {
    return this.scanner.mentions.ofEntry(entryId);
  }

  private apply(changes: { mark: Mention[]; unmark: Mention[] }): void {
    const layer = this.marks();
    layer.removed(changes.unmark);
    layer.added(changes.mark);
  }

  private async makeSurface(callbacks: SurfaceCallbacks): Promise<PopoverSurface | null> {
    const module = await this.options.loadPopover();
    if (!module || this.stopped) return null;
    const { index, indexStamp, settings } = this.options;
    return module.createSurface({
      doc: this.options.doc,
      theme:
        settings.theme === 'page' || settings.theme === 'light' || settings.theme === 'dark'
          ? settings.theme
          : 'page',
      glossaryEntry: module.snapshotEntries((id) => {
        const number = index.entryNumber(id);
        return number < 0 ? undefined : { number, indexStamp };
      }),
      pageEntry: (id) => this.definitions.entry(id),
      alsoDefined: (id) => this.definitions.alsoDefined(id),
      save: async (id) => {
        const entry = this.definitions.entry(id);
        return entry ? this.options.save(entry) : 'failed';
      },
      ...callbacks,
    });
  }

  private scheduleReport(): void {
    if (this.reportTimer !== undefined || this.stopped) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      if (!this.stopped) this.options.onTermsChanged();
    }, REPORT_DELAY_MS);
  }
}

/** The page as the source of its own definitions: its title and address (http and https only). */
export function pageSource(doc: Document): Source {
  const location = doc.defaultView?.location;
  const host = location?.hostname ?? '';
  const title = doc.title.trim() || host || 'This page';
  const url = location && /^https?:$/.test(location.protocol) ? location.href : undefined;
  return { title, ...(host ? { publisher: host } : {}), ...(url ? { url } : {}) };
}

/**
 * Glossa running on one document with one set of settings: matcher, scanner, marks and popover wired
 * together. Settings changes stop the session and start a new one: they are rare, and a fresh session
 * cannot carry stale state (an old matcher, marks in a style no longer chosen).
 */
import {
  aliasKey,
  type GlossaryEntry,
  type LibraryEntry,
  type ResolvedLibrary,
  type Source,
  withAliases,
} from '@/src/glossary';
import { HighlightLayer } from '@/src/highlighting';
import {
  type CachedMatcher,
  cachedMatcher,
  compileMatcher,
  type Matcher,
  type MatcherCacheStore,
  STRING_REPRESENTATIONS,
} from '@/src/matching';
import { PageDefinitions, toSavedEntry } from '@/src/page-definitions';
import { type Mention, PageScanner, yieldToPage } from '@/src/page-scanning';
import { PopoverController } from '@/src/popover';
import type { Settings } from '@/src/settings';

export interface PageSessionOptions {
  doc: Document;
  /** The entries of the reader's enabled glossaries, in priority order. */
  library: ResolvedLibrary;
  settings: Settings;
  /** Called (at most every 300 ms) when the terms the page mentions may have changed. */
  onTermsChanged(): void;
  /** Saves a page-defined term to the reader's own glossary. */
  save(entry: GlossaryEntry): Promise<boolean>;
  /** Where the compiled glossary is kept between pages; without one it is compiled every time. */
  matcherCache?: MatcherCacheStore;
}

const REPORT_DELAY_MS = 300;

export class PageSession {
  private readonly layer: HighlightLayer;
  private readonly scanner: PageScanner;
  private readonly popover: PopoverController;
  private readonly definitions: PageDefinitions;
  private readonly shadowRoots: ShadowRoot[] = [];
  /** With "mark only the first mention": the mention of each entry that carries the mark. */
  private readonly marked = new Map<string, Mention>();
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCheck = Number.NEGATIVE_INFINITY;
  private stopped = false;
  private readonly restoreMarks = () => {
    const now = performance.now();
    if (now - this.lastCheck < 1000) return;
    this.lastCheck = now;
    this.layer.ensureRegistered();
  };

  /** Compiles the glossary (its own task), then starts scanning in slices. */
  static async start(options: PageSessionOptions): Promise<PageSession> {
    const { settings, library } = options;
    const matchable = settings.koreanAliases
      ? library.entries
      : withAliases(library.entries, (alias) => alias.lang !== 'ko' && !alias.lang.startsWith('ko-'));
    // Compiling the glossary (or restoring it), and V8 compiling its regexes, are tasks of their own
    // before the scan's slices (together they can pass the 50 ms of a long task on a slow machine).
    // `glossa:start` records their cost, as `glossa:scan` records the scan's.
    const startTime = performance.now();
    let compiled: CachedMatcher;
    if (options.matcherCache) {
      compiled = await cachedMatcher(matchable, options.matcherCache);
    } else {
      const began = performance.now();
      const matcher = compileMatcher(matchable);
      compiled = { matcher, fromCache: false, busyMs: performance.now() - began };
    }
    // One task per string representation: for a glossary of thousands of entries each compile is long.
    let warmUpMs = 0;
    for (const representation of STRING_REPRESENTATIONS) {
      await yieldToPage();
      const warmUpStart = performance.now();
      compiled.matcher.warmUp(representation);
      warmUpMs += performance.now() - warmUpStart;
    }
    performance.measure('glossa:start', {
      start: startTime,
      end: performance.now(),
      detail: {
        compileMs: roundMs(compiled.busyMs),
        warmUpMs: roundMs(warmUpMs),
        busyMs: roundMs(compiled.busyMs + warmUpMs),
        fromCache: compiled.fromCache,
        aliases: compiled.matcher.size,
      },
    });
    await yieldToPage();
    return new PageSession(options, compiled.matcher);
  }

  private constructor(
    private readonly options: PageSessionOptions,
    matcher: Matcher,
  ) {
    const { doc, library, settings } = options;
    // A short form a glossary already knows stays that glossary's ("also defined on this page").
    const owners = new Map<string, string>();
    for (const entry of library.entries) {
      for (const alias of entry.aliases)
        if (!owners.has(aliasKey(alias.text))) owners.set(aliasKey(alias.text), entry.id);
    }
    this.definitions = new PageDefinitions((short) => owners.get(aliasKey(short)), pageSource(doc));
    const entryById = (id: string): LibraryEntry | undefined =>
      library.byId.get(id) ?? this.definitions.entry(id);
    this.layer = new HighlightLayer(settings.highlightStyle);
    const firstOnly = settings.markMode === 'first';
    this.scanner = new PageScanner(doc, {
      matcher,
      skipCode: settings.skipCode,
      learn: (text) => this.definitions.learn(text),
      added: (mentions) => {
        if (firstOnly) this.markFirsts();
        else this.layer.added(mentions);
        this.scheduleReport();
      },
      removed: (mentions) => {
        if (firstOnly) this.markFirsts();
        else this.layer.removed(mentions);
        this.scheduleReport();
      },
      onShadowRoot: (root) => {
        this.shadowRoots.push(root);
        this.layer.styleShadowRoot(root);
      },
    });
    this.popover = new PopoverController({
      doc,
      mentions: this.scanner.mentions,
      entry: entryById,
      sourceOf: (entry) => (entry as LibraryEntry).source,
      isPageTerm: (id) => this.definitions.entry(id) !== undefined,
      alsoDefined: (id) => this.definitions.alsoDefined(id),
      save: (entry) => options.save(toSavedEntry(entry as LibraryEntry, new Date())),
      setActive: (mention) => this.layer.setActive(mention),
      shadowRoots: () => this.shadowRoots,
      showDelay: settings.hoverDelayMs,
      trigger: settings.trigger,
      theme: settings.theme,
    });
    this.popover.start();
    // The page shares the highlight registry and may clear it (CSS.highlights.clear()): look again
    // when the reader comes back to the tab or moves the pointer, at most once a second.
    doc.addEventListener('pointermove', this.restoreMarks, { passive: true });
    doc.addEventListener('visibilitychange', this.restoreMarks);
    void this.scanner.start().catch((error) => console.debug('[Glossa] scan failed', error));
  }

  /** Mentions per entry, as found now; terms the page defines carry their name. */
  termCounts(): { entryId: string; count: number; term?: string }[] {
    return [...this.scanner.mentions.counts()].map(([entryId, count]) => {
      const pageTerm = this.definitions.entry(entryId);
      return pageTerm ? { entryId, count, term: pageTerm.term } : { entryId, count };
    });
  }

  /** Scrolls to the first mention of an entry and opens its popover; false if the page has none. */
  reveal(entryId: string): boolean {
    return this.popover.revealEntry(entryId);
  }

  /** True while a popover is pinned: a restart now would pull it from under the reader. */
  get busy(): boolean {
    return this.popover.isPinned;
  }

  whenIdle(): Promise<void> {
    return this.scanner.whenIdle();
  }

  /** Removes every mark, the popover and every listener: the page is as if Glossa had never run. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.reportTimer);
    this.options.doc.removeEventListener('pointermove', this.restoreMarks);
    this.options.doc.removeEventListener('visibilitychange', this.restoreMarks);
    this.popover.stop();
    this.scanner.stop();
    this.layer.dispose();
  }

  /** "Mark only the first mention": keeps the mark on each entry's first mention in document order. */
  private markFirsts(): void {
    const firsts = new Map<string, Mention>();
    for (const mention of this.scanner.mentions.list()) {
      if (!firsts.has(mention.entryId)) firsts.set(mention.entryId, mention);
    }
    const unmark: Mention[] = [];
    const mark: Mention[] = [];
    for (const [id, mention] of this.marked) if (firsts.get(id) !== mention) unmark.push(mention);
    for (const [id, mention] of firsts) if (this.marked.get(id) !== mention) mark.push(mention);
    this.layer.removed(unmark);
    this.layer.added(mark);
    this.marked.clear();
    for (const [id, mention] of firsts) this.marked.set(id, mention);
  }

  private scheduleReport(): void {
    if (this.reportTimer !== undefined || this.stopped) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      if (!this.stopped) this.options.onTermsChanged();
    }, REPORT_DELAY_MS);
  }
}

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** The page as the source of its own definitions: its title and address (http and https only). */
function pageSource(doc: Document): Source {
  const location = doc.defaultView?.location;
  const host = location?.hostname ?? '';
  const title = doc.title.trim() || host || 'This page';
  const url = location && /^https?:$/.test(location.protocol) ? location.href : undefined;
  return { title, ...(host ? { publisher: host } : {}), ...(url ? { url } : {}) };
}

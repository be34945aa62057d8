/**
 * Glossa on the reader page, as on any page: the same session marks the text layer and opens the same
 * popover. What a PDF adds: the site switch is the PDF's host's, the document's text (every page,
 * rendered or not) is read for its definitions and counted for the popup, and "show on page" first
 * goes to the page of the term's first mention.
 */
import { browser } from 'wxt/browser';
import type { Source } from '../glossary/model';
import { readSnapshot } from '../glossary-snapshot/read-snapshot';
import { SNAPSHOT_KEY } from '../glossary-snapshot/snapshot-model';
import { type Matcher, MatchFlags } from '../matching/match-index';
import { sendFromPage } from '../messaging/page-channel';
import type { TermCount } from '../messaging/protocol';
import { CONTEXT_ENTRIES } from '../page-scanning/mention-store';
import { ContentSession } from '../page-session/content-session';
import { answerPageMessages } from '../page-session/page-messages';
import { saveFromPage } from '../page-session/save-from-page';
import type { PopoverModule } from '../popover/popover-contract';
import { idle, type PageText } from './document-text';

/** Reports to the background at most this often while the document's text is read. */
const REPORT_DELAY_MS = 300;
/** A slice of counting the document's terms; well under a long task's 50 ms. */
const COUNT_SLICE_MS = 8;
/** How long "show on page" waits for the page it went to to be rendered and marked. */
const REVEAL_WAIT_MS = 4_000;

export interface ReaderDocument {
  /** The site whose switch applies: the PDF's host ('' for a local file). */
  host: string;
  title: string;
  /** The PDF's address (http or https), when it has one. */
  url?: string;
}

export interface ReaderGlossa {
  /** A page's text, read in idle time: its definitions are learnt, its terms counted. */
  addPageText(page: PageText): void;
  /** Every page has been read: scan the rendered pages again if the text taught terms. */
  textDone(): void;
  /** Whether Glossa marks this document (the site switch, the pause). */
  readonly enabled: boolean;
  stop(): void;
}

/** The PDF's source, for the terms it defines: its title and address, and the page. */
export function documentSource(doc: ReaderDocument, pageNumber?: number): Source {
  const title = pageNumber ? `${doc.title}, p. ${pageNumber}` : doc.title;
  const url = doc.url && pageNumber ? `${doc.url.split('#')[0]}#page=${pageNumber}` : doc.url;
  return { title, ...(doc.host ? { publisher: doc.host } : {}), ...(url ? { url } : {}) };
}

async function loadPopover(): Promise<PopoverModule | null> {
  const [{ createPopoverSurface }, { snapshotEntries }] = await Promise.all([
    import('../popover/popover-surface'),
    import('../glossary-snapshot/snapshot-entries'),
  ]);
  return { createSurface: createPopoverSurface, snapshotEntries };
}

export function startReaderGlossa(
  win: Window,
  document: ReaderDocument,
  reader: { root: Element; goToPage(pageNumber: number): void; onEnabled(enabled: boolean): void },
): ReaderGlossa {
  const pages: PageText[] = [];
  let counts: Map<string, { count: number; plain: number; firstPage: number }> | null = null;
  let taught = false;
  /** Bumped by each full count: an older one still running gives up. */
  let counting = 0;
  let reporting: ReturnType<typeof setTimeout> | undefined;

  const session = new ContentSession({
    win,
    doc: win.document,
    readSnapshot,
    requestSnapshot: async () => {
      await sendFromPage({ type: 'snapshot-needed' });
    },
    sendReport: (report) => {
      reader.onEnabled(report.enabled);
      return sendFromPage({ type: 'frame-terms', ...report, timeOrigin: performance.timeOrigin });
    },
    loadPopover,
    save: saveFromPage,
    document: {
      host: document.host,
      source: documentSource(document),
      root: reader.root,
      termCounts: () => termCounts(),
    },
  });

  /** The whole document's terms: from its text once read, else what the rendered pages show. */
  const termCounts = (): TermCount[] | null => {
    if (!counts) return null;
    const names = new Map(session.pageTerms().map((entry) => [entry.id, entry.term]));
    // An entry found only through aliases with other meanings counts, as on a page, only where the
    // document names it another way or names other entries (the mention store's rule).
    const named = [...counts.values()].filter((seen) => seen.plain > 0).length;
    return [...counts]
      .filter(([, seen]) => seen.plain > 0 || named >= CONTEXT_ENTRIES)
      .map(([entryId, { count }]) => {
        const term = names.get(entryId);
        return term ? { entryId, count, term } : { entryId, count };
      });
  };
  type Counts = Map<string, { count: number; plain: number; firstPage: number }>;
  const countPage = (into: Counts, page: PageText, matchers: readonly Matcher[]) => {
    for (const matcher of matchers) {
      matcher.scan(page.text, (_start, _end, entryId, flags) => {
        const plain = flags & MatchFlags.Ambiguous ? 0 : 1;
        const seen = into.get(entryId);
        if (seen) {
          seen.count++;
          seen.plain += plain;
        } else into.set(entryId, { count: 1, plain, firstPage: page.pageNumber });
      });
    }
  };
  const reportSoon = () => {
    if (reporting !== undefined) return;
    reporting = setTimeout(() => {
      reporting = undefined;
      session.reportTerms();
    }, REPORT_DELAY_MS);
  };
  /**
   * Counts every page again (the glossary or the document's own terms changed), a slice at a time in
   * idle time: a 500-page report is megabytes of text, and matching it at once would be a long task.
   */
  const recountAll = async () => {
    const mine = ++counting;
    await new Promise((resolve) => setTimeout(resolve, REPORT_DELAY_MS));
    const matchers = session.matchers();
    const next: Counts = new Map();
    let sliceStart = performance.now();
    for (const page of pages) {
      if (performance.now() - sliceStart > COUNT_SLICE_MS) {
        await idle(win);
        if (mine !== counting) return;
        sliceStart = performance.now();
      }
      countPage(next, page, matchers);
    }
    if (mine !== counting) return;
    counts = next;
    reportSoon();
  };

  // "Show on page" for a term on a page not rendered: go there, then show it once its text is marked.
  const reveal = async (entryId: string): Promise<boolean> => {
    if (session.reveal(entryId)) return true;
    const firstPage = counts?.get(entryId)?.firstPage;
    if (!firstPage) return false;
    reader.goToPage(firstPage);
    for (let waited = 0; waited < REVEAL_WAIT_MS; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (session.reveal(entryId)) return true;
    }
    return false;
  };

  const started = session.start().catch((error) => console.debug('[Glossa]', error));
  const stopMessages = answerPageMessages(session, started, win, reveal);
  // The reader page hears of a new snapshot from storage itself (it is an extension page).
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const stamp = (changes[SNAPSHOT_KEY]?.newValue as { stamp?: unknown } | undefined)?.stamp;
    if (area === 'local' && typeof stamp === 'string') {
      session.snapshotChanged(stamp);
      void recountAll();
    }
  };
  browser.storage.onChanged.addListener(onStorage);

  return {
    addPageText(page) {
      pages.push(page);
      if (session.learnDocumentText(page.text, documentSource(document, page.pageNumber))) taught = true;
      // One page is counted as it comes (a few kilobytes); the whole again when the text is all read.
      counts ??= new Map();
      countPage(counts, page, session.matchers());
      reportSoon();
    },
    textDone() {
      if (taught) session.rescan();
      taught = false;
      void recountAll();
    },
    get enabled() {
      return session.enabled;
    },
    stop() {
      counting++;
      clearTimeout(reporting);
      stopMessages();
      browser.storage.onChanged.removeListener(onStorage);
      session.stop();
    },
  };
}

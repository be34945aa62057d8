/**
 * Glossa's performance benchmark: `npm run bench` (builds the extension first). A report, not a test:
 * it asserts nothing and exits 0 whether or not the targets are met. Prints markdown tables and writes
 * them to .reports/bench.md.
 *
 * - Every corpus page (../shared/corpus) and three generated stress pages, loaded in headless Chromium
 *   with the built extension: Glossa's own `glossa:scan` measure (median of LOADS fresh loads), a bare
 *   TreeWalker walk of the same document (the floor), and mark.js 8.11.1 `markRegExp` and `mark(array)`
 *   with the built-in pack's aliases on fresh loads in a browser without the extension.
 * - A page whose script appends 1,000 paragraphs in 100 batches: Glossa's `glossa:rescan` measures.
 * - Walk floors (text-only and element+text TreeWalker walks, cold and warm) without the extension.
 * - A 500-entry glossary, through a page bundle of the matcher and text scan (scanner-bundle.entry.ts;
 *   the extension cannot load user terms yet), and the fixed cost of compiling the matcher.
 * - A matcher micro-benchmark (engines.ts) in Chromium (matcher-bundle.entry.ts) and in Node
 *   (matcher.bench.ts), after the browsers are closed.
 * - The targets, last.
 *
 * Every request that would leave loopback is aborted (tests/e2e/support/browser.ts).
 * Environment: BENCH_LOADS (default 3), BENCH_PAGES=substring,… to run only some pages.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { MatchableEntry } from '../../src/matching';
import { type LaunchedBrowser, launchBrowser } from '../e2e/support/browser';
import type { ChromeGlobal } from '../e2e/support/chrome-api';
import { listCorpus, repoRoot, type StaticServer, startServer } from '../e2e/support/server';
import { ENGINES, type EngineResult } from './engines';
import {
  ENGINE_TIMEOUT_MS,
  GLOSSARIES,
  loadTexts,
  MICRO_PAGES,
  matcherMarkdown,
  runNodeMatcherBench,
} from './matcher.bench';
import type { BenchProbeResult, BenchScanResult } from './scanner-bundle.entry';
import { articlePage, dynamicPage, manyNodesPage } from './stress-pages';
import { aliasCount, builtinAliasTexts, builtinEntries, syntheticEntries } from './terms';
import { escapeRegExp, int, median, ms, ratio, table } from './util';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Fresh loads per page for Glossa's numbers. */
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
/** Bare-walk samples per load. */
const WALK_SAMPLES = 7;
const MARK_ARRAY_TIMEOUT_MS = 30_000;
const SCAN_WAIT_MS = 20_000;
const GOTO_TIMEOUT_MS = 30_000;
/** Pages with more characters than this (as Glossa counts them) make up the target medians. */
const TARGET_MIN_CHARS = 20_000;
const startedAt = performance.now();

const log = (line: string) => {
  const s = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${s} s] ${line}\n`);
};
const sleep = (millis: number) =>
  new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), millis));

// ---------------------------------------------------------------------------------------------------
// In-page measurements (these functions are serialised into the page by Playwright).

interface ScanDetail {
  textNodes: number;
  chars: number;
  mentions: number;
  busyMs: number;
  longestSliceMs?: number;
  slices: number;
  roots: number;
}

interface MeasureEntry {
  startTime: number;
  duration: number;
  detail: ScanDetail;
}

interface LongTask {
  startTime: number;
  duration: number;
}

declare global {
  interface Window {
    __benchLongTasks?: LongTask[];
    __startAppending?: () => Promise<{ added: number; paragraphs: number }>;
    Mark?: new (
      context: Element | Document,
    ) => {
      mark(terms: string[], options: Record<string, unknown>): void;
      markRegExp(regexp: RegExp, options: Record<string, unknown>): void;
    };
  }
}

const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Registered with addInitScript in the extension's browser: the page's long tasks (≥ 50 ms). */
function observeLongTasks(): void {
  const tasks: LongTask[] = [];
  window.__benchLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask not supported: the column shows n/a
  }
}

function readMeasures(name: string): MeasureEntry[] {
  return performance.getEntriesByName(name).map((entry) => ({
    startTime: entry.startTime,
    duration: entry.duration,
    detail: (entry as PerformanceMeasure).detail as ScanDetail,
  }));
}

/**
 * The floor: a TreeWalker over every text node of the document, reading `.data`. The first walk is cold;
 * then `samples` samples, each the mean of enough back-to-back walks to span ~1 ms (performance.now() is
 * coarsened to 0.1 ms in pages that are not cross-origin isolated).
 */
function bareWalk(samples: number): { coldMs: number; ms: number[]; nodes: number; chars: number } {
  const walk = () => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      nodes++;
      chars += (node as Text).data.length;
    }
    return [nodes, chars] as const;
  };
  let t0 = performance.now();
  const [nodes, chars] = walk();
  const coldMs = performance.now() - t0;
  const repeat = Math.min(200, Math.max(1, Math.ceil(1 / Math.max(coldMs, 0.005))));
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    t0 = performance.now();
    for (let r = 0; r < repeat; r++) walk();
    out.push((performance.now() - t0) / repeat);
  }
  return { coldMs, ms: out, nodes, chars };
}

/**
 * What a scanner that must see elements (to skip scripts, styles, form controls) pays before any matching:
 * the bare text walk, and a walk over elements and text reading `localName` / `.data`. Cold = first walk in
 * the page; warm = median of later walks.
 */
function walkVariants(samples: number): Record<string, { coldMs: number; warmMs: number }> {
  const variants: Record<string, () => number> = {
    'SHOW_TEXT, read .data (the bare walk)': () => {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
        chars += (node as Text).data.length;
      return chars;
    },
    'SHOW_ELEMENT + SHOW_TEXT, read .data or .localName': () => {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        chars += node.nodeType === 3 ? (node as Text).data.length : (node as Element).localName.length;
      }
      return chars;
    },
  };
  const out: Record<string, { coldMs: number; warmMs: number }> = {};
  for (const [name, walk] of Object.entries(variants)) {
    let t0 = performance.now();
    walk();
    const coldMs = performance.now() - t0;
    const repeat = Math.min(200, Math.max(1, Math.ceil(1 / Math.max(coldMs, 0.005))));
    const warm: number[] = [];
    for (let s = 0; s < samples; s++) {
      t0 = performance.now();
      for (let r = 0; r < repeat; r++) walk();
      warm.push((performance.now() - t0) / repeat);
    }
    warm.sort((a, b) => a - b);
    out[name] = { coldMs, warmMs: warm[warm.length >> 1] as number };
  }
  return out;
}

interface MarkRun {
  ms: number;
  marks: number;
}

function runMarkRegExp(args: { source: string; flags: string }): MarkRun {
  const Mark = window.Mark;
  if (!Mark) throw new Error('mark.js is not loaded');
  const regexp = new RegExp(args.source, args.flags);
  let marks = -1;
  const t0 = performance.now();
  new Mark(document.body).markRegExp(regexp, {
    done: (n: number) => {
      marks = n;
    },
  });
  return { ms: performance.now() - t0, marks };
}

function runMarkArray(terms: string[]): MarkRun {
  const Mark = window.Mark;
  if (!Mark) throw new Error('mark.js is not loaded');
  let marks = -1;
  const t0 = performance.now();
  new Mark(document.body).mark(terms, {
    separateWordSearch: false,
    accuracy: 'exactly',
    done: (n: number) => {
      marks = n;
    },
  });
  return { ms: performance.now() - t0, marks };
}

// ---------------------------------------------------------------------------------------------------
// Helpers on the Node side.

/** Adds a script to the page's main world: a <script> tag, or (if the page's CSP blocks it) an evaluation. */
async function injectScript(page: Page, source: string, check: string): Promise<void> {
  await page.addScriptTag({ content: source }).catch(() => {});
  if (await page.evaluate((name) => name in window, check)) return;
  await page.evaluate(`(function () { var module, exports, define; ${source}\n}).call(window)`);
  if (!(await page.evaluate((name) => name in window, check))) throw new Error(`could not inject ${check}`);
}

async function gotoLoaded(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: GOTO_TIMEOUT_MS });
  } catch (error) {
    // A page whose load event never comes is still measured from what is there.
    log(`  load did not finish for ${url}: ${String(error).split('\n')[0]}`);
  }
}

async function waitForMeasure(
  page: Page,
  name: string,
  timeout = SCAN_WAIT_MS,
): Promise<MeasureEntry | undefined> {
  try {
    await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
      timeout,
      polling: 25,
    });
  } catch {
    return undefined;
  }
  return (await page.evaluate(readMeasures, name))[0];
}

/** Runs `fn` with a page that is closed afterwards, whatever happens. */
async function withPage<T>(browser: LaunchedBrowser, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.context.newPage();
  try {
    return await fn(page);
  } finally {
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), sleep(10_000)]);
  }
}

// ---------------------------------------------------------------------------------------------------
// The pages.

interface BenchPage {
  name: string;
  url: string;
  corpus: boolean;
}

function registerStressPages(server: StaticServer): {
  pages: BenchPage[];
  dynamicUrl: string;
  bigUrl: string;
  nodesUrl: string;
  tinyUrl: string;
} {
  const mb1 = server.register('/stress/text-1mb.html', articlePage(1_000_000, 11));
  const mb5 = server.register('/stress/text-5mb.html', articlePage(5_000_000, 55));
  const nodes = server.register('/stress/nodes-100k.html', manyNodesPage(20_000, 100));
  const dynamicUrl = server.register('/stress/dynamic.html', dynamicPage(200, 100, 10, 50, 7));
  const tinyUrl = server.register(
    '/stress/tiny.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tiny</title></head><body><p>Tiny.</p></body></html>',
  );
  return {
    pages: [
      { name: 'stress: 1 MB text', url: mb1, corpus: false },
      { name: 'stress: 5 MB text', url: mb5, corpus: false },
      { name: 'stress: 100k text nodes', url: nodes, corpus: false },
    ],
    dynamicUrl,
    bigUrl: mb5,
    nodesUrl: nodes,
    tinyUrl,
  };
}

// ---------------------------------------------------------------------------------------------------
// Measurements.

interface StartDetail {
  compileMs: number;
  warmUpMs: number;
  busyMs: number;
  fromCache: boolean;
  aliases: number;
}

interface GlossaLoad {
  measure?: MeasureEntry;
  /** Glossa's start-up before the scan: compiling (or restoring) the glossary and warming its regex. */
  start?: StartDetail;
  walk?: ReturnType<typeof bareWalk>;
  /** The bare walk run once in a new isolated world of the same page: cold, as a content script walks. */
  isolatedColdMs?: number;
  /** Longest page long task that overlapped the scan. */
  longTaskMs?: number;
  longTaskCount?: number;
  extraScans: number;
}

async function measureGlossa(ext: LaunchedBrowser, url: string): Promise<GlossaLoad> {
  return withPage(ext, async (page) => {
    await gotoLoaded(page, url);
    const measure = await waitForMeasure(page, 'glossa:scan');
    if (!measure) return { extraScans: 0 };
    const start = await page.evaluate(
      () =>
        (performance.getEntriesByName('glossa:start')[0] as PerformanceMeasure | undefined)
          ?.detail as StartDetail,
    );
    // Before the main world's walks: a new world's first walk creates every node's wrapper, as Glossa's does.
    const isolatedColdMs = await isolatedFirstWalk(ext, page);
    const walk = await page.evaluate(bareWalk, WALK_SAMPLES);
    const tasks = await page.evaluate(() => window.__benchLongTasks ?? null);
    const end = measure.startTime + measure.duration;
    const overlapping = (tasks ?? []).filter(
      (t) => t.startTime < end && t.startTime + t.duration > measure.startTime,
    );
    const scans = await page.evaluate(readMeasures, 'glossa:scan');
    return {
      measure,
      start,
      walk,
      isolatedColdMs,
      longTaskMs: tasks === null ? undefined : Math.max(0, ...overlapping.map((t) => t.duration)),
      longTaskCount: overlapping.length,
      extraScans: scans.length - 1,
    };
  });
}

/**
 * The bare walk (SHOW_TEXT, reading `.data`), run once in a new isolated world of the page's main frame
 * (CDP `Page.createIsolatedWorld`): a world where no node has a JavaScript wrapper yet, which is where a
 * content script starts. The floor for a scan that reads the page once.
 */
async function isolatedFirstWalk(browser: LaunchedBrowser, page: Page): Promise<number | undefined> {
  const session = await browser.context.newCDPSession(page);
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: `bench-floor-${Math.random().toString(36).slice(2)}`,
    });
    const result = await session.send('Runtime.evaluate', {
      contextId: executionContextId,
      returnByValue: true,
      expression: `(() => {
        const t0 = performance.now();
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
        let chars = 0;
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) chars += node.data.length;
        return [performance.now() - t0, chars];
      })()`,
    });
    const [ms] = result.result.value as [number, number];
    return ms;
  } catch {
    return undefined;
  } finally {
    await session.detach().catch(() => {});
  }
}

interface MarkResult {
  regexp?: MarkRun;
  array?: MarkRun;
  arrayTimedOut: boolean;
  error?: string;
}

const markJsSource = readFileSync(
  path.join(repoRoot, 'node_modules', 'mark.js', 'dist', 'mark.min.js'),
  'utf8',
);

/** One alternation of the escaped alias texts, longest first, with word boundaries that also hold for Hangul. */
const markRegExpArgs = {
  source: `(?<![A-Za-z0-9_])(?:${[...builtinAliasTexts]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![A-Za-z0-9_])`,
  flags: 'gi',
};

async function measureMark(plain: LaunchedBrowser, url: string): Promise<MarkResult> {
  const result: MarkResult = { arrayTimedOut: false };
  try {
    result.regexp = await withPage(plain, async (page) => {
      await gotoLoaded(page, url);
      await injectScript(page, markJsSource, 'Mark');
      return page.evaluate(runMarkRegExp, markRegExpArgs);
    });
    await withPage(plain, async (page) => {
      await gotoLoaded(page, url);
      await injectScript(page, markJsSource, 'Mark');
      const session = await plain.context.newCDPSession(page);
      const run = page.evaluate(runMarkArray, builtinAliasTexts);
      run.catch(() => {});
      const outcome = await Promise.race([run, sleep(MARK_ARRAY_TIMEOUT_MS)]);
      if (outcome === 'timeout') {
        result.arrayTimedOut = true;
        // Stops mark.js where it is; the page is thrown away.
        await session.send('Runtime.terminateExecution').catch(() => {});
      } else {
        result.array = outcome;
      }
      await session.detach().catch(() => {});
    });
  } catch (error) {
    result.error = String(error).split('\n')[0];
  }
  return result;
}

interface PageReport {
  page: BenchPage;
  loads: GlossaLoad[];
  mark: MarkResult;
}

const busyOf = (report: PageReport) =>
  median(report.loads.map((l) => l.measure?.detail.busyMs ?? Number.NaN));
const wallOf = (report: PageReport) => median(report.loads.map((l) => l.measure?.duration ?? Number.NaN));
const bareOf = (report: PageReport) =>
  median(report.loads.map((l) => (l.walk ? median(l.walk.ms) : Number.NaN)));
/** The first walk in a fresh isolated world (the content script's floor), median over loads. */
const coldFloorOf = (report: PageReport) => median(report.loads.map((l) => l.isolatedColdMs ?? Number.NaN));
const startOf = (report: PageReport) => median(report.loads.map((l) => l.start?.busyMs ?? Number.NaN));
const detailOf = (report: PageReport) => report.loads.find((l) => l.measure)?.measure?.detail;
const markArrayMs = (report: PageReport) =>
  report.mark.arrayTimedOut ? MARK_ARRAY_TIMEOUT_MS : (report.mark.array?.ms ?? Number.NaN);

function pageTables(reports: PageReport[]): string {
  const header = [
    'page',
    'text chars',
    'text nodes',
    'mentions',
    'scan busy ms',
    'scan wall ms',
    'bare walk ms',
    'scan/bare',
    'first walk (isolated) ms',
    'scan/first walk',
    'markRegExp ms',
    'markArray ms',
    'markRegExp/scan',
    'markArray/scan',
    'longest Glossa task ms',
    'page long task during scan ms',
  ];
  const rows = reports.map((report) => {
    const detail = detailOf(report);
    const busy = busyOf(report);
    const regexp = report.mark.regexp?.ms;
    const array = markArrayMs(report);
    const capped = report.mark.arrayTimedOut ? '>' : '';
    const longest = Math.max(...report.loads.map((l) => l.measure?.detail.longestSliceMs ?? Number.NaN));
    const longTasks = report.loads.map((l) => l.longTaskMs).filter((v): v is number => v !== undefined);
    return [
      report.page.name,
      int(detail?.chars),
      int(detail?.textNodes),
      int(detail?.mentions),
      ms(busy),
      ms(wallOf(report)),
      ms(bareOf(report)),
      ratio(busy / bareOf(report)),
      ms(coldFloorOf(report)),
      ratio(busy / coldFloorOf(report)),
      report.mark.error && regexp === undefined ? 'error' : ms(regexp),
      report.mark.arrayTimedOut ? `>${MARK_ARRAY_TIMEOUT_MS}` : ms(report.mark.array?.ms),
      ratio((regexp ?? Number.NaN) / busy),
      ratio(array / busy, capped),
      ms(longest),
      longTasks.length ? ms(Math.max(...longTasks)) : 'n/a',
    ];
  });
  const detailHeader = [
    'page',
    'busy ms per load',
    'start-up busy ms (compile or restore + warm-up)',
    'slices',
    'bare-walk nodes',
    'bare-walk chars',
    'bare first (cold) walk ms',
    'markRegExp marks',
    'markArray marks',
    'notes',
  ];
  const detailRows = reports.map((report) => {
    const detail = detailOf(report);
    const walk = report.loads.find((l) => l.walk)?.walk;
    const notes: string[] = [];
    const missing = report.loads.filter((l) => !l.measure).length;
    if (missing) notes.push(`no glossa:scan within ${SCAN_WAIT_MS / 1000} s on ${missing} load(s)`);
    const extra = Math.max(...report.loads.map((l) => l.extraScans));
    if (extra > 0) notes.push(`${extra} further full scan(s) after the first`);
    if (report.mark.error) notes.push(`mark.js: ${report.mark.error}`);
    return [
      report.page.name,
      report.loads.map((l) => ms(l.measure?.detail.busyMs)).join(' / '),
      report.loads
        .map((l) => (l.start ? `${ms(l.start.busyMs)}${l.start.fromCache ? '' : ' (compiled)'}` : 'n/a'))
        .join(' / '),
      int(detail?.slices),
      int(walk?.nodes),
      int(walk?.chars),
      ms(median(report.loads.map((l) => l.walk?.coldMs ?? Number.NaN))),
      int(report.mark.regexp?.marks),
      report.mark.arrayTimedOut ? 'timed out' : int(report.mark.array?.marks),
      notes.join('; ') || '-',
    ];
  });
  return [
    '## Initial scan: corpus and stress pages',
    '',
    `Glossa numbers are medians of ${LOADS} fresh loads with the built extension (\`glossa:scan\` measure: busy = CPU time of`,
    "Glossa's slices, wall = first slice to last). Text chars / nodes / mentions are what Glossa scanned. Bare walk =",
    `\`createTreeWalker(document, SHOW_TEXT)\` reading every \`.data\` in the page, median of ${WALK_SAMPLES} warm samples per load`,
    '(it walks script and style text too, which Glossa skips). First walk (isolated) = the same walk run once in a new',
    "isolated world of the page (CDP `Page.createIsolatedWorld`), where no node has a JavaScript wrapper yet: Glossa's",
    "content script starts there, and its one scan is such a first walk. The warm walk re-reads wrappers the page's world",
    'already made, a state no content script ever sees. mark.js 8.11.1 runs on fresh loads without the extension,',
    `on document.body, with the built-in pack's ${builtinAliasTexts.length} alias texts: markRegExp with one case-insensitive alternation`,
    "(lookaround word boundaries), mark(array) with `separateWordSearch: false, accuracy: 'exactly'`, stopped after",
    `${MARK_ARRAY_TIMEOUT_MS / 1000} s. Ratios: scan/bare = busy ÷ bare walk; markX/scan = mark.js ms ÷ Glossa busy ms.`,
    'Start-up (details table) is the CPU Glossa spends before the scan: restoring the compiled glossary kept from an',
    'earlier page (or compiling it, marked "compiled": the first page after a change) and warming its regex.',
    'Longest Glossa task = longest slice (max over loads); page long task = longest `longtask` entry overlapping the scan',
    "(max over loads; 0 = none; it includes the page's own work).",
    '',
    table(header, rows),
    '',
    '### Details',
    '',
    table(detailHeader, detailRows),
  ].join('\n');
}

/** The pages the targets are measured on: corpus pages with more than TARGET_MIN_CHARS scanned. */
const isBig = (r: PageReport) => r.page.corpus && (detailOf(r)?.chars ?? 0) > TARGET_MIN_CHARS;

function targetsTable(reports: PageReport[]): string {
  const big = reports.filter(isBig);
  const scanBare = median(big.map((r) => busyOf(r) / bareOf(r)));
  const scanCold = median(big.map((r) => busyOf(r) / coldFloorOf(r)));
  const withStart = median(big.map((r) => (busyOf(r) + startOf(r)) / coldFloorOf(r)));
  const regexpScan = median(big.map((r) => (r.mark.regexp?.ms ?? Number.NaN) / busyOf(r)));
  const arrayScan = median(big.map((r) => markArrayMs(r) / busyOf(r)));
  const capped = big.filter((r) => r.mark.arrayTimedOut).length;
  const rows = [
    [
      'scan ≤ 2× the bare walk (warm walk, repeated in the main world)',
      `${ratio(scanBare)} of the bare walk`,
      scanBare <= 2 ? 'met' : 'MISSED',
    ],
    [
      'scan ≤ 2× the bare walk (first walk, in a fresh isolated world)',
      `${ratio(scanCold)} of the first walk (${ratio(withStart)} with start-up)`,
      scanCold <= 2 ? 'met' : 'MISSED',
    ],
    [
      '≥ 10× faster than mark.js markRegExp',
      `${ratio(regexpScan)} faster`,
      regexpScan >= 10 ? 'met' : 'MISSED',
    ],
    [
      '≥ 300× faster than mark.js mark(array)',
      `${ratio(arrayScan, capped ? '≥' : '')} faster${capped ? ` (${capped} page(s) capped at ${MARK_ARRAY_TIMEOUT_MS / 1000} s)` : ''}`,
      arrayScan >= 300 ? 'met' : 'MISSED',
    ],
  ];
  return [
    '## Targets',
    '',
    `Medians over the ${big.length} corpus pages where Glossa scanned more than ${int(TARGET_MIN_CHARS)} characters:`,
    big.map((r) => r.page.name.replace(/\.html$/, '')).join(', '),
    '',
    table(['target', 'median', 'verdict'], rows),
  ].join('\n');
}

interface DynamicLoad {
  added: number;
  rescans: MeasureEntry[];
  fullScans: number;
  initial?: MeasureEntry;
}

async function measureDynamic(ext: LaunchedBrowser, url: string): Promise<DynamicLoad | undefined> {
  return withPage(ext, async (page) => {
    await gotoLoaded(page, url);
    const initial = await waitForMeasure(page, 'glossa:scan');
    if (!initial) return undefined;
    const { added } = await page.evaluate(() =>
      (window.__startAppending as () => Promise<{ added: number }>)(),
    );
    // Let the last batch be picked up (Glossa gathers mutations for 100 ms), then wait for quiet.
    let count = -1;
    for (let i = 0; i < 40; i++) {
      await sleep(250);
      const now = (await page.evaluate(readMeasures, 'glossa:rescan')).length;
      if (now === count && i >= 3) break;
      count = now;
    }
    const rescans = await page.evaluate(readMeasures, 'glossa:rescan');
    const fullScans = (await page.evaluate(readMeasures, 'glossa:scan')).length - 1;
    return { added, rescans, fullScans, initial };
  });
}

function dynamicTable(loads: DynamicLoad[]): string {
  const rows = loads.map((load, i) => {
    const busy = load.rescans.map((r) => r.detail.busyMs);
    const nodes = load.rescans.reduce((sum, r) => sum + r.detail.textNodes, 0);
    const longest = Math.max(0, ...load.rescans.map((r) => r.detail.longestSliceMs ?? 0));
    return [
      `load ${i + 1}`,
      int(load.initial?.detail.textNodes),
      int(load.rescans.length),
      ms(busy.reduce((a, b) => a + b, 0)),
      ms(Math.max(0, ...busy)),
      ms(longest),
      int(nodes),
      int(load.added),
      ratio(nodes / load.added),
      int(load.rescans.reduce((sum, r) => sum + r.detail.mentions, 0)),
      int(load.fullScans),
    ];
  });
  return [
    '## Dynamic page: 1,000 paragraphs appended in 100 batches of 10, one batch every 50 ms',
    '',
    'The page starts with 200 paragraphs; its own script appends paragraphs of 3 text nodes each. Rescans are',
    'Glossa\'s `glossa:rescan` measures; "rescanned / added" should stay near 1× (only what changed is scanned).',
    '',
    table(
      [
        'load',
        'initial text nodes',
        'rescans',
        'rescan busy ms (sum)',
        'rescan busy ms (max)',
        'longest slice ms',
        'text nodes rescanned',
        'text nodes added',
        'rescanned / added',
        'mentions found by rescans',
        'full scans during appends',
      ],
      rows,
    ),
  ].join('\n');
}

interface GlossaryRun {
  cold: BenchScanResult;
  warm: BenchScanResult;
}

async function measureBundle(
  plain: LaunchedBrowser,
  url: string,
  bundle: string,
  entries: MatchableEntry[],
): Promise<GlossaryRun> {
  return withPage(plain, async (page) => {
    await gotoLoaded(page, url);
    await injectScript(page, bundle, '__glossaBench');
    const run = (e: MatchableEntry[]) =>
      (window.__glossaBench as NonNullable<Window['__glossaBench']>).scan(e);
    const cold = await page.evaluate(run, entries);
    const warm = await page.evaluate(run, entries);
    return { cold, warm };
  });
}

const PROBE_TEXT = 'Officials discussed THAAD, and a thaad in lower case.';
const PROBE_RUNS = 4;

async function measureProbe(
  plain: LaunchedBrowser,
  url: string,
  bundle: string,
  entries: MatchableEntry[],
): Promise<BenchProbeResult> {
  return withPage(plain, async (page) => {
    await gotoLoaded(page, url);
    await injectScript(page, bundle, '__glossaBench');
    return page.evaluate(
      ({ e, text, runs }) =>
        (window.__glossaBench as NonNullable<Window['__glossaBench']>).probe(e, text, runs),
      { e: entries, text: PROBE_TEXT, runs: PROBE_RUNS },
    );
  });
}

async function walkTable(plain: LaunchedBrowser, urls: [string, string][]): Promise<string> {
  const rows: string[][] = [];
  for (const [pageName, url] of urls) {
    log(`walk floors: ${pageName}`);
    const loads: ReturnType<typeof walkVariants>[] = [];
    for (let i = 0; i < LOADS; i++) {
      loads.push(
        await withPage(plain, async (page) => {
          await gotoLoaded(page, url);
          return page.evaluate(walkVariants, WALK_SAMPLES);
        }),
      );
    }
    for (const name of Object.keys(loads[0] ?? {})) {
      rows.push([
        pageName,
        name,
        ms(median(loads.map((l) => l[name]?.coldMs ?? Number.NaN))),
        ms(median(loads.map((l) => l[name]?.warmMs ?? Number.NaN))),
      ]);
    }
  }
  return [
    '## Walk floors (no extension)',
    '',
    `Medians of ${LOADS} fresh loads. The first walk of a page creates the JavaScript wrappers of its nodes; Glossa's`,
    'content script runs in its own world, so its one scan is always a first walk there, over elements as well as text.',
    '',
    table(['page', 'walk', 'first (cold) ms', 'warm ms'], rows),
  ].join('\n');
}

async function glossaryTable(
  plain: LaunchedBrowser,
  urls: [string, string][],
  tinyUrl: string,
): Promise<string> {
  const bundled = await build({
    entryPoints: [path.join(here, 'scanner-bundle.entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const bundle = bundled.outputFiles[0]?.text ?? '';
  const glossaries: [string, MatchableEntry[]][] = [
    ['no entries: walk and text runs only', []],
    ['built-in pack', builtinEntries],
    ['built-in + 460 synthetic', [...builtinEntries, ...syntheticEntries(460)]],
  ];
  const rows: string[][] = [];
  for (const [pageName, url] of urls) {
    let baseline = Number.NaN;
    for (const [name, entries] of glossaries) {
      log(`500-term glossary: ${pageName}, ${name}`);
      const runs: GlossaryRun[] = [];
      for (let i = 0; i < LOADS; i++) runs.push(await measureBundle(plain, url, bundle, entries));
      const cold = median(runs.map((r) => r.cold.scanMs));
      const warm = median(runs.map((r) => r.warm.scanMs));
      if (entries === builtinEntries) baseline = cold;
      const first = runs[0]?.cold;
      rows.push([
        pageName,
        `${name} (${entries.length} entries, ${aliasCount(entries)} aliases)`,
        int(first?.chars),
        int(first?.mentions),
        ms(median(runs.map((r) => r.cold.compileMs))),
        ms(cold),
        ms(warm),
        ratio(cold / baseline),
        first ? `${((first.chars / 1e6 / cold) * 1000).toFixed(1)}` : 'n/a',
      ]);
    }
  }
  const probeRows: string[][] = [];
  for (const [name, entries] of glossaries) {
    log(`fixed cost probe: ${name}`);
    const probes: BenchProbeResult[] = [];
    for (let i = 0; i < LOADS; i++) probes.push(await measureProbe(plain, tinyUrl, bundle, entries));
    probeRows.push([
      `${name} (${entries.length} entries, ${aliasCount(entries)} aliases)`,
      ms(median(probes.map((p) => p.compileMs))),
      ...Array.from({ length: PROBE_RUNS }, (_, i) =>
        ms(median(probes.map((p) => p.runsMs[i] ?? Number.NaN))),
      ),
    ]);
  }
  return [
    '## Glossary size: built-in pack vs a 500-entry glossary (page bundle of compileMatcher + TextScan)',
    '',
    `One unsliced TextScan over the document, no extension. Medians of ${LOADS} fresh loads; "first scan" is the first`,
    'call in the page (cold, as the extension runs it), "second scan" a repeat in the same page (warm). With no entries',
    "the matcher is a regex that fails at once: that row is the cost of Glossa's walk and text runs without matching.",
    '',
    table(
      [
        'page',
        'glossary',
        'chars',
        'mentions',
        'compile ms',
        'first scan ms',
        'second scan ms',
        'first scan vs built-in',
        'MB/s (first scan)',
      ],
      rows,
    ),
    '',
    '### Fixed cost per page (and per frame): compiling the matcher',
    '',
    `A tiny page; \`compileMatcher\`, then ${PROBE_RUNS} \`matcher.scan\` calls on one ${PROBE_TEXT.length}-character sentence`,
    `(${JSON.stringify(PROBE_TEXT)}). V8 compiles a regex when it first runs it, so the first runs carry the`,
    `compilation; the last is the steady cost. Medians of ${LOADS} fresh loads.`,
    '',
    table(
      ['glossary', 'compileMatcher ms', ...Array.from({ length: PROBE_RUNS }, (_, i) => `scan #${i + 1} ms`)],
      probeRows,
    ),
  ].join('\n');
}

/** The micro-benchmark's engines in Chromium, on a blank page, each engine and glossary under a time limit. */
async function browserMatcherBench(plain: LaunchedBrowser, url: string): Promise<EngineResult[]> {
  const bundled = await build({
    entryPoints: [path.join(here, 'matcher-bundle.entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const bundle = bundled.outputFiles[0]?.text ?? '';
  const texts = loadTexts();
  const results: EngineResult[] = [];
  for (const [glossary, make] of Object.entries(GLOSSARIES)) {
    const entries = make();
    for (const engine of Object.keys(ENGINES)) {
      log(`matcher bench (Chromium): ${engine}, ${glossary}`);
      await withPage(plain, async (page) => {
        await gotoLoaded(page, url);
        await injectScript(page, bundle, '__matcherBench');
        const session = await plain.context.newCDPSession(page);
        const run = page.evaluate(
          (args) =>
            (window.__matcherBench as NonNullable<Window['__matcherBench']>).run(
              args.engine,
              args.glossary,
              args.entries,
              args.texts,
            ),
          { engine, glossary, entries, texts },
        );
        run.catch(() => {});
        const outcome = await Promise.race([run, sleep(ENGINE_TIMEOUT_MS)]);
        if (outcome === 'timeout') {
          await session.send('Runtime.terminateExecution').catch(() => {});
          for (const page of MICRO_PAGES)
            results.push({
              engine,
              glossary,
              page,
              chars: 0,
              error: `>${ENGINE_TIMEOUT_MS / 1000} s (stopped)`,
            });
        } else {
          results.push(...outcome);
        }
        await session.detach().catch(() => {});
      });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------

/**
 * The same pages with a 500-entry personal glossary stored in the extension (My glossary), loaded as a
 * reader's would be: the real content script compiles it with the built-in pack and scans.
 */
async function personalGlossaryTable(ext: LaunchedBrowser, reports: PageReport[]): Promise<string> {
  const entries = syntheticEntries(500).map((entry) => ({
    id: entry.id,
    term: entry.aliases[0]?.text ?? entry.id,
    aliases: entry.aliases,
    category: 'concept',
    explanation: 'A synthetic entry for the benchmark.',
    quotes: [{ text: 'A synthetic quote.' }],
    related: [],
  }));
  const worker = ext.serviceWorker;
  if (!worker) return '';
  await worker.evaluate(
    (list) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ 'personal-glossary': list }),
    entries,
  );
  const rows: string[][] = [];
  const ratios: number[] = [];
  const perBare: number[] = [];
  try {
    for (const report of reports.filter(isBig)) {
      const loads: GlossaLoad[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await measureGlossa(ext, report.page.url));
      const busy = median(loads.map((l) => l.measure?.detail.busyMs ?? Number.NaN));
      const bare = median(loads.map((l) => (l.walk ? median(l.walk.ms) : Number.NaN)));
      const builtin = busyOf(report);
      ratios.push(busy / builtin);
      perBare.push(busy / bare);
      log(`500 personal entries: ${report.page.name}: busy ${ms(busy)} ms (built-in only ${ms(builtin)} ms)`);
      rows.push([
        report.page.name,
        int(median(loads.map((l) => l.measure?.detail.mentions ?? Number.NaN))),
        ms(builtin),
        ms(busy),
        ratio(busy / builtin),
        ratio(busy / bare),
      ]);
    }
  } finally {
    await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.clear());
  }
  rows.push(['**median**', '', '', '', ratio(median(ratios)), ratio(median(perBare))]);
  return [
    '## A 500-entry personal glossary in the extension',
    '',
    `My glossary holds ${entries.length} synthetic entries (${aliasCount(entries)} aliases) besides the built-in pack;`,
    `pages as in "Targets" (more than 20k characters), ${LOADS} loads each.`,
    '',
    table(
      [
        'page',
        'mentions',
        'built-in only busy ms',
        'with 500 personal busy ms',
        'vs built-in only',
        'scan/bare',
      ],
      rows,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const server = await startServer();
  const stress = registerStressPages(server);
  const corpus = (await listCorpus()).map<BenchPage>((file) => ({
    name: file,
    url: server.url(`/corpus/${file}`),
    corpus: true,
  }));
  // BENCH_PAGES=substring,substring limits the run to matching pages (for quick checks).
  const only = process.env.BENCH_PAGES?.split(',').filter(Boolean);
  const pages = [...corpus, ...stress.pages].filter((p) => !only || only.some((o) => p.name.includes(o)));
  log(`${corpus.length} corpus pages, ${stress.pages.length} stress pages, ${LOADS} loads each`);

  const ext = await launchBrowser({ withExtension: true });
  const plain = await launchBrowser({ withExtension: false });
  // tsx compiles with esbuild's keepNames, which wraps functions in `__name(...)` calls: the functions
  // this file evaluates in pages need a `__name` there.
  for (const browser of [ext, plain]) await browser.context.addInitScript(NAME_SHIM);
  await ext.context.addInitScript(observeLongTasks);
  const browserVersion = `Chromium ${plain.context.browser()?.version() ?? '(version unknown)'}`;
  const sections: string[] = [];
  let targets = '';
  let chromeMatcher: EngineResult[] = [];
  const loadBefore = os.loadavg()[0] ?? 0;
  try {
    const reports: PageReport[] = [];
    for (const page of pages) {
      const loads: GlossaLoad[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await measureGlossa(ext, page.url));
      log(
        `${page.name}: busy ${loads.map((l) => ms(l.measure?.detail.busyMs)).join('/')} ms, bare ${ms(median(loads.map((l) => (l.walk ? median(l.walk.ms) : Number.NaN))))} ms`,
      );
      const mark = await measureMark(plain, page.url);
      log(
        `  mark.js: regexp ${ms(mark.regexp?.ms)} ms, array ${mark.arrayTimedOut ? 'timed out' : ms(mark.array?.ms)}${mark.error ? ` (${mark.error})` : ''}`,
      );
      reports.push({ page, loads, mark });
    }
    sections.push(pageTables(reports));
    targets = targetsTable(reports);
    if (!process.env.BENCH_SKIP_PERSONAL) sections.push(await personalGlossaryTable(ext, reports));

    const dynamicLoads: DynamicLoad[] = [];
    for (let i = 0; i < LOADS; i++) {
      log(`dynamic page, load ${i + 1}`);
      const load = await measureDynamic(ext, stress.dynamicUrl);
      if (load) dynamicLoads.push(load);
    }
    sections.push(dynamicTable(dynamicLoads));

    sections.push(
      await walkTable(plain, [
        ['readability__wikipedia-2.html', server.url('/corpus/readability__wikipedia-2.html')],
        ['stress: 5 MB text', stress.bigUrl],
        ['stress: 100k text nodes', stress.nodesUrl],
      ]),
    );
    sections.push(
      await glossaryTable(
        plain,
        [
          ['readability__wikipedia-2.html', server.url('/corpus/readability__wikipedia-2.html')],
          ['stress: 5 MB text', stress.bigUrl],
        ],
        stress.tinyUrl,
      ),
    );
    chromeMatcher = await browserMatcherBench(plain, stress.tinyUrl);
    if (ext.blockedRequests.length + plain.blockedRequests.length > 0) {
      const hosts = new Set(
        [...ext.blockedRequests, ...plain.blockedRequests].map((u) => {
          try {
            return new URL(u).host || u.slice(0, 40);
          } catch {
            return u.slice(0, 40);
          }
        }),
      );
      log(
        `aborted ${ext.blockedRequests.length + plain.blockedRequests.length} non-loopback requests (${hosts.size} hosts)`,
      );
    }
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }

  // Node-side, after the browsers are gone so that nothing competes for the two cores.
  const nodeMatcher = runNodeMatcherBench(log);
  sections.push(
    matcherMarkdown([
      { runtime: browserVersion, results: chromeMatcher },
      { runtime: `Node ${process.version}`, results: nodeMatcher },
    ]),
  );
  sections.push(targets);

  const report = [
    '# Glossa benchmark',
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${browserVersion} · ${os.cpus().length} cores · ${LOADS} loads per page · ran ${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
    `· load average ${loadBefore.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end (other work on the machine makes single loads noisy; medians damp it).`,
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
  console.log(report);
  const out = path.join(repoRoot, '.reports', 'bench.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, report);
  log(`wrote ${path.relative(repoRoot, out)}`);
}

await main();

/**
 * Glossa's performance benchmark: `npm run bench` (builds the extension first). A report, not a test:
 * it asserts nothing and exits 0 whether or not the targets are met. Prints markdown and writes it to
 * .reports/bench.md.
 *
 * What Glossa costs is measured from outside (cpu-profile.ts): V8's sampling profiler on the page's
 * renderer, counting every sample with a frame of Glossa's scripts on its stack. The floor is one first
 * walk over the page's elements and text in a fresh isolated world (where a content script starts), on
 * a load of the same page in a browser without the extension; it is reported as timed inside the walk
 * and as the profiler counts it (the profiler's own overhead weighs on both sides alike).
 *
 * Sections: every corpus page (../shared/corpus) and three generated stress pages; out-of-process
 * frames with one line of text (one, and a page of 20); a 5,000-entry imported glossary (rebuild in the
 * service worker, and the same pages again); when the first marks of wikipedia-2 appear; a page that
 * keeps appending content; a mutation storm and a giant page (hostile.ts); the extractor's and the
 * matcher's time per MB on adversarial text; bundle and snapshot sizes; mark.js for comparison; the
 * targets, last.
 *
 * Every request that would leave loopback is aborted (tests/e2e/support/browser.ts).
 * Environment: BENCH_LOADS (default 5), BENCH_PAGES=substring,… to run only some pages, BENCH_SKIP=
 * big-glossary,mark,frames,dynamic,hostile,adversarial to leave sections out.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { builtinPack } from '../../src/glossary/builtin/rok-us-alliance';
import type { GlossaryPack } from '../../src/glossary/model';
import { buildSnapshot } from '../../src/glossary-snapshot/build-snapshot';
import { DEFAULT_SETTINGS } from '../../src/settings/model';
import { type LaunchedBrowser, launchBrowser } from '../e2e/support/browser';
import type { ChromeGlobal } from '../e2e/support/chrome-api';
import { listCorpus, repoRoot, type StaticServer, startServer } from '../e2e/support/server';
import { type CpuProfile, costOf } from './cpu-profile';
import { adversarialSection, hostileSection } from './hostile';
import {
  type FloorLoad,
  type GlossaLoad,
  measureFloor,
  measureFrames,
  measureGlossa,
  observeLongTasks,
  sleep,
} from './page-cost';
import { attachServiceWorker, connectRawCdp } from './raw-cdp';
import { articlePage, dynamicPage, manyNodesPage } from './stress-pages';
import { builtinAliasTexts, syntheticEntries } from './terms';
import { escapeRegExp, int, median, ms, ratio, table } from './util';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const MARK_ARRAY_TIMEOUT_MS = 30_000;
/** Pages with more characters than this (as Glossa counts them) are "large" in the targets. */
const LARGE_CHARS = 20_000;
const startedAt = performance.now();

const log = (line: string) => {
  const s = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${s} s] ${line}\n`);
};

interface BenchPage {
  name: string;
  url: string;
  corpus: boolean;
}

interface PageReport {
  page: BenchPage;
  loads: GlossaLoad[];
  floors: FloorLoad[];
  mark?: MarkResult;
}

const costMs = (loads: GlossaLoad[]) => median(loads.map((l) => l.cost.inclusiveMs));
const floorMs = (r: PageReport) => median(r.floors.map((f) => f.firstWalkMs));
const floorProfiledMs = (r: PageReport) => median(r.floors.map((f) => f.firstWalkProfiledMs));
const warmMs = (r: PageReport) => median(r.floors.map((f) => f.warmWalkMs));
const charsOf = (r: PageReport) => r.loads.find((l) => l.scan)?.scan?.detail.chars ?? 0;
const mentionsOf = (r: PageReport) => r.loads.find((l) => l.scan)?.scan?.detail.mentions ?? 0;
const isLarge = (r: PageReport) => r.page.corpus && charsOf(r) > LARGE_CHARS;
const isSmall = (r: PageReport) => r.page.corpus && !isLarge(r);

// ---------------------------------------------------------------------------------------------------
// mark.js, for comparison (fresh loads without the extension).

interface MarkRun {
  ms: number;
  marks: number;
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
const markRegExpArgs = {
  source: `(?<![A-Za-z0-9_])(?:${[...builtinAliasTexts]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![A-Za-z0-9_])`,
  flags: 'gi',
};

// The runners go to the page as source text: a function compiled by tsx carries esbuild's `__name`
// helper, which the page does not have (every run failed with "__name is not defined").
function markRun(call: string): string {
  return `(() => {
    const Mark = window.Mark;
    if (!Mark) throw new Error('mark.js is not loaded');
    let marks = -1;
    const t0 = performance.now();
    ${call};
    return { ms: performance.now() - t0, marks };
  })()`;
}

function runMarkRegExp(args: { source: string; flags: string }): string {
  return markRun(
    `new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(args.source)}, ${JSON.stringify(args.flags)}), { done: function (n) { marks = n; } })`,
  );
}

function runMarkArray(terms: readonly string[]): string {
  return markRun(
    `new Mark(document.body).mark(${JSON.stringify(terms)}, { separateWordSearch: false, accuracy: 'exactly', done: function (n) { marks = n; } })`,
  );
}

async function injectScript(page: Page, source: string, check: string): Promise<void> {
  await page.addScriptTag({ content: source }).catch(() => {});
  if (await page.evaluate((name) => name in window, check)) return;
  await page.evaluate(`(function () { var module, exports, define; ${source}\n}).call(window)`);
}

async function withPage<T>(browser: LaunchedBrowser, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.context.newPage();
  try {
    return await fn(page);
  } finally {
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), sleep(10_000)]);
  }
}

async function measureMark(plain: LaunchedBrowser, url: string): Promise<MarkResult> {
  const result: MarkResult = { arrayTimedOut: false };
  try {
    result.regexp = await withPage(plain, async (page) => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
      await injectScript(page, markJsSource, 'Mark');
      return page.evaluate(runMarkRegExp(markRegExpArgs)) as Promise<MarkRun>;
    });
    await withPage(plain, async (page) => {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
      await injectScript(page, markJsSource, 'Mark');
      const session = await plain.context.newCDPSession(page);
      const run = page.evaluate(runMarkArray([...builtinAliasTexts])) as Promise<MarkRun>;
      run.catch(() => {});
      const outcome = await Promise.race([run, sleep(MARK_ARRAY_TIMEOUT_MS)]);
      if (outcome === 'timeout') {
        result.arrayTimedOut = true;
        await session.send('Runtime.terminateExecution').catch(() => {});
      } else result.array = outcome;
      await session.detach().catch(() => {});
    });
  } catch (error) {
    result.error = String(error).split('\n')[0];
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// The sections.

async function measurePages(
  ext: LaunchedBrowser,
  plain: LaunchedBrowser,
  pages: BenchPage[],
  blankUrl: string,
  withMark: boolean,
): Promise<PageReport[]> {
  const reports: PageReport[] = [];
  for (const page of pages) {
    const loads: GlossaLoad[] = [];
    const floors: FloorLoad[] = [];
    // Alternating, so that a slow moment of the machine weighs on both sides.
    for (let i = 0; i < LOADS; i++) {
      loads.push(await measureGlossa(ext, page.url, blankUrl));
      floors.push(await measureFloor(plain, page.url));
    }
    const report: PageReport = { page, loads, floors };
    if (withMark) report.mark = await measureMark(plain, page.url);
    log(
      `${page.name}: Glossa ${ms(costMs(loads))} ms (${loads.map((l) => ms(l.cost.inclusiveMs)).join('/')}), floor ${ms(floorMs(report))} ms (profiled ${ms(floorProfiledMs(report))})`,
    );
    reports.push(report);
  }
  return reports;
}

function pagesTable(title: string, reports: PageReport[]): string {
  const rows = reports.map((r) => {
    const cost = costMs(r.loads);
    const mark = r.mark;
    return [
      r.page.name,
      int(charsOf(r)),
      int(mentionsOf(r)),
      ms(cost),
      ms(floorMs(r)),
      ms(floorProfiledMs(r)),
      ms(warmMs(r)),
      ratio(cost / floorProfiledMs(r)),
      ms(cost - floorProfiledMs(r)),
      ms(Math.max(...r.loads.map((l) => l.cost.longestRunMs))),
      ms(Math.max(...r.loads.map((l) => l.longTaskMs))),
      mark ? ms(mark.regexp?.ms) : '-',
      mark ? (mark.arrayTimedOut ? `>${MARK_ARRAY_TIMEOUT_MS}` : ms(mark.array?.ms)) : '-',
    ];
  });
  return [
    title,
    '',
    `Medians of ${LOADS} fresh loads each. Glossa = CPU of samples with Glossa on the stack (the whole load:`,
    'start-up, scan, marks, reports). Floor = the first walk over elements and text in a fresh isolated world of',
    'the same page without the extension: timed, and as the profiler counts it (the ratio uses the latter, so',
    "that the profiler's overhead weighs on both). Warm walk = the same walk repeated in the page's own world.",
    'Longest stretch = longest run of consecutive Glossa samples (a bound on its longest task); page long task =',
    "longest `longtask` entry of the page during the load (anyone's code). chars / mentions: what Glossa scanned.",
    '',
    table(
      [
        'page',
        'chars',
        'mentions',
        'Glossa ms',
        'floor ms',
        'floor (profiled) ms',
        'warm walk ms',
        'Glossa / floor',
        'Glossa − floor ms',
        'longest stretch ms',
        'page long task ms',
        'mark.js markRegExp ms',
        'mark.js mark(array) ms',
      ],
      rows,
    ),
  ].join('\n');
}

/** A page of one line, served on another site than the page that frames it. */
const ONE_LINE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ad</title></head><body><p>Sponsored: the best offers of the week, chosen for you.</p></body></html>';

async function framesSection(
  ext: LaunchedBrowser,
  server: StaticServer,
): Promise<{ text: string; one: number; twenty: number }> {
  const lineUrl = server.register('/frame/one-line.html', ONE_LINE);
  // localhost and 127.0.0.1 are different sites: the frames run in a renderer of their own.
  const crossSite = lineUrl.replace('127.0.0.1', 'localhost');
  const framed = (count: number) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frames</title></head><body><p>A page with ${count} frames.</p>${Array.from(
      { length: count },
      (_, i) => `<iframe src="${crossSite}?f=${i}" width="300" height="60"></iframe>`,
    ).join('')}</body></html>`;
  const one = server.register('/frame/one.html', framed(1));
  const twenty = server.register('/frame/twenty.html', framed(20));
  const ones: number[] = [];
  const twenties: number[] = [];
  const runs: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    ones.push((await measureFrames(ext, one, 1)).costMs);
    const many = await measureFrames(ext, twenty, 20);
    twenties.push(many.costMs);
    runs.push(many.longestRunMs);
  }
  log(`frames: one ${ms(median(ones))} ms, twenty ${ms(median(twenties))} ms`);
  const text = [
    '## Frames from another site with one line of text',
    '',
    `Each frame's document loads again with the profiler on the frames' own renderer; medians of ${LOADS} runs.`,
    'A frame whose text is one line is scanned (it might name a term); a frame without text stays idle.',
    '',
    table(
      ['page', 'Glossa ms in the frames’ renderer', 'per frame ms', 'longest stretch ms'],
      [
        ['1 frame', ms(median(ones)), ms(median(ones)), '-'],
        ['20 frames', ms(median(twenties)), ms(median(twenties) / 20), ms(Math.max(...runs))],
      ],
    ),
  ].join('\n');
  return { text, one: median(ones), twenty: median(twenties) };
}

/** The synthetic glossary as a pack, with a quote and an explanation per entry. */
function syntheticPack(count: number): GlossaryPack {
  return {
    schemaVersion: 1,
    id: 'bench-glossary',
    name: 'Benchmark glossary',
    version: '1.0.0',
    languages: ['en'],
    source: { title: 'A synthetic glossary for the benchmark' },
    entries: syntheticEntries(count).map((entry) => ({
      id: entry.id,
      term: entry.aliases[0]?.text ?? entry.id,
      aliases: entry.aliases.map((alias) => ({
        text: alias.text,
        lang: 'en',
        caseSensitive: alias.caseSensitive,
      })),
      category: 'concept',
      explanation:
        'A synthetic entry for the benchmark, as long as a short explanation would be in a real pack.',
      quotes: [
        { text: 'A synthetic quote, in the place where a real pack would quote its source word for word.' },
      ],
      related: [],
    })),
  };
}

/** Stores a pack the way an import does and waits for the service worker's new snapshot; profiles the worker. */
async function installPack(
  ext: LaunchedBrowser,
  pack: GlossaryPack | null,
): Promise<{ rebuildMs: number; workerMs: number; longestRunMs: number }> {
  const worker = ext.serviceWorker;
  if (!worker || !ext.extensionId) throw new Error('no service worker');
  const cdp = await connectRawCdp(ext.userDataDir);
  try {
    const session = await attachServiceWorker(cdp, ext.extensionId);
    await cdp.send('Profiler.enable', {}, session);
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 }, session);
    await cdp.send('Profiler.start', {}, session);
    const stampBefore = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      return (
        (await chrome.storage.local.get('glossa-snapshot'))['glossa-snapshot'] as
          | { stamp?: string }
          | undefined
      )?.stamp;
    });
    const started = Date.now();
    await worker.evaluate(async (value) => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      if (value) await chrome.storage.local.set({ packs: [value] });
      else await chrome.storage.local.remove('packs');
    }, pack);
    // The new snapshot is in when its header changes and the building marker is gone.
    for (;;) {
      const done = await worker.evaluate(async (before) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        const items = await chrome.storage.local.get(['glossa-snapshot', 'glossa-snapshot-building']);
        const stamp = (items['glossa-snapshot'] as { stamp?: string } | undefined)?.stamp;
        return stamp !== before && items['glossa-snapshot-building'] === undefined;
      }, stampBefore);
      if (done || Date.now() - started > 60_000) break;
      await sleep(50);
    }
    const rebuildMs = Date.now() - started;
    await sleep(300);
    const { profile } = await cdp.send<{ profile: CpuProfile }>('Profiler.stop', {}, session);
    const cost = costOf(profile, `chrome-extension://${ext.extensionId}/`);
    return { rebuildMs, workerMs: cost.inclusiveMs, longestRunMs: cost.longestRunMs };
  } finally {
    cdp.close();
  }
}

/** Where wikipedia-2 is scrolled to when it loads: just above its first mention (see below). */
const FIRST_MARKS_SCROLL_Y = 2_000;

async function firstMarksSection(
  ext: LaunchedBrowser,
  url: string,
  blankUrl: string,
): Promise<{ text: string; firstMs: number }> {
  const firsts: number[] = [];
  const startups: number[] = [];
  const viewportBusys: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await ext.context.newPage();
    await page.goto(blankUrl);
    const session = await ext.context.newCDPSession(page);
    await session.send('Page.enable');
    // In the page's own world, from its first moment: when a mark first lies in the viewport.
    await session.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `(() => {
        // Its first mentions (terms the page defines) lie ~2,200 px down: the reader followed a link to
        // a section, and the viewport's block is the one Glossa must mark first.
        addEventListener('DOMContentLoaded', () => scrollTo(0, ${FIRST_MARKS_SCROLL_Y}));
        const poll = () => {
          const marks = CSS.highlights && CSS.highlights.get('glossa-mention-underline');
          if (marks) for (const r of marks) {
            const range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset);
            const box = range.getBoundingClientRect();
            if (box.bottom > 0 && box.top < innerHeight && box.width > 0) { window.__firstMarkAt = performance.now(); return; }
          }
          if (performance.now() < 10000) setTimeout(poll, 1);
        };
        poll();
      })()`,
    });
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(
        () => (window as unknown as { __firstMarkAt?: number }).__firstMarkAt !== undefined,
        undefined,
        { timeout: 15_000 },
      )
      .catch(() => {});
    const at = await page.evaluate(() => (window as unknown as { __firstMarkAt?: number }).__firstMarkAt);
    await page
      .waitForFunction(() => performance.getEntriesByName('glossa:scan').length > 0, undefined, {
        timeout: 15_000,
      })
      .catch(() => {});
    const timing = await page.evaluate(() => {
      const scan = performance.getEntriesByName('glossa:scan')[0] as PerformanceMeasure | undefined;
      const viewport = performance.getEntriesByName('glossa:viewport')[0] as PerformanceMeasure | undefined;
      return {
        scriptStart: (scan?.detail as { scriptStart?: number } | undefined)?.scriptStart,
        scanStart: scan?.startTime,
        viewportBusy: (viewport?.detail as { busyMs?: number } | undefined)?.busyMs,
      };
    });
    const { scriptStart, scanStart, viewportBusy } = timing;
    if (at !== undefined && scriptStart !== undefined) {
      firsts.push(at - scriptStart);
      if (scanStart !== undefined) startups.push(scanStart - scriptStart);
      if (viewportBusy !== undefined) viewportBusys.push(viewportBusy);
    }
    await session.detach().catch(() => {});
    await page.close();
  }
  const firstMs = median(firsts);
  log(`first marks in the viewport of wikipedia-2: ${ms(firstMs)} ms after the script started`);
  return {
    firstMs,
    text: [
      '## First marks in the viewport: wikipedia-2',
      '',
      "From the moment Glossa's script starts to the first mark that lies in the viewport, seen from the page's own",
      `world (polled every millisecond or so). The page is scrolled to ${FIRST_MARKS_SCROLL_Y} px at DOMContentLoaded, just above`,
      `its first mention (a definition of OECD): the reader followed a link to a section. ${LOADS} loads: ${firsts.map(ms).join(', ')} ms; median **${ms(firstMs)} ms**.`,
      `Of which: from the script's start to the scan's (reading the prepared glossary from storage), median`,
      `${ms(median(startups))} ms; Glossa's busy time marking the viewport (from its top to its bottom, a walk of its own),`,
      `median ${ms(median(viewportBusys))} ms; the rest is the page's own work (a 490k-character page still laying itself out).`,
    ].join('\n'),
  };
}

interface DynamicResult {
  added: number;
  rescanned: number;
  costMs: number;
  longestRunMs: number;
}

async function dynamicSection(ext: LaunchedBrowser, url: string, blankUrl: string): Promise<string> {
  const results: DynamicResult[] = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await ext.context.newPage();
    await page.goto(blankUrl);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('glossa:scan').length > 0, undefined, {
      timeout: 15_000,
    });
    const session = await ext.context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const { added } = (await page.evaluate('window.__startAppending()')) as { added: number };
    await sleep(1_000);
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const rescanned = await page.evaluate(() =>
      (performance.getEntriesByName('glossa:rescan') as PerformanceMeasure[]).reduce(
        (sum, entry) => sum + (entry.detail as { textNodes: number }).textNodes,
        0,
      ),
    );
    const cost = costOf(profile, `chrome-extension://${ext.extensionId}/`);
    results.push({ added, rescanned, costMs: cost.inclusiveMs, longestRunMs: cost.longestRunMs });
    await session.detach().catch(() => {});
    await page.close();
  }
  return [
    '## A page that keeps appending: 1,000 paragraphs in 100 batches, one every 50 ms',
    '',
    'Glossa CPU from the first append to a second after the last (profiler), and the text nodes it rescanned',
    'against those the page added: work in proportion to what changed.',
    '',
    table(
      ['load', 'text nodes added', 'rescanned', 'rescanned / added', 'Glossa ms', 'longest stretch ms'],
      results.map((r, i) => [
        `load ${i + 1}`,
        int(r.added),
        int(r.rescanned),
        ratio(r.rescanned / r.added),
        ms(r.costMs),
        ms(r.longestRunMs),
      ]),
    ),
  ].join('\n');
}

function gzipSize(file: string): { bytes: number; gzip: number } {
  const content = readFileSync(file);
  return { bytes: statSync(file).size, gzip: gzipSync(content, { level: 9 }).length };
}

async function sizesSection(): Promise<{ text: string; coreGzip: number }> {
  const out = path.join(repoRoot, '.output', 'chrome-mv3');
  const core = gzipSize(path.join(out, 'glossa-page.js'));
  const popover = gzipSize(path.join(out, 'popover.js'));
  const rows: string[][] = [
    ['page script (every frame): glossa-page.js', int(core.bytes), int(core.gzip)],
    ['popover, on demand: popover.js', int(popover.bytes), int(popover.gzip)],
  ];
  const snapshotRows: string[][] = [];
  for (const count of [0, 500, 5000]) {
    const packs = count ? [builtinPack, syntheticPack(count)] : [builtinPack];
    const settings = { ...DEFAULT_SETTINGS, sites: [], packOrder: [], disabledPacks: [] };
    const t0 = performance.now();
    const built = await buildSnapshot(
      { packs, settings, version: 'bench' },
      () => new Promise((r) => setImmediate(r)),
    );
    const buildMs = performance.now() - t0;
    const header =
      JSON.stringify(built.header).length + Object.values(built.parts).reduce((a, p) => a + p.length, 0);
    const shards = JSON.stringify(built.shards).length;
    snapshotRows.push([
      count ? `built-in + ${count} entries` : 'built-in pack',
      int(built.header.entryCount),
      int(built.header.index.aliasCount),
      int(header),
      int(Object.keys(built.shards).length),
      int(shards),
      ms(buildMs),
    ]);
  }
  return {
    coreGzip: core.gzip,
    text: [
      '## Sizes',
      '',
      table(['script', 'bytes', 'gzip -9 bytes'], rows),
      '',
      'The prepared glossary (snapshot): what every frame with text reads (header: settings and the match index, in',
      'characters of JSON), and the entry shards only the popover reads. Build time in Node, with pauses between',
      'slices (the service worker figures are in the glossary section).',
      '',
      table(
        ['glossary', 'entries', 'aliases', 'header chars', 'shards', 'shard chars', 'build ms (Node)'],
        snapshotRows,
      ),
    ].join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------------

const REPORT_PATH = path.join(repoRoot, '.reports', 'bench.md');

/** A target over pages: nothing to say when the run measured none of them (BENCH_PAGES). */
const verdict = (measured: number, met: boolean) => (measured === 0 ? 'n/a' : met ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const server = await startServer();
  const blankUrl = server.register('/bench/blank.html', '<!doctype html><title>blank</title>');
  const stress: BenchPage[] = [
    {
      name: 'stress: 1 MB text',
      url: server.register('/stress/text-1mb.html', articlePage(1_000_000, 11)),
      corpus: false,
    },
    {
      name: 'stress: 5 MB text',
      url: server.register('/stress/text-5mb.html', articlePage(5_000_000, 55)),
      corpus: false,
    },
    {
      name: 'stress: 100k text nodes',
      url: server.register('/stress/nodes-100k.html', manyNodesPage(20_000, 100)),
      corpus: false,
    },
  ];
  const dynamicUrl = server.register('/stress/dynamic.html', dynamicPage(200, 100, 10, 50, 7));
  const corpus = (await listCorpus()).map<BenchPage>((file) => ({
    name: file,
    url: server.url(`/corpus/${file}`),
    corpus: true,
  }));
  const only = process.env.BENCH_PAGES?.split(',').filter(Boolean);
  const pages = [...corpus, ...stress].filter((p) => !only || only.some((o) => p.name.includes(o)));
  log(`${pages.length} pages, ${LOADS} loads each`);

  const ext = await launchBrowser({ withExtension: true, debuggingPort: true });
  const plain = await launchBrowser({ withExtension: false });
  await ext.context.addInitScript(observeLongTasks);
  const browserVersion = `Chromium ${plain.context.browser()?.version() ?? '(version unknown)'}`;
  const loadBefore = os.loadavg()[0] ?? 0;
  const sections: string[] = [];
  const targets: string[][] = [];
  /**
   * The report so far, written after every section: a full run takes over 20 minutes here, and one cut
   * short (a timeout, a crash) still leaves the tables it finished.
   */
  const writeReport = (finished: boolean): string => {
    const ran = `ran ${((performance.now() - startedAt) / 1000).toFixed(0)} s`;
    const report = [
      '# Glossa benchmark',
      '',
      `${new Date().toISOString()} · Node ${process.version} · ${browserVersion} · ${os.cpus().length} cores · ${LOADS} loads per page · ${finished ? ran : `in progress, ${ran} so far`}`,
      `· load average ${loadBefore.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} ${finished ? 'at the end' : 'now'}.`,
      '',
      sections.join('\n\n'),
      '',
    ].join('\n');
    mkdirSync(path.dirname(REPORT_PATH), { recursive: true });
    writeFileSync(REPORT_PATH, report);
    return report;
  };
  const addSection = (text: string) => {
    sections.push(text);
    writeReport(false);
  };
  try {
    // The first page after start builds nothing (the worker prepared the glossary at install) but reads
    // it cold; one load outside the measurements.
    await measureGlossa(ext, server.url('/corpus/readability__bbc-1.html'), blankUrl);
    const reports = await measurePages(ext, plain, pages, blankUrl, !SKIP.has('mark'));
    addSection(pagesTable('## What Glossa adds to a page load: the built-in pack', reports));
    const large = reports.filter(isLarge);
    const small = reports.filter(isSmall);
    const largeRatio = median(large.map((r) => costMs(r.loads) / floorProfiledMs(r)));
    const smallOver = median(small.map((r) => costMs(r.loads) - floorProfiledMs(r)));
    targets.push(
      [
        `pages over 20k characters (${large.length}): Glossa ÷ floor, median`,
        '≤ 2×',
        ratio(largeRatio),
        verdict(large.length, largeRatio <= 2),
      ],
      [
        `pages up to 20k characters (${small.length}): Glossa − floor, median`,
        '≤ 2 ms',
        `${ms(smallOver)} ms`,
        verdict(small.length, smallOver <= 2),
      ],
    );
    const regexpRatio = median(large.map((r) => (r.mark?.regexp?.ms ?? Number.NaN) / costMs(r.loads)));
    const arrayRatio = median(
      large.map(
        (r) =>
          (r.mark?.arrayTimedOut ? MARK_ARRAY_TIMEOUT_MS : (r.mark?.array?.ms ?? Number.NaN)) /
          costMs(r.loads),
      ),
    );
    if (!SKIP.has('mark')) {
      targets.push(
        ['mark.js markRegExp ÷ Glossa (large pages, median)', 'for comparison', ratio(regexpRatio), '-'],
        ['mark.js mark(array) ÷ Glossa (large pages, median)', 'for comparison', ratio(arrayRatio), '-'],
      );
    }

    if (!SKIP.has('frames')) {
      const frames = await framesSection(ext, server);
      addSection(frames.text);
      targets.push(
        [
          'a cross-site frame with one line of text',
          '≤ 1 ms',
          `${ms(frames.one)} ms`,
          frames.one <= 1 ? 'met' : 'MISSED',
        ],
        ['a page with 20 such frames (the frames’ renderer)', 'printed', `${ms(frames.twenty)} ms`, '-'],
      );
    }

    const wiki = pages.find((p) => p.name.includes('wikipedia-2'));
    if (wiki) {
      const first = await firstMarksSection(ext, wiki.url, blankUrl);
      addSection(first.text);
      targets.push([
        'first marks in the viewport of wikipedia-2 after the script starts',
        '≤ 50 ms',
        `${ms(first.firstMs)} ms`,
        first.firstMs <= 50 ? 'met' : 'MISSED',
      ]);
    }

    if (!SKIP.has('big-glossary')) {
      const installed = await installPack(ext, syntheticPack(5000));
      log(`5,000 entries: rebuilt in ${ms(installed.rebuildMs)} ms, worker CPU ${ms(installed.workerMs)} ms`);
      const bigReports = await measurePages(
        ext,
        plain,
        pages.filter((p) => p.corpus),
        blankUrl,
        false,
      );
      const ratios = bigReports.map((big) => {
        const built = reports.find((r) => r.page.url === big.page.url) as PageReport;
        return costMs(big.loads) / costMs(built.loads);
      });
      const bigRatio = median(ratios);
      const pageLong = Math.max(...bigReports.flatMap((r) => r.loads.map((l) => l.longTaskMs)));
      const glossaLong = Math.max(...bigReports.flatMap((r) => r.loads.map((l) => l.cost.longestRunMs)));
      addSection(
        [
          '## A 5,000-entry imported glossary',
          '',
          `Imported as a pack (storage.local "packs"); the service worker rebuilt the snapshot in ${ms(installed.rebuildMs)} ms of wall time,`,
          `${ms(installed.workerMs)} ms of its CPU, with a longest uninterrupted stretch of ${ms(installed.longestRunMs)} ms (a bound on its longest task).`,
          '',
          table(
            ['page', 'built-in ms', 'with 5,000 entries ms', 'ratio', 'longest stretch ms'],
            bigReports.map((big, i) => {
              const built = reports.find((r) => r.page.url === big.page.url) as PageReport;
              return [
                big.page.name,
                ms(costMs(built.loads)),
                ms(costMs(big.loads)),
                ratio(ratios[i]),
                ms(Math.max(...big.loads.map((l) => l.cost.longestRunMs))),
              ];
            }),
          ),
        ].join('\n'),
      );
      targets.push(
        [
          '5,000-entry glossary ÷ built-in pack, same pages, median',
          '≤ 1.2×',
          ratio(bigRatio),
          bigRatio <= 1.2 ? 'met' : 'MISSED',
        ],
        [
          'longest task with 5,000 entries: page (any code) / Glossa stretch / worker rebuild stretch',
          '≤ 50 ms',
          `${ms(pageLong)} / ${ms(glossaLong)} / ${ms(installed.longestRunMs)} ms`,
          Math.max(glossaLong, installed.longestRunMs) <= 50 ? 'met' : 'MISSED',
        ],
      );
      await installPack(ext, null);
    }

    if (!SKIP.has('dynamic')) addSection(await dynamicSection(ext, dynamicUrl, blankUrl));
    if (!SKIP.has('hostile')) addSection(await hostileSection(ext, plain, server, LOADS));
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
  if (!SKIP.has('adversarial')) addSection(await adversarialSection());
  const sizes = await sizesSection();
  addSection(sizes.text);
  targets.push([
    'page script, gzip',
    '≤ 30 kB',
    `${(sizes.coreGzip / 1000).toFixed(1)} kB`,
    sizes.coreGzip <= 30_000 ? 'met' : 'MISSED',
  ]);
  addSection(['## Targets', '', table(['target', 'wanted', 'measured', 'verdict'], targets)].join('\n'));

  console.log(writeReport(true));
  log(`wrote ${path.relative(repoRoot, REPORT_PATH)}`);
}

await main();

/**
 * The benchmark's section on pages that fight back (#13): what Glossa spends on a mutation storm, a
 * giant page (200,000 mentions) and its memory per mention, and the time per MB of the definition
 * extractor and the matcher on adversarial text. The browser rows are measured from outside (V8's
 * profiler, the renderer's heap); the per-MB rows run the same code in Node, a window at a time as the
 * page scanner calls it.
 */
import type { Page } from 'playwright-core';
import { builtinPack } from '../../src/glossary/builtin/rok-us-alliance';
import { buildSnapshot } from '../../src/glossary-snapshot/build-snapshot';
import { MatchIndex } from '../../src/matching/match-index';
import { PageDefinitions } from '../../src/page-definitions/page-definitions';
import { DEFAULT_SETTINGS } from '../../src/settings/model';
import type { LaunchedBrowser } from '../e2e/support/browser';
import { giantPage, stormPage } from '../e2e/support/hostile-pages';
import type { StaticServer } from '../e2e/support/server';
import { type CpuProfile, costOf } from './cpu-profile';
import { int, median, ms, table } from './util';

/** Adversarial texts of about 1 MB each, the same as the end-to-end test's. */
export function adversarialTexts(): [string, string][] {
  let base64 = '';
  const alphabet = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=';
  for (let i = 0; i < 1_000_000; i++) base64 += alphabet[i % alphabet.length];
  const pairs: string[] = [];
  for (let i = 0; pairs.length * 14 < 1_000_000; i++) pairs.push(`Word${i} (W${i})`);
  const minified = 'function(a,b){return a&&b?(a(b),b(a)):void 0};var x=(1,2),y=[(3)];'.repeat(15_000);
  const sentence =
    'The ministers met in Seoul on Tuesday to discuss the alliance and the costs of the troops stationed there. ';
  const defining =
    'The Nuclear Consultative Group (NCG) met again, or so officials said, and the Combined Forces Command — CFC — agreed. ';
  return [
    [
      'nested and unbalanced parentheses',
      `${'('.repeat(300_000)} x ${')'.repeat(200_000)}${'((a)(b(c)'.repeat(55_000)}`,
    ],
    ['"X (Y)" pairs', pairs.join(' ')],
    ['one word of a million letters', 'A'.repeat(1_000_000)],
    ['CJK with no spaces (中国梦 ×)', '中国梦'.repeat(333_000)],
    ['base64', base64],
    ['minified code', minified],
    ['prose without parentheses', sentence.repeat(Math.ceil(1_000_000 / sentence.length))],
    [
      'prose with a definition in every sentence (parentheses, ", or", dashes)',
      defining.repeat(Math.ceil(1_000_000 / defining.length)),
    ],
  ];
}

const WINDOW = 500;
const MATCH_WINDOW = 8_000;

/** Extractor and matcher ms per MB over `text`, a window at a time; median of `runs`. */
function perMb(text: string, index: MatchIndex, runs: number) {
  const mb = text.length / 1e6;
  const extract: number[] = [];
  const match: number[] = [];
  let mentions = 0;
  for (let run = 0; run < runs; run++) {
    const page = new PageDefinitions(() => undefined, { title: 'bench' });
    let at = performance.now();
    for (let from = 0; from < text.length; from += WINDOW)
      page.readRun(text, from, Math.min(text.length, from + WINDOW));
    extract.push((performance.now() - at) / mb);
    let found = 0;
    let lastEnd = 0;
    at = performance.now();
    for (let from = 0; from < text.length; from += MATCH_WINDOW)
      lastEnd = index.scan(
        text,
        () => found++,
        Math.max(from, lastEnd),
        Math.min(text.length, from + MATCH_WINDOW),
      );
    match.push((performance.now() - at) / mb);
    mentions = found;
  }
  return { extract: median(extract), match: median(match), mentions };
}

export async function adversarialSection(): Promise<string> {
  const built = await buildSnapshot({ packs: [builtinPack], settings: DEFAULT_SETTINGS, version: 'bench' });
  const index = new MatchIndex(built.header.index);
  const rows: string[][] = [];
  for (const [name, text] of adversarialTexts()) {
    const one = perMb(text, index, 3);
    const four = perMb(text.repeat(4), index, 1);
    rows.push([
      name,
      (text.length / 1e6).toFixed(2),
      `${ms(one.extract)} / ${ms(four.extract)}`,
      `${ms(one.match)} / ${ms(four.match)}`,
      int(one.mentions),
    ]);
  }
  return [
    '## Text that costs: time per MB (Node, the page scanner’s windows)',
    '',
    'The definition extractor (500 characters a window) and the built-in pack’s matcher (8,000) on',
    'adversarial text, at about 1 MB (median of three runs) and the same text four times over: linear',
    'means about the same ms per MB at both sizes.',
    '',
    table(['text', 'MB', 'extractor ms/MB (1× / 4×)', 'matcher ms/MB (1× / 4×)', 'mentions in 1×'], rows),
  ].join('\n');
}

async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach().catch(() => {});
  return usedSize;
}

interface ScanDetail {
  mentions: number;
  busyMs: number;
  slices: number;
  longSlices: number;
  longestSliceMs: number;
}

async function waitScan(page: Page): Promise<ScanDetail> {
  await page.waitForFunction(() => performance.getEntriesByName('glossa:scan').length > 0, undefined, {
    timeout: 120_000,
  });
  return page.evaluate(
    () => (performance.getEntriesByName('glossa:scan').at(-1) as PerformanceMeasure).detail as ScanDetail,
  );
}

export async function hostileSection(
  ext: LaunchedBrowser,
  plain: LaunchedBrowser,
  server: StaticServer,
  loads: number,
): Promise<string> {
  const stormUrl = server.register('/bench/storm.html', stormPage());
  const giantUrl = server.register('/bench/giant.html', giantPage());
  const storm: string[][] = [];
  for (let i = 0; i < Math.min(loads, 3); i++) {
    const page = await ext.context.newPage();
    await page.goto(stormUrl);
    await waitScan(page);
    await page.waitForTimeout(1_000);
    const session = await page.context().newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const started = Date.now();
    await page.waitForTimeout(10_000);
    const wall = Date.now() - started;
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const cost = costOf(profile, `chrome-extension://${ext.extensionId}/`);
    storm.push([
      `load ${i + 1}`,
      ms(cost.inclusiveMs),
      `${((cost.inclusiveMs / wall) * 100).toFixed(1)}%`,
      ms(cost.longestRunMs),
    ]);
    await page.close();
  }
  const giant: string[][] = [];
  for (let i = 0; i < Math.min(loads, 3); i++) {
    const bare = await plain.context.newPage();
    await bare.goto(giantUrl);
    await bare.waitForTimeout(1_500);
    const without = await heapAfterGc(bare);
    await bare.close();
    const page = await ext.context.newPage();
    const loaded = Date.now();
    await page.goto(giantUrl);
    const scan = await waitScan(page);
    const wall = Date.now() - loaded;
    const withGlossa = await heapAfterGc(page);
    giant.push([
      `load ${i + 1}`,
      int(scan.mentions),
      ms(scan.busyMs),
      ms(wall),
      `${int(scan.slices)} (${scan.longSlices} over 50 ms, longest ${ms(scan.longestSliceMs)} ms)`,
      `${((withGlossa - without) / 1e6).toFixed(1)} MB`,
      int((withGlossa - without) / scan.mentions),
    ]);
    await page.close();
  }
  return [
    '## Pages that fight back',
    '',
    'A mutation storm: a clock rewritten every animation frame and 400 paragraphs a second added and',
    'removed, profiled for 10 s after a second of warm-up. Glossa’s CPU and its longest stretch.',
    '',
    table(['load', 'Glossa ms', 'share of wall time', 'longest stretch ms'], storm),
    '',
    'A giant: a table of 100,000 rows, "THAAD and OPCON" in each (200,001 mentions). Scan time (busy, and',
    'from navigation to the scan’s end), its slices, and the renderer’s heap after GC against the same page',
    'without Glossa, per mention (text-node wrappers of the isolated world included).',
    '',
    table(
      ['load', 'mentions', 'scan busy ms', 'load to scanned ms', 'slices', 'heap added', 'bytes / mention'],
      giant,
    ),
  ].join('\n');
}

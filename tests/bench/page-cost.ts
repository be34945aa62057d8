/**
 * One page load measured from outside (cpu-profile.ts): what Glossa costs the page's renderer, and the
 * floor any content script has on the same page.
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../e2e/support/browser';
import { type CpuProfile, costOf, type GlossaCost, mainFrameId, profileLoad } from './cpu-profile';

export interface ScanDetail {
  textNodes: number;
  chars: number;
  mentions: number;
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  longSlices: number;
  scriptStart: number;
}

export interface GlossaLoad {
  cost: GlossaCost;
  /** The first full scan's measure (absent: none within the wait, e.g. Glossa idle or off). */
  scan?: { startTime: number; duration: number; detail: ScanDetail };
  /** Longest `longtask` entry of the page (any code) while Glossa worked. */
  longTaskMs: number;
}

export interface FloorLoad {
  /** The first walk in a fresh isolated world, timed inside it. */
  firstWalkMs: number;
  /** The same walk's samples in the profiler, as Glossa's are counted. */
  firstWalkProfiledMs: number;
  /** The walk repeated in the page's own world, whose wrappers exist already (the old "bare walk"). */
  warmWalkMs: number;
}

const SCAN_WAIT_MS = 20_000;
/** After the first scan: reports, the idle slices of a long page, late rescans. */
const SETTLE_MS = 1_000;

export const sleep = (millis: number) =>
  new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), millis));

/** Registered in the extension's browser: the page's long tasks (≥ 50 ms), in the main world. */
export function observeLongTasks(): void {
  const tasks: { startTime: number; duration: number }[] = [];
  (window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask not supported: 0 is reported
  }
}

async function readScan(page: Page): Promise<GlossaLoad['scan']> {
  return page.evaluate(() => {
    const entry = performance.getEntriesByName('glossa:scan')[0] as PerformanceMeasure | undefined;
    return entry ? { startTime: entry.startTime, duration: entry.duration, detail: entry.detail } : undefined;
  });
}

/**
 * Loads `url` in a fresh tab of the extension's browser with the profiler running from before the
 * navigation (the tab first shows a blank page of the same origin, so that the page's renderer is the
 * one being profiled), until Glossa's first scan is done and has settled.
 */
export async function measureGlossa(
  ext: LaunchedBrowser,
  url: string,
  blankUrl: string,
): Promise<GlossaLoad> {
  const page = await ext.context.newPage();
  try {
    await page.goto(blankUrl);
    const session = await ext.context.newCDPSession(page);
    const profile: CpuProfile = await profileLoad(page, session, url, async () => {
      await page
        .waitForFunction(() => performance.getEntriesByName('glossa:scan').length > 0, undefined, {
          timeout: SCAN_WAIT_MS,
          polling: 50,
        })
        .catch(() => {});
      await page.waitForTimeout(SETTLE_MS);
    });
    await session.detach().catch(() => {});
    const scan = await readScan(page).catch(() => undefined);
    const tasks = await page
      .evaluate(
        () => (window as unknown as { __benchLongTasks?: { duration: number }[] }).__benchLongTasks ?? [],
      )
      .catch(() => []);
    return {
      cost: costOf(profile, `chrome-extension://${ext.extensionId}/`),
      scan,
      longTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    };
  } finally {
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), sleep(10_000)]);
  }
}

const FLOOR_WALK = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    n += node.nodeType === 3 ? node.data.length : node.localName.length;
  }
  return [performance.now() - t0, n];
})()
//# sourceURL=glossa-bench-floor.js`;

/** The floor on a fresh load in the browser without the extension. */
export async function measureFloor(plain: LaunchedBrowser, url: string): Promise<FloorLoad> {
  const page = await plain.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
    const session = await plain.context.newCDPSession(page);
    const frameId = await mainFrameId(session);
    // The profiled first walk, in one fresh world; the timed one in another fresh world of a new load
    // would be the same walk: both figures come from this one walk.
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', {
      frameId,
      worldName: `floor-${Math.random().toString(36).slice(2)}`,
    });
    const result = await session.send('Runtime.evaluate', {
      contextId: executionContextId,
      returnByValue: true,
      expression: FLOOR_WALK,
    });
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const firstWalk = (result.result.value as [number, number])[0];
    const profiled = costOf(profile, 'glossa-bench-floor.js').inclusiveMs;
    // The warm walk: again and again in the page's own world, whose wrappers the page made already.
    const warm = (await page.evaluate(`(() => {
      const walk = () => { const w = document.createTreeWalker(document, 5); let n = 0;
        for (let x = w.nextNode(); x; x = w.nextNode()) n += x.nodeType === 3 ? x.data.length : x.localName.length; return n; };
      walk(); const t0 = performance.now(); let r = 0; do { walk(); r++; } while (performance.now() - t0 < 20 && r < 200);
      return (performance.now() - t0) / r; })()`)) as number;
    await session.detach().catch(() => {});
    // A first walk that fell between samples count for what they were timed at.
    return { firstWalkMs: firstWalk, firstWalkProfiledMs: Math.max(profiled, firstWalk), warmWalkMs: warm };
  } finally {
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => {}), sleep(10_000)]);
  }
}

/** Only for the frame: the cost of Glossa in an out-of-process frame, reloaded under the profiler. */
export async function measureFrames(
  ext: LaunchedBrowser,
  pageUrl: string,
  frameCount: number,
): Promise<{ costMs: number; perFrameMs: number; longestRunMs: number }> {
  const page = await ext.context.newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForTimeout(1_000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error('no frame');
    const session = await ext.context.newCDPSession(frame);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    // Every frame loads its document again: new documents in the same (cross-site) renderer.
    await page.evaluate(() => {
      for (const iframe of document.querySelectorAll('iframe'))
        iframe.src = `${iframe.src.split('?')[0]}?again`;
    });
    await page.waitForTimeout(2_500);
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await session.detach().catch(() => {});
    const cost = costOf(profile, `chrome-extension://${ext.extensionId}/`);
    return {
      costMs: cost.inclusiveMs,
      perFrameMs: cost.inclusiveMs / frameCount,
      longestRunMs: cost.longestRunMs,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * What Glossa costs a page, measured from outside: V8's sampling profiler on the page's renderer
 * (CDP `Profiler`, 100 µs samples). A sample counts as Glossa's when any frame of its stack comes from
 * one of Glossa's scripts (`chrome-extension://<id>/…`): the DOM calls Glossa makes (a TreeWalker
 * step, a `Text.data` read) run in native code that the profile files under their own names, and
 * they are Glossa's cost too. Glossa's own `performance.measure` entries are not used here.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface GlossaCost {
  /** Milliseconds of samples with a Glossa frame anywhere on the stack. */
  inclusiveMs: number;
  /** Milliseconds of samples whose own function is Glossa's. */
  selfMs: number;
  /** The leaf functions of Glossa's samples, heaviest first (name, ms). */
  top: [string, number][];
  /** Glossa's functions by the time spent in them and below them, heaviest first (name, ms). */
  inclusiveTop: [string, number][];
  /** The longest stretch of consecutive samples with Glossa on the stack: its longest task, or more. */
  longestRunMs: number;
}

/** Sums a profile's samples by whether a frame of `urlPrefix` is on the stack. */
export function costOf(profile: CpuProfile, urlPrefix: string): GlossaCost {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map<number, boolean>();
  const onStack = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const answer =
      node !== undefined && (node.callFrame.url.startsWith(urlPrefix) || (up !== undefined && onStack(up)));
    ours.set(id, answer);
    return answer;
  };
  let inclusive = 0;
  let self = 0;
  const leaves = new Map<string, number>();
  const inclusiveBy = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const id = samples[i] as number;
    if (!onStack(id)) {
      run = 0;
      continue;
    }
    run += ms;
    longestRun = Math.max(longestRun, run);
    inclusive += ms;
    const node = byId.get(id);
    if (node?.callFrame.url.startsWith(urlPrefix)) self += ms;
    const name = `${node?.callFrame.functionName || '(anonymous)'}${node?.callFrame.url ? '' : ' [native]'}`;
    leaves.set(name, (leaves.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame?.url.startsWith(urlPrefix)) continue;
      const key = `${frame.functionName || '(anonymous)'}${process.env.PROFILE_LINES ? `:${frame.lineNumber}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusiveBy.set(key, (inclusiveBy.get(key) ?? 0) + ms);
    }
  }
  return {
    inclusiveMs: inclusive,
    selfMs: self,
    top: [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 12),
    inclusiveTop: [...inclusiveBy].sort((a, b) => b[1] - a[1]).slice(0, 25),
    longestRunMs: longestRun,
  };
}

export async function startProfiling(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
}

export async function stopProfiling(session: CDPSession): Promise<CpuProfile> {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await session.send('Profiler.disable').catch(() => {});
  return profile;
}

/** The main frame's CDP frame id. */
export async function mainFrameId(session: CDPSession): Promise<string> {
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  return frameTree.frame.id;
}

/** Loads `url` in `page` with the profiler running from before navigation until `settle` resolves. */
export async function profileLoad(
  page: Page,
  session: CDPSession,
  url: string,
  settle: () => Promise<void>,
): Promise<CpuProfile> {
  await startProfiling(session);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
  await settle();
  return stopProfiling(session);
}

/**
 * Bundled by run.ts (esbuild, IIFE) and injected into a page: Glossa's matcher and text scan without
 * the extension, so that a glossary the extension cannot load yet (500 entries) can be measured on a
 * page. `scan(entries)` compiles the matcher and scans the whole document in one go.
 */
import type { MatchableEntry } from '../../src/matching';
import { compileMatcher } from '../../src/matching';
import { TextScan } from '../../src/page-scanning';

export interface BenchScanResult {
  compileMs: number;
  scanMs: number;
  textNodes: number;
  chars: number;
  mentions: number;
}

export interface BenchProbeResult {
  compileMs: number;
  /** Times of successive `matcher.scan` calls on one short string: the first ones compile the regex. */
  runsMs: number[];
}

declare global {
  interface Window {
    __glossaBench?: {
      scan(entries: MatchableEntry[]): BenchScanResult;
      probe(entries: MatchableEntry[], text: string, runs: number): BenchProbeResult;
    };
  }
}

window.__glossaBench = {
  scan(entries) {
    const t0 = performance.now();
    const matcher = compileMatcher(entries);
    const t1 = performance.now();
    const scan = new TextScan(document, { matcher, onMention: () => {} });
    scan.step();
    const t2 = performance.now();
    return { compileMs: t1 - t0, scanMs: t2 - t1, ...scan.stats };
  },
  probe(entries, text, runs) {
    const t0 = performance.now();
    const matcher = compileMatcher(entries);
    const compileMs = performance.now() - t0;
    const runsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      matcher.scan(text, () => {});
      runsMs.push(performance.now() - t);
    }
    return { compileMs, runsMs };
  },
};

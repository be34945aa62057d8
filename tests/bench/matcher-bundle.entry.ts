/**
 * Bundled by run.ts (esbuild, IIFE) into a blank page: the micro-benchmark's engines in Chromium's V8,
 * which is newer than Node's and is where the extension runs.
 */
import type { MatchableEntry } from '../../src/matching';
import { type EngineResult, runEngine } from './engines';

declare global {
  interface Window {
    __matcherBench?: {
      run(
        engine: string,
        glossary: string,
        entries: MatchableEntry[],
        texts: { name: string; text: string }[],
      ): EngineResult[];
    };
  }
}

window.__matcherBench = {
  run(engine, glossary, entries, texts) {
    const out: EngineResult[] = [];
    runEngine(engine, glossary, entries, texts, (result) => out.push(result));
    return out;
  },
};

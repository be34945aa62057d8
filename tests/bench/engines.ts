/**
 * The matchers compared by the micro-benchmark, usable both in Node (matcher.bench.ts) and, bundled, in
 * Chromium (matcher-bundle.entry.ts): nothing here imports Node modules.
 */
import AhoCorasickBrunoRB from 'ahocorasick';
import ModernAhoCorasick from 'modern-ahocorasick';
import { compileMatcher, type MatchableEntry } from '../../src/matching';
import { escapeRegExp, median } from './util';

export interface Engine {
  /** Prepares the engine for a glossary; returns a function that scans one text and counts matches. */
  prepare(entries: readonly MatchableEntry[]): (text: string) => number;
}

const aliasTexts = (entries: readonly MatchableEntry[]) => [
  ...new Set(entries.flatMap((entry) => entry.aliases.map((alias) => alias.text))),
];

/**
 * modern-ahocorasick's time grows quadratically with the length of a text that holds non-ASCII
 * characters (FIELD-NOTES; here 16k characters of wikipedia-2 took 74 ms, 8k took 66 ms): it gets the
 * text in chunks of this many characters, cut at whitespace — as a DOM scanner would feed it paragraphs.
 */
const MODERN_CHUNK = 2000;
export const GLOSSA = 'Glossa compileMatcher (one regex)';
export const NAIVE = 'naive: one regex per alias';
export const AHO = 'ahocorasick 1.0.2 (lower-cased text)';
export const MODERN = `modern-ahocorasick 3.3.0 (lower-cased text in ${MODERN_CHUNK}-char chunks, leftmost-longest)`;

function* chunks(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    yield text.slice(start, end);
    start = end;
  }
}

export const ENGINES: Record<string, Engine> = {
  [GLOSSA]: {
    prepare(entries) {
      const matcher = compileMatcher(entries);
      return (text) => {
        let n = 0;
        matcher.scan(text, () => {
          n++;
        });
        return n;
      };
    },
  },
  [NAIVE]: {
    prepare(entries) {
      const regexes = entries.flatMap((entry) =>
        entry.aliases.map(
          (alias) =>
            new RegExp(
              `(?<![A-Za-z0-9_])${escapeRegExp(alias.text)}(?![A-Za-z0-9_])`,
              alias.caseSensitive ? 'g' : 'gi',
            ),
        ),
      );
      return (text) => {
        let n = 0;
        for (const regex of regexes) {
          regex.lastIndex = 0;
          while (regex.exec(text) !== null) n++;
        }
        return n;
      };
    },
  },
  [AHO]: {
    prepare(entries) {
      const ac = new AhoCorasickBrunoRB(aliasTexts(entries).map((t) => t.toLowerCase()));
      return (text) => ac.search(text.toLowerCase()).reduce((sum, [, found]) => sum + found.length, 0);
    },
  },
  [MODERN]: {
    prepare(entries) {
      const ac = new ModernAhoCorasick([...new Set(aliasTexts(entries).map((t) => t.toLowerCase()))]);
      return (text) => {
        let n = 0;
        for (const chunk of chunks(text.toLowerCase(), MODERN_CHUNK)) {
          n += ac.search(chunk, { strategy: 'leftmost-longest' }).length;
        }
        return n;
      };
    },
  },
};

export interface EngineResult {
  engine: string;
  glossary: string;
  page: string;
  chars: number;
  ms?: number;
  matches?: number;
  prepareMs?: number;
  error?: string;
}

/**
 * Median time of repeated scans after one warm-up: at least 5 runs (up to 300 ms of them); 3 when one
 * run takes more than 200 ms, 1 when it takes more than a second.
 */
export function timeScan(scan: (text: string) => number, text: string): { ms: number; matches: number } {
  const w0 = performance.now();
  let matches = scan(text);
  const warmUp = performance.now() - w0;
  const minRuns = warmUp > 1000 ? 1 : warmUp > 200 ? 3 : 5;
  const times: number[] = [];
  const until = performance.now() + 300;
  while (times.length < minRuns || (performance.now() < until && times.length < 50)) {
    const t0 = performance.now();
    matches = scan(text);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), matches };
}

/** Prepares `engine` for `entries` and times it on each text. */
export function runEngine(
  engine: string,
  glossary: string,
  entries: readonly MatchableEntry[],
  texts: readonly { name: string; text: string }[],
  emit: (result: EngineResult) => void,
): void {
  const t0 = performance.now();
  const scan = (ENGINES[engine] as Engine).prepare(entries);
  const prepareMs = performance.now() - t0;
  for (const { name, text } of texts) {
    const { ms, matches } = timeScan(scan, text);
    emit({ engine, glossary, page: name, chars: text.length, ms, matches, prepareMs });
  }
}

/**
 * Matcher micro-benchmark: Glossa's one-regex alternation (compileMatcher) against npm Aho–Corasick
 * packages and a naive loop of one regex per alias, on the text of the three largest corpus pages, with
 * the built-in pack and with a ~500-entry glossary. Prints MB/s (1 MB = 10⁶ UTF-16 code units).
 *
 * In Node the Aho–Corasick packages run in a child process with a time limit (FIELD-NOTES saw
 * modern-ahocorasick go quadratic on long non-ASCII text). run.ts also runs the same engines in Chromium
 * (matcher-bundle.entry.ts) and prints both.
 *
 * Run alone (Node only): `npx tsx tests/bench/matcher.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MatchableEntry } from '../../src/matching';
import { AHO, ENGINES, type EngineResult, MODERN, runEngine } from './engines';
import { aliasCount, builtinEntries, syntheticEntries } from './terms';
import { table } from './util';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.resolve(here, '..', '..', '..', 'shared', 'corpus');

/** The three pages with the most visible text, per MANIFEST.tsv. */
export const MICRO_PAGES = [
  'readability__wikipedia-2.html',
  'readability__clean-links.html',
  'readability__archive-of-our-own.html',
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The page's text, crudely: no scripts, styles or comments; tags become spaces; common entities decoded. */
export function crudeText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

export function loadTexts(): { name: string; text: string }[] {
  return MICRO_PAGES.map((name) => ({
    name,
    text: crudeText(new TextDecoder().decode(readFileSync(path.join(corpusDir, name)))),
  }));
}

export const GLOSSARIES: Record<string, () => MatchableEntry[]> = {
  builtin: () => builtinEntries,
  '500-entry': () => [...builtinEntries, ...syntheticEntries(460)],
};

/** Engines that run in a child process under a time limit. */
const GUARDED = new Set([AHO, MODERN]);
export const ENGINE_TIMEOUT_MS = 30_000;

function runGuarded(engine: string, glossary: string): EngineResult[] {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', engine, glossary],
    { encoding: 'utf8', timeout: ENGINE_TIMEOUT_MS, maxBuffer: 1 << 24 },
  );
  const results: EngineResult[] = child.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as EngineResult);
  const timedOut = child.error !== undefined || child.signal !== null;
  for (const page of MICRO_PAGES) {
    if (results.some((r) => r.page === page)) continue;
    results.push({
      engine,
      glossary,
      page,
      chars: 0,
      error: timedOut
        ? `>${ENGINE_TIMEOUT_MS / 1000} s (stopped)`
        : `failed: ${child.stderr.trim().split('\n').pop()}`,
    });
  }
  return results;
}

/** Runs every engine with every glossary in Node. */
export function runNodeMatcherBench(log: (line: string) => void = () => {}): EngineResult[] {
  const results: EngineResult[] = [];
  const texts = loadTexts();
  for (const glossary of Object.keys(GLOSSARIES)) {
    for (const engine of Object.keys(ENGINES)) {
      log(`matcher bench (Node): ${engine}, ${glossary}`);
      if (GUARDED.has(engine)) results.push(...runGuarded(engine, glossary));
      else
        runEngine(engine, glossary, (GLOSSARIES[glossary] as () => MatchableEntry[])(), texts, (r) =>
          results.push(r),
        );
    }
  }
  return results;
}

const mbps = (value: number) => value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);

/** The markdown section: one table per runtime that has results. */
export function matcherMarkdown(runs: { runtime: string; results: EngineResult[] }[]): string {
  const sizes = Object.entries(GLOSSARIES).map(([name, make]) => {
    const entries = make();
    return `${name}: ${entries.length} entries, ${aliasCount(entries)} aliases`;
  });
  const texts = loadTexts();
  const header = [
    'engine',
    'glossary',
    ...texts.map(
      ({ name, text }) =>
        `${name.replace(/^readability__|\.html$/g, '')} (${(text.length / 1e6).toFixed(2)} M) MB/s`,
    ),
    'matches (per page)',
    'build ms',
  ];
  const tables = runs.map(({ runtime, results }) => {
    const rows: string[][] = [];
    for (const glossary of Object.keys(GLOSSARIES)) {
      for (const engine of Object.keys(ENGINES)) {
        const mine = texts.map(({ name }) =>
          results.find((r) => r.engine === engine && r.glossary === glossary && r.page === name),
        );
        rows.push([
          engine,
          glossary,
          ...mine.map((r) =>
            r?.ms !== undefined ? mbps(r.chars / 1e6 / (r.ms / 1000)) : (r?.error ?? 'n/a'),
          ),
          mine.map((r) => r?.matches ?? '-').join(' / '),
          mine[0]?.prepareMs !== undefined ? (mine[0].prepareMs as number).toFixed(1) : '-',
        ]);
      }
    }
    return [`### ${runtime}`, '', table(header, rows)].join('\n');
  });
  return [
    '## Matcher micro-benchmark (text of the 3 largest corpus pages, tags stripped crudely)',
    '',
    `Glossaries — ${sizes.join('; ')}. MB/s = 10⁶ UTF-16 code units per second, median of 5 runs after a`,
    'warm-up (3 runs past 200 ms a run, 1 past 1 s). Aho–Corasick packages get lower-cased patterns and text',
    '(lower-casing is timed) and check no word boundaries; ahocorasick reports overlapping matches; the naive loop',
    'does not resolve overlaps: match counts differ for these reasons. Node 20 ships V8 11.3; Chromium 156 a much',
    'newer V8, which is what the extension runs on.',
    '',
    tables.join('\n\n'),
  ].join('\n');
}

// Child mode: one guarded engine, JSON lines on stdout.
const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const glossary = argv[2] as string;
  runEngine(
    argv[1] as string,
    glossary,
    (GLOSSARIES[glossary] as () => MatchableEntry[])(),
    loadTexts(),
    (r) => console.log(JSON.stringify(r)),
  );
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = runNodeMatcherBench((line) => console.error(line));
  console.log(matcherMarkdown([{ runtime: `Node ${process.version}`, results }]));
}

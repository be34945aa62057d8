/**
 * The matcher against a brute-force reference written here from the rules alone: at each position, left
 * to right, every alias is tried with its own anchored check (boundaries, case rule, separator
 * variants, Korean particles); the longest match at the leftmost position wins, and the scan skips past
 * it. fast-check compares the two over random term sets and texts built from those terms' words.
 *
 * Semantics the issue leaves open, and that the reference fixes (the matcher agrees):
 * - The right boundary depends on the last character matched: after a Latin/Greek/Cyrillic letter, a
 *   digit, `_` or a period, no such word character may follow (Hangul may: "THAAD를"); after Hangul, up
 *   to three particles and then no Hangul; after anything else (CJK, punctuation) nothing is required.
 * - Title case of an all-capitals acronym lower-cases every capital that follows a letter: "THAAD" →
 *   "Thaad", "A2/AD" → "A2/Ad", "ROK JCS" → "Rok Jcs". An acronym of 2 to 7 letters whose lower case
 *   is a common English word ("WHO", "US", "SOFA") is read in capitals only.
 * - Separator runs are written alike: a run in an alias with a slash in it may be absent or any run of
 *   spaces, hyphens, dashes and slashes in the text; a run without a slash is one or more spaces,
 *   hyphens or dashes. Separators at either end of an alias are ignored.
 * - Case-insensitive means: a unit equals another when their lower cases are the same single unit of
 *   the same kind (word character or not), σ and ς being one letter; "İ" (whose lower case is two
 *   units) equals only itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type MatchableAlias as Alias,
  aliasKey,
  compileMatcher,
  findAll,
  KOREAN_PARTICLES,
  type MatchableEntry,
  type TextMatch,
} from '../../../src/matching';
import { COMMON_ENGLISH_WORDS } from '../../../src/matching/english-words-data';

/** The word list is data, shared; the rule that reads it is written here again. */
const ENGLISH_WORDS = new Set(COMMON_ENGLISH_WORDS.trim().split(/\s+/));

// ── The reference ─────────────────────────────────────────────────────────────────────────────────

const SPACES =
  '\t\n\v\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';
const HYPHENS = '-\u2010\u2011\u2012\u2013';
const SLASHES = '/\uFF0F';
const APOSTROPHES = "'\u2018\u2019\u02BC";

const inRanges = (ch: string | undefined, ranges: [number, number][]): boolean => {
  if (ch === undefined || ch.length !== 1) return false;
  const code = ch.charCodeAt(0);
  return ranges.some(([lo, hi]) => code >= lo && code <= hi);
};
const isWord = (ch: string | undefined) =>
  inRanges(ch, [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
    [0xc0, 0x2af],
    [0x370, 0x3ff],
    [0x400, 0x4ff],
  ]);
const isHangul = (ch: string | undefined) =>
  inRanges(ch, [
    [0xac00, 0xd7a3],
    [0x1100, 0x11ff],
    [0x3130, 0x318f],
  ]);
const isSeparator = (ch: string) => SPACES.includes(ch) || HYPHENS.includes(ch) || SLASHES.includes(ch);

/** The case-insensitive form of one character (see the rules above). */
function canonical(ch: string): string {
  if (ch.length !== 1) return ch;
  const lower = ch.toLowerCase();
  const folded = lower.length === 1 && isWord(lower) === isWord(ch) ? lower : ch;
  return folded === '\u03c2' ? '\u03c3' : folded;
}

type Unit = { kind: 'char'; ch: string } | { kind: 'apostrophe' } | { kind: 'separator'; slash: boolean };

function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  const chars = [...text.normalize('NFC').trim()];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (isSeparator(ch)) {
      let slash = false;
      for (; i < chars.length && isSeparator(chars[i] as string); i++) {
        if (SLASHES.includes(chars[i] as string)) slash = true;
      }
      units.push({ kind: 'separator', slash });
    } else {
      units.push(APOSTROPHES.includes(ch) ? { kind: 'apostrophe' } : { kind: 'char', ch });
      i++;
    }
  }
  while (units[0]?.kind === 'separator') units.shift();
  while (units.at(-1)?.kind === 'separator') units.pop();
  return units;
}

/** "THAAD" → "Thaad": a capital that follows a letter is lowered. */
function titled(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const afterLetter = i > 0 && /[A-Za-z]/.test(text[i - 1] as string);
    out += /[A-Z]/.test(ch) && afterLetter ? ch.toLowerCase() : ch;
  }
  return out;
}

/** The spellings a case-sensitive alias accepts; null for a case-insensitive one. */
function spellings(alias: Alias): string[] | null {
  if (!alias.caseSensitive) return null;
  const text = alias.text.normalize('NFC').trim();
  const allCaps = /[A-Z]/.test(text) && ![...text].some((c) => c !== c.toUpperCase());
  if (allCaps && /^[A-Z]{2,7}$/.test(text) && ENGLISH_WORDS.has(text.toLowerCase())) return [text];
  return allCaps ? [...new Set([text, titled(text)])] : [text];
}

/** End of the alias body matched at `at` with these units, or -1. Deterministic: no unit can take another's characters. */
function bodyEnd(units: Unit[], text: string, at: number, exactCase: boolean): number {
  let i = at;
  for (const unit of units) {
    if (unit.kind === 'separator') {
      const from = i;
      while (i < text.length) {
        const ch = text[i] as string;
        const ok = SPACES.includes(ch) || HYPHENS.includes(ch) || (unit.slash && SLASHES.includes(ch));
        if (!ok) break;
        i++;
      }
      if (!unit.slash && i === from) return -1;
    } else if (unit.kind === 'apostrophe') {
      if (!APOSTROPHES.includes(text[i] ?? '')) return -1;
      i++;
    } else {
      const piece = text.slice(i, i + unit.ch.length);
      if (piece !== unit.ch && (exactCase || canonical(piece) !== canonical(unit.ch))) return -1;
      i += unit.ch.length;
    }
  }
  return i;
}

/** Can up to `left` particles be read at `at` so that no Hangul follows? */
function particlesThenBoundary(text: string, at: number, left: number): boolean {
  if (!isHangul(text[at])) return true;
  if (left === 0) return false;
  return KOREAN_PARTICLES.some(
    (particle) =>
      text.startsWith(particle, at) && particlesThenBoundary(text, at + particle.length, left - 1),
  );
}

function rightBoundary(text: string, end: number): boolean {
  const last = text[end - 1];
  if (isWord(last) || last === '.') return !isWord(text[end]);
  if (isHangul(last)) return particlesThenBoundary(text, end, 3);
  return true;
}

const unitCache = new WeakMap<Alias, { units: Unit[][]; exact: boolean }>();

/** End of `alias` matched at `at` under all its rules, or -1. */
function aliasEnd(alias: Alias, text: string, at: number): number {
  // The units of each spelling are worked out once per alias: the search itself stays brute force.
  let cached = unitCache.get(alias);
  if (!cached) {
    const variants = spellings(alias);
    cached = variants
      ? { units: variants.map(unitsOf), exact: true }
      : { units: [unitsOf(alias.text)], exact: false };
    unitCache.set(alias, cached);
  }
  const exact = cached.exact;
  const candidates = cached.units.map((units) => bodyEnd(units, text, at, exact));
  const end = Math.max(...candidates);
  return end > at && rightBoundary(text, end) ? end : -1;
}

function referenceFindAll(entries: readonly MatchableEntry[], text: string): TextMatch[] {
  // The earlier entry owns an alias key; later entries' aliases with that key are not theirs to match.
  const owner = new Map<string, string>();
  const active: { alias: Alias; entryId: string }[] = [];
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const key = aliasKey(alias.text);
      if (!key) continue;
      if (!owner.has(key)) owner.set(key, entry.id);
      if (owner.get(key) === entry.id) active.push({ alias, entryId: entry.id });
    }
  }
  const out: TextMatch[] = [];
  let at = 0;
  while (at < text.length) {
    const leftOk = at === 0 || !(isWord(text[at - 1]) || isHangul(text[at - 1]));
    let best: TextMatch | null = null;
    if (leftOk) {
      for (const { alias, entryId } of active) {
        const end = aliasEnd(alias, text, at);
        if (end < 0) continue;
        if (best && end === best.end && entryId !== best.entryId) {
          throw new Error(`two entries match the same span ${JSON.stringify(text.slice(at, end))}`);
        }
        if (!best || end > best.end) best = { start: at, end, entryId };
      }
    }
    if (best) {
      out.push(best);
      at = best.end;
    } else at++;
  }
  return out;
}

// ── The reference, checked on its own ────────────────────────────────────────────────────────────

describe('the reference matcher', () => {
  const entries: MatchableEntry[] = [
    {
      id: 'thaad',
      aliases: [
        { text: 'THAAD', lang: 'en', caseSensitive: true },
        { text: '사드', lang: 'ko', caseSensitive: true },
      ],
    },
    {
      id: 'opcon',
      aliases: [
        { text: 'operational control', lang: 'en', caseSensitive: false },
        { text: 'wartime operational control', lang: 'en', caseSensitive: false },
      ],
    },
    { id: 'a2ad', aliases: [{ text: 'A2/AD', lang: 'en', caseSensitive: true }] },
  ];
  const spans = (text: string) => referenceFindAll(entries, text).map((m) => text.slice(m.start, m.end));

  it('follows the rules the examples state', () => {
    expect(spans('THAAD Thaad thaad THAADs xTHAAD')).toEqual(['THAAD', 'Thaad']);
    expect(spans('사드를 미사드 사드리')).toEqual(['사드']);
    expect(spans('the wartime operational control')).toEqual(['wartime operational control']);
    expect(spans('A2AD A2 / AD A2-Ad a2ad')).toEqual(['A2AD', 'A2 / AD', 'A2-Ad']);
  });
});

// ── Generators ───────────────────────────────────────────────────────────────────────────────────

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éÉöÖдДαΑİıß_'];
const HANGUL_SYLLABLES = [...'사드전작권주한미군대은는이가을를의에서으로과와도만리배치부터까지'];
const CJK = [...'薩德中國'];
const SEPARATORS = [' ', ' ', ' ', '-', '/', ' / ', '\u00A0', '\u2013', '\u2011', '  ', '\n', '／', ' - '];
const PUNCTUATION = ['.', ',', '(', ')', "'", '’', '"', ':', '.', '!'];

/** Random letters, and now and then an English word that an acronym may spell ("who", "us"). */
const latinWord = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 4 })
      .map((chars) => chars.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('who', 'us', 'it', 'sofa', 'Who') },
);
const hangulWord = fc
  .array(fc.constantFrom(...HANGUL_SYLLABLES), { minLength: 1, maxLength: 3 })
  .map((chars) => chars.join(''));
/** Words with inner punctuation, as in "U.S." and "No's". */
const dottedWord = fc
  .tuple(latinWord, fc.constantFrom('.', "'", '’', ''), latinWord, fc.constantFrom('.', ''))
  .map((parts) => parts.join(''));
const word = fc.oneof(
  { weight: 5, arbitrary: latinWord },
  { weight: 2, arbitrary: hangulWord },
  { weight: 1, arbitrary: fc.constantFrom(...CJK) },
  { weight: 1, arbitrary: dottedWord },
);

interface TermSpec {
  words: string[];
  separators: string[];
  caseSensitive: boolean;
  upper: boolean;
}

const termSpec: fc.Arbitrary<TermSpec> = fc
  .tuple(
    fc.array(word, { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom(' ', '-', '/', ' / ', "'", ''), { minLength: 2, maxLength: 2 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([words, separators, caseSensitive, upper]) => ({ words, separators, caseSensitive, upper }));

function termText(spec: TermSpec): string {
  let text = spec.words[0] as string;
  for (let i = 1; i < spec.words.length; i++) text += (spec.separators[i - 1] || ' ') + spec.words[i];
  return spec.caseSensitive && spec.upper ? text.toUpperCase() : text;
}

/**
 * Entries whose aliases share words, prefixes and keys: a term, its first words, the same words with
 * other separators or case, and the same alias claimed by a later entry.
 */
const entriesArb: fc.Arbitrary<MatchableEntry[]> = fc
  .array(
    fc.tuple(
      termSpec,
      fc.array(fc.constantFrom('prefix', 'resep', 'recase', 'own', 'extend', 'quote'), { maxLength: 2 }),
      fc.boolean(),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((specs) =>
    fc.tuple(
      fc.constant(specs),
      fc.array(fc.nat(), { minLength: specs.length * 3, maxLength: specs.length * 3 }),
    ),
  )
  .map(([specs, picks]) => {
    const all: TermSpec[] = specs.map(([spec]) => spec);
    return specs.map(([spec, derived, borrow], index) => {
      const aliases: Alias[] = [];
      const add = (s: TermSpec) => {
        const text = termText(s);
        if (text.trim()) aliases.push({ text, lang: 'en', caseSensitive: s.caseSensitive });
      };
      add(spec);
      for (const how of derived) {
        if (how === 'prefix' && spec.words.length > 1) add({ ...spec, words: spec.words.slice(0, -1) });
        if (how === 'resep') add({ ...spec, separators: spec.separators.map((s) => (s === '/' ? '' : '/')) });
        if (how === 'recase') add({ ...spec, caseSensitive: !spec.caseSensitive });
        if (how === 'own') add({ ...spec, words: [...spec.words].reverse() });
        // A quoted form ('"unfriendly"'): punctuation before the first word.
        if (how === 'quote') {
          const text = termText(spec);
          if (text.trim()) aliases.push({ text: `"${text}"`, lang: 'en', caseSensitive: spec.caseSensitive });
        }
        if (how === 'extend') {
          const other = all[(picks[index * 3] ?? 0) % all.length] as TermSpec;
          add({ ...spec, words: [...spec.words, ...other.words.slice(0, 1)] });
        }
      }
      // Claim an alias of another entry: the earlier one keeps it.
      if (borrow) add(all[(picks[index * 3 + 1] ?? 0) % all.length] as TermSpec);
      return { id: `e${index}`, aliases };
    });
  });

type Token =
  | {
      kind: 'alias';
      pick: number;
      casing: 'as' | 'upper' | 'lower' | 'title' | 'random';
      seps: number[];
      seed: number;
    }
  | { kind: 'word'; text: string };

const tokenArb: fc.Arbitrary<Token> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('alias' as const),
      pick: fc.nat(),
      casing: fc.constantFrom('as', 'as', 'as', 'upper', 'lower', 'title', 'random'),
      seps: fc.array(fc.nat(SEPARATORS.length - 1), { maxLength: 3 }),
      seed: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: word.map((text) => ({ kind: 'word' as const, text })) },
);

/** What stands between two tokens: mostly a boundary, sometimes something that joins them into one word. */
const glueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...KOREAN_PARTICLES) },
  { weight: 1, arbitrary: fc.constantFrom(...HANGUL_SYLLABLES) },
  { weight: 1, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 1, arbitrary: fc.constant('') },
);

const piecesArb = fc.array(fc.tuple(glueArb, tokenArb), { minLength: 1, maxLength: 12 });

/** An alias as a page might print it: other separators, another case. */
function render(alias: Alias, token: Extract<Token, { kind: 'alias' }>): string {
  let sepIndex = 0;
  let text = alias.text.replace(/[\s\-\u2010-\u2013/\uFF0F]+/g, (run) => {
    const pick = token.seps[sepIndex++];
    return pick === undefined ? run : (SEPARATORS[pick] as string);
  });
  if (token.casing === 'upper') text = text.toUpperCase();
  if (token.casing === 'lower') text = text.toLowerCase();
  if (token.casing === 'title') text = text.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
  if (token.casing === 'random') {
    text = [...text]
      .map((c, i) => ((token.seed >> (i % 30)) & 1 ? c.toUpperCase() : c.toLowerCase()))
      .join('');
  }
  return text;
}

function textOf(entries: MatchableEntry[], pieces: [string, Token][], end = ''): string {
  const aliases = entries.flatMap((entry) => entry.aliases);
  const rendered = pieces.map(([glue, token]) => {
    if (token.kind !== 'alias') return glue + token.text;
    return glue + render(aliases[token.pick % aliases.length] as Alias, token);
  });
  return rendered.join('') + end;
}

// ── Properties ───────────────────────────────────────────────────────────────────────────────────

describe('compileMatcher agrees with the reference', () => {
  it('on random term sets and texts made of their words', () => {
    let matched = 0;
    let texts = 0;
    let mentions = 0;
    fc.assert(
      fc.property(entriesArb, piecesArb, glueArb, (entries, pieces, end) => {
        const text = textOf(entries, pieces, end);
        const expected = referenceFindAll(entries, text);
        texts++;
        if (expected.length) matched++;
        mentions += expected.length;
        expect(findAll(compileMatcher(entries), text)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    // The generators must make matches happen, or the comparison says little.
    expect(matched / texts).toBeGreaterThan(0.65);
    expect(mentions / texts).toBeGreaterThan(1.3);
  });

  it('on acronyms in every case and spacing around particles', () => {
    const acronymEntries = fc
      .array(
        fc.tuple(
          fc.array(fc.constantFrom(...'ABCDRO2'), { minLength: 1, maxLength: 4 }).map((c) => c.join('')),
          fc.constantFrom('', '/', ' ', '-'),
          fc.array(fc.constantFrom(...'ABCDRO'), { minLength: 0, maxLength: 3 }).map((c) => c.join('')),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((specs) =>
        specs.map(([a, sep, b, cs], i) => ({
          id: `a${i}`,
          aliases: [{ text: b ? `${a}${sep}${b}` : a, lang: 'en', caseSensitive: cs }],
        })),
      );
    const glue = fc.constantFrom(' ', '', '/', '-', '를', '은', '리', '.', 'x', ' / ');
    const piece = fc.oneof(
      fc.array(fc.constantFrom(...'ABCDROabcdro2'), { minLength: 1, maxLength: 5 }).map((c) => c.join('')),
      glue,
    );
    fc.assert(
      fc.property(acronymEntries, fc.array(piece, { maxLength: 20 }), (entries, pieces) => {
        const text = pieces.join('');
        expect(findAll(compileMatcher(entries), text)).toEqual(referenceFindAll(entries, text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds every alias written alone, as written (unless an earlier entry owns it)', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const matcher = compileMatcher(entries);
        for (const entry of entries) {
          for (const alias of entry.aliases) {
            const text = alias.text.trim();
            const expected = referenceFindAll(entries, text);
            expect(findAll(matcher, text)).toEqual(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ── Glossaries of real size ──────────────────────────────────────────────────────────────────────

/** A glossary of `size` entries drawn from the same words (so that many aliases share first words). */
function bigGlossary(size: number, seed: number): MatchableEntry[] {
  const spec = fc.array(termSpec, { minLength: 1, maxLength: 3 });
  const specs =
    fc.sample(fc.array(spec, { minLength: size, maxLength: size }), { numRuns: 1, seed })[0] ?? [];
  return specs.map((termSpecs, index) => ({
    id: `g${index}`,
    aliases: termSpecs
      .map((s) => ({ text: termText(s), lang: 'en', caseSensitive: s.caseSensitive }))
      .filter((alias) => alias.text.trim() !== ''),
  }));
}

describe.each([
  [50, 150],
  [500, 60],
  [5000, 12],
])('compileMatcher agrees with the reference with %i entries', (size, runs) => {
  const entries = bigGlossary(size, size);
  const matcher = compileMatcher(entries);

  it('on texts made of its aliases and words', () => {
    let mentions = 0;
    fc.assert(
      fc.property(piecesArb, glueArb, (pieces, end) => {
        const text = textOf(entries, pieces, end);
        const expected = referenceFindAll(entries, text);
        mentions += expected.length;
        expect(findAll(matcher, text)).toEqual(expected);
      }),
      { numRuns: runs, seed: size },
    );
    expect(mentions / runs).toBeGreaterThan(1.3);
  });
});

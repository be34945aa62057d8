/**
 * Compiles glossary entries into one matcher that finds every mention in a single pass over a string.
 *
 * Measured here (tests/bench/matcher.bench.ts prints the current figures): one V8 regex over a prefix
 * tree of the aliases, with a leading lookbehind and the `i` flag, was the fastest engine tried (tens
 * of MB/s on wikipedia-2's text, ahead of the npm Aho–Corasick packages), because V8 dispatches on the
 * first characters of literal alternatives. Spelling case out per alias (`[Tt][Hh]…`) defeats that
 * dispatch and fell to ~1 MB/s with 500 terms, and the `u` flag costs ~5×. So candidates are found
 * case-insensitively and acronyms' case rules are checked afterwards, on their candidates only.
 *
 * Overlaps resolve leftmost first, and at one position the longest alias wins: alternatives are ordered
 * by the number of characters they always consume (see `AliasPattern.minLength`), and one right
 * boundary, chosen by the last character matched, follows the whole alternation.
 */
import { aliasKey } from '../glossary/alias-key';
import type { Alias } from '../glossary/model';
import {
  type AliasPattern,
  aliasPattern,
  caseVariants,
  LEFT_BOUNDARY,
  lettersOf,
  RIGHT_BOUNDARY,
} from './alias-pattern';
import { prefixTree, regexUnits } from './prefix-tree';

export interface MatchableEntry {
  id: string;
  aliases: readonly Alias[];
}

/** One mention of an entry in a string: [start, end) in UTF-16 code units. */
export interface TextMatch {
  start: number;
  end: number;
  entryId: string;
}

export interface Matcher {
  /** Number of distinct aliases compiled. */
  readonly size: number;
  /** Calls `onMatch` for every mention in `text`, left to right, never overlapping. */
  scan(text: string, onMatch: (start: number, end: number, entryId: string) => void): void;
  findAll(text: string): TextMatch[];
  /**
   * Makes V8 compile the candidate regex now, for one-byte and two-byte text (it compiles a regex on its
   * first run, once per string representation: ~5 ms each for the built-in pack, more for 500 entries),
   * so that the cost lands in a task of its own, not in a scan's slice. With `part`, only that one: a
   * large glossary's compile can take 100 ms or more per representation, so the caller may give each
   * its own task.
   */
  warmUp(part?: StringRepresentation): void;
}

/**
 * A compiled glossary as plain data (JSON-safe): what `compileMatcherData` works out, and all that
 * `matcherFrom` needs to build a matcher without doing that work again (see matcher-cache.ts).
 */
export interface CompiledMatcher {
  /** Bumped whenever the shape or the meaning of this data changes: older data is compiled afresh. */
  format: typeof COMPILED_FORMAT;
  /** Source of the candidate regex (flags `gi`). */
  candidates: string;
  /**
   * True when the candidate regex's first match at a position is always the longest alias there (no
   * two branches of its prefix tree can match the same character): no second look is needed.
   */
  candidatesAreLongest: boolean;
  /** Distinct alias patterns, longest first. */
  patterns: AliasPattern[];
  /** Alias key → its owner. */
  owners: [string, CompiledOwner][];
}

export const COMPILED_FORMAT = 2;

interface CompiledOwner {
  entryId: string;
  bodies: string[];
  anyCase: boolean;
  someStrict: boolean;
  accepted: string[];
}

/** The entry that owns one alias key, and how the case of a candidate with that key is checked. */
interface KeyOwner {
  entryId: string;
  /** The distinct bodies (folded) of the owner's aliases with this key. */
  bodies: Set<string>;
  /** True when one of those aliases is case-insensitive. */
  anyCase: boolean;
  /** True when one of those aliases is case-sensitive. */
  someStrict: boolean;
  /** Letters (lettersOf) of every spelling the case-sensitive aliases accept. */
  accepted: Set<string>;
}

/**
 * Builds the matcher. When two entries claim the same alias, the earlier entry keeps it: callers pass
 * entries in the reader's order of priority.
 *
 * Every alias keeps its own case rule: a candidate found case-insensitively stands when the alias it
 * came from accepts it. Candidates of phrases need no check; a candidate of an acronym whose key has one
 * written form is checked against that form's spellings (THAAD, Thaad); otherwise the `exact` regex
 * re-matches at the same position, which also finds a shorter alias when the longest one fails.
 */
export function compileMatcher(entries: readonly MatchableEntry[]): Matcher {
  return matcherFrom(compileMatcherData(entries));
}

/** The work of `compileMatcher`, as data. */
export function compileMatcherData(entries: readonly MatchableEntry[]): CompiledMatcher {
  const owners = new Map<string, KeyOwner>();
  const patterns: AliasPattern[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const key = aliasKey(alias.text);
      if (!key) continue;
      let owner = owners.get(key);
      if (owner && owner.entryId !== entry.id) continue;
      if (!owner) {
        owner = {
          entryId: entry.id,
          bodies: new Set(),
          anyCase: false,
          someStrict: false,
          accepted: new Set(),
        };
        owners.set(key, owner);
      }
      const pattern = aliasPattern(alias);
      owner.bodies.add(pattern.folded);
      if (!alias.caseSensitive) owner.anyCase = true;
      else {
        owner.someStrict = true;
        for (const variant of caseVariants(alias)) owner.accepted.add(lettersOf(variant.normalize('NFKC')));
      }
      if (seen.has(pattern.exact)) continue;
      seen.add(pattern.exact);
      patterns.push(pattern);
    }
  }
  patterns.sort((a, b) => b.minLength - a.minLength);
  const tree = prefixTree(patterns, (p) => p.folded);
  return {
    format: COMPILED_FORMAT,
    candidates: tree.source,
    candidatesAreLongest: !tree.overlapping,
    patterns,
    owners: [...owners].map(([key, owner]) => [
      key,
      { ...owner, bodies: [...owner.bodies], accepted: [...owner.accepted] },
    ]),
  };
}

/** Builds the matcher from compiled data (fresh, or from the cache). */
export function matcherFrom(data: CompiledMatcher): Matcher {
  const { patterns } = data;
  const owners = new Map<string, KeyOwner>();
  for (const [key, owner] of data.owners) {
    owners.set(key, { ...owner, bodies: new Set(owner.bodies), accepted: new Set(owner.accepted) });
  }
  // The prefix tree finds where a mention starts, fast. Where two of its branches can take the same
  // character (classes that overlap: "a/a" and "a a"), the flat alternation, ordered longest first,
  // decides at that (rare) position which alias matches, so that a shorter alias can never win.
  const candidates = new RegExp(data.candidates, 'gi');
  const longest = new StickyAlternations(
    patterns,
    (p) => p.folded,
    (p) => [p.folded],
    'i',
  );
  // Re-checks one position when a candidate there may break its alias's case rule.
  const exact = new StickyAlternations(
    patterns,
    (p) => p.exact,
    (p) => p.exactVariants,
    '',
  );

  /** The owner of a candidate when it certainly stands, null when it needs the exact re-check. */
  const verdict = (found: string): KeyOwner | null => {
    const owner = owners.get(aliasKey(found));
    if (!owner?.someStrict) return owner ?? null;
    if (owner.bodies.size === 1) {
      // One written form: the candidate came from it. A phrase form takes any case.
      return owner.anyCase || owner.accepted.has(lettersOf(found.normalize('NFKC'))) ? owner : null;
    }
    return null;
  };

  const scan: Matcher['scan'] = (text, onMatch) => {
    candidates.lastIndex = 0;
    let match = candidates.exec(text);
    while (match !== null) {
      const start = match.index;
      let found = data.candidatesAreLongest ? match[0] : (longest.at(text, start) ?? match[0]);
      candidates.lastIndex = start + found.length;
      let owner = verdict(found);
      if (!owner) {
        // "thaad" is no THAAD; but a shorter alias may still match here in its own case.
        const retry = exact.at(text, start);
        found = retry ?? '';
        owner = retry !== null ? (owners.get(aliasKey(found)) ?? null) : null;
        candidates.lastIndex = owner ? start + found.length : start + 1;
      }
      if (owner) onMatch(start, start + found.length, owner.entryId);
      match = candidates.exec(text);
    }
  };

  return {
    size: patterns.length,
    scan,
    warmUp(part) {
      // Only the candidate regex runs on every text run; the sticky ones are small and built on demand.
      for (const representation of part ? [part] : STRING_REPRESENTATIONS) {
        for (const sample of WARM_UP_SAMPLES[representation]) {
          candidates.lastIndex = 0;
          candidates.exec(sample);
        }
      }
    },
    findAll(text) {
      const out: TextMatch[] = [];
      scan(text, (start, end, entryId) => out.push({ start, end, entryId }));
      return out;
    },
  };
}

/**
 * The flat alternation (see `alternation`) as sticky regexes, one per first code unit of the text,
 * each holding only the aliases whose first unit can match that code unit, in the same order. At a
 * position, the aliases left out cannot match at all, so each answers as the whole alternation would;
 * but only the few built for the letters that candidates start with get compiled. The whole
 * alternations (~12 and ~19 KB of source for the built-in pack) cost V8 5-10 ms each to compile, per
 * string representation, on every page and frame.
 */
class StickyAlternations {
  /** Worked out on the first `at` (most pages never need one): null until then. */
  private firstUnits: (readonly string[] | null)[] | null = null;
  /** First unit (regex source) → a regex that tests one code unit against it. */
  private readonly unitTests = new Map<string, RegExp>();
  private readonly byCodeUnit = new Map<string, RegExp>();

  /**
   * `body` is a pattern's alternative; `variants` the bodies it is an alternation of (their first
   * units are where it can start).
   */
  constructor(
    private readonly patterns: readonly AliasPattern[],
    private readonly body: (p: AliasPattern) => string,
    private readonly variants: (p: AliasPattern) => readonly string[],
    private readonly flags: '' | 'i',
  ) {}

  /** Each pattern's possible first units; null: a body whose first unit is unknown (empty), kept in every group. */
  private firstUnitsOf(): (readonly string[] | null)[] {
    this.firstUnits ??= this.patterns.map((p) => {
      const units = this.variants(p).map((variant) => regexUnits(variant)[0]);
      return units.every((unit) => unit !== undefined) ? (units as string[]) : null;
    });
    return this.firstUnits;
  }

  /** The alias text matched at `start` (longest first, with the boundaries), or null. */
  at(text: string, start: number): string | null {
    const unit = text.charAt(start);
    let regex = this.byCodeUnit.get(unit);
    if (!regex) {
      regex = new RegExp(alternation(this.groupOf(unit), this.body), `${this.flags}y`);
      this.byCodeUnit.set(unit, regex);
    }
    regex.lastIndex = start;
    return regex.exec(text)?.[0] ?? null;
  }

  /** The patterns whose body may start with `unit`, decided by V8 itself (case folding included). */
  private groupOf(unit: string): AliasPattern[] {
    const firstUnits = this.firstUnitsOf();
    return this.patterns.filter((_, i) => {
      const firsts = firstUnits[i];
      return !firsts || firsts.some((first) => this.unitTest(first).test(unit));
    });
  }

  private unitTest(first: string): RegExp {
    let test = this.unitTests.get(first);
    if (!test) {
      test = new RegExp(`^(?:${first})`, this.flags);
      this.unitTests.set(first, test);
    }
    return test;
  }
}

/**
 * V8 compiles a regex separately for one-byte (Latin-1) and two-byte subjects, each on first use, and
 * for the big alternations here the two-byte compile alone took 5–10 ms per regex in Chromium. Most
 * pages have both kinds of text (one en dash or curly quote makes a text run two-byte), so without
 * both samples the first two-byte run paid that compile inside a scan slice, well past its budget.
 * Each sample runs twice: V8 interprets a regex's first run and compiles it to machine code on the next.
 */
const WARM_UP_SAMPLES: Record<StringRepresentation, readonly string[]> = {
  'one-byte': ['warm up', 'warm up'],
  'two-byte': ['warm\u2013up', 'warm\u2013up'],
};

/** How V8 stores a string (and compiles a regex for it): Latin-1 only, or not. */
export type StringRepresentation = 'one-byte' | 'two-byte';
export const STRING_REPRESENTATIONS: readonly StringRepresentation[] = ['one-byte', 'two-byte'];

/**
 * One alternation, longest aliases first, and one right boundary after it: when the boundary fails, the
 * engine backtracks into the group and tries the next (shorter) alternative, so per-alias boundaries are
 * not needed, and the source stays small.
 */
function alternation(patterns: readonly AliasPattern[], body: (p: AliasPattern) => string): string {
  const alternatives = [...new Set(patterns.map(body))];
  // A pattern that never matches when there is nothing to find.
  return alternatives.length ? `${LEFT_BOUNDARY}(?:${alternatives.join('|')})${RIGHT_BOUNDARY}` : '(?!)';
}

/**
 * Compiles glossary entries into one matcher that finds every mention in a single pass over a string.
 *
 * Measured here (tests/bench/matcher.bench.ts): one V8 regex alternation with a leading lookbehind and
 * the `i` flag runs at ~250 MB/s even with 500 terms, because V8 builds a dispatch on the first
 * characters of literal alternatives. Spelling case out per alias (`[Tt][Hh]…`) defeats that dispatch
 * and fell to ~1 MB/s with 500 terms, and the `u` flag costs ~5×. So candidates are found
 * case-insensitively and acronyms' case rules are checked afterwards, on the rare candidate only.
 *
 * Overlaps resolve leftmost first, and at one position the longest alias wins: alternatives are ordered
 * by word count, then by length.
 */
import { type Alias, aliasKey } from '../glossary';
import {
  type AliasPattern,
  aliasPattern,
  caseVariants,
  HANGUL_END,
  LATIN_END,
  LEFT_BOUNDARY,
  lettersOf,
} from './alias-pattern';

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
}

interface KeyOwner {
  entryId: string;
  /** null: any case is fine; otherwise the accepted spellings of the letters. */
  accepted: Set<string> | null;
}

/**
 * Builds the matcher. When two entries claim the same alias, the earlier entry keeps it: callers pass
 * entries in the reader's order of priority.
 */
export function compileMatcher(entries: readonly MatchableEntry[]): Matcher {
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
        owner = { entryId: entry.id, accepted: new Set() };
        owners.set(key, owner);
      }
      if (!alias.caseSensitive) owner.accepted = null;
      else
        for (const variant of caseVariants(alias)) owner.accepted?.add(lettersOf(variant.normalize('NFKC')));
      const pattern = aliasPattern(alias);
      if (seen.has(pattern.exact)) continue;
      seen.add(pattern.exact);
      patterns.push(pattern);
    }
  }
  patterns.sort((a, b) => b.words - a.words || b.minLength - a.minLength);
  const candidates = new RegExp(
    alternation(patterns, (p) => p.folded),
    'gi',
  );
  // Sticky: re-checks one position when a candidate there broke its alias's case rule.
  const exact = new RegExp(
    alternation(patterns, (p) => p.exact),
    'y',
  );

  const ownerOf = (found: string): KeyOwner | undefined => {
    const owner = owners.get(aliasKey(found));
    if (!owner) return undefined;
    if (owner.accepted === null || owner.accepted.has(lettersOf(found.normalize('NFKC')))) return owner;
    return undefined;
  };

  const scan: Matcher['scan'] = (text, onMatch) => {
    candidates.lastIndex = 0;
    let match = candidates.exec(text);
    while (match !== null) {
      const start = match.index;
      let found = match[0];
      let owner = ownerOf(found);
      if (!owner) {
        // "thaad" is no THAAD; but a shorter alias may still match here in its own case.
        exact.lastIndex = start;
        const retry = exact.exec(text);
        found = retry ? retry[0] : '';
        owner = retry ? ownerOf(found) : undefined;
        candidates.lastIndex = owner ? start + found.length : start + 1;
      }
      if (owner) onMatch(start, start + found.length, owner.entryId);
      match = candidates.exec(text);
    }
  };

  return {
    size: patterns.length,
    scan,
    findAll(text) {
      const out: TextMatch[] = [];
      scan(text, (start, end, entryId) => out.push({ start, end, entryId }));
      return out;
    },
  };
}

/**
 * One alternation, its right boundaries factored out by the kind of ending: when a boundary fails the
 * engine backtracks into the group and tries the next (shorter) alternative, so per-alias boundaries are
 * not needed, and the source stays small.
 */
function alternation(patterns: readonly AliasPattern[], body: (p: AliasPattern) => string): string {
  const group = (ending: AliasPattern['ending']) => [
    ...new Set(patterns.filter((p) => p.ending === ending).map(body)),
  ];
  const branches = [
    [group('latin'), LATIN_END],
    [group('hangul'), HANGUL_END],
    [group('other'), ''],
  ] as const;
  const parts = branches
    .filter(([alternatives]) => alternatives.length > 0)
    .map(([alternatives, end]) => `(?:${alternatives.join('|')})${end}`);
  // A pattern that never matches when there is nothing to find.
  return parts.length ? `${LEFT_BOUNDARY}(?:${parts.join('|')})` : '(?!)';
}

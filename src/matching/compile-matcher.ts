/**
 * A matcher straight from entries, in one call: ownership, the index and the matcher. Pages never do
 * this (they read an index the background built); it serves the background's own checks, the page's
 * own definitions and tests.
 */

import { type Matcher, MatchIndex } from './match-index';
import { buildMatchIndex } from './match-index-data';
import { type MatchableEntry, ownedAliases } from './owned-aliases';

export function compileMatcher(entries: readonly MatchableEntry[]): Matcher {
  const { entryIds, aliases } = ownedAliases(entries);
  return new MatchIndex(buildMatchIndex(entryIds, aliases));
}

/** One mention of an entry in a string: [start, end) in UTF-16 code units. */
export interface TextMatch {
  start: number;
  end: number;
  entryId: string;
}

/** Every mention `matcher` finds in `text`, in order. */
export function findAll(matcher: Matcher, text: string): TextMatch[] {
  const out: TextMatch[] = [];
  matcher.scan(text, (start, end, entryId) => out.push({ start, end, entryId }));
  return out;
}

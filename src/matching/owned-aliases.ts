/**
 * Which entry an alias belongs to, decided in one place: where two entries list aliases with the
 * same key (`aliasKey`: "A2/AD" and "A2AD", "THAAD" and "thaad"), the entry that comes first in the
 * reader's order of priority owns it, and the other's alias is not matched.
 */
import { aliasKey } from './alias-key';
import type { IndexedAlias } from './match-index-data';

/** One written form a mention can take: as written and case-sensitive, or in any case. */
export interface MatchableAlias {
  readonly text: string;
  readonly caseSensitive: boolean;
  /** Its language (BCP 47), where known. */
  readonly lang?: string;
}

export interface MatchableEntry {
  readonly id: string;
  readonly aliases: readonly MatchableAlias[];
}

/** Alias key → the id of the entry that owns it, for entries in priority order. */
export function aliasOwners(entries: readonly MatchableEntry[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const key = aliasKey(alias.text);
      if (key && !owners.has(key)) owners.set(key, entry.id);
    }
  }
  return owners;
}

/**
 * The aliases each entry owns, in priority order, ready for `buildMatchIndex`: every entry is a line of
 * `entryIds` (its number is its place in `entries`), whether or not it owns an alias.
 */
export function ownedAliases(entries: readonly MatchableEntry[]): {
  entryIds: string[];
  aliases: IndexedAlias[];
} {
  const owners = aliasOwners(entries);
  const aliases: IndexedAlias[] = [];
  entries.forEach((entry, number) => {
    for (const alias of entry.aliases) {
      if (owners.get(aliasKey(alias.text)) !== entry.id) continue;
      aliases.push({ entry: number, text: alias.text, caseSensitive: alias.caseSensitive });
    }
  });
  return { entryIds: entries.map((entry) => entry.id), aliases };
}

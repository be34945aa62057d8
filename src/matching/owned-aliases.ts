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
  /** Marked only in context (see the glossary model's `ambiguous`). */
  readonly ambiguous?: boolean;
  /** Its language (BCP 47), where known. */
  readonly lang?: string;
}

export interface MatchableEntry {
  readonly id: string;
  readonly aliases: readonly MatchableAlias[];
}

/**
 * Decides ownership as entries come, in priority order: the first entry to claim an alias key owns
 * it; a later claim of the same key by another entry is refused.
 */
export class AliasOwnership {
  readonly owners = new Map<string, string>();

  /** True when `entryId` owns this alias (now, or already). */
  claim(entryId: string, alias: MatchableAlias): boolean {
    const key = aliasKey(alias.text);
    if (!key) return false;
    const owner = this.owners.get(key);
    if (owner === undefined) {
      this.owners.set(key, entryId);
      return true;
    }
    return owner === entryId;
  }
}

/** Alias key → the id of the entry that owns it, for entries in priority order. */
export function aliasOwners(entries: readonly MatchableEntry[]): Map<string, string> {
  const ownership = new AliasOwnership();
  for (const entry of entries) for (const alias of entry.aliases) ownership.claim(entry.id, alias);
  return ownership.owners;
}

/**
 * The aliases each entry owns, in priority order, ready for `buildMatchIndex`: every entry is a line of
 * `entryIds` (its number is its place in `entries`), whether or not it owns an alias.
 */
export function ownedAliases(entries: readonly MatchableEntry[]): {
  entryIds: string[];
  aliases: IndexedAlias[];
} {
  const ownership = new AliasOwnership();
  const aliases: IndexedAlias[] = [];
  entries.forEach((entry, number) => {
    for (const alias of entry.aliases) {
      if (ownership.claim(entry.id, alias)) {
        aliases.push({
          entry: number,
          text: alias.text,
          caseSensitive: alias.caseSensitive,
          ...(alias.ambiguous ? { ambiguous: true } : {}),
        });
      }
    }
  });
  return { entryIds: entries.map((entry) => entry.id), aliases };
}

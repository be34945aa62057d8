/**
 * Building the prepared glossary (snapshot-model.ts) from the reader's glossaries and settings. Pure:
 * the background passes what it read and writes what comes back. Large glossaries are built in slices
 * (`pause()` between them), so that the service worker makes no long task either.
 */
import { type LibraryEntry, libraryEntriesFor } from '../glossary/library';
import { type GlossaryPack, withAliases } from '../glossary/model';
import { MatchIndexBuilder, type MatchIndexData } from '../matching/match-index-data';
import { AliasOwnership } from '../matching/owned-aliases';
import type { Settings } from '../settings/model';
import {
  ENTRIES_PER_SHARD,
  INDEX_STRING_FIELDS,
  type IndexStringField,
  PART_MAX_CHARS,
  type PageSnapshot,
  partKey,
  SNAPSHOT_FORMAT,
  type SnapshotEntry,
  shardKey,
} from './snapshot-model';

export interface SnapshotInput {
  /** The built-in pack, imported packs and My glossary, as `loadLibrary` read them. */
  packs: readonly GlossaryPack[];
  settings: Settings;
  /** The extension's version. */
  version: string;
}

/** What to write: the header item, the index parts it names, and the entry shards, by storage key. */
export interface BuiltSnapshot {
  header: PageSnapshot;
  parts: Record<string, string>;
  shards: Record<string, SnapshotEntry[]>;
}

/** Entries handled between two pauses (a few milliseconds of work each). */
const ENTRIES_PER_SLICE = 250;

/** The settings the index is built from (besides the glossaries): a change of any other keeps it. */
export function indexInputsOf(settings: Settings): string {
  return JSON.stringify([settings.packOrder, settings.disabledPacks, settings.koreanAliases]);
}

/** A stamp no other build has: the time and a random part. */
export function newStamp(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function buildSnapshot(
  input: SnapshotInput,
  pause: () => Promise<void> = async () => {},
  stamp = newStamp(),
): Promise<BuiltSnapshot> {
  const { settings } = input;
  // The library resolved, each entry's owned aliases indexed and its shown form sharded, an entry at
  // a time with a pause every slice: the same as `libraryFor`, `ownedAliases` and `buildMatchIndex`.
  const ownership = new AliasOwnership();
  const entryIds: string[] = [];
  const shards: Record<string, SnapshotEntry[]> = {};
  const owned: { number: number; entry: LibraryEntry }[] = [];
  let number = 0;
  for (const entry of libraryEntriesFor(input.packs, settings)) {
    if (number > 0 && number % ENTRIES_PER_SLICE === 0) await pause();
    entryIds.push(entry.id);
    const key = shardKey(stamp, Math.floor(number / ENTRIES_PER_SHARD));
    const shard = shards[key] ?? [];
    shard.push(snapshotEntry(entry));
    shards[key] = shard;
    // Korean aliases off: those aliases are left out of matching, the entries stay (search, related).
    owned.push({ number, entry: settings.koreanAliases ? entry : withoutKorean(entry) });
    number++;
  }
  const builder = new MatchIndexBuilder(entryIds);
  for (let i = 0; i < owned.length; i++) {
    if (i % ENTRIES_PER_SLICE === 0) await pause();
    const { number: at, entry } = owned[i] as { number: number; entry: LibraryEntry };
    for (const alias of entry.aliases) {
      if (ownership.claim(entry.id, alias))
        builder.add({
          entry: at,
          text: alias.text,
          caseSensitive: alias.caseSensitive,
          ...(alias.ambiguous ? { ambiguous: true } : {}),
        });
    }
  }
  await pause();
  const index = builder.finish();
  await pause();
  const { index: stored, parts, counts } = splitIndex(index, stamp);
  return {
    header: {
      format: SNAPSHOT_FORMAT,
      stamp,
      indexStamp: stamp,
      version: input.version,
      indexInputs: indexInputsOf(settings),
      settings,
      index: stored,
      parts: counts,
      entryCount: entryIds.length,
    },
    parts,
    shards,
  };
}

/** The same snapshot with other settings that do not change the index (no rebuild of it). */
export function withSettings(previous: PageSnapshot, settings: Settings, stamp = newStamp()): PageSnapshot {
  return { ...previous, stamp, settings };
}

function withoutKorean(entry: LibraryEntry): LibraryEntry {
  const [kept] = withAliases([entry], (alias) => alias.lang !== 'ko' && !alias.lang.startsWith('ko-'));
  return kept ? (kept as LibraryEntry) : { ...entry, aliases: [] };
}

function snapshotEntry(entry: LibraryEntry): SnapshotEntry {
  return {
    id: entry.id,
    term: entry.term,
    ...(entry.expansion ? { expansion: entry.expansion } : {}),
    category: entry.category,
    explanation: entry.explanation,
    quotes: entry.quotes,
    related: entry.related,
    source: entry.source,
    packId: entry.packId,
  };
}

/** Moves every index string longer than PART_MAX_CHARS into parts of its own. */
export function splitIndex(
  index: MatchIndexData,
  indexStamp: string,
  maxChars = PART_MAX_CHARS,
): {
  index: MatchIndexData;
  parts: Record<string, string>;
  counts: Partial<Record<IndexStringField, number>>;
} {
  const stored = { ...index };
  const parts: Record<string, string> = {};
  const counts: Partial<Record<IndexStringField, number>> = {};
  for (const field of INDEX_STRING_FIELDS) {
    const text = index[field];
    if (text.length <= maxChars) continue;
    let count = 0;
    for (let from = 0; from < text.length; count++) {
      let to = Math.min(text.length, from + maxChars);
      // Never between the two halves of a surrogate pair: storage keeps strings as UTF-8.
      const last = text.charCodeAt(to - 1);
      if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
      parts[partKey(indexStamp, field, count)] = text.slice(from, to);
      from = to;
    }
    counts[field] = count;
    stored[field] = '';
  }
  return { index: stored, parts, counts };
}

/**
 * The glossary prepared for pages: what the background writes to `storage.local` whenever the
 * reader's glossaries or settings change, and what every page reads instead of the glossaries
 * themselves. Types and names only; no code runs here.
 *
 * - `glossa-snapshot`: one small item every frame with text reads, with a format check only: the
 *   settings (already repaired), the match index (plain strings, see src/matching/match-index-data.ts)
 *   and how many entries there are. A string of the index longer than `PART_MAX_CHARS` is stored in
 *   parts of its own, so that no item grows without bound.
 * - `glossa-entries:<indexStamp>:<n>`: the entries themselves, `ENTRIES_PER_SHARD` to an item, read
 *   only by the popover, for the entry it shows. Named by their build like the index parts, so a build
 *   cut short never overwrites the entries a page's header points to.
 */
import type { Category, Quote, Source } from '../glossary/model';
import type { MatchIndexData } from '../matching/match-index-data';
import type { Settings } from '../settings/model';

/** Bumped whenever the shape or meaning of what is stored changes: older ones are rebuilt. */
export const SNAPSHOT_FORMAT = 1;
export const SNAPSHOT_KEY = 'glossa-snapshot';
/** Set while a rebuild writes its items, removed when it is done: a rebuild cut short is redone. */
export const SNAPSHOT_BUILDING_KEY = 'glossa-snapshot-building';
export const ENTRIES_PER_SHARD = 64;
export const PART_MAX_CHARS = 1_000_000;

/** The index strings that may be long enough to be stored in parts. */
export const INDEX_STRING_FIELDS = [
  'aliases',
  'wordKeys',
  'wordLists',
  'charKeys',
  'charLists',
  'entryIds',
  'ownerKeys',
] as const;
export type IndexStringField = (typeof INDEX_STRING_FIELDS)[number];

export interface PageSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** New with every write: a page that holds another stamp is out of date. */
  stamp: string;
  /** The build of the entries and the index; the settings may change without it. */
  indexStamp: string;
  /** The extension version that wrote it: another version rebuilds. */
  version: string;
  /** What the index was built from, besides the glossaries: a settings change that keeps it, keeps it. */
  indexInputs: string;
  settings: Settings;
  /** The match index. A field listed in `parts` is '' here and stored in that many parts. */
  index: MatchIndexData;
  parts: Partial<Record<IndexStringField, number>>;
  /** Entries, numbered as the index's entry ids (line n of `index.entryIds` is entry n). */
  entryCount: number;
}

/** One entry as the popover shows it: an entry of the reader's library, with its source filled in. */
export interface SnapshotEntry {
  id: string;
  term: string;
  expansion?: string;
  category: Category;
  explanation: string;
  quotes: Quote[];
  related: string[];
  source: Source;
  packId: string;
}

export const SHARD_PREFIX = 'glossa-entries:';
export const PART_PREFIX = 'glossa-snapshot-part:';
export const shardKey = (indexStamp: string, shard: number) => `${SHARD_PREFIX}${indexStamp}:${shard}`;
export const partKey = (indexStamp: string, field: IndexStringField, part: number) =>
  `${PART_PREFIX}${indexStamp}:${field}:${part}`;
export const shardOf = (entryNumber: number) => Math.floor(entryNumber / ENTRIES_PER_SHARD);

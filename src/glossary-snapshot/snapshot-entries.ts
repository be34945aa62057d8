/**
 * The entries of the prepared glossary, read by the popover from their shards in storage (64 entries
 * to an item), only for the entries it shows. A shard once read stays at hand for the page's life;
 * a shard of another build than the page's is never mixed in (each entry is checked by its id).
 */
import { browser } from 'wxt/browser';
import type { EntryLookup } from '../popover/popover-contract';
import { ENTRIES_PER_SHARD, type SnapshotEntry, shardKey, shardOf } from './snapshot-model';

export function snapshotEntries(
  locate: (id: string) => { number: number; indexStamp: string } | undefined,
): EntryLookup {
  const shards = new Map<string, SnapshotEntry[] | Promise<SnapshotEntry[]>>();
  return (id) => {
    const where = locate(id);
    if (!where) return undefined;
    const shard = shardOf(where.number);
    const cacheKey = `${where.indexStamp}:${shard}`;
    const pick = (list: readonly SnapshotEntry[]): SnapshotEntry | undefined => {
      const atPlace = list[where.number % ENTRIES_PER_SHARD];
      return atPlace?.id === id ? atPlace : undefined;
    };
    const cached = shards.get(cacheKey);
    if (Array.isArray(cached)) return pick(cached);
    const pending =
      cached ??
      browser.storage.local.get(shardKey(where.indexStamp, shard)).then(
        (items) => {
          const value = items[shardKey(where.indexStamp, shard)];
          const list = Array.isArray(value) ? (value as SnapshotEntry[]) : [];
          shards.set(cacheKey, list);
          return list;
        },
        () => {
          shards.delete(cacheKey);
          return [] as SnapshotEntry[];
        },
      );
    shards.set(cacheKey, pending);
    return pending.then(pick);
  };
}

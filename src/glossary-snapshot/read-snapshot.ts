/**
 * Reading the prepared glossary from a page: one storage read and a format check, nothing compiled.
 * Anything unexpected (missing, another format, damaged) reads as null: the caller asks the
 * background to rebuild it and waits, and the page stays as it is meanwhile.
 */
import { browser } from 'wxt/browser';
import { MATCH_INDEX_FORMAT } from '../matching/match-index-data';
import {
  INDEX_STRING_FIELDS,
  type IndexStringField,
  type PageSnapshot,
  partKey,
  SNAPSHOT_FORMAT,
  SNAPSHOT_KEY,
} from './snapshot-model';

export async function readSnapshot(): Promise<PageSnapshot | null> {
  const stored = (await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
  if (!isSnapshot(stored)) return null;
  const split = Object.entries(stored.parts) as [IndexStringField, number][];
  if (split.length === 0) return stored;
  const keys = split.flatMap(([field, count]) =>
    Array.from({ length: count }, (_, part) => partKey(stored.indexStamp, field, part)),
  );
  const parts = await browser.storage.local.get(keys);
  const index = { ...stored.index };
  for (const [field, count] of split) {
    let text = '';
    for (let part = 0; part < count; part++) {
      const piece = parts[partKey(stored.indexStamp, field, part)];
      if (typeof piece !== 'string') return null;
      text += piece;
    }
    index[field] = text;
  }
  return { ...stored, index };
}

/** The format check: the shape the background writes, field by field, without a schema library. */
export function isSnapshot(value: unknown): value is PageSnapshot {
  if (!isRecord(value) || value.format !== SNAPSHOT_FORMAT) return false;
  if (typeof value.stamp !== 'string' || typeof value.indexStamp !== 'string') return false;
  if (typeof value.entryCount !== 'number' || !isRecord(value.settings) || !isRecord(value.parts))
    return false;
  const index = value.index;
  if (!isRecord(index) || index.format !== MATCH_INDEX_FORMAT || typeof index.aliasCount !== 'number')
    return false;
  for (const field of INDEX_STRING_FIELDS)
    if (typeof (index as Record<string, unknown>)[field] !== 'string') return false;
  for (const count of Object.values(value.parts)) if (typeof count !== 'number') return false;
  return isSettingsShape(value.settings);
}

/** The settings a page reads, as the background repaired them: the fields and their types. */
function isSettingsShape(settings: Record<string, unknown>): boolean {
  return (
    typeof settings.paused === 'boolean' &&
    typeof settings.hoverDelayMs === 'number' &&
    typeof settings.trigger === 'string' &&
    typeof settings.highlightStyle === 'string' &&
    typeof settings.markMode === 'string' &&
    typeof settings.theme === 'string' &&
    typeof settings.skipCode === 'boolean' &&
    typeof settings.siteMode === 'string' &&
    Array.isArray(settings.sites) &&
    settings.sites.every((site) => typeof site === 'string')
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keeps the compiled glossary between pages. Compiling costs ~20–30 ms of cold JavaScript for the
 * built-in pack (and ~80 ms, a long task, for 500 entries) on every page and in every frame; restoring
 * the same data costs ~1 ms. The glossary changes rarely, so the first page after a change compiles and
 * stores the result, and every later page restores it.
 *
 * Pure: the caller passes where the cache lives (the content script: `storage.local`). Stale or damaged
 * data is never used: the entry is keyed by a fingerprint of everything the matcher is built from
 * (the entries' ids and aliases, in order, and the data's format), and checked before use; a cache that
 * cannot be read or written is simply not used.
 */
import * as v from 'valibot';
import {
  COMPILED_FORMAT,
  type CompiledMatcher,
  compileMatcherData,
  type MatchableEntry,
  type Matcher,
  matcherFrom,
} from './compile-matcher';

export interface MatcherCacheStore {
  read(): Promise<unknown>;
  write(value: MatcherCacheEntry): Promise<void>;
}

export interface MatcherCacheEntry {
  fingerprint: string;
  compiled: CompiledMatcher;
}

/** Past this size the cache would crowd the reader's own glossaries in storage: compile each time. */
export const MATCHER_CACHE_MAX_CHARS = 1_000_000;

const PatternSchema = v.object({
  folded: v.string(),
  exact: v.string(),
  exactVariants: v.array(v.string()),
  minLength: v.number(),
});
const OwnerSchema = v.object({
  entryId: v.string(),
  bodies: v.array(v.string()),
  anyCase: v.boolean(),
  someStrict: v.boolean(),
  accepted: v.array(v.string()),
});
const EntrySchema = v.object({
  fingerprint: v.string(),
  compiled: v.object({
    format: v.literal(COMPILED_FORMAT),
    candidates: v.string(),
    candidatesAreLongest: v.boolean(),
    patterns: v.array(PatternSchema),
    owners: v.array(v.tuple([v.string(), OwnerSchema])),
  }),
});

export interface CachedMatcher {
  matcher: Matcher;
  /** True when it came from the cache, false when it was compiled now. */
  fromCache: boolean;
  /** CPU time of the work done here (fingerprint, and restoring or compiling), waiting on storage aside. */
  busyMs: number;
}

/** The matcher for `entries`: restored from `store` when it holds theirs, else compiled (and stored). */
export async function cachedMatcher(
  entries: readonly MatchableEntry[],
  store: MatcherCacheStore,
): Promise<CachedMatcher> {
  let started = performance.now();
  const fingerprint = matcherFingerprint(entries);
  let busyMs = performance.now() - started;
  const stored = await store.read().catch(() => undefined);
  started = performance.now();
  if (isRecord(stored) && stored.fingerprint === fingerprint) {
    const parsed = v.safeParse(EntrySchema, stored);
    if (parsed.success) {
      try {
        const matcher = matcherFrom(parsed.output.compiled);
        return { matcher, fromCache: true, busyMs: busyMs + performance.now() - started };
      } catch {
        // A regex that does not compile: fall through and compile afresh.
      }
    }
  }
  const compiled = compileMatcherData(entries);
  const matcher = matcherFrom(compiled);
  const entry: MatcherCacheEntry = { fingerprint, compiled };
  const fits = JSON.stringify(entry).length <= MATCHER_CACHE_MAX_CHARS;
  busyMs += performance.now() - started;
  if (fits) {
    await store.write(entry).catch(() => {
      // Storage full or gone: the next page compiles too, nothing else changes.
    });
  }
  return { matcher, fromCache: false, busyMs };
}

/**
 * A fingerprint of what a matcher is built from: entry ids and alias texts and case rules, in order,
 * and the compiled data's format. Two 32-bit FNV-1a hashes (different offsets) and the input's length.
 */
export function matcherFingerprint(entries: readonly MatchableEntry[]): string {
  const text = JSON.stringify([
    COMPILED_FORMAT,
    entries.map((entry) => [entry.id, entry.aliases.map((alias) => [alias.text, alias.caseSensitive])]),
  ]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  return `${COMPILED_FORMAT}:${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The compiled glossary kept between pages: restored only when it is the same glossary's, never when
 * it is stale or damaged, and a store that fails never breaks matching.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  builtinPack,
  compiledGlossaryCache,
  type GlossaryEntry,
  savePersonalEntry,
} from '../../../src/glossary';
import {
  cachedMatcher,
  compileMatcher,
  type MatchableEntry,
  type MatcherCacheEntry,
  type MatcherCacheStore,
} from '../../../src/matching';
import { MATCHER_CACHE_MAX_CHARS, matcherFingerprint } from '../../../src/matching/matcher-cache';

/** A store in memory that counts its writes. */
function memoryStore(initial?: unknown): MatcherCacheStore & { value: unknown; writes: number } {
  const store = {
    value: initial,
    writes: 0,
    async read() {
      return store.value;
    },
    async write(entry: MatcherCacheEntry) {
      store.writes++;
      store.value = structuredClone(entry);
    },
  };
  return store;
}

const entries: MatchableEntry[] = builtinPack.entries;
const sample =
  'THAAD batteries and the Thaad radar; thaad is no acronym. Wartime operational control (OPCON) and ' +
  'A2/AD, A2-AD; 사드를 배치했다. Cost-sharing and the “Three No’s”; U.S. Forces Korea, UNC, MASGA.';

describe('cachedMatcher', () => {
  it('compiles and stores on the first page, restores on the next, and both find the same', async () => {
    const store = memoryStore();
    const first = await cachedMatcher(entries, store);
    expect(first.fromCache).toBe(false);
    expect(store.writes).toBe(1);
    const second = await cachedMatcher(entries, store);
    expect(second.fromCache).toBe(true);
    expect(store.writes).toBe(1);
    const fresh = compileMatcher(entries).findAll(sample);
    expect(fresh.length).toBeGreaterThan(8);
    expect(second.matcher.findAll(sample)).toEqual(fresh);
    expect(first.matcher.findAll(sample)).toEqual(fresh);
  });

  it('a restored matcher finds what a fresh one finds, on any text', async () => {
    const store = memoryStore();
    await cachedMatcher(entries, store);
    const restored = (await cachedMatcher(entries, store)).matcher;
    const fresh = compileMatcher(entries);
    const words = [
      'THAAD',
      'thaad',
      'Opcon',
      'OPCON',
      'operational control',
      'A2/AD',
      '사드는',
      'UNC',
      'uncle',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), { maxLength: 12 }),
        (parts) => {
          const text = parts.join(' ');
          expect(restored.findAll(text)).toEqual(fresh.findAll(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compiles afresh when the glossary changed: another alias, another owner, another order', async () => {
    const store = memoryStore();
    await cachedMatcher(entries, store);
    const renamed = entries.map((entry, i) =>
      i === 0
        ? { ...entry, aliases: [...entry.aliases, { text: 'ZZTOP', lang: 'en', caseSensitive: true }] }
        : entry,
    );
    const changed = await cachedMatcher(renamed, store);
    expect(changed.fromCache).toBe(false);
    expect(changed.matcher.findAll('ZZTOP').length).toBe(1);
    const reordered = await cachedMatcher([...entries].reverse(), store);
    expect(reordered.fromCache).toBe(false);
    const recased = entries.map((entry, i) =>
      i === 0
        ? { ...entry, aliases: entry.aliases.map((a) => ({ ...a, caseSensitive: !a.caseSensitive })) }
        : entry,
    );
    expect(matcherFingerprint(recased)).not.toBe(matcherFingerprint(entries));
  });

  it('never uses damaged data, and never throws on it', async () => {
    const fingerprint = matcherFingerprint(entries);
    const damaged: unknown[] = [
      null,
      'text',
      42,
      { fingerprint },
      { fingerprint, compiled: { format: 999, candidates: '', patterns: [], owners: [] } },
      {
        fingerprint,
        compiled: { format: 2, candidatesAreLongest: true, candidates: '(', patterns: [], owners: [] },
      },
      {
        fingerprint,
        compiled: {
          format: 2,
          candidatesAreLongest: true,
          candidates: 'x',
          patterns: [{ folded: 1 }],
          owners: [],
        },
      },
      { fingerprint: 'other', compiled: { format: 1, candidates: 'thaad', patterns: [], owners: [] } },
    ];
    for (const value of damaged) {
      const store = memoryStore(value);
      const result = await cachedMatcher(entries, store);
      expect(result.fromCache).toBe(false);
      expect(result.matcher.findAll(sample)).toEqual(compileMatcher(entries).findAll(sample));
    }
  });

  it('works when the store cannot be read or written', async () => {
    const broken: MatcherCacheStore = {
      read: () => Promise.reject(new Error('gone')),
      write: () => Promise.reject(new Error('full')),
    };
    const result = await cachedMatcher(entries, broken);
    expect(result.fromCache).toBe(false);
    expect(result.matcher.findAll('THAAD')).toHaveLength(1);
  });

  it('does not store a glossary too large for the cache', async () => {
    const big: MatchableEntry[] = Array.from({ length: 6000 }, (_, i) => ({
      id: `e${i}`,
      aliases: [
        {
          text: `Term number ${i} with a long and distinctive name ${i.toString(36)}`,
          lang: 'en',
          caseSensitive: false,
        },
      ],
    }));
    const store = memoryStore();
    await cachedMatcher(big, store);
    expect(JSON.stringify({ fingerprint: '', compiled: {} }).length).toBeLessThan(MATCHER_CACHE_MAX_CHARS);
    expect(store.writes).toBe(0);
  });
});

describe('compiledGlossaryCache (storage.local)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the compiled glossary, tagged with the extension version', async () => {
    await cachedMatcher(entries, compiledGlossaryCache);
    expect((await cachedMatcher(entries, compiledGlossaryCache)).fromCache).toBe(true);
    const stored = (await fakeBrowser.storage.local.get('compiled-glossary'))['compiled-glossary'] as {
      version: string;
    };
    expect(typeof stored.version).toBe('string');
    // Another build's data is not read.
    await fakeBrowser.storage.local.set({ 'compiled-glossary': { ...stored, version: 'another' } });
    expect(await compiledGlossaryCache.read()).toBeUndefined();
    expect((await cachedMatcher(entries, compiledGlossaryCache)).fromCache).toBe(false);
  });

  it('is dropped when the reader’s glossary changes (stale, and never in the way of the reader’s data)', async () => {
    await cachedMatcher(entries, compiledGlossaryCache);
    expect(await compiledGlossaryCache.read()).toBeDefined();
    const entry: GlossaryEntry = {
      ...(builtinPack.entries[0] as GlossaryEntry),
      id: 'my-term',
      related: [],
      source: { title: 'A page', url: 'http://example.org/a', date: '2026-11-26' },
    };
    expect((await savePersonalEntry(entry)).ok).toBe(true);
    expect(await compiledGlossaryCache.read()).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('personal-glossary'))['personal-glossary']).toHaveLength(1);
  });

  it('leaves the reader’s glossaries alone', async () => {
    await fakeBrowser.storage.local.set({ 'personal-glossary': [{ keep: true }] });
    await cachedMatcher(entries, compiledGlossaryCache);
    expect((await fakeBrowser.storage.local.get('personal-glossary'))['personal-glossary']).toEqual([
      { keep: true },
    ]);
  });
});

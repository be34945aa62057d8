/**
 * The glossary prepared for pages: what the background builds, what a page reads back, and how the
 * background keeps it current (missing, outdated, other-format or damaged copies are rebuilt; the
 * reader's own data is never touched).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinPack, type GlossaryEntry, type GlossaryPack } from '../../../src/glossary';
import { buildSnapshot, splitIndex, withSettings } from '../../../src/glossary-snapshot/build-snapshot';
import { isSnapshot, readSnapshot } from '../../../src/glossary-snapshot/read-snapshot';
import { startSnapshotKeeper } from '../../../src/glossary-snapshot/snapshot-keeper';
import {
  PART_PREFIX,
  SHARD_PREFIX,
  SNAPSHOT_BUILDING_KEY,
  SNAPSHOT_FORMAT,
  SNAPSHOT_KEY,
  type SnapshotEntry,
  shardKey,
} from '../../../src/glossary-snapshot/snapshot-model';
import { findAll, MATCH_INDEX_FORMAT, MatchIndex } from '../../../src/matching';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';

const settings = (change: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  sites: [],
  packOrder: [],
  disabledPacks: [],
  ...change,
});

const entry = (id: string, alias: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id,
  term: alias,
  aliases: [{ text: alias, lang: 'en', caseSensitive: true }],
  category: 'concept',
  explanation: `${alias} explained.`,
  quotes: [{ text: `A sentence about ${alias}.` }],
  related: [],
  ...extra,
});

const pack = (id: string, entries: GlossaryEntry[]): GlossaryPack => ({
  schemaVersion: 1,
  id,
  name: `Pack ${id}`,
  version: '1.0.0',
  languages: ['en'],
  source: { title: `Source of ${id}` },
  entries,
});

const spans = (index: MatchIndex, text: string) =>
  findAll(index, text).map((m) => `${m.entryId}:${text.slice(m.start, m.end)}`);

describe('buildSnapshot', () => {
  it('holds the settings, a match index of every enabled pack, and every entry in shards', async () => {
    const mine = pack('mine', [entry('kamd', 'KAMD'), entry('lamd', 'LAMD', { related: ['kamd'] })]);
    const built = await buildSnapshot({ packs: [builtinPack, mine], settings: settings(), version: '1.2.3' });
    expect(built.header).toMatchObject({ format: SNAPSHOT_FORMAT, version: '1.2.3', entryCount: 46 });
    expect(isSnapshot(built.header)).toBe(true);
    const index = new MatchIndex(built.header.index);
    expect(spans(index, 'KAMD, THAAD and 사드.')).toEqual(['mine:kamd:KAMD', 'thaad:THAAD', 'thaad:사드']);
    const shards = Object.values(built.shards).flat();
    expect(shards).toHaveLength(46);
    // Imported entries come first (a reader's pack takes priority over the built-in one), ids made unique.
    const lamd = shards.find((e) => e.id === 'mine:lamd') as SnapshotEntry;
    expect(lamd).toMatchObject({
      related: ['mine:kamd'],
      source: { title: 'Source of mine' },
      packId: 'mine',
    });
    expect(index.entryNumber('mine:lamd')).toBe(shards.indexOf(lamd));
  });

  it('follows the settings that shape matching: pack order, packs switched off, Korean aliases', async () => {
    const rival = pack('rival', [entry('thaad', 'THAAD')]);
    const packs = [builtinPack, rival];
    const first = new MatchIndex(
      (await buildSnapshot({ packs, settings: settings(), version: '1' })).header.index,
    );
    expect(spans(first, 'THAAD')).toEqual(['rival:thaad:THAAD']);
    const ordered = await buildSnapshot({
      packs,
      settings: settings({ packOrder: [builtinPack.id] }),
      version: '1',
    });
    expect(spans(new MatchIndex(ordered.header.index), 'THAAD')).toEqual(['thaad:THAAD']);
    const off = await buildSnapshot({
      packs,
      settings: settings({ disabledPacks: ['rival'] }),
      version: '1',
    });
    expect(spans(new MatchIndex(off.header.index), 'THAAD')).toEqual(['thaad:THAAD']);
    const noKorean = await buildSnapshot({
      packs,
      settings: settings({ koreanAliases: false }),
      version: '1',
    });
    expect(spans(new MatchIndex(noKorean.header.index), '사드와 THAAD')).toEqual(['rival:thaad:THAAD']);
    // Entries without an alias left stay for the popover's related terms.
    expect(noKorean.header.entryCount).toBe(45);
  });

  it('pauses between slices of a large glossary', async () => {
    const big = pack(
      'big',
      Array.from({ length: 1200 }, (_, i) => entry(`term-${i}`, `TERM${i}`)),
    );
    const pause = vi.fn(async () => {});
    const built = await buildSnapshot(
      { packs: [builtinPack, big], settings: settings(), version: '1' },
      pause,
    );
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(spans(new MatchIndex(built.header.index), 'TERM7 and TERM1199')).toEqual([
      'big:term-7:TERM7',
      'big:term-1199:TERM1199',
    ]);
  });

  it('keeps the index when only other settings change', async () => {
    const built = await buildSnapshot({ packs: [builtinPack], settings: settings(), version: '1' });
    const next = withSettings(built.header, settings({ highlightStyle: 'background' }));
    expect(next.indexStamp).toBe(built.header.indexStamp);
    expect(next.stamp).not.toBe(built.header.stamp);
    expect(next.settings.highlightStyle).toBe('background');
  });
});

describe('a split index', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is read back whole, without cutting a surrogate pair', async () => {
    const mine = pack('mine', [
      entry('emoji', 'A😀B'),
      ...Array.from({ length: 40 }, (_, i) => entry(`t${i}`, `T${i}X`)),
    ]);
    const built = await buildSnapshot({ packs: [builtinPack, mine], settings: settings(), version: '1' });
    const split = splitIndex(built.header.index, built.header.indexStamp, 7);
    expect(Object.keys(split.parts).length).toBeGreaterThan(20);
    for (const part of Object.values(split.parts)) {
      const last = part.charCodeAt(part.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
    await fakeBrowser.storage.local.set({
      [SNAPSHOT_KEY]: { ...built.header, index: split.index, parts: split.counts },
      ...split.parts,
    });
    const read = await readSnapshot();
    expect(read?.index).toEqual(built.header.index);
    // A missing part reads as no snapshot at all (the background rebuilds it).
    await fakeBrowser.storage.local.remove(Object.keys(split.parts)[3] as string);
    expect(await readSnapshot()).toBeNull();
  });
});

describe('isSnapshot', () => {
  it('takes only the shape the background writes', async () => {
    const { header } = await buildSnapshot({ packs: [builtinPack], settings: settings(), version: '1' });
    expect(isSnapshot(header)).toBe(true);
    for (const broken of [
      null,
      'snapshot',
      [],
      { ...header, format: SNAPSHOT_FORMAT + 1 },
      { ...header, format: 0 },
      { ...header, stamp: 7 },
      { ...header, index: { ...header.index, wordKeys: null } },
      { ...header, index: { ...header.index, format: MATCH_INDEX_FORMAT + 1 } },
      { ...header, settings: { ...header.settings, sites: 'all' } },
      { ...header, parts: { aliases: 'two' } },
    ]) {
      expect(isSnapshot(broken), JSON.stringify(broken).slice(0, 60)).toBe(false);
    }
  });
});

describe('the snapshot keeper (background)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  });

  const header = async () =>
    (await fakeBrowser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY] as
      | { stamp: string; indexStamp: string; entryCount: number; settings: Settings }
      | undefined;

  it('builds a missing snapshot at start, and tells every tab', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(null);
    const keeper = startSnapshotKeeper();
    await keeper.ensure();
    const built = await header();
    expect(built?.entryCount).toBe(44);
    expect(send).toHaveBeenCalledWith(7, { type: 'snapshot-changed', stamp: built?.stamp });
    expect(
      (await fakeBrowser.storage.local.get(SNAPSHOT_BUILDING_KEY))[SNAPSHOT_BUILDING_KEY],
    ).toBeUndefined();
    const first = shardKey(built?.indexStamp ?? '', 0);
    expect((await fakeBrowser.storage.local.get(first))[first]).toHaveLength(44);
  });

  it('builds once when pages ask while the start-up build runs: the pages keep the build they read', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const keeper = startSnapshotKeeper();
    // The worker's own start, then three pages asking for it (snapshot-needed) before it is done.
    await Promise.all([keeper.ensure(), keeper.ensure(), keeper.ensure()]);
    await keeper.ensure();
    const headerWrites = set.mock.calls.filter(([items]) => SNAPSHOT_KEY in (items as object));
    expect(headerWrites).toHaveLength(1);
    expect((await header())?.entryCount).toBe(44);
  });

  it('rebuilds a damaged, other-format or half-written snapshot, and leaves the reader’s data as it was', async () => {
    const mine = [entry('kamd', 'KAMD')];
    const packs = [pack('notes', [entry('lamd', 'LAMD')])];
    await fakeBrowser.storage.local.set({ 'personal-glossary': mine, packs });
    const keeper = startSnapshotKeeper();
    await keeper.ensure();
    const good = await header();
    expect(good?.entryCount).toBe(46);
    for (const damage of [
      { [SNAPSHOT_KEY]: { format: SNAPSHOT_FORMAT, stamp: 'x' } },
      { [SNAPSHOT_KEY]: { ...good, format: SNAPSHOT_FORMAT + 1 } },
      { [SNAPSHOT_KEY]: 'garbage' },
      { [SNAPSHOT_BUILDING_KEY]: 'a build that never finished' },
    ]) {
      await fakeBrowser.storage.local.set(damage);
      await keeper.ensure();
      const rebuilt = await header();
      expect(isSnapshot(rebuilt)).toBe(true);
      expect(rebuilt?.entryCount).toBe(46);
      const stored = await fakeBrowser.storage.local.get(['personal-glossary', 'packs']);
      expect(stored['personal-glossary']).toEqual(mine);
      expect(stored.packs).toEqual(packs);
    }
  });

  it('a build cut short before its header keeps the last build whole, and the next one removes what it left', async () => {
    const keeper = startSnapshotKeeper();
    await keeper.ensure();
    const last = await header();
    const lastKeys = Object.keys(await fakeBrowser.storage.local.get(null));
    // The header's write is refused (storage full, a worker stopped): entries of the new build are
    // written, the header is not.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const refuse = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementation(async (items) =>
        SNAPSHOT_KEY in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items),
      );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ packs: [pack('notes', [entry('lamd', 'LAMD')])] });
    await vi.waitFor(async () =>
      expect(
        (await fakeBrowser.storage.local.get(SNAPSHOT_BUILDING_KEY))[SNAPSHOT_BUILDING_KEY],
      ).toBeDefined(),
    );
    await keeper.ensure().catch(() => {});
    expect(await header()).toEqual(last);
    const during = await fakeBrowser.storage.local.get(null);
    // Every item the last header names is still there, as it was.
    for (const key of lastKeys) expect(during[key], key).toBeDefined();
    const lastShard = shardKey(last?.indexStamp ?? '', 0);
    expect((during[lastShard] as { id: string }[]).map((e) => e.id)).not.toContain('lamd');
    const orphans = Object.keys(during).filter(
      (key) => key.startsWith(SHARD_PREFIX) && !lastKeys.includes(key),
    );
    expect(orphans.length).toBeGreaterThan(0);

    refuse.mockRestore();
    await keeper.ensure();
    const next = await header();
    expect(next?.entryCount).toBe(45);
    const after = Object.keys(await fakeBrowser.storage.local.get(null));
    const shards = after.filter((key) => key.startsWith(SHARD_PREFIX));
    expect(shards).toEqual([shardKey(next?.indexStamp ?? '', 0)]);
    expect(
      after.filter((key) => key.startsWith(PART_PREFIX) && !key.includes(next?.indexStamp ?? '-')),
    ).toEqual([]);
    expect(after).not.toContain(SNAPSHOT_BUILDING_KEY);
  });

  it('rebuilds when a glossary changes, and writes only new settings when they do not shape matching', async () => {
    const keeper = startSnapshotKeeper();
    await keeper.ensure();
    const first = await header();
    await fakeBrowser.storage.local.set({ packs: [pack('notes', [entry('lamd', 'LAMD')])] });
    await vi.waitFor(async () => expect((await header())?.entryCount).toBe(45));
    const second = await header();
    expect(second?.indexStamp).not.toBe(first?.indexStamp);
    await fakeBrowser.storage.sync.set({ settings: { ...settings(), highlightStyle: 'background' } });
    await vi.waitFor(async () => expect((await header())?.settings.highlightStyle).toBe('background'));
    expect((await header())?.indexStamp).toBe(second?.indexStamp);
    await fakeBrowser.storage.sync.set({ settings: { ...settings(), disabledPacks: ['notes'] } });
    await vi.waitFor(async () => expect((await header())?.entryCount).toBe(44));
  });
});

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  builtinPack,
  deletePersonalEntry,
  exportPackFile,
  type GlossaryEntry,
  type GlossaryPack,
  importPackFile,
  loadLibrary,
  orderPacks,
  PACK_MAX_ENTRIES,
  resolveLibrary,
  savePersonalEntry,
} from '../../../src/glossary';

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
  source: { title: `Source of ${id}`, url: 'https://example.org/source' },
  entries,
});

async function storedLocal(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

describe('the library: order, priority and ids', () => {
  const mine = pack('mine', [entry('thaad', 'THAAD'), entry('kamd', 'KAMD', { related: ['thaad'] })]);

  it('puts the reader’s order first, then My glossary, imported packs, and the built-in pack last', () => {
    const personal = pack('personal', [entry('x', 'XYZ')]);
    const ids = (order: string[]) =>
      orderPacks([builtinPack, mine, personal], order, builtinPack.id).map((p) => p.id);
    expect(ids([])).toEqual(['personal', 'mine', builtinPack.id]);
    expect(ids([builtinPack.id])).toEqual([builtinPack.id, 'personal', 'mine']);
    expect(ids(['mine', 'gone'])).toEqual(['mine', 'personal', builtinPack.id]);
  });

  it('gives entries ids unique across packs, keeps related links inside their pack, fills in the source', () => {
    const library = resolveLibrary([mine, builtinPack], [], builtinPack.id);
    const kamd = library.byId.get('mine:kamd');
    expect(kamd?.related).toEqual(['mine:thaad']);
    expect(kamd?.source).toEqual(mine.source);
    expect(library.byId.get('thaad')?.packId).toBe(builtinPack.id);
    expect(library.byId.get('mine:thaad')?.localId).toBe('thaad');
  });

  it('lists the aliases a pack loses to one above it, and leaves out packs switched off', () => {
    const library = resolveLibrary([mine, builtinPack], [], builtinPack.id);
    expect(library.shadowed.get(builtinPack.id)).toContain('THAAD');
    expect(library.shadowed.get('mine')).toBeUndefined();
    const off = resolveLibrary([mine, builtinPack], ['mine'], builtinPack.id);
    expect(off.entries.some((e) => e.packId === 'mine')).toBe(false);
    expect(off.shadowed.size).toBe(0);
  });
});

describe('the library in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with the built-in pack alone', async () => {
    const library = await loadLibrary();
    expect(library.packs.map((p) => p.id)).toEqual([builtinPack.id]);
    expect(library.problems).toEqual([]);
  });

  it('imports a pack, and exporting it then importing the file gives back exactly the same pack', async () => {
    const original = pack('defense-terms', [entry('kamd', 'KAMD'), entry('lsam', 'L-SAM')]);
    expect(await importPackFile(JSON.stringify(original))).toEqual({
      ok: true,
      message: 'Imported “Pack defense-terms”: 2 entries.',
    });
    const stored = (await loadLibrary()).imported[0] as GlossaryPack;
    expect(stored).toEqual(original);
    const file = exportPackFile(stored);
    expect(await importPackFile(file)).toEqual({
      ok: true,
      message: 'Replaced “Pack defense-terms”: 2 entries.',
    });
    expect((await loadLibrary()).imported).toEqual([original]);
  });

  it('refuses a bad pack, naming entry and field, and writes nothing', async () => {
    const bad = pack('bad', [entry('kamd', 'KAMD'), entry('lsam', 'L-SAM', { quotes: [] })]);
    const result = await importPackFile(JSON.stringify(bad));
    expect(result).toEqual({
      ok: false,
      errors: ['entry "lsam" (#2): quotes: needs at least one verbatim quote'],
    });
    expect(await storedLocal()).toEqual({});
  });

  it('refuses the built-in pack’s id, files that are too large or have too many entries', async () => {
    expect((await importPackFile(JSON.stringify({ ...builtinPack }))).ok).toBe(false);
    const many = pack(
      'many',
      Array.from({ length: PACK_MAX_ENTRIES + 1 }, (_, i) => entry(`e${i}`, `E${i}X`)),
    );
    const tooMany = await importPackFile(JSON.stringify(many));
    expect(tooMany).toEqual({
      ok: false,
      errors: [`The pack has ${PACK_MAX_ENTRIES + 1} entries; a pack may have at most ${PACK_MAX_ENTRIES}.`],
    });
    const huge = await importPackFile(' '.repeat(5_000_001));
    expect(huge.ok).toBe(false);
    expect(await storedLocal()).toEqual({});
  });

  it('never throws on random or truncated files, and never writes part of one', async () => {
    const good = JSON.stringify(pack('good', [entry('kamd', 'KAMD')]));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.nat(good.length - 1).map((n) => good.slice(0, n)),
        ),
        async (text) => {
          fakeBrowser.reset();
          const result = await importPackFile(text);
          expect(result.ok).toBe(false);
          expect(await storedLocal()).toEqual({});
        },
      ),
      { numRuns: 150 },
    );
  });

  it('saves, edits and deletes entries of My glossary, which then counts as a pack', async () => {
    const kamd = entry('kamd', 'KAMD', {
      source: { title: 'A page', url: 'http://example.org/a', date: '2026-11-26' },
    });
    expect(await savePersonalEntry(kamd)).toEqual({ ok: true, message: 'Saved “KAMD” to My glossary.' });
    let library = await loadLibrary();
    expect(library.personal).toEqual([kamd]);
    expect(library.packs.map((p) => p.id)).toEqual([builtinPack.id, 'personal']);
    expect(await savePersonalEntry({ ...kamd, explanation: 'Edited.' })).toEqual({
      ok: true,
      message: 'Updated “KAMD”.',
    });
    library = await loadLibrary();
    expect(library.personal[0]?.explanation).toBe('Edited.');
    expect(await deletePersonalEntry('kamd')).toEqual({ ok: true, message: 'Deleted “KAMD”.' });
    expect((await loadLibrary()).personal).toEqual([]);
  });

  it('refuses an invalid personal entry and keeps what was there', async () => {
    await savePersonalEntry(entry('kamd', 'KAMD'));
    const result = await savePersonalEntry(entry('bad', 'BAD', { explanation: '' }));
    expect(result.ok).toBe(false);
    expect((await loadLibrary()).personal.map((e) => e.id)).toEqual(['kamd']);
  });

  it('leaves unreadable stored data untouched, says so, and refuses to write over it', async () => {
    await fakeBrowser.storage.local.set({ 'personal-glossary': [entry('ok', 'OKAY'), { id: 'broken' }] });
    const library = await loadLibrary();
    expect(library.personal.map((e) => e.id)).toEqual(['ok']);
    expect(library.problems).toHaveLength(1);
    const result = await savePersonalEntry(entry('new', 'NEWT'));
    expect(result.ok).toBe(false);
    expect((await fakeBrowser.storage.local.get('personal-glossary'))['personal-glossary']).toHaveLength(2);
  });

  it('an export of My glossary restores it on import', async () => {
    const kamd = entry('kamd', 'KAMD');
    await savePersonalEntry(kamd);
    const library = await loadLibrary();
    const file = exportPackFile(library.packs.find((p) => p.id === 'personal') as GlossaryPack);
    await deletePersonalEntry('kamd');
    expect(await importPackFile(file)).toEqual({ ok: true, message: 'Restored My glossary: 1 entry.' });
    expect((await loadLibrary()).personal).toEqual([kamd]);
  });

  describe('under storage pressure', () => {
    afterEach(() => vi.restoreAllMocks());

    it('a write the browser refuses (quota) changes nothing, says so, and the next write works', async () => {
      const kamd = entry('kamd', 'KAMD');
      await savePersonalEntry(kamd);
      const before = await storedLocal();
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(
        new Error('QUOTA_BYTES quota exceeded'),
      );
      const result = await savePersonalEntry(entry('thaad', 'THAAD'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]).toMatch(/refused to save.*nothing was changed.*QUOTA_BYTES/);
      expect(await storedLocal()).toEqual(before);
      expect((await loadLibrary()).personal).toEqual([kamd]);
      expect((await savePersonalEntry(entry('thaad', 'THAAD'))).ok).toBe(true);
      expect((await loadLibrary()).personal.map((e) => e.id)).toEqual(['kamd', 'thaad']);
    });

    it('a pack import the browser refuses keeps the packs already there', async () => {
      await importPackFile(exportPackFile(pack('first', [entry('a', 'ALPHA')])));
      const before = await storedLocal();
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('Storage is gone'));
      const result = await importPackFile(exportPackFile(pack('second', [entry('b', 'BRAVO')])));
      expect(result).toEqual({
        ok: false,
        refused: true,
        errors: [
          'The browser refused to save your glossary, so nothing was changed (Error: Storage is gone).',
        ],
      });
      expect(await storedLocal()).toEqual(before);
    });

    it('saves that start at the same moment all land (each reads after the one before has written)', async () => {
      const ids = Array.from({ length: 12 }, (_, i) => `term-${i}`);
      const results = await Promise.all(
        ids.map((id, i) => savePersonalEntry(entry(id, `TERM${String.fromCharCode(65 + i)}`))),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect((await loadLibrary()).personal.map((e) => e.id)).toEqual(ids);
    });

    it('a refused write in a queue of writes does not stop the ones after it', async () => {
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(
        new Error('QUOTA_BYTES quota exceeded'),
      );
      const results = await Promise.all([
        savePersonalEntry(entry('one', 'ONE')),
        savePersonalEntry(entry('two', 'TWO')),
        savePersonalEntry(entry('three', 'THREE')),
      ]);
      expect(results.map((r) => r.ok)).toEqual([false, true, true]);
      expect((await loadLibrary()).personal.map((e) => e.id)).toEqual(['two', 'three']);
    });
  });
});

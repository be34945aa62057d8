import { describe, expect, it } from 'vitest';
import { builtinPack } from '../../../src/glossary';
import { GlossarySearch, normaliseName } from '../../../src/search';

const search = new GlossarySearch(builtinPack.entries);
const ids = (query: string, limit = 5) => search.search(query, limit).map((hit) => hit.entry.id);
const termOf = (id: string) => builtinPack.entries.find((entry) => entry.id === id)?.term;

describe('glossary search', () => {
  it.each([
    ['THAAD', 'thaad'],
    ['thaad', 'thaad'],
    ['thad', 'thaad'],
    ['thaa', 'thaad'],
    ['opcon', 'opcon'],
    ['operational control', 'opcon'],
    ['사드', 'thaad'],
    ['전작권', 'opcon'],
    ['a2ad', 'a2ad'],
    ['A2/AD', 'a2ad'],
    ['masga', 'masga'],
  ])('%s finds %s first', (query, expected) => {
    expect(termOf(expected), `${expected} is in the built-in pack`).toBeDefined();
    expect(ids(query)[0]).toBe(expected);
  });

  it('"island" finds both island chains among the first results', () => {
    const found = ids('island', 5).map(termOf);
    expect(found).toEqual(expect.arrayContaining(['First island chain', 'Second island chain']));
  });

  it('says why an entry was found when an alias matched', () => {
    const [hit] = search.search('전작권');
    expect(hit).toMatchObject({ matched: 'alias', alias: '전작권' });
  });

  it('finds words of explanations and quotes too, after names', () => {
    const hits = search.search('shipbuilding', 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((hit) => hit.entry.id)).toContain('masga');
  });

  it('lists every entry by term for an empty query', () => {
    const all = search.search('', 1000);
    expect(all).toHaveLength(builtinPack.entries.length);
    const terms = all.map((hit) => hit.entry.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b)));
  });

  it('finds nothing for text that is in no entry', () => {
    expect(search.search('zzqxv')).toEqual([]);
  });

  it('compares names without case, accents, spaces or punctuation', () => {
    expect(normaliseName('A2 / AD')).toBe(normaliseName('a2-ad'));
    expect(normaliseName('Three No’s')).toBe(normaliseName('three nos'));
    expect(normaliseName('Café')).toBe('cafe');
  });
});

import { describe, expect, it } from 'vitest';
import english from '../../../assets/locales/en.json';
import { findAll } from '../../../src/matching';
import { PageDefinitions, sentenceAround, toSavedEntry } from '../../../src/page-definitions';
import { definesText } from '../../../src/page-definitions/page-definitions';

const source = { title: 'Missile notes', publisher: 'news.example.com', url: 'http://news.example.com/a' };

describe('PageDefinitions', () => {
  it('turns a definition into a page term, found only after its definition', () => {
    const page = new PageDefinitions(() => undefined, source);
    const text = 'KAMD first. The Korea Air and Missile Defense (KAMD) grows. KAMD links radars.';
    const definedAt = page.readRun(text);
    const id = 'page:kamd';
    expect(page.entry(id)).toMatchObject({
      term: 'KAMD',
      expansion: 'Korea Air and Missile Defense',
      quotes: [{ text: 'The Korea Air and Missile Defense (KAMD) grows.' }],
      source,
    });
    const found = page.matcher ? findAll(page.matcher, text) : [];
    const after = found.filter((m) => m.start >= (definedAt?.get(id) ?? 0));
    expect(after.map((m) => text.slice(m.start, m.end))).toEqual(['KAMD']);
    expect(after[0]?.start).toBe(text.lastIndexOf('KAMD'));
  });

  it('leaves a short form a glossary knows to that glossary, as "also defined on this page"', () => {
    const page = new PageDefinitions((short) => (short === 'THAAD' ? 'thaad' : undefined), source);
    page.readRun('The Terminal High Altitude Area Defense (THAAD) battery stays.');
    expect(page.list()).toEqual([]);
    expect(page.alsoDefined('thaad')).toEqual({
      short: 'THAAD',
      long: 'Terminal High Altitude Area Defense',
      sentence: 'The Terminal High Altitude Area Defense (THAAD) battery stays.',
    });
  });

  it('keeps no term of one character: "Copyright (C)" must not explain every C of a page', () => {
    const page = new PageDefinitions(() => undefined, source);
    const text = 'Copyright (C) 2024 the authors. The library is written in C; Appendix C lists it.';
    expect(page.readRun(text)).toBeNull();
    expect(page.learn(text, source)).toBe(false);
    expect(page.list()).toEqual([]);
    expect(page.matcher).toBeNull();
    // Two characters are a term as any other.
    page.readRun('The Group of Seven (G7) met in June.');
    expect(page.list().map((e) => e.term)).toEqual(['G7']);
  });

  it('shows and keeps a term as the reader sees it: no soft hyphens, no word broken at a line end', () => {
    const page = new PageDefinitions(() => undefined, source);
    page.learn('The Ter\u00adminal High Alti-\ntude Area De\u00adfense (THAAD) battery.', source);
    const entry = page.entry('page:thaad');
    expect(entry?.expansion).toBe('Terminal High Altitude Area Defense');
    expect(entry?.explanation).toContain('“Terminal High Altitude Area Defense”');
    // The quote is the source's sentence as written, without the invisible marks.
    expect(entry?.quotes[0]?.text).toBe('The Terminal High Alti- tude Area Defense (THAAD) battery.');
  });

  it('keeps the first definition of a short form, and covers its plural', () => {
    const page = new PageDefinitions(() => undefined, source);
    page.readRun('It tested intercontinental ballistic missiles (ICBMs) in May.');
    page.readRun('Later, an intercontinental ballistic missile (ICBM) flew.');
    expect(page.list().map((e) => [e.term, e.expansion])).toEqual([
      ['ICBM', 'intercontinental ballistic missiles'],
    ]);
    const text = 'One ICBM and two ICBMs.';
    expect(
      findAll(page.matcher as NonNullable<typeof page.matcher>, text).map((m) => text.slice(m.start, m.end)),
    ).toEqual(['ICBM', 'ICBMs']);
  });

  it('saves a page term as an entry with the page as its source and the day it was saved', () => {
    const page = new PageDefinitions(() => undefined, source);
    page.readRun('The Patriot Advanced Capability-3 (PAC-3) interceptor.');
    const saved = toSavedEntry(page.list()[0] as never, new Date('2026-11-26T10:00:00Z'));
    expect(saved).toMatchObject({
      id: 'pac-3',
      term: 'PAC-3',
      expansion: 'Patriot Advanced Capability-3',
      quotes: [{ text: 'The Patriot Advanced Capability-3 (PAC-3) interceptor.' }],
      source: { ...source, date: '2026-11-26' },
    });
  });
});

describe('the matcher of page terms', () => {
  it('finds a short form only as a word of its own, a Korean particle allowed after it', () => {
    const page = new PageDefinitions(() => undefined, source);
    page.readRun('The Korea Air and Missile Defense (KAMD) grows.');
    const text = 'KAMDX, xKAMD, KAMD2 and KAMD; 한국은 KAMD를 키운다.';
    expect(findAll(page.matcher as NonNullable<typeof page.matcher>, text).map((m) => m.start)).toEqual([
      text.indexOf('KAMD;'),
      text.indexOf('KAMD를'),
    ]);
  });
});

describe('sentenceAround', () => {
  it('takes the sentence holding the span, not stopping at U.S. or a line break', () => {
    const text = 'Before. The U.S. Forces Korea (USFK) said\n so. After.';
    const start = text.indexOf('U.S. Forces');
    expect(sentenceAround(text, start, text.indexOf(')') + 1)).toBe('The U.S. Forces Korea (USFK) said so.');
  });
});

describe('definesText', () => {
  it('says in English what assets/locales/en.json says, where the browser has no i18n', () => {
    const template = english.page_definesTerm.message;
    expect(definesText('KAMD', 'Korea Air and Missile Defense')).toBe(
      template.replace('$1', 'KAMD').replace('$2', 'Korea Air and Missile Defense'),
    );
  });
});

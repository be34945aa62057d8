/**
 * Text that costs: long runs read a window at a time find what the whole run finds, and the work per
 * definition and per window stays bounded (counted, not timed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDefinitions } from '../../../src/page-definitions';
import {
  PAGE_TERMS_MAX,
  PageDefinitions,
  sentenceAround,
} from '../../../src/page-definitions/page-definitions';

const source = { title: 'A page', url: 'https://example.org/a' };

/** Every definition of `text`, read in windows of `size` characters. */
function inWindows(text: string, size: number) {
  const found = [];
  for (let from = 0; from < text.length; from += size)
    found.push(...findDefinitions(text, from, Math.min(text.length, from + size)));
  return found;
}

describe('definitions in a long text, a window at a time', () => {
  it('finds exactly what one pass over the whole text finds, wherever the windows fall', () => {
    const pieces = [
      'The Combined Forces Command (CFC) ',
      'wartime operational control (OPCON) ',
      'THAAD (Terminal High Altitude Area Defense) ',
      '((a)(b(c) ',
      'ordinary words, again. ',
      '(1990) ',
      '北大西洋公约组织（NATO） ',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 7, max: 400 }),
        (parts, size) => {
          const text = parts.join('');
          expect(inWindows(text, size)).toEqual(findDefinitions(text));
        },
      ),
    );
  });
});

describe('a page that defines too much', () => {
  it(`keeps the first ${PAGE_TERMS_MAX} terms it defines and no more`, () => {
    const page = new PageDefinitions(() => undefined, source);
    // Distinct three-letter short forms, each after its long form: "Bord Cord Dord (BCD)".
    const letter = (n: number) => String.fromCharCode(65 + (n % 26));
    const pairs = Array.from({ length: PAGE_TERMS_MAX + 500 }, (_, i) => {
      const short = letter(i / 676) + letter(i / 26) + letter(i);
      return `${[...short].map((c) => `${c}ord`).join(' ')} (${short})`;
    }).join(' ');
    for (let from = 0; from < pairs.length; from += 4_000)
      page.readRun(pairs, from, Math.min(pairs.length, from + 4_000));
    expect(page.list()).toHaveLength(PAGE_TERMS_MAX);
    expect(page.list()[0]?.term).toBe('AAA');
    expect(page.matcher?.size).toBeGreaterThanOrEqual(PAGE_TERMS_MAX);
  });

  it('quotes only the definition when no sentence end is near (a run of megabytes without a full stop)', () => {
    const filler = 'word '.repeat(2_000);
    const text = `${filler}the Combined Forces Command (CFC) ${filler}`;
    const start = text.indexOf('Combined');
    const end = text.indexOf(')') + 1;
    expect(sentenceAround(text, start, end)).toBe('Combined Forces Command (CFC)');
    // A sentence within reach is quoted whole.
    const short = `Far away. The Combined Forces Command (CFC) led. ${filler}`;
    const at = short.indexOf('Combined');
    expect(sentenceAround(short, at, short.indexOf(')') + 1)).toBe('The Combined Forces Command (CFC) led.');
  });
});

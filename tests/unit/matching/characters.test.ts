/** The matcher's character rules: the native case folding of whole texts agrees with the per-unit rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUnit, isWordUnit, keyText, LOWER_CASE_EXCEPTIONS } from '../../../src/matching/characters';

const bmpUnits = () => {
  const units: number[] = [];
  for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) units.push(code);
  return units;
};

const bmpUnit = fc
  .integer({ min: 0, max: 0xffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCharCode(code));

describe('case folding', () => {
  it('lists every unit whose native lower case is not its fold, and no other', () => {
    const exceptions = bmpUnits().filter(
      (code) => String.fromCharCode(code).toLowerCase() !== String.fromCharCode(foldUnit(code)),
    );
    expect(exceptions.map((code) => String.fromCharCode(code)).join('')).toBe(LOWER_CASE_EXCEPTIONS);
  });

  it('never changes what is a word character', () => {
    for (const code of bmpUnits())
      expect(isWordUnit(foldUnit(code)), code.toString(16)).toBe(isWordUnit(code));
  });

  it('folds σ, ς and Σ together, and keeps İ, ı and I apart', () => {
    expect(new Set([0x3c3, 0x3c2, 0x3a3].map(foldUnit)).size).toBe(1);
    expect(new Set([0x130, 0x131, 0x49].map(foldUnit)).size).toBe(3);
  });

  // Outside the BMP native lower case may change a pair's low surrogate (Deseret, Adlam…): places are
  // found by words and first units only, and a place is checked unit by unit in the page's own text.
  it('folds a whole BMP text natively as it folds each unit, at the same offsets', () => {
    const sample = `${LOWER_CASE_EXCEPTIONS}ΟΔΟΣ Σοφία THAAD İstanbul Kelvin KÅΩ ẞ Ǆǅǆ 사드 中國 ꞍꞪ`;
    const perUnit = (text: string) =>
      [...Array(text.length).keys()].map((i) => String.fromCharCode(foldUnit(text.charCodeAt(i)))).join('');
    expect(keyText(sample)).toBe(perUnit(sample));
    fc.assert(
      fc.property(fc.string({ unit: bmpUnit }), (text) => {
        const folded = keyText(text);
        expect(folded.length).toBe(text.length);
        expect(folded).toBe(perUnit(text));
      }),
      { numRuns: 300 },
    );
  });
});

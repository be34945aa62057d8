import { describe, expect, it } from 'vitest';
import {
  alnumOnly,
  isAlnum,
  isHangul,
  isLatin,
  isLetter,
  isLower,
  isNumber,
  isSpace,
  isUpper,
} from '../../../src/page-definitions/char-kinds';

// Every code unit of the BMP, surrogates included: the helpers must answer as the `u` regexes do.
const units = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

const cases: [string, (c: string) => boolean, RegExp][] = [
  ['isLetter', isLetter, /^\p{L}$/u],
  ['isNumber', isNumber, /^\p{N}$/u],
  ['isAlnum', isAlnum, /^[\p{L}\p{N}]$/u],
  ['isUpper', isUpper, /^\p{Lu}$/u],
  ['isLower', isLower, /^\p{Ll}$/u],
  ['isSpace', isSpace, /^\s$/u],
  ['isLatin', isLatin, /^\p{Script=Latin}$/u],
  ['isHangul', isHangul, /^\p{Script=Hangul}$/u],
];

describe('char-kinds', () => {
  for (const [name, test, regex] of cases) {
    it(`${name} agrees with ${regex} on every BMP code unit`, () => {
      const disagreements = units.filter((c) => test(c) !== regex.test(c));
      expect(disagreements.map((c) => c.charCodeAt(0).toString(16))).toEqual([]);
    });
  }

  it('answers false for nothing at all (an index past the end of a string)', () => {
    for (const [, test] of cases) {
      expect(test(undefined as unknown as string)).toBe(false);
      expect(test('')).toBe(false);
    }
  });

  it('keeps letters and numbers only', () => {
    expect(alnumOnly('A2/AD')).toBe('A2AD');
    expect(alnumOnly('PAC-3')).toBe('PAC3');
    expect(alnumOnly('전작권·OPCON')).toBe('전작권OPCON');
    expect(alnumOnly('Zürich, 1.5°')).toBe('Zürich15');
  });
});

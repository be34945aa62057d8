/**
 * What the matcher knows about characters: which make up words, which separate them, and how case
 * folds. Everything works on UTF-16 code units, as the page's strings are.
 *
 * - Word characters: Latin (with Latin-1, Extended-A and -B), Greek, Cyrillic, digits and `_`. A
 *   mention may neither start nor end next to one.
 * - Hangul (syllables and jamo) counts as a word character to the left of a mention, and may be
 *   followed by Korean particles to the right ("사드를").
 * - Case: two code units are equal when their upper cases are the same single code unit of the same
 *   kind (word character or not), never mapping a non-ASCII unit to ASCII. This is the ECMAScript `i`
 *   flag's mapping, kept from changing what is a word: "µ" (micro, not a word character) stays apart
 *   from the Greek "μ".
 */

/** True for a code unit that belongs to a word (see the module comment). */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x5f
    );
  }
  return (code >= 0xc0 && code <= 0x24f) || (code >= 0x370 && code <= 0x4ff);
}

export function isHangulUnit(code: number): boolean {
  return (
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f)
  );
}

/** The separators that may vary in an alias: white space, hyphens and dashes, and slashes. */
const SPACES =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const HYPHENS = '-\u2010\u2011\u2012\u2013';

export function isSpaceOrHyphen(code: number): boolean {
  if (code === 0x20) return true;
  if (code < 0x09 || code > 0xfeff) return false;
  const ch = String.fromCharCode(code);
  return SPACES.includes(ch) || HYPHENS.includes(ch);
}

export function isSlash(code: number): boolean {
  return code === 0x2f || code === 0xff0f;
}

export function isSeparatorUnit(code: number): boolean {
  return isSpaceOrHyphen(code) || isSlash(code);
}

export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x2bc;
}

/** The `i` flag's simple case mapping of one unit, kept within its kind (see the module comment). */
function canonicalUnit(code: number): number {
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const mapped = upper.charCodeAt(0);
  if (code >= 0x80 && mapped < 0x80) return code;
  return isWordUnit(mapped) === isWordUnit(code) ? mapped : code;
}

const folded = new Map<number, number>();

/** The unit that stands for `code` when case does not count: equal folds are the same letter. */
export function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? code - 32 : code;
  let fold = folded.get(code);
  if (fold === undefined) {
    fold = canonicalUnit(code);
    folded.set(code, fold);
  }
  return fold;
}

/**
 * The unit an index key is written with: the lower case of the fold, where that is one unit of the
 * same kind (keys are compared with `toLowerCase()`d page text, which the browser computes natively),
 * else the fold itself. Two units with the same fold always have the same key unit.
 */
export function keyUnit(code: number): number {
  const fold = foldUnit(code);
  const lower = String.fromCharCode(fold).toLowerCase();
  if (lower.length === 1 && isWordUnit(lower.charCodeAt(0)) === isWordUnit(code)) return lower.charCodeAt(0);
  return fold;
}

/** An index key for a piece of alias text: every unit as `keyUnit` writes it. */
export function keyOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(keyUnit(text.charCodeAt(i)));
  return out;
}

/**
 * The units whose `toLowerCase()` is not their key unit (a longer lower case, a change of kind, or a
 * fold that lower case does not make: "ϐ" and "β"). Worked out from the definitions above; a unit test
 * recomputes the list over every BMP unit.
 */
export const LOWER_CASE_EXCEPTIONS =
  '\u0130\u0181\u0186\u0189\u018a\u018f\u0190\u0193\u0194\u0196\u0197\u019c\u019d\u019f\u01a6\u01a9' +
  '\u01ae\u01b1\u01b2\u01b7\u023a\u023e\u0244\u0245\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5' +
  '\u1c88\u1e9b\u1e9e\u2126\u212a\u212b\u2c7e\u2c7f\ua7dc';
const EXCEPTION = new RegExp(`[${LOWER_CASE_EXCEPTIONS}]`);
const EXCEPTION_OR_RUN = new RegExp(`[${LOWER_CASE_EXCEPTIONS}]|[^${LOWER_CASE_EXCEPTIONS}]+`, 'g');
const FINAL_SIGMA = /\u03c2/g;

/**
 * `text` with every unit written as its key unit, at the same offsets. Native `toLowerCase()` does
 * almost all of it; the few exceptions are handled apart, and only in text that has one.
 */
export function keyText(text: string): string {
  let lower = EXCEPTION.test(text)
    ? text.replace(EXCEPTION_OR_RUN, (piece) =>
        piece.length === 1 && LOWER_CASE_EXCEPTIONS.includes(piece)
          ? String.fromCharCode(keyUnit(piece.charCodeAt(0)))
          : piece.toLowerCase(),
      )
    : text.toLowerCase();
  // toLowerCase() writes a final capital sigma as "ς"; its key is "σ", as for every sigma.
  if (lower.includes('\u03c2')) lower = lower.replace(FINAL_SIGMA, '\u03c3');
  return lower;
}

/** Maximal runs of word characters, in key text (whose kinds are the original's). */
export const WORD_RUNS = /[0-9_a-z\u00c0-\u024f\u0370-\u04ff]+/g;

export const WORD_CLASS = '0-9A-Z_a-z\\u00c0-\\u024f\\u0370-\\u04ff';

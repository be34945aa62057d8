/**
 * What the matcher knows about characters: which make up words, which separate them, and how case
 * folds. Everything works on UTF-16 code units, as the page's strings are.
 *
 * - Word characters: Latin (with Latin-1, Extended-A and -B, and the IPA letters their lower cases
 *   use), Greek, Cyrillic, digits and `_`. A mention may neither start nor end next to one.
 * - Hangul (syllables and jamo) counts as a word character to the left of a mention, and may be
 *   followed by Korean particles to the right ("사드를").
 * - Case: two code units are equal when their lower cases are (a lower case that is one code unit of
 *   the same kind, word character or not; σ and ς are one letter). That is what the browser's native
 *   `toLowerCase()` computes for whole texts at once, so a page's text is folded natively: "İ" (whose
 *   lower case is two units) and the Kelvin sign (whose lower case is a word character) stay as they are.
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
  return (code >= 0xc0 && code <= 0x2af) || (code >= 0x370 && code <= 0x4ff);
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

const folded = new Map<number, number>();

/** The unit that stands for `code` when case does not count (see the module comment). */
export function foldUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  let fold = folded.get(code);
  if (fold === undefined) {
    const lower = String.fromCharCode(code).toLowerCase();
    fold =
      lower.length === 1 && isWordUnit(lower.charCodeAt(0)) === isWordUnit(code) ? lower.charCodeAt(0) : code;
    if (fold === 0x3c2) fold = 0x3c3;
    folded.set(code, fold);
  }
  return fold;
}

/**
 * An index key for a piece of alias text: every unit folded, as in the key text of a page
 * (`keyText`).
 */
export function keyOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

/**
 * The units whose `toLowerCase()` is not their fold: "İ" (two units), "ς" (σ), and the few whose lower
 * case changes kind (the Kelvin sign; "Ⱥ"). A unit test recomputes the list over every BMP unit.
 */
export const LOWER_CASE_EXCEPTIONS =
  '\u0130\u023a\u023e\u03c2\u1e9e\u2126\u212a\u212b\u2c62\u2c64\u2c6d\u2c6e\u2c6f\u2c70\u2c7e\u2c7f' +
  '\ua78d\ua7aa\ua7ab\ua7ac\ua7ad\ua7ae\ua7b0\ua7b1\ua7b2\ua7c5\ua7cb\ua7dc';
const EXCEPTION_CLASS = '\u0130\u023a\u023e\u03c2\u1e9e\u2126\u212a\u212b\u2c62-\u2c7f\ua78d-\ua7dc';
const EXCEPTION = new RegExp(`[${EXCEPTION_CLASS}]`);
const EXCEPTION_OR_RUN = new RegExp(`[${EXCEPTION_CLASS}]|[^${EXCEPTION_CLASS}]+`, 'g');
const FINAL_SIGMA = /\u03c2/g;

/**
 * `text` with every unit folded, at the same offsets. Native `toLowerCase()` does almost all of it; the
 * few exceptions are handled apart, and only in a text that has one.
 */
export function keyText(text: string): string {
  let lower = EXCEPTION.test(text)
    ? text.replace(EXCEPTION_OR_RUN, (piece) =>
        piece.length === 1 && LOWER_CASE_EXCEPTIONS.includes(piece)
          ? String.fromCharCode(foldUnit(piece.charCodeAt(0)))
          : piece.toLowerCase(),
      )
    : text.toLowerCase();
  // toLowerCase() writes a final capital sigma as "ς"; its fold is "σ", as for every sigma.
  if (lower.includes('\u03c2')) lower = lower.replace(FINAL_SIGMA, '\u03c3');
  return lower;
}

/** Maximal runs of word characters, in key text (whose kinds are the original's). */
export const WORD_RUNS = /[0-9_a-z\u00c0-\u02af\u0370-\u04ff]+/g;

export const WORD_CLASS = '0-9A-Z_a-z\\u00c0-\\u02af\\u0370-\\u04ff';

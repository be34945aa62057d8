/**
 * Unicode character classes for one UTF-16 code unit, as the `u`-flag regexes `\p{L}`, `\p{Lu}`, … read
 * it, answered in code for ASCII and Hangul syllables.
 *
 * Why not the regexes: the extractor runs cold on every page the reader opens, and V8 compiles a
 * regex with a large Unicode class (`\p{L}` is ~650 ranges) on its first two runs, ~0.2–1 ms each time
 * (measured in Node 20 and Chromium). Twenty of them made up most of the extractor's cost on an
 * ordinary page. Here a page of English text never compiles one; other scripts fall back to a single
 * shared regex per class, compiled once per page at most.
 */

const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const NUMBER = /^\p{N}$/u;
const SPACE = /^\s$/u;
const LATIN = /^\p{Script=Latin}$/u;
const HANGUL = /^\p{Script=Hangul}$/u;

const isHangulSyllable = (code: number) => code >= 0xac00 && code <= 0xd7a3;

/** `\p{L}`: a letter of any script. */
export function isLetter(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (isHangulSyllable(code)) return true;
  return LETTER.test(c);
}

/** `\p{N}`: a digit or other number character. */
export function isNumber(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  if (isHangulSyllable(code)) return false;
  return NUMBER.test(c);
}

/** `[\p{L}\p{N}]`. */
export function isAlnum(c: string | undefined): boolean {
  return isLetter(c) || isNumber(c);
}

/** `\p{Lu}`: an upper-case letter. */
export function isUpper(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  if (isHangulSyllable(code)) return false;
  return UPPER.test(c);
}

/** `\p{Ll}`: a lower-case letter. */
export function isLower(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  if (isHangulSyllable(code)) return false;
  return LOWER.test(c);
}

/** `\s` (with or without `u`: both read the same white space). */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (isHangulSyllable(code)) return false;
  return SPACE.test(c);
}

/** `\p{Script=Latin}`. */
export function isLatin(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (isHangulSyllable(code)) return false;
  return LATIN.test(c);
}

/** `\p{Script=Hangul}`. */
export function isHangul(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return false;
  if (isHangulSyllable(code)) return true;
  return HANGUL.test(c);
}

/** True when some code unit of `text` satisfies `test`. */
export function some(text: string, test: (c: string) => boolean): boolean {
  for (let i = 0; i < text.length; i++) if (test(text[i] as string)) return true;
  return false;
}

/** The letters and numbers of `text` only: `text.replace(/[^\p{L}\p{N}]/gu, '')` per code unit. */
export function alnumOnly(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (isAlnum(c)) out += c;
  }
  return out;
}

/** True when `text` holds a Hangul character: `/\p{Script=Hangul}/u.test(text)`. */
export const hasHangul = (text: string): boolean => some(text, isHangul);

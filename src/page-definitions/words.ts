/** What the extractor finds, and word-level helpers shared by its English and Korean rules. */
import { isAlnum, isSpace, isUpper } from './char-kinds';

export interface Definition {
  /** The short form as written, e.g. "ICBMs". */
  short: string;
  /** The long form as written, e.g. "intercontinental ballistic missiles". */
  long: string;
  /** Where the definition (long form and parenthesis together) starts and ends in the text. */
  start: number;
  end: number;
}

/** A long form found in a text. */
export interface LongForm {
  text: string;
  /** Offset of the long form in the text it was found in. */
  offset: number;
}

/** "ICBMs" → "ICBM": a plural "s" after a capital is not part of what the letters spell. */
export function singular(sf: string): string {
  // "IBC's", "LDC’s": a plural written with an apostrophe.
  if (sf.length > 3 && /['’]s$/.test(sf) && isUpper(sf[sf.length - 3])) return sf.slice(0, -2);
  return sf.length > 2 && sf.endsWith('s') && isUpper(sf[sf.length - 2]) ? sf.slice(0, -1) : sf;
}

/** The last `count` words of a text (with what separates them). */
export function lastWords(text: string, count: number): string {
  const pattern = /\S+/g;
  const starts: number[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) starts.push(match.index);
  if (starts.length === 0) return '';
  return text.slice(starts[Math.max(0, starts.length - count)]);
}

/**
 * The word that ends `text` at `end` (white space after it aside), looked for from `from` on: letters,
 * digits and / & + . - , starting with a letter or digit. Null when the text there ends otherwise.
 */
export function wordBefore(text: string, from: number, end: number): { start: number; end: number } | null {
  let e = end;
  while (e > from && isSpace(text[e - 1])) e--;
  let s = e;
  while (s > from && isWordPart(text[s - 1])) s--;
  while (s < e && !isAlnum(text[s])) s++;
  return s < e ? { start: s, end: e } : null;
}

const isWordPart = (c: string | undefined) =>
  c === '/' || c === '&' || c === '+' || c === '.' || c === '-' || isAlnum(c);

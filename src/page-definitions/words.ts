/** Word-level helpers shared by the extractor's English and Korean rules. */
import { isUpper } from './char-kinds';

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

/**
 * What may be a short form: an abbreviation's shape (isShortForm), and the plain words a long form
 * leaves in no doubt ("amino acid (aa)", "Decapentaplegic (Dpp)").
 */
import { isAlnum, isLatin, isLetter, isLower, isNumber, isSpace, isUpper, some } from './char-kinds';
import { matchRightToLeft, SMALL_WORDS } from './long-form';
import { type Definition, lastWords, singular } from './words';

/**
 * Is this a short form? 2–10 characters (a plural "s" aside), at most two words, starting with a
 * letter or digit, with a capital letter; not a capitalised ordinary word, a year, a number or a list
 * marker.
 */
export function isShortForm(candidate: string): boolean {
  const trimmed = candidate.trim();
  // One small parenthesis of its own, after a letter or digit ("FEV(1)", "ICa(L)"), reads as its text.
  const sf = trimmed.includes('(')
    ? trimmed.replace(/(?<=[A-Za-z0-9])\(([A-Za-z0-9+-]{1,4})\)/, '$1')
    : trimmed;
  const core = singular(sf);
  // Schwartz & Hearst's 10 characters, or up to 15 in capitals and digits (USINDOPACOM).
  if (core.length < 2 || core.length > (some(core, isLower) ? 10 : 15)) return false;
  const words = sf.split(/\s+/);
  if (words.length > 2) return false;
  // "pH 7.5", "EC 3.1.1.7", "FAA 2010": a measurement, a code or a dated name, not a short form.
  if (words.length === 2 && /^[\d.,/-]+$/.test(words[1] as string)) return false;
  if (!isAlnum(sf[0])) return false;
  let capital = false;
  for (let i = 0; i < sf.length; i++) {
    const c = sf[i] as string;
    // Latin letters, digits and / & + . - only. No apostrophes: "l’Arcep" is an elided article and a
    // word, not an abbreviation; a Korean or Chinese word in parentheses is a translation, not one.
    if (isLetter(c) ? !isLatin(c) : !(isNumber(c) || isSpace(c) || '/&+.-'.includes(c))) {
      // The apostrophe of a plural ("IBC's") only.
      if (!(i === sf.length - 2 && (c === "'" || c === '’') && core.length === sf.length - 2)) return false;
    }
    capital ||= isUpper(c);
  }
  if (!capital) return false;
  // "Reuters", "Seoul", "Figure": one capital, then lower case only.
  if (isCapitalised(sf.endsWith('.') ? sf.slice(0, -1) : sf, 2)) return false;
  if (words.some((word) => isCapitalised(word, 3))) return false;
  // "(ii)", "(IV)", "(xii)" are list markers (LLM, CDC and MDL are not numerals).
  if (/^(?:x{0,2}(?:ix|iv|v?i{0,3})|X{0,2}(?:IX|IV|V?I{0,3}))$/.test(sf)) return false;
  return true;
}

/** One capital and at least `lower` lower-case letters after it, nothing else: `^\p{Lu}\p{Ll}{n,}$`. */
function isCapitalised(word: string, lower: number): boolean {
  if (word.length < lower + 1 || !isUpper(word[0])) return false;
  for (let i = 1; i < word.length; i++) if (!isLower(word[i])) return false;
  return true;
}

/**
 * A short form that is a plain word, refused by `isShortForm` as it may be an ordinary word in
 * parentheses: lower case ("amino acid (aa)", "value-added tax (vat)"), capitalised ("Decapentaplegic
 * (Dpp)", "European Police Office (Europol)") or one capital ("phosphorus (P)"). Taken only with a long
 * form that leaves no doubt: the initials of exactly as many words for lower case, the letters of at
 * most four words, starting the first, for a capitalised word, and for one capital a single word of
 * four letters or more that starts with it. Lower case with a number ("cell division control (cdc2)",
 * "ribosomal protein subunit 12 (rps12)", a gene's name) takes the initials for its letters, and the
 * number after them if the text has it.
 */
export function wordShortForm(
  short: string,
  before: { text: string; start: number },
): Omit<Definition, 'end'> | null {
  const numbered = /^([a-z]{2,7})(\d{1,3})$/.exec(short);
  if (!numbered && !/^(?:[A-Za-z][a-z]{1,7}|[A-Z])$/.test(short)) return null;
  const window = before.text;
  if (numbered) {
    const letters = numbered[1] as string;
    const number = numbered[2] as string;
    const named = window.endsWith(` ${number}`) ? window.slice(0, -number.length - 1) : window;
    const at = initialsStart(named, letters);
    return at < 0 ? null : { short, long: window.slice(at), start: before.start + at };
  }
  if (short.length === 1) {
    const word = /(?:^|\s)([A-Za-z][a-z]{3,})$/.exec(window)?.[1];
    if (!word || word[0]?.toUpperCase() !== short || SMALL_WORDS.has(word.toLowerCase())) return null;
    return { short, long: word, start: before.start + window.length - word.length };
  }
  const lower = short.toLowerCase();
  if (short === lower) {
    const letters = lower.length > 3 && lower.endsWith('s') ? [lower, lower.slice(0, -1)] : [lower];
    for (const spelled of letters) {
      const at = initialsStart(window, spelled);
      if (at >= 0) return { short, long: window.slice(at), start: before.start + at };
    }
    return null;
  }
  // Capitalised: letters anywhere, the first starting the long form's first word.
  const tail = lastWords(window, 4);
  const start = matchRightToLeft(lower, tail, false);
  if (start < 0) return null;
  const long = tail.slice(start).trim();
  const words = long.split(/\s+/);
  if (words.length > short.length || long.length <= short.length + 1) return null;
  if (long.split(/[\s/-]+/).some((w) => w.toLowerCase() === lower)) return null;
  if (!/^[A-Za-z]/.test(long) || SMALL_WORDS.has(words[0]?.toLowerCase() ?? '')) return null;
  return { short, long, start: before.start + window.length - tail.length + start };
}

/**
 * Where the last words of `window` start when their initials are `letters`, one word (or part of a
 * hyphenated one, "value-added") each, with nothing but white space and hyphens between; -1 if not.
 */
function initialsStart(window: string, letters: string): number {
  const parts = [...window.matchAll(/[A-Za-z][^\s/-]*/g)];
  const last = parts.slice(-letters.length);
  if (last.length !== letters.length || last.some((part, i) => part[0][0]?.toLowerCase() !== letters[i]))
    return -1;
  const at = last[0]?.index ?? 0;
  return /^[A-Za-z\s-]+$/.test(window.slice(at)) ? at : -1;
}

/**
 * One alias as the matcher reads it: its text in a normal form, the spellings its case rule accepts,
 * and the check of one position of a text against it. Pure string work, no regular expressions.
 *
 * The rules (tests/unit/matching/matcher-reference.test.ts states them once more, as a brute-force
 * reference):
 * - Separator runs are written alike: a run with a slash in it ("A2/AD") may be absent or any run of
 *   spaces, hyphens, dashes and slashes in the text; a run without one ("cost-sharing") is one or more
 *   spaces, hyphens or dashes. Separators at either end of an alias are ignored.
 * - Apostrophes are written alike: ' ‘ ’ ʼ.
 * - A case-sensitive alias in capitals (an acronym) also matches in title case: "THAAD" → "Thaad",
 *   "A2/AD" → "A2/Ad" (a capital after a letter is lowered), unless its title case is a common English
 *   word ("WHO" → "Who", english-words.ts); other case-sensitive aliases match only as written. Case-insensitive aliases fold case (characters.ts).
 * - After the match: when it ends in a word character or a period, no word character; when it ends in
 *   Hangul, up to three Korean particles and then no Hangul; otherwise nothing is asked.
 */
import {
  foldUnit,
  isApostrophe,
  isHangulUnit,
  isSeparatorUnit,
  isSlash,
  isSpaceOrHyphen,
  isWordUnit,
} from './characters';

/** A run of separators in normal form: ' ' (spaces, hyphens or dashes) or '/' (one with a slash). */
const SPACE = 0x20;
const SLASH = 0x2f;

/**
 * The alias text in normal form: NFC, each run of separators written as one ' ' or (when it holds a
 * slash) one '/', none at either end. Two aliases with the same normal form match the same text.
 */
export function normalAliasText(text: string): string {
  const nfc = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFC');
  let out = '';
  let pendingRun = 0;
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (isSeparatorUnit(code)) {
      if (pendingRun !== SLASH) pendingRun = isSlash(code) ? SLASH : SPACE;
      continue;
    }
    if (pendingRun && out) out += String.fromCharCode(pendingRun);
    pendingRun = 0;
    out += nfc[i];
  }
  return out;
}

/**
 * The written forms a case-sensitive alias (in normal form) accepts; null when case does not count.
 * `readTitled`: an acronym's title case is read too (not when it is a common word: `titleCaseIsEnglishWord`).
 */
export function caseSpellings(normal: string, caseSensitive: boolean, readTitled = true): string[] | null {
  if (!caseSensitive) return null;
  if (!readTitled || !/[A-Z]/.test(normal) || normal !== normal.toUpperCase()) return [normal];
  const titled = titleCase(normal);
  return titled === normal ? [normal] : [normal, titled];
}

/** "THAAD" → "Thaad", "A2/AD" → "A2/Ad", "ROK JCS" → "Rok Jcs": a capital after a letter is lowered. */
export function titleCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const afterLetter = i > 0 && /[A-Za-z]/.test(text[i - 1] as string);
    out += afterLetter && ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  }
  return out;
}

/**
 * Where `form` (an alias in normal form) ends when read at `at` in `text`, or -1. `exact`: every
 * character as written; otherwise case folds. Deterministic: no part of a form can take another's
 * characters, so there is never a choice to backtrack over.
 */
export function formEnd(form: string, text: string, at: number, exact: boolean): number {
  let i = at;
  const length = text.length;
  for (let k = 0; k < form.length; k++) {
    const unit = form.charCodeAt(k);
    if (unit === SPACE || unit === SLASH) {
      const from = i;
      if (unit === SLASH) while (i < length && isSeparatorUnit(text.charCodeAt(i))) i++;
      else while (i < length && isSpaceOrHyphen(text.charCodeAt(i))) i++;
      if (unit === SPACE && i === from) return -1;
      continue;
    }
    if (i >= length) return -1;
    const code = text.charCodeAt(i);
    if (isApostrophe(unit)) {
      if (!isApostrophe(code)) return -1;
    } else if (code !== unit && (exact || foldUnit(code) !== foldUnit(unit))) {
      return -1;
    }
    i++;
  }
  return i;
}

/** Particles and endings that attach to a Korean noun (사드를, 전작권은, 주한미군의), longest first. */
export const KOREAN_PARTICLES: readonly string[] = [
  ...new Set([
    '으로서',
    '으로써',
    '으로부터',
    '에게서',
    '이라는',
    '이라고',
    '이라며',
    '이지만',
    '에서',
    '에게',
    '으로',
    '로서',
    '로써',
    '부터',
    '까지',
    '보다',
    '처럼',
    '같이',
    '마다',
    '라는',
    '라고',
    '이나',
    '이며',
    '이고',
    '이다',
    '이란',
    '조차',
    '마저',
    '와의',
    '과의',
    '은',
    '는',
    '이',
    '가',
    '을',
    '를',
    '의',
    '에',
    '로',
    '과',
    '와',
    '도',
    '만',
    '란',
    '나',
    '며',
    '들',
    '측',
    '다',
    '엔',
  ]),
].sort((a, b) => b.length - a.length);

/** Can up to `left` particles be read at `at` so that no Hangul follows? */
function particlesThenBoundary(text: string, at: number, left: number): boolean {
  if (!isHangulUnit(text.charCodeAt(at))) return true;
  if (left === 0) return false;
  for (const particle of KOREAN_PARTICLES) {
    if (text.startsWith(particle, at) && particlesThenBoundary(text, at + particle.length, left - 1))
      return true;
  }
  return false;
}

/** May a match that ends at `end` stop there? (See the module comment.) */
export function rightBoundaryAt(text: string, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (isWordUnit(last) || last === 0x2e) return !isWordUnit(text.charCodeAt(end));
  if (isHangulUnit(last)) return particlesThenBoundary(text, end, 3);
  return true;
}

/** May a match start at `at`? Not right after a word character or Hangul. */
export function leftBoundaryAt(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return !isWordUnit(before) && !isHangulUnit(before);
}

/** An alias ready to be checked at a position. */
export interface AliasForm {
  /** Normal form (see `normalAliasText`). */
  readonly text: string;
  /** The spellings a case-sensitive alias accepts; null when case does not count. */
  readonly spellings: readonly string[] | null;
}

export function aliasForm(normal: string, caseSensitive: boolean, readTitled = true): AliasForm {
  return { text: normal, spellings: caseSpellings(normal, caseSensitive, readTitled) };
}

/** Where `alias` ends when it matches at `at` (its case rule and the right boundary included), or -1. */
export function aliasEnd(alias: AliasForm, text: string, at: number): number {
  let end = -1;
  if (alias.spellings) {
    for (const spelling of alias.spellings) end = Math.max(end, formEnd(spelling, text, at, true));
  } else {
    end = formEnd(alias.text, text, at, false);
  }
  return end > at && rightBoundaryAt(text, end) ? end : -1;
}

/**
 * Was the alias that matches at `at` read in its title case ("Thaad" for THAAD), not as written? Only
 * an acronym has a title-case spelling, and a match in capitals is never title case.
 */
export function readInTitleCase(alias: AliasForm, text: string, at: number): boolean {
  const spellings = alias.spellings;
  if (!spellings || spellings.length < 2) return false;
  return formEnd(spellings[0] as string, text, at, true) < 0;
}

/**
 * Turns one alias into a regular-expression fragment that accepts the alias's written variants.
 * The fragments are joined into one alternation by `compileMatcher`; nothing here touches the DOM.
 *
 * The regexes are compiled without the `u` flag: `u` made V8's matcher ~5× slower. Candidates are found
 * with `i` (the `folded` body); case rules differ per alias (acronyms are case-sensitive, phrases are
 * not), so the `exact` body that re-checks an acronym spells its case variants out as character classes.
 */
import type { Alias } from '../glossary/model';

/** Characters that make up words: a match may neither start nor end next to one of these. */
export const WORD_CHARS = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** Hangul syllables and jamo. Korean words take particles, so they get a right boundary of their own. */
export const HANGUL = '\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3130-\\u318F';

/**
 * Particles and endings that attach to a Korean noun (사드를, 전작권은, 주한미군의). Longer ones first so
 * that the alternation prefers them. Up to three may stack (에서는, 으로부터의).
 */
export const KOREAN_PARTICLES: readonly string[] = [
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
  '이나',
  '이며',
  '이고',
  '이다',
  '이란',
  '조차',
  '마저',
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
  '와의',
  '과의',
];

const uniqueParticles = [...new Set(KOREAN_PARTICLES)].sort((a, b) => b.length - a.length);
const PARTICLE = `(?:${uniqueParticles.join('|')})`;

/**
 * What may follow a match, decided by the last character the match consumed (a lookbehind, so that one
 * alternation serves every alias and the longest alias wins whatever script it ends in):
 * - a Latin, Greek or Cyrillic letter, a digit or a period ("U.S."): not another word character;
 * - Hangul: up to three particles, and then no more Hangul (사드를, never 사드리);
 * - anything else (CJK, a closing parenthesis…): nothing, the character is a boundary of its own.
 */
export const RIGHT_BOUNDARY =
  `(?:(?<=[${WORD_CHARS}.])(?![${WORD_CHARS}])` +
  `|(?<=[${HANGUL}])(?=${PARTICLE}{0,3}(?![${HANGUL}]))` +
  `|(?<![${WORD_CHARS}.${HANGUL}]))`;

// Separators are kept to short classes on purpose: V8 stops optimising a regex whose source passes
// 20 KB (kRegExpTooLargeToOptimize), which turned a 500-term matcher from ~250 MB/s into ~1 MB/s.
// JS `\s` already covers no-break and narrow spaces.
/** Spaces, hyphens and dashes between words: "cost-sharing" = "cost sharing" = "cost – sharing". */
const SPACE_OR_HYPHEN = '[\\s\\u2010-\\u2013-]+';
/** "A2/AD" = "A2AD" = "A2-AD" = "A2 / AD" = "A2–AD". */
const SLASH = '[\\s/\\uFF0F\\u2010-\\u2013-]*';
const APOSTROPHE = "['\\u2018\\u2019\\u02BC]";

/** A character of a run of separators in an alias: the run becomes SPACE_OR_HYPHEN, or SLASH if it holds a slash. */
const isSeparator = (ch: string) => /^[\s\-\u2010-\u2013/\uFF0F]$/.test(ch);
const isSlash = (ch: string) => ch === '/' || ch === '\uFF0F';
const isApostrophe = (ch: string) => /^['\u2018\u2019\u02BC]$/.test(ch);

function escapeChar(ch: string): string {
  if (/^[\\^$.*+?()[\]{}|/-]$/.test(ch)) return `\\${ch}`;
  // Non-ASCII as escapes keeps the source ASCII (a regex built without `u` compares UTF-16 code units,
  // so a character outside the BMP is written as its two surrogates).
  let out = '';
  for (let i = 0; i < ch.length; i++) {
    const code = ch.charCodeAt(i);
    out += code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : (ch[i] as string);
  }
  return out;
}

/** For the case-insensitive candidate regex: the lower case where that is one code unit (never "İ" → "i̇"). */
function foldedChar(ch: string): string {
  const lower = ch.toLowerCase();
  return escapeChar(lower.length === ch.length && ch.length === 1 ? lower : ch);
}

/** The `i` flag's case folding without `u` (ECMAScript Canonicalize): one-unit upper case, never non-ASCII → ASCII. */
function canonicalize(ch: string): string {
  const upper = ch.toUpperCase();
  if (upper.length !== 1 || (ch.charCodeAt(0) > 0x7f && upper.charCodeAt(0) <= 0x7f)) return ch;
  return upper;
}

/** Where the scripts with case live (Latin, Greek, Cyrillic, Armenian, Georgian, Glagolitic, fullwidth…). */
const CASED_RANGES: readonly [number, number][] = [
  [0x0041, 0x058f],
  [0x10a0, 0x10ff],
  [0x13a0, 0x13ff],
  [0x1c80, 0x1cbf],
  [0x1d00, 0x1fff],
  [0x2100, 0x218f],
  [0x24b0, 0x24ef],
  [0x2c00, 0x2d2f],
  [0xa640, 0xa7ff],
  [0xab70, 0xabbf],
  [0xff21, 0xff5a],
];

let caseClasses: Map<string, string[]> | undefined;

const inCasedRange = (code: number) => CASED_RANGES.some(([from, to]) => code >= from && code <= to);

/**
 * The code units that the `i` flag takes for `ch` (itself included). ASCII letters are their two cases
 * (without `u`, no non-ASCII character folds to ASCII), and a character without case (Hangul, digits,
 * CJK) is itself; only other letters need the table, built once, in ~2 ms.
 */
function caseClassOf(ch: string): string[] {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    return lower === upper ? [ch] : [ch, ch === lower ? upper : lower];
  }
  if (ch.toLowerCase() === ch && ch.toUpperCase() === ch && !inCasedRange(code)) return [ch];
  if (!caseClasses) {
    caseClasses = new Map();
    for (const [from, to] of CASED_RANGES) {
      for (let code = from; code <= to; code++) {
        const unit = String.fromCharCode(code);
        const canon = canonicalize(unit);
        const list = caseClasses.get(canon);
        if (list) list.push(unit);
        else caseClasses.set(canon, [unit]);
      }
    }
  }
  const canon = canonicalize(ch);
  const near = [ch, ch.toLowerCase(), ch.toUpperCase()].filter(
    (c) => c.length === 1 && canonicalize(c) === canon,
  );
  return [...new Set([...near, ...(caseClasses.get(canon) ?? [])])];
}

/**
 * A character in any case, as the candidate regex (`i` flag) reads it, spelled out for the exact regex:
 * "σ" is [Σσς], while "ı" stays "ı" (the `i` flag never folds it to ASCII "I").
 */
function caseInsensitiveChar(ch: string): string {
  if (ch.length !== 1) return escapeChar(ch);
  let pattern = caseInsensitiveChars.get(ch);
  if (pattern === undefined) {
    const variants = caseClassOf(ch);
    pattern = variants.length === 1 ? escapeChar(ch) : `[${variants.map(escapeChar).join('')}]`;
    caseInsensitiveChars.set(ch, pattern);
  }
  return pattern;
}

/** Aliases share their letters: each character's class is worked out once. */
const caseInsensitiveChars = new Map<string, string>();

/**
 * The alias body: every character, with each run of separators turned into its variant class.
 * Separators at either end are dropped ("A-" is "A"), as `aliasKey` drops them.
 */
function bodyPattern(text: string, charPattern: (ch: string) => string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i] as string;
    if (isSeparator(ch)) {
      let slash = false;
      let j = i;
      for (; j < chars.length && isSeparator(chars[j] as string); j++) slash ||= isSlash(chars[j] as string);
      if (out !== '' && j < chars.length) out += slash ? SLASH : SPACE_OR_HYPHEN;
      i = j;
      continue;
    }
    out += isApostrophe(ch) ? APOSTROPHE : charPattern(ch);
    i++;
  }
  return out;
}

/** UTF-16 code units a body always consumes: everything but its separators (which may be absent). */
function fixedLength(text: string): number {
  let length = 0;
  for (const ch of text) if (!isSeparator(ch)) length += ch.length;
  return length;
}

const isAllCaps = (text: string) => /[A-Z]/.test(text) && text === text.toUpperCase();

/** Title case of an acronym: "THAAD" → "Thaad", "A2/AD" → "A2/Ad", as some outlets print them. */
function titleCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run, offset: number) => {
    const startsWord = offset === 0 || !/[A-Za-z]/.test(text[offset - 1] as string);
    return startsWord ? run[0] + run.slice(1).toLowerCase() : run.toLowerCase();
  });
}

export interface AliasPattern {
  /** Case-folded body for the fast regex (compiled with `i`): finds candidates. */
  folded: string;
  /** Exact body with the alias's case rule spelled out: re-checks candidates of case-sensitive aliases. */
  exact: string;
  /** The bodies `exact` is the alternation of, one per written form (see `caseVariants`). */
  exactVariants: readonly string[];
  /**
   * Code units the body always consumes (all but its separators). Two aliases that match at one position
   * consume the same text character by character, so the one with more of these ends further: trying
   * aliases in this order makes the first match the longest.
   */
  minLength: number;
}

export function aliasPattern(alias: Alias): AliasPattern {
  const text = alias.text.normalize('NFC').trim();
  const variants = caseVariants(alias, text).map((variant) =>
    bodyPattern(variant, alias.caseSensitive ? escapeChar : caseInsensitiveChar),
  );
  return {
    folded: bodyPattern(text, foldedChar),
    exact: variants.length === 1 ? (variants[0] as string) : `(?:${variants.join('|')})`,
    exactVariants: variants,
    minLength: fixedLength(text),
  };
}

/** The written forms a case-sensitive alias accepts: as written, and title case for acronyms. */
export function caseVariants(alias: Alias, text = alias.text.normalize('NFC').trim()): string[] {
  if (!alias.caseSensitive) return [text];
  return isAllCaps(text) && titleCase(text) !== text ? [text, titleCase(text)] : [text];
}

/** The characters that carry case and identity, without the separators that may vary. */
export function lettersOf(text: string): string {
  return text.replace(/[\s\u00A0\u202F/\uFF0F\-\u2010-\u2015'\u2018\u2019\u02BC]+/g, '');
}

/** Asserts that a match does not start inside a word (Latin, Greek, Cyrillic or Hangul). */
export const LEFT_BOUNDARY = `(?<![${WORD_CHARS}${HANGUL}])`;

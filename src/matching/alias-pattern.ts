/**
 * Turns one alias into a regular-expression fragment that accepts the alias's written variants.
 * The fragments are joined into one alternation by `compileMatcher`; nothing here touches the DOM.
 *
 * The regex is compiled without the `u` flag and without `i`: `u` made V8's matcher ~5× slower, and
 * case rules differ per alias (acronyms are case-sensitive, phrases are not), so case variants are
 * spelled out as character classes.
 */
import type { Alias } from '../glossary';

/** Characters that make up words: a match may neither start nor end next to one of these. */
export const WORD_CHARS = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** Hangul syllables and jamo. Korean words take particles, so they get a right boundary of their own. */
export const HANGUL = '\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3130-\\u318F';

/**
 * Particles and endings that attach to a Korean noun (사드를, 전작권은, 주한미군의). Longer ones first so
 * that the alternation prefers them. Up to three may stack (에서는, 으로부터의).
 */
const KOREAN_PARTICLES = [
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

/** A Latin-script alias may not end inside a word. */
export const LATIN_END = `(?![${WORD_CHARS}])`;
/** A Korean alias may be followed by particles, and then not by more Hangul. */
export const HANGUL_END = `(?=${PARTICLE}{0,3}(?![${HANGUL}]))`;

// Separators are kept to short classes on purpose: V8 stops optimising a regex whose source passes
// 20 KB (kRegExpTooLargeToOptimize), which turned a 500-term matcher from ~250 MB/s into ~1 MB/s.
// JS `\s` already covers no-break and narrow spaces.
/** Spaces, hyphens and dashes between words: "cost-sharing" = "cost sharing" = "cost – sharing". */
const SPACE_OR_HYPHEN = '[\\s\\u2010-\\u2013-]+';
/** "A2/AD" = "A2AD" = "A2-AD" = "A2 / AD". */
const SLASH = '[\\s/\\uFF0F\\u2010\\u2011-]*';
const APOSTROPHE = "['\\u2018\\u2019\\u02BC]";

const isHangul = (ch: string) => /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/.test(ch);
const isWordChar = (ch: string) => /[A-Za-z0-9_\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/.test(ch);

function escapeChar(ch: string): string {
  if (/[\\^$.*+?()[\]{}|/-]/.test(ch)) return `\\${ch}`;
  const code = ch.charCodeAt(0);
  // Non-ASCII as escapes keeps the source ASCII (a regex built without `u` compares UTF-16 code units).
  return code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
}

function caseInsensitiveChar(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  // Only simple one-to-one case pairs (ß → SS and the like are left as written).
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escapeChar(ch);
  return `[${escapeChar(upper)}${escapeChar(lower)}]`;
}

/** The alias body: every character, with separators turned into their variant classes. */
function bodyPattern(text: string, charPattern: (ch: string) => string): string {
  let out = '';
  const chars = [...text.normalize('NFC').trim()];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (/\s/.test(ch) || /[-\u2010-\u2013]/.test(ch)) {
      // Collapse a run of separators into one variant class.
      while (i + 1 < chars.length && /[\s\-\u2010-\u2013]/.test(chars[i + 1] as string)) i++;
      out += SPACE_OR_HYPHEN;
    } else if (ch === '/' || ch === '\uFF0F') {
      out += SLASH;
    } else if (/['\u2018\u2019\u02BC]/.test(ch)) {
      out += APOSTROPHE;
    } else {
      out += charPattern(ch);
    }
  }
  return out;
}

const isAllCaps = (text: string) => /[A-Z]/.test(text) && text === text.toUpperCase();

/** Title case of an acronym: "THAAD" → "Thaad", "A2/AD" → "A2/Ad", as some outlets print them. */
function titleCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run, offset: number) => {
    const startsWord = offset === 0 || !/[A-Za-z]/.test(text[offset - 1] as string);
    return startsWord ? run[0] + run.slice(1).toLowerCase() : run.toLowerCase();
  });
}

export type AliasEnding = 'latin' | 'hangul' | 'other';

export interface AliasPattern {
  /** Case-folded body for the fast regex (compiled with `i`): finds candidates. */
  folded: string;
  /** Exact body with the alias's case rule spelled out: used only to re-check a rejected candidate. */
  exact: string;
  /** Which right boundary applies after the body. */
  ending: AliasEnding;
  /** Fewest characters the body can match: longer aliases are tried first. */
  minLength: number;
  /** Number of words: an alias that extends another by whole words is tried first. */
  words: number;
}

export function aliasPattern(alias: Alias): AliasPattern {
  const text = alias.text.normalize('NFC').trim();
  const last = [...text].pop() as string;
  const variants = caseVariants(alias, text).map((variant) =>
    bodyPattern(variant, alias.caseSensitive ? escapeChar : caseInsensitiveChar),
  );
  return {
    folded: bodyPattern(text.toLowerCase(), escapeChar),
    exact: variants.length === 1 ? (variants[0] as string) : `(?:${variants.join('|')})`,
    ending: isHangul(last) ? 'hangul' : isWordChar(last) || last === '.' ? 'latin' : 'other',
    minLength: lettersOf(text).length,
    words: text.split(/[\s\-\u2010-\u2013/]+/).length,
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

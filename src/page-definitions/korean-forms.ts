/**
 * The extractor's Korean rules: Korean short forms of Korean names (국가정보원(국정원)), and Korean names
 * before a Latin short form (한국형 미사일방어(KAMD)), where letters cannot be matched across scripts.
 */
import { alnumOnly, hasHangul, isHangul, isSpace } from './char-kinds';
import { type LongForm, lastWords, singular } from './words';

/** Korean abbreviations of Korean names: 전작권, 국정원, 합참, 코로나19 (2–5 syllables, up to 3 digits). */
export function isHangulShortForm(candidate: string): boolean {
  let i = 0;
  while (i < candidate.length && isHangul(candidate[i])) i++;
  if (i < 2 || i > 5) return false;
  const digits = candidate.length - i;
  if (digits > 3) return false;
  for (; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * "국가정보원(국정원)": the Korean short form's syllables, in order, inside the name before it (the
 * first at the start of a word) — Schwartz & Hearst's rule applied to Hangul syllables.
 */
export function hangulLongForm(short: string, before: string): LongForm | null {
  const window = lastWords(before, 3);
  if (!window || !isHangul(window[window.length - 1])) return null;
  let t = window.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s] as string;
    while (t >= 0 && window[t] !== c) t--;
    if (t < 0) return null;
    t--;
  }
  // The name starts with the word holding the first syllable (한국항공우주연구원 for 항우연).
  let from = t + 1;
  while (from > 0 && !isSpace(window[from - 1])) from--;
  const text = window.slice(from).trim();
  if (text.length <= short.length || !/^[\p{Script=Hangul}\p{N}-]+$/u.test(text)) return null;
  return { text, offset: before.length - text.length };
}

/**
 * "한국형 미사일방어(KAMD)": a Korean name before a Latin short form. Letters cannot be matched across
 * scripts, so the name is the Korean word right before the parenthesis, and the word before that when
 * the name needs it: a "-형" modifier that belongs to names (한국형, 대형), or a last word too short to
 * stand for all the letters alone (인플레이션 감축법 for IRA). A longer phrase would take in the
 * sentence's own words ("2030년까지", "올해", "한미").
 */
export function koreanLongForm(short: string, before: string): LongForm | null {
  const words = before.split(/\s+/);
  const last = words.at(-1) ?? '';
  if (!isKoreanWord(last)) return null;
  const previous = words.at(-2) ?? '';
  const joins =
    isKoreanWord(previous) &&
    !KOREAN_PHRASE_END.test(previous) &&
    (/형$/u.test(previous) || syllablesOf(last) <= lettersOf(short));
  const text = joins ? `${previous} ${last}` : last;
  if (!isKoreanName(short, text)) return null;
  return { text, offset: before.length - text.length };
}

/** Endings that close the phrase before a name: particles, verb and adjective forms. */
const KOREAN_PHRASE_END =
  /(?:은|는|이|가|을|를|의|에|에서|에게|와|과|로|으로|도|만|한|된|인|할|될|던|하는|하고|했다|이다|및|등|또는)$/u;

const syllablesOf = (text: string) => [...text].filter((c) => /[\p{Script=Hangul}\p{N}]/u.test(c)).length;
const lettersOf = (short: string) => alnumOnly(singular(short)).length;

function isKoreanWord(word: string): boolean {
  return hasHangul(word) && /^[\p{Script=Hangul}\p{N}-]+$/u.test(word);
}

/**
 * Could this Korean text be the name a Latin short form stands for? Not when it is shorter than the
 * letters it would have to cover: "사드" for THAAD and "나토" for NATO only spell the short form out.
 */
export function isKoreanName(short: string, text: string): boolean {
  // A syllable often carries two letters (인도태평양사령부 for INDOPACOM), but a bare transliteration has
  // fewer syllables still.
  return syllablesOf(text) >= lettersOf(short) - 1 && syllablesOf(text) >= 2;
}

/** Endings that close the phrase before a name given a short form with 이하 (the genitive 의 stays in it). */
const HEREAFTER_PHRASE_END =
  /(?:은|는|이|가|을|를|에|에서|에게|와|과|로|으로|도|만|한|된|인|할|될|던|하는|하고|했다|이다|및|등|또는)$/u;

/**
 * "반도체 공급망 안정화 방안(이하 공급망 방안)": the short form is said to stand for the name before the
 * parenthesis, so no letters need matching: the name is the run of Korean words before it, back to
 * a word that ends a phrase (정부는, 연합연습인), at most six words.
 */
export function hereafterLongForm(before: string): LongForm | null {
  const words = before.trimEnd().split(/\s+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < 6; i--) {
    const word = words[i] as string;
    if (!isKoreanWord(word) || (name.length > 0 && HEREAFTER_PHRASE_END.test(word))) break;
    name.unshift(word);
  }
  const text = name.join(' ');
  if (syllablesOf(text) < 2) return null;
  return { text, offset: before.trimEnd().length - text.length };
}

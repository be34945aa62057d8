/**
 * Finds the abbreviations a text defines for itself: "Korea Air and Missile Defense (KAMD)",
 * "KAMD (Korea Air and Missile Defense)", "한국형 미사일방어(KAMD)". Pure: text in, definitions out.
 *
 * After Schwartz & Hearst, "A simple algorithm for identifying abbreviation definitions in biomedical
 * text" (PSB 2003): a short form in parentheses, and a long form before it whose letters contain the
 * short form's characters in order, matched right to left, the first one at the start of a word. The
 * paper's limits are kept (short form of 2–10 characters, long form of at most min(|SF| + 5, 2·|SF|)
 * words), and it is extended where it misses in news and policy writing:
 * - short forms with digits and symbols: PAC-3, COVID-19, A2/AD, C4ISR (a digit after a letter may
 *   stand for that many words starting with the letter: A2 = Anti-Access, C4 = four C-words);
 * - plural short forms: "intercontinental ballistic missiles (ICBMs)";
 * - no space before the parenthesis, full-width parentheses, and text after the short form inside
 *   the parentheses ("(IRA, signed in 2022)", "(KAMD; see below)", "(THAAD·고고도미사일방어체계)");
 * - Korean long forms of Latin short forms, where letters cannot be matched: the Korean noun phrase
 *   right before the parenthesis;
 * - the reverse order, "SF (Long Form)".
 * It is stricter where the original over-reaches on news text: a short form needs a capital letter and
 * is not a capitalised word ("(Reuters)", "(Seoul)"), a year, a number or a list marker.
 */

import {
  alnumOnly,
  hasHangul,
  isAlnum,
  isHangul,
  isLatin,
  isLetter,
  isLower,
  isNumber,
  isSpace,
  isUpper,
  some,
} from './char-kinds';
import {
  hangulLongForm,
  hereafterLongForm,
  isHangulShortForm,
  isKoreanName,
  koreanLongForm,
} from './korean-forms';
import { type LongForm, lastWords, singular } from './words';

export interface Definition {
  /** The short form as written, e.g. "ICBMs". */
  short: string;
  /** The long form as written, e.g. "intercontinental ballistic missiles". */
  long: string;
  /** Where the definition (long form and parenthesis together) starts and ends in the text. */
  start: number;
  end: number;
}

const CLOSERS: Record<string, string> = { '(': ')', '（': '）', '[': ']' };
// The regexes here go without the `u` flag wherever they hold no \p{…} class: V8 compiles a `u` regex
// more slowly, and the extractor runs cold on every page (see char-kinds.ts).
/** Longer parentheses hold prose, not a short form. */
const MAX_PAREN_SPAN = 160;

/*
 * Where a definition may be, found natively (one regex scan of the text) so that the rules below run
 * only there: on most pages no parenthesis holds a definition, and this code runs cold on every page.
 * The pattern is broader than the rules it stands in front of (a test checks it on every labelled
 * definition): a parenthesis that opens on a short form (one or two short words with a capital, not a
 * capitalised word, then the end of the item), or on Hangul; or a short-form word right before a
 * parenthesis that holds two words, Hangul or a "·" list.
 */
const SF_CHAR = '[^\\s()[\\]\\uff08\\uff09,;:\\u00b7\\u2022|]';
const CAPITAL = '[A-Z\\u00c0-\\u024f\\u1e00-\\u1eff\\uff21-\\uff3a]';
const HANGUL_CLASS = '[\\uac00-\\ud7a3\\u1100-\\u11ff\\u3130-\\u318f]';
const WORD_PART = '[A-Za-z0-9\\u00c0-\\uffff/&+.\\-]';
/** One word alone in parentheses, in lower case or capitalised ("(aa)", "(Dpp)"), or one capital. */
const WORD_INSIDE = '(?:[A-Za-z][a-z]{1,7}|[A-Z])[)\\]\\uff09]';
/** A short form may hold one small parenthesis of its own: "FEV(1)", "V(T)", "ICa(L)". */
const INNER_GROUP = '\\([A-Za-z0-9+\\-]{1,4}\\)';
const SHORT_FORM_INSIDE =
  `[(\\[\\uff08]\\s*(?:${HANGUL_CLASS}|${WORD_INSIDE}|(?![A-Z][a-z]{2,}[\\s)\\]\\uff09,;:])` +
  `(?=[^)\\]\\uff09,;:\\u00b7\\u2022|]{0,24}?${CAPITAL})(?:${SF_CHAR}|${INNER_GROUP}){1,16}` +
  `(?:\\s${SF_CHAR}{1,12})?` +
  `(?:\\s*[)\\]\\uff09,;:\\u00b7\\u2022|\\-\\u2013\\u2014]|\\s+(?:or|also|aka)\\s))`;
const SHORT_FORM_BEFORE =
  `(?<![A-Za-z0-9\\u00c0-\\uffff])(?![A-Z][a-z]{2,}[.\\-]*\\s*[(\\uff08])${WORD_PART}{0,15}${CAPITAL}` +
  `${WORD_PART}{0,15}\\s*[(\\uff08](?=[^)\\uff09]*(?:\\S\\s+\\S|${HANGUL_CLASS}|\\u00b7))`;
/** Either shape; its last character, or its first, is the parenthesis (see `findDefinitions`). */
export const DEFINITION_CANDIDATE = new RegExp(`${SHORT_FORM_INSIDE}|${SHORT_FORM_BEFORE}`, 'g');

/**
 * Inside a parenthesis: exactly one small parenthesis, in its first word (a short form's own), and
 * nothing else nested.
 */
const ONE_INNER_GROUP = /^\s*[^()\s,;]*[A-Za-z0-9]\([A-Za-z0-9+-]{1,4}\)[^()]*$/;

/**
 * Where the parenthesis opened at `open` closes, within MAX_PAREN_SPAN, or -1: the first closer, or
 * the second when one small parenthesis opens inside first ("(FEV(1))").
 */
function closingAt(text: string, open: number, opener: string): number {
  const closer = CLOSERS[opener] as string;
  const span = text.slice(open + 1, open + 1 + MAX_PAREN_SPAN);
  const first = span.indexOf(closer);
  if (first < 0) return -1;
  const nested = span.indexOf(opener);
  if (nested < 0 || nested > first) return open + 1 + first;
  const second = span.indexOf(closer, first + 1);
  return second < 0 ? -1 : open + 1 + second;
}

/**
 * Finds every definition in a text, in order. With `from` and `to`: the definitions whose parenthesis
 * opens in [from, to), read with the whole text around them (a long text is read a window at a time).
 */
export function findDefinitions(text: string, from = 0, to = text.length, inWords = true): Definition[] {
  const found: Definition[] = [];
  const candidates = DEFINITION_CANDIDATE;
  // A window of a long text is searched in that window (and as far past it as a parenthesis may
  // span): a search to the text's end from every window would make a long text without parentheses
  // quadratic. Some text before it stays in view for the look-behind.
  const base = Math.max(0, from - 64);
  const subject = from === 0 && to >= text.length ? text : text.slice(base, to + MAX_PAREN_SPAN + 2);
  const offset = subject === text ? 0 : base;
  // A short form before its parenthesis starts up to 16 characters before it.
  candidates.lastIndex = Math.max(0, from - 16) - offset;
  let done = from - 1;
  // Text reached only for a definition in words has no parenthesis: the candidates' scan is skipped.
  const bracketed = subject.includes('(') || subject.includes('（') || subject.includes('[');
  for (let match = bracketed ? candidates.exec(subject) : null; match; match = candidates.exec(subject)) {
    // "(SF…" starts with its parenthesis; "SF (" ends with it.
    const first = match[0][0];
    const at = match.index + offset;
    const open = first === '(' || first === '（' || first === '[' ? at : at + match[0].length - 1;
    if (open >= to) break;
    if (open <= done) continue;
    const opener = text[open] as string;
    // Looked for within the span only: in a text of parentheses that never close, a search to the end
    // from each one would make the extractor quadratic.
    const close = closingAt(text, open, opener);
    if (close < 0) continue;
    if (!mayDefine(text, open, close)) continue;
    const inner = text.slice(open + 1, close);
    // A parenthesis inside is read only as a short form's own ("(FEV(1))"); other nesting is prose.
    if (inner.includes(opener) && !ONE_INNER_GROUP.test(inner)) continue;
    const definitions = longFormFirst(text, open, close, inner);
    found.push(...(definitions.length ? definitions : shortFormFirst(text, open, close, inner)));
    // "(GDNF, Neurturin [NTN], and Persephin [PSP])": brackets inside, read on their own.
    if (opener !== '[' && inner.includes('['))
      found.push(...findDefinitions(text.slice(0, close), open + 1, close, false));
    done = close;
    candidates.lastIndex = close + 1 - offset;
  }
  if (inWords && mayDefineInWords(subject)) found.push(...definitionsInWords(text, from, to));
  return found;
}

/*
 * Definitions written without parentheses: "the Nuclear Consultative Group, or NCG, …", "the CHIPS
 * Act, or Creating Helpful Incentives to Produce Semiconductors Act, …", "OPCON stands for operational
 * control", "the Integrated Air and Missile Defense — IAMD — network". The short form must be one by
 * `isShortForm` (not a plain word) and the long form must spell it.
 */
const IN_WORDS = /,\s+or\s+|\s+stands\s+for\s+|\s[—–]\s/g;

/** A quick test for `definitionsInWords` (native scans; most text has none of these). */
export function mayDefineInWords(text: string): boolean {
  // Called for every run of text on every page, most of them a few words long: a run too short to
  // hold a long form of two words and a short form is not searched at all.
  if (text.length < MIN_DEFINITION_IN_WORDS) return false;
  // One native scan for the three joiners (four `includes` cost twice as much on the shared corpus).
  return MAY_DEFINE_IN_WORDS.test(text);
}

const MAY_DEFINE_IN_WORDS = /, or |[—–]|[A-Z0-9] stands for /;

/** "NCG, or Nuclear Group," is about the shortest there is. */
const MIN_DEFINITION_IN_WORDS = 20;

function definitionsInWords(text: string, from: number, to: number): Definition[] {
  const found: Definition[] = [];
  const pattern = IN_WORDS;
  // Searched within the window only (and the few characters a joiner may run past it): a search to
  // the text's end from every window would make a long text quadratic.
  const subject = from === 0 && to >= text.length ? text : text.slice(from, to + 16);
  const offset = subject === text ? 0 : from;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(subject); match; match = pattern.exec(subject)) {
    const at = match.index + offset;
    if (at >= to) break;
    const after = at + match[0].length;
    const joiner = match[0].trim();
    const definition =
      joiner === 'stands for'
        ? shortFormStandsFor(text, at, after)
        : joiner.startsWith(',')
          ? orDefinition(text, at, after)
          : dashDefinition(text, at, after);
    if (definition) found.push(definition);
  }
  return found;
}

/** The short form right after `after` when it stands alone there (followed by , . ; : or a dash). */
function shortFormAt(text: string, after: number): string | null {
  const m = /^([^\s,;:()]{2,16})(?=[,.;:]|\s[—–]\s|\s*$)/.exec(text.slice(after, after + 20));
  const short = m?.[1]?.replace(/\.$/, '') ?? '';
  return short && isShortForm(short) ? short : null;
}

/** "Long Form, or SF," and "SF, or Long Form,". */
function orDefinition(text: string, comma: number, after: number): Definition | null {
  // "The Nuclear Consultative Group, or NCG, met …"
  const short = shortFormAt(text, after);
  if (short) {
    const before = sentenceBefore(text, comma);
    const long = bestLongForm(short, before.text);
    if (long && long.text.split(/\s+/).length >= 2)
      return { short, long: long.text, start: before.start + long.offset, end: after + short.length };
  }
  // "The CHIPS Act, or Creating Helpful Incentives to Produce Semiconductors Act, passed …"
  const end = text.slice(after, after + MAX_PAREN_SPAN).search(/[,;:.)]/);
  if (end <= 0) return null;
  const long = text.slice(after, after + end).trim();
  const words = wordBefore(text, Math.max(0, comma - 24), comma);
  if (!words) return null;
  const spelled = (sf: string, name: string) => bestLongForm(sf, name, true) === name;
  const last = text.slice(words.start, comma);
  if (isShortForm(last) && long.split(/\s+/).length >= 2 && spelled(last, long))
    return { short: last, long, start: words.start, end: after + end };
  // A two-word short form whose second word ends the long form too ("CHIPS Act").
  const previous = wordBefore(text, Math.max(0, words.start - 20), words.start);
  if (!previous || !/^[A-Z][a-z]+$/.test(last) || !long.endsWith(` ${last}`)) return null;
  const first = text.slice(previous.start, words.start).trim();
  const name = long.slice(0, -last.length).trim();
  if (!isShortForm(first) || name.split(/\s+/).length < 2 || !spelled(first, name)) return null;
  return { short: `${first} ${last}`, long, start: previous.start, end: after + end };
}

/** "OPCON stands for operational control, the authority …" */
function shortFormStandsFor(text: string, at: number, after: number): Definition | null {
  const word = wordBefore(text, Math.max(0, at - 20), at);
  if (!word) return null;
  const short = text.slice(word.start, word.end);
  if (!isShortForm(short)) return null;
  const end = text.slice(after, after + MAX_PAREN_SPAN).search(/[,;:.)]|\s[—–]\s|$/);
  const long = text
    .slice(after, after + end)
    .trim()
    .replace(/^(?:the|The)\s+/, '');
  if (long.split(/\s+/).length < 2 || bestLongForm(short, long, true) !== long) return null;
  return { short, long, start: word.start, end: after + end };
}

/** "The Integrated Air and Missile Defense — IAMD — network …" */
function dashDefinition(text: string, at: number, after: number): Definition | null {
  const short = shortFormAt(text, after);
  if (!short || !/^\s[—–]\s/.test(text.slice(after + short.length, after + short.length + 3))) return null;
  const before = sentenceBefore(text, at);
  const long = bestLongForm(short, before.text);
  if (!long || long.text.split(/\s+/).length < 2) return null;
  return { short, long: long.text, start: before.start + long.offset, end: after + short.length + 2 };
}

/**
 * A quick test around a parenthesis: a short form needs a capital letter (or Hangul) just inside it,
 * or a capital in the word just before it ("SF (Long Form)"). Most parentheses (years, asides) fail.
 * Written out rather than as one regex: see char-kinds.ts.
 */
function mayDefine(text: string, open: number, close: number): boolean {
  const end = Math.min(close, open + 16);
  let i = open + 1;
  while (i < end && isSpace(text[i])) i++;
  if (i < end && isHangul(text[i])) return true;
  if (close - open <= 9 && isLetter(text[open + 1]) && some(text.slice(open + 1, close), isLetter))
    return true;
  // A capital among the first twelve characters inside, before any space.
  for (let n = 0; i < end && n < 12; i++, n++) {
    const c = text[i];
    if (c === ')' || c === '）' || isSpace(c)) break;
    if (isUpper(c)) return true;
  }
  // A capital in the word just before the parenthesis, with at most one space between.
  const windowStart = Math.max(0, open - 16);
  let j = open - 1;
  if (j >= windowStart && isSpace(text[j])) j--;
  for (; j >= windowStart; j--) {
    const c = text[j];
    if (c === '(' || c === '（' || isSpace(c)) break;
    if (isUpper(c)) return true;
  }
  return false;
}

/** "Long Form (SF)", "Long Form(SF, …)", "한국어 이름(SF·English Name)", "국가정보원(국정원)". */
function longFormFirst(text: string, open: number, close: number, inner: string): Definition[] {
  // "방안(이하 공급망 방안)", "자유의 방패(이하 FS)": "hereafter SF".
  const hereafter = /^\s*이하\s*[:：]?\s*['‘“"]?([^'’”",;·)]{1,16}?)['’”"]?\s*(?:[,;·]|$)/u.exec(inner);
  if (hereafter) {
    const short = (hereafter[1] as string).trim();
    const before = sentenceBefore(text, open);
    const long = hereafterLongForm(before.text);
    return long && long.text !== short
      ? [{ short, long: long.text, start: before.start + long.offset, end: close + 1 }]
      : [];
  }
  const short = firstItem(inner);
  if (isHangulShortForm(short)) {
    const before = sentenceBefore(text, open);
    const long = hangulLongForm(short, before.text);
    return long ? [{ short, long: long.text, start: before.start + long.offset, end: close + 1 }] : [];
  }
  if (!isShortForm(short)) {
    const word = wordShortForm(short, sentenceBefore(text, open));
    return word ? [{ ...word, end: close + 1 }] : [];
  }
  const before = sentenceBefore(text, open);
  const found: Definition[] = [];
  const spelled = bestLongForm(short, before.text) ?? koreanLongForm(short, before.text);
  const long = spelled && spellsInnerGroup(short, spelled.text) ? spelled : null;
  if (long) found.push({ short, long: long.text, start: before.start + long.offset, end: close + 1 });
  // "(THAAD·고고도미사일방어체계)", "(NCG·Nuclear Consultative Group)": long forms listed after the short form.
  const listed = inner.indexOf('·', inner.indexOf(short) + short.length);
  if (listed >= 0) {
    for (const item of listedNames(inner, listed + 1)) {
      const name = namesShortForm(short, item.text);
      if (name)
        found.push({ short, long: name, start: open + 1 + item.at, end: open + 1 + item.at + name.length });
    }
  }
  return found;
}

/**
 * A short form's own parenthesis ("FEV(1)", "V(T)") is read from words of its own: each letter or
 * digit in it starts a word of the long form ("forced expiratory volume in 1 second"). Taken from
 * inside a word it is a guess: "temperature (T(a))", "GABAB receptor (GABA(B)R2)".
 */
function spellsInnerGroup(short: string, long: string): boolean {
  const group = /\(([^()]*)\)/.exec(short)?.[1];
  if (group === undefined) return true;
  const marks = group.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!marks) return false;
  const initials = new Set(
    long
      .toLowerCase()
      .split(/[\s/-]+/)
      .map((word) => word[0]),
  );
  for (const mark of marks) if (!initials.has(mark)) return false;
  return true;
}

/**
 * Inside parentheses, the text before what follows the short form: "(IRA, signed 2022)", "(KAMD·…)",
 * "(SF; …)", "(SF – …)", "(SF or …)".
 */
function firstItem(inner: string): string {
  const text = inner.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (',;:·•|'.includes(c)) return text.slice(0, i).trim();
    if (!isSpace(c)) continue;
    const next = text[i + 1] ?? '';
    if ('-–—'.includes(next) && next !== '' && isSpace(text[i + 2])) return text.slice(0, i).trim();
    if (/^(?:or|also|aka)\s/.test(text.slice(i + 1, i + 6))) return text.slice(0, i).trim();
  }
  return text;
}

/** The names in a "·" list inside parentheses, from `from` on, with their offsets. */
function listedNames(inner: string, from: number): { text: string; at: number }[] {
  const names: { text: string; at: number }[] = [];
  let at = from;
  for (const part of inner.slice(from).split('·')) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim();
    if (name) names.push({ text: name, at: at + lead });
    at += part.length + 1;
  }
  return names;
}

/** A whole name that stands for the short form: English letters that spell it, or a Korean name. */
function namesShortForm(short: string, name: string): string | null {
  if (hasHangul(name)) return isKoreanName(short, name) ? name : null;
  const long = bestLongForm(short, name, true);
  return long === name && name.split(/\s+/).length >= 2 ? name : null;
}

/** "SF (Long Form)": the word before the parenthesis is the short form. */
function shortFormFirst(text: string, open: number, close: number, inner: string): Definition[] {
  const word = wordBefore(text, Math.max(0, open - 16), open);
  if (!word) return [];
  let shortEnd = word.end;
  while (shortEnd > word.start && (text[shortEnd - 1] === '.' || text[shortEnd - 1] === '-')) shortEnd--;
  const short = text.slice(word.start, shortEnd);
  if (!short || !isShortForm(short)) return [];
  // The short form must be a word of its own, not the tail of a longer one cut by the window.
  const start = word.start;
  if (isAlnum(text[start - 1])) return [];
  const found = shortFormFirstOf(short, start, close, inner);
  // "UNEP/WMO (World Meteorological Organization)": the part after the slash that the name spells.
  const slash = short.lastIndexOf('/');
  if (found.length || slash <= 0 || !isShortForm(short.slice(slash + 1))) return found;
  return shortFormFirstOf(short.slice(slash + 1), start + slash + 1, close, inner);
}

function shortFormFirstOf(short: string, start: number, close: number, inner: string): Definition[] {
  // "PBP1 (for Pab1p-binding protein)".
  const content = inner.trim().replace(/^for\s+/, '');
  // "C4ISR(지휘·통제·통신·컴퓨터·정보·감시·정찰)": a Korean name, dots and all.
  if (hasHangul(content) && /^[\p{Script=Hangul}\p{N}·\s-]+$/u.test(content)) {
    return isKoreanName(short, content) ? [{ short, long: content, start, end: close + 1 }] : [];
  }
  // "OPCON(Operational Control·작전통제권)": several names for one short form.
  if (content.includes('·')) {
    return listedNames(inner, 0).flatMap((item) => {
      const name = namesShortForm(short, item.text);
      return name ? [{ short, long: name, start, end: close + 1 }] : [];
    });
  }
  const candidate = content.split(/\s*[;:]\s*|,\s(?!and\s)/, 1)[0]?.trim() ?? '';
  if (candidate.split(/\s+/).length < 2) return [];
  const long = bestLongForm(short, candidate, true);
  if (!long || long !== candidate) return [];
  return [{ short, long, start, end: close + 1 }];
}

/**
 * The word that ends `text` at `end` (white space after it aside), looked for from `from` on: letters,
 * digits and / & + . - , starting with a letter or digit. Null when the text there ends otherwise.
 */
function wordBefore(text: string, from: number, end: number): { start: number; end: number } | null {
  let e = end;
  while (e > from && isSpace(text[e - 1])) e--;
  let s = e;
  while (s > from && isWordPart(text[s - 1])) s--;
  while (s < e && !isAlnum(text[s])) s++;
  return s < e ? { start: s, end: e } : null;
}

const isWordPart = (c: string | undefined) =>
  c === '/' || c === '&' || c === '+' || c === '.' || c === '-' || isAlnum(c);

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
 * four letters or more that starts with it.
 */
function wordShortForm(
  short: string,
  before: { text: string; start: number },
): Omit<Definition, 'end'> | null {
  if (!/^(?:[A-Za-z][a-z]{1,7}|[A-Z])$/.test(short)) return null;
  const window = before.text;
  if (short.length === 1) {
    const word = /(?:^|\s)([A-Za-z][a-z]{3,})$/.exec(window)?.[1];
    if (!word || word[0]?.toUpperCase() !== short || SMALL_WORDS.has(word.toLowerCase())) return null;
    return { short, long: word, start: before.start + window.length - word.length };
  }
  const lower = short.toLowerCase();
  if (short === lower) {
    const letters = lower.length > 3 && lower.endsWith('s') ? [lower, lower.slice(0, -1)] : [lower];
    // The words of the window and the parts of hyphenated ones ("value-added"), where each starts.
    const parts = [...window.matchAll(/[A-Za-z][^\s/-]*/g)];
    for (const spelled of letters) {
      const last = parts.slice(-spelled.length);
      if (last.length !== spelled.length || last.some((part, i) => part[0][0]?.toLowerCase() !== spelled[i]))
        continue;
      const at = last[0]?.index ?? 0;
      // Nothing but white space and hyphens between the parts, up to the parenthesis.
      if (!/^[A-Za-z\s-]+$/.test(window.slice(at))) continue;
      return { short, long: window.slice(at), start: before.start + at };
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

/** How far before a parenthesis a long form may start, in code units. */
const LONG_FORM_REACH = 400;

/** The text of the sentence before a position (at most LONG_FORM_REACH back), and where it starts. */
function sentenceBefore(text: string, at: number): { text: string; start: number } {
  let start = at;
  // A long form is at most ~18 words: reading back further only costs time, and on a long run with
  // many parentheses and no sentence end (a table, a code listing) it made the extractor quadratic.
  const limit = Math.max(0, at - LONG_FORM_REACH);
  while (start > limit) {
    const c = text[start - 1] as string;
    if (c === ')') {
      // "Protection of Information (Amendment) Act (PIAA)": a word in parentheses is part of the name
      // (a capitalised word standing apart, not an abbreviation or a formula's part).
      const group = text.lastIndexOf('(', start - 2);
      if (
        group > limit &&
        start - group <= 24 &&
        isSpace(text[group - 1]) &&
        /^\([A-Z][a-z]{3,}(?: [a-z]+)*\)$/.test(text.slice(group, start))
      ) {
        start = group;
        continue;
      }
    }
    if (c === ')' || c === '）' || c === '(' || c === ';' || c === ':' || endsSentence(text, start - 1))
      break;
    start--;
  }
  return { text: text.slice(start, at).trimEnd(), start };
}

/** Abbreviations whose dot is most often inside a sentence, not at its end. */
const NON_FINAL_ABBREVIATIONS = new Set([
  'Inc',
  'Ltd',
  'Co',
  'Corp',
  'Bros',
  'Cos',
  'Pty',
  'Plc',
  'St',
  'Mt',
  'Ft',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Gen',
  'Lt',
  'Col',
  'Capt',
  'Sgt',
  'Adm',
  'Gov',
  'Sen',
  'Rep',
  'Rev',
  'Hon',
  'Jr',
  'Sr',
  'Dept',
  'Univ',
  'Assn',
  'Intl',
  'No',
  'Nos',
  'vs',
  'approx',
  'Fig',
  'Figs',
  'Vol',
  'Art',
  'Sec',
]);

/** The letters that end at `at` (the word before a dot). */
function wordEndingAt(text: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 8 && isLetter(text[start - 1])) start--;
  return start > 0 && !isSpace(text[start - 1]) && text[start - 1] !== '(' ? '' : text.slice(start, at);
}

/**
 * Does a sentence end at `at`? A full stop, ! or ? followed by white space (or the end), or "。". A line
 * break is not one (page text keeps the HTML source's formatting), nor the dot of "U.S.".
 */
export function endsSentence(text: string, at: number): boolean {
  const c = text[at];
  if (c === '。') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[at + 1];
  if (next !== undefined && !isSpace(next)) return false;
  // "Nauru Ocean Resources Inc.", "St. Brendan": the dot of a title or a company's form ends none.
  if (c === '.' && NON_FINAL_ABBREVIATIONS.has(wordEndingAt(text, at))) return false;
  // "U.S." and initials ("J. Smith"): a single capital before the dot ends no sentence.
  if (!isUpper(text[at - 1])) return true;
  const before = text[at - 2];
  return !(at - 1 === 0 || before === '.' || isSpace(before));
}

/**
 * The shortest long form at the end of `before` (or, with `fromStart`, the whole of `before`) whose
 * characters contain the short form's, right to left, the first one starting a word.
 */
function bestLongForm(short: string, before: string, fromStart: true): string | null;
function bestLongForm(short: string, before: string, fromStart?: false): LongForm | null;
function bestLongForm(short: string, before: string, fromStart = false): LongForm | string | null {
  if (fromStart) return spelledLongForm(short, before, true);
  const full = spelledLongForm(short, before, false);
  if (!full) return null;
  // A long form that runs back over a list or an aside ("UNDP, WFP, United Nations Population Fund
  // (UNFPA)", "LDCs, landlocked developing countries (LLDCs)"): the part after the last separator,
  // if it spells the short form itself, when the whole was spelled only with letters inside words or
  // starts with another abbreviation.
  const cut = lastSeparator(full.text.text);
  if (cut > 0) {
    const tailStart = full.text.offset + cut;
    const tail = spelledLongForm(short, before.slice(tailStart), false);
    if (tail && (full.anywhere || startsWithAbbreviation(full.text.text) || !tail.anywhere))
      return { text: tail.text.text, offset: tailStart + tail.text.offset };
  }
  return full.text;
}

/** Words other than numbers ("Energy Efficiency 21" has two). */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => !/^[\d.,]+$/.test(word)).length;
}

/** Where the text after the last ", ", "; ", "--" or dash between words starts; -1 if none. */
function lastSeparator(long: string): number {
  let at = -1;
  for (const match of long.matchAll(/,\s+|;\s+|--|\s[–—]\s/g)) at = match.index + match[0].length;
  return at;
}

/** "LDCs, …", "UNDP, …": the long form would start with an abbreviation of its own. */
function startsWithAbbreviation(long: string): boolean {
  const first = /^[^\s,;]+/.exec(long)?.[0] ?? '';
  let capitals = 0;
  for (const c of first) {
    if (isLower(c) && c !== 's') return false;
    if (isUpper(c)) capitals++;
  }
  return capitals >= 2;
}

function spelledLongForm(short: string, before: string, fromStart: true): string | null;
function spelledLongForm(
  short: string,
  before: string,
  fromStart: false,
): { text: LongForm; anywhere: boolean } | null;
function spelledLongForm(
  short: string,
  before: string,
  fromStart: boolean,
): { text: LongForm; anywhere: boolean } | string | null {
  const core = singular(short);
  const variants = spellings(core);
  const hasDigits = /\d/.test(core);
  // Only a short form with digits has a spelling without them, and only "SF (Long Form)" counts words.
  const numberLabel = hasDigits ? alnumOnly(core.replace(/\d+/g, '').toLowerCase()) : '';
  const wordsBefore = fromStart ? before.split(/\s+/).filter(Boolean).length : 0;
  // The window read for a number of letters, and its text with Roman numerals as digits: the same
  // for several spellings and both passes, so made once.
  let madeFor = -1;
  let made: { window: string; subject: string } | null = null;
  const windowFor = (maxWords: number) => {
    if (madeFor !== maxWords) {
      madeFor = maxWords;
      const window = fromStart ? before : lastWords(before, maxWords);
      made =
        !window || hasHangul(window) ? null : { window, subject: hasDigits ? romanAsDigits(window) : window };
    }
    return made;
  };
  // Word initials first, for every spelling (Command, Control, … for C4ISR; "Energy Efficiency 21"
  // for EE21), skipping "of" and "the" unless the short form has lower-case letters for them (DoD);
  // then Schwartz & Hearst's letters anywhere.
  for (const anywhere of [false, true]) {
    for (const { letters, initials } of variants) {
      if (anywhere && initials) continue;
      // "+" stands for words of its own ("and its allies" in OPEC+).
      const maxWords = Math.min(letters.length + 5, letters.length * 2) + (core.includes('+') ? 3 : 0);
      const made = windowFor(maxWords);
      if (!made) continue;
      const { window, subject } = made;
      const positions: number[] = [];
      const start = anywhere
        ? lettersAnywhere(letters, subject, positions)
        : matchRightToLeft(letters, subject, true, !some(core, isLower), positions);
      if (start < 0 || skipsAWord(subject, start, positions)) continue;
      // A quote or comma closing the words before the parenthesis is not part of the long form.
      let text = window
        .slice(start)
        .trim()
        .replace(/["”’',]+$/, '');
      let offset = before.length - window.length + start;
      if (fromStart) {
        if (start !== 0 || wordsBefore > maxWords) continue;
        return text;
      }
      // A leading article is not part of the name ("the Armed Forces of the Philippines (AFP)").
      const article = /^(?:the|The|THE)\s+(?=\S+\s+\S)/.exec(text);
      if (article) {
        text = text.slice(article[0].length);
        offset += article[0].length;
      }
      // Nor is a word that joins it to the sentence: "by penicilloylated bovine IgG (BPO-BGG)". The
      // name left must start with the short form's first letter, or that letter came from the joining
      // word: "on the termination of the United Nations Operation in Mozambique (ONUMOZ)".
      const joiner = LEADING_JOINER.exec(text);
      if (joiner) {
        text = text.slice(joiner[0].length);
        offset += joiner[0].length;
        if (text[0]?.toLowerCase() !== core[0]?.toLowerCase()) continue;
      }
      if (!acceptable(core, text)) continue;
      // The letters without the number ("Ca2+"): no more words than letters, or any words would do.
      if (hasDigits && letters === numberLabel && wordCount(text) > letters.length) continue;
      return { text: { text, offset }, anywhere };
    }
  }
  return null;
}

/**
 * Letters anywhere (Schwartz & Hearst), unless the initials with small words give the same or a
 * shorter long form: "Bank of America (BOA)" takes the O of "of"; "smoking and subarachnoid
 * hemorrhage (SAH)" does not take the A of "and" when "subarachnoid" holds one.
 */
function lettersAnywhere(letters: string, subject: string, positions: number[]): number {
  const initialsAt: number[] = [];
  const withSmallWords = matchRightToLeft(letters, subject, true, false, initialsAt);
  const anywhereAt: number[] = [];
  const anywhere = matchRightToLeft(letters, subject, false, false, anywhereAt);
  const useInitials = withSmallWords >= 0 && withSmallWords > anywhere;
  positions.push(...(useInitials ? initialsAt : anywhereAt));
  return useInitials ? withSmallWords : anywhere;
}

/**
 * Does the match take its first letter from a word far from the rest? Two words or more that give
 * none of the letters (small words aside) right after the first: "cellular actions through adenosine
 * 3',5'-cyclic monophosphate" for cAMP. One is common in real names ("International Organization
 * for Standardization (ISO)"), and words skipped further on belong to names that spell a word out
 * ("United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women)"). Only for
 * a long form in lower case.
 */
function skipsAWord(subject: string, start: number, positions: readonly number[]): boolean {
  if (positions.length < 2) return false;
  const pattern = /\S+/g;
  pattern.lastIndex = start;
  let skipped = 0;
  let first = true;
  for (let word = pattern.exec(subject); word; word = pattern.exec(subject)) {
    const from = word.index;
    const to = from + word[0].length;
    const used = positions.some((at) => at >= from && at < to);
    if (first) {
      // Names in capitals skip words freely (most are another language's acronyms: "Agreement on
      // Main International Traffic Arteries (AGR)"); the stray first word is a common noun.
      if (!isLower(word[0][0])) return false;
      first = false;
      continue;
    }
    if (used) return false;
    const bare = word[0].toLowerCase().replace(/[^a-z]/g, '');
    if (bare && !SMALL_WORDS.has(bare) && !SKIPPABLE_WORDS.has(bare) && ++skipped >= 2) return true;
  }
  return false;
}

/** Words a name holds that its short form often leaves out, beyond the small ones. */
const SKIPPABLE_WORDS = new Set([
  'by',
  'from',
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'et',
  'der',
  'die',
  'und',
  'y',
  'del',
]);

/** Roman numerals II–X as words ("type III secretion system") read as their digits, same length. */
function romanAsDigits(text: string): string {
  if (!/\b[IVX]{2,4}\b/.test(text)) return text;
  return text.replace(/(?<![A-Za-z])(II|III|IV|VI|VII|VIII|IX)(?![A-Za-z])/g, (numeral) => {
    const value = ROMAN[numeral] as string;
    return value + '#'.repeat(numeral.length - value.length);
  });
}

const ROMAN: Record<string, string> = { II: '2', III: '3', IV: '4', VI: '6', VII: '7', VIII: '8', IX: '9' };

/**
 * The short form's characters to find, each with whether every one of them must start a word. A digit
 * may be written as a digit (PAC-3), stand for that many words after a letter (A2 = Anti-Access; C4 =
 * four C-words), or for its number word (G7 = Group of Seven, 5G = fifth-generation). Letters that
 * stand for words are word initials: "enzyme (E2)" does not spell E-E, nor "phosphate buffer (pH 7.4)"
 * p-h-seven-four. A number may also be a label the letters leave out (HOT1, N2O).
 */
interface Spelling {
  letters: string;
  /** Every letter must start a word (letters that stand for words). */
  initials: boolean;
}

function spellings(core: string): Spelling[] {
  const lower = core.toLowerCase();
  const plain: Spelling = { letters: alnumOnly(lower), initials: false };
  if (!some(lower, isNumber)) return [plain];
  const variants: Spelling[] = [plain];
  const add = (letters: string, initials: boolean) => {
    if (!variants.some((v) => v.letters === letters && v.initials === initials))
      variants.push({ letters, initials });
  };
  add(alnumOnly(digitsAsRepeats(lower)), true);
  for (const pick of [0, 1] as const) add(alnumOnly(numbersAsInitials(lower, pick)), true);
  // The number as a label (HOT1, N2O, "Energy Efficiency 21"): the letters alone, if two or more
  // ("enzyme (E2)" is not spelled by an E).
  const letters = alnumOnly(numbersAsInitials(lower, null));
  if (letters.length >= 2) add(letters, false);
  return variants;
}

/** Each run of digits as its number word's initial (`pick` 0: cardinal, 1: ordinal), or dropped (null). */
function numbersAsInitials(text: string, pick: 0 | 1 | null): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (!isNumber(text[i])) {
      out += text[i];
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isNumber(text[end])) end++;
    const digits = text.slice(i, end);
    if (pick !== null) out += NUMBER_INITIALS[Number(digits)]?.[pick] ?? digits;
    i = end;
  }
  return out;
}

/** "a2ad" → "aaad", "c4isr" → "ccccisr": a digit 2–9 after a letter repeats that letter. */
function digitsAsRepeats(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const code = c.charCodeAt(0);
    out +=
      code >= 0x32 && code <= 0x39 && i > 0 && isLetter(text[i - 1])
        ? (text[i - 1] as string).repeat(code - 0x31)
        : c;
  }
  return out;
}

/** Initials of the cardinal and ordinal English words of small numbers: 1 → one/first. */
const NUMBER_INITIALS: Record<number, [string, string]> = {
  1: ['o', 'f'],
  2: ['t', 's'],
  3: ['t', 't'],
  4: ['f', 'f'],
  5: ['f', 'f'],
  6: ['s', 's'],
  7: ['s', 's'],
  8: ['e', 'e'],
  9: ['n', 'n'],
  10: ['t', 't'],
  12: ['t', 't'],
  20: ['t', 't'],
};

/** Words an all-capitals short form does not take letters from ("Organization of the …" for OPEC). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

function smallWordAt(lower: string, at: number): boolean {
  let end = at;
  // The longest small word is four letters: no need to read further.
  while (end < lower.length && end - at <= 4 && isLetter(lower[end])) end++;
  return SMALL_WORDS.has(lower.slice(at, end));
}

/**
 * Schwartz & Hearst's match: returns where the long form starts in `text`, or -1. With `initials`,
 * every character must start a word (or a part of one after a hyphen or slash): greedy matching of
 * letters anywhere can stop a word early ("Control, …" for C4ISR instead of "Command, Control, …").
 */
function matchRightToLeft(
  letters: string,
  text: string,
  initials: boolean,
  skipSmallWords = false,
  positions?: number[],
): number {
  const lower = text.toLowerCase();
  let t = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s] as string;
    const atStart = s === 0 || initials;
    while (
      t >= 0 &&
      (lower[t] !== c ||
        (atStart && isAlnum(lower[t - 1])) ||
        (initials && skipSmallWords && smallWordAt(lower, t)))
    )
      t--;
    if (t < 0) return -1;
    positions?.push(t);
    t--;
  }
  // The long form begins at the start of the word holding the first match (a prefix such as "2,4-",
  // "alpha-" or "c-" is part of the name), but not with the bracket or quote before it, nor with
  // what a slash joins to it ("ECO/UNICEF/World Health Organization").
  const first = t + 1;
  let start = first;
  while (start > 0 && !isSpace(lower[start - 1])) start--;
  const slash = lower.lastIndexOf('/', first - 1);
  if (slash >= start) start = slash + 1;
  while (start < first && OPENING_MARKS.includes(lower[start] as string)) start++;
  return start;
}

/** Brackets and quotes that may open a word without being part of the long form. */
const OPENING_MARKS = '[("\'“‘«';

/**
 * A lower-case word that joins a name to the sentence before it (and an article after it), before at
 * least two more words. Not "and" or "or": those join the parts of one name ("African, Caribbean
 * and Pacific Group of States").
 */
const LEADING_JOINER = /^(?:of|on|for|by|to|with|plus|from|in|at|into|via)\s+(?:(?:the|an?)\s+)?(?=\S+\s+\S)/;

/** Checks a found long form: longer than the short form, not the short form itself, not a fragment. */
function acceptable(core: string, long: string): boolean {
  if (long.length <= core.length) return false;
  // A name does not start with the tail of a compound: "GABA-induced chloride current (ICl)" read
  // from "-induced". The first letter came from the wrong word.
  if (long[0] === '-') return false;
  // "THAAD battery (THAAD)" defines nothing; "European Union (EU)" does.
  if (long.split(/\s+/)[0]?.toLowerCase() === core.toLowerCase()) return false;
  // At least as many words as needed to hold the letters, within reason (S&H's limit).
  const words = long.split(/\s+/).length;
  const letters = alnumOnly(core).length;
  if (words > Math.min(letters + 5, letters * 2) + (core.includes('+') ? 3 : 0)) return false;
  // Letters buried inside words cannot carry a whole definition: at least a third of the capitals
  // must start a word of the long form (COVID: coronavirus disease; mRNA: messenger RNA).
  const capitals = [...core].filter(isUpper).map((c) => c.toLowerCase());
  // A long single word (a chemical's name: "hydrofluorocarbon-134a (HFC-134a)") holds its letters.
  const oneLongWord = !/\s/.test(long) && long.length >= 10 && long.length >= 3 * capitals.length;
  if (capitals.length >= 3 && !oneLongWord) {
    const initials = long
      .split(/[\s/-]+/)
      .filter(Boolean)
      .map((word) => word[0]?.toLowerCase());
    const hits = capitals.filter((c) => initials.includes(c)).length;
    if (hits * 3 < capitals.length) return false;
  }
  return true;
}

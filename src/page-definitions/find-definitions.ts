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
 * - the reverse order, "SF (Long Form)", and both in one parenthesis, "(Long Form, SF)";
 * It is stricter where the original over-reaches on news text: a short form needs a capital letter and
 * is not a capitalised word ("(Reuters)", "(Seoul)"), a year, a number or a list marker.
 *
 * This file finds the parentheses and reads each one; the rules it applies are by concern: the
 * letters that spell a long form (long-form.ts), the shape of a short form (short-forms.ts), the
 * sentence a long form stays in (sentences.ts), Korean names (korean-forms.ts), and definitions
 * written without parentheses (definitions-in-words.ts).
 */

import { alnumOnly, hasHangul, isAlnum, isHangul, isLetter, isSpace, isUpper, some } from './char-kinds';
import { definitionsInWords, mayDefineInWords } from './definitions-in-words';
import {
  hangulLongForm,
  hereafterLongForm,
  isHangulShortForm,
  isKoreanName,
  koreanLongForm,
} from './korean-forms';
import { bestLongForm, matchRightToLeft, reorderedLongForm } from './long-form';
import { sentenceBefore } from './sentences';
import { isShortForm, wordShortForm } from './short-forms';
import { type Definition, wordBefore } from './words';

const CLOSERS: Record<string, string> = { '(': ')', '（': '）', '[': ']' };
// The regexes here go without the `u` flag wherever they hold no \p{…} class: V8 compiles a `u` regex
// more slowly, and the extractor runs cold on every page (see char-kinds.ts).
/** Longer parentheses hold prose, not a short form. */
const MAX_PAREN_SPAN = 160;

/*
 * Where a definition may be, found natively (one regex scan of the text) so that the rules below run
 * only there: on most pages no parenthesis holds a definition, and this code runs cold on every page.
 * The pattern is broader than the rules it stands in front of (nothing it misses is read, so every
 * test of a definition in parentheses tests it too): a parenthesis that opens on a short form (one or two short words with a capital, not a
 * capitalised word, then the end of the item), or on Hangul; or a short-form word right before a
 * parenthesis that holds two words, Hangul or a "·" list.
 */
const SF_CHAR = '[^\\s()[\\]\\uff08\\uff09,;:\\u00b7\\u2022|]';
const CAPITAL = '[A-Z\\u00c0-\\u024f\\u1e00-\\u1eff\\uff21-\\uff3a]';
const HANGUL_CLASS = '[\\uac00-\\ud7a3\\u1100-\\u11ff\\u3130-\\u318f]';
const WORD_PART = '[A-Za-z0-9\\u00c0-\\uffff/&+.\\-]';
/** One word alone in parentheses, lower case or capitalised ("(aa)", "(Dpp)", "(cdc2)"), or a capital. */
const WORD_INSIDE = '(?:[A-Za-z][a-z]{1,7}\\d{0,3}|[A-Z])[)\\]\\uff09]';
/** A short form may hold one small parenthesis of its own: "FEV(1)", "V(T)", "ICa(L)". */
const INNER_GROUP = '\\([A-Za-z0-9+\\-]{1,4}\\)';
/** After the parenthesis: it ends on a short form after a comma or semicolon, "(Long Form, SF)". */
const SHORT_FORM_LAST = `(?=[^()\\uff08\\uff09]{2,140}?[,;]\\s*(?=[^\\s)\\uff09]{0,15}${CAPITAL})${SF_CHAR}{2,16}[)\\uff09])`;
const SHORT_FORM_INSIDE =
  `[(\\[\\uff08](?:${SHORT_FORM_LAST}|\\s*(?:${HANGUL_CLASS}|${WORD_INSIDE}|(?![A-Z][a-z]{2,}[\\s)\\]\\uff09,;:])` +
  `(?=[^)\\]\\uff09,;:\\u00b7\\u2022|]{0,24}?${CAPITAL})(?:${SF_CHAR}|${INNER_GROUP}){1,16}` +
  `(?:\\s${SF_CHAR}{1,12})?` +
  `(?:\\s*[)\\]\\uff09,;:\\u00b7\\u2022|\\-\\u2013\\u2014]|\\s+(?:or|also|aka)\\s)))`;
const SHORT_FORM_BEFORE =
  `(?<![A-Za-z0-9\\u00c0-\\uffff])(?![A-Z][a-z]{2,}[.\\-]*\\s*[(\\uff08])${WORD_PART}{0,15}${CAPITAL}` +
  `${WORD_PART}{0,15}\\s*[(\\uff08](?=[^)\\uff09]*(?:\\S\\s+\\S|${HANGUL_CLASS}|\\u00b7))`;
/** Any of the shapes; its last character, or its first, is the parenthesis (see `findDefinitions`). */
const DEFINITION_CANDIDATE = new RegExp(`${SHORT_FORM_INSIDE}|${SHORT_FORM_BEFORE}`, 'g');

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
    // "[Ca2+]i", "[3H]prazosin", "[K+]": square brackets of a concentration or a label, not a pair.
    if (opener === '[' && (isAlnum(text[close + 1]) || /[+-]\s*$/.test(inner))) continue;
    let definitions = longFormFirst(text, open, close, inner);
    if (!definitions.length) definitions = shortFormFirst(text, open, close, inner);
    if (!definitions.length) definitions = shortFormLast(text, open, close, inner);
    found.push(...definitions);
    // "(GDNF, Neurturin [NTN], and Persephin [PSP])": brackets inside, read on their own.
    if (opener !== '[' && inner.includes('['))
      found.push(...findDefinitions(text.slice(0, close), open + 1, close, false));
    done = close;
    candidates.lastIndex = close + 1 - offset;
  }
  if (inWords && mayDefineInWords(subject)) found.push(...definitionsInWords(text, from, to));
  return found;
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
  // A capital in the last item inside, after a comma or semicolon: "(Long Form, SF)".
  let capital = false;
  for (let k = close - 1; k > open + 1 && k >= close - 17; k--) {
    const c = text[k];
    if (c === ',' || c === ';') return capital;
    capital ||= isUpper(c);
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
  // "(NF195, NF170, and NF70)", "(Al, B, Ba, Ca)": a list of short forms, none of them defined.
  if (short !== inner.trim() && listsShortForms(inner)) return [];
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
  const spelled =
    bestLongForm(short, before.text) ??
    koreanLongForm(short, before.text) ??
    reorderedLongForm(short, before.text);
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
 * "(Long Form, SF)", "(Long Form; SF)": both forms in one parenthesis, the short form last, and what
 * comes before it a name of two words or more that it spells as a whole. An identifier there
 * ("glutathione peroxidase (EC 1.11.1.9; GPx)") leaves the long form before the parenthesis.
 */
function shortFormLast(text: string, open: number, close: number, inner: string): Definition[] {
  const cut = Math.max(inner.lastIndexOf(','), inner.lastIndexOf(';'));
  if (cut <= 0) return [];
  const short = inner.slice(cut + 1).trim();
  if (short.includes(' ') || !isShortForm(short)) return [];
  const head = inner.slice(0, cut);
  const name = head.trim().replace(/^(?:the|The)\s+/, '');
  if (IDENTIFIER.test(name)) {
    const before = sentenceBefore(text, open);
    const long = bestLongForm(short, before.text);
    if (!long || !spellsInnerGroup(short, long.text)) return [];
    return [{ short, long: long.text, start: before.start + long.offset, end: close + 1 }];
  }
  // "(MDA, MDEA, MDMA)", "(EAP Task Force, ECE)": a list, or another abbreviation first, is no name.
  if (/[,;]\s/.test(name) || /^[A-Z]{2,}\b/.test(name)) return [];
  if (name.split(/\s+/).length < 2 || bestLongForm(short, name, true) !== name) return [];
  return [{ short, long: name, start: open + 1 + head.indexOf(name), end: close + 1 }];
}

/** A code that names a thing without spelling it: "EC 1.11.1.9", "CAS 50-00-0", "ISO 9001". */
const IDENTIFIER = /^[A-Z]{1,4}[\s-]?\d[\d.:-]*$/;

/**
 * A short form's own parenthesis ("FEV(1)", "V(T)") is read from words of its own: each letter or
 * digit in it starts a word of the long form ("forced expiratory volume in 1 second"). Taken from
 * inside a word it is a guess: "temperature (T(a))", "GABAB receptor (GABA(B)R2)".
 */
function spellsInnerGroup(short: string, long: string): boolean {
  const group = /\(([^()]*)\)/.exec(short)?.[1];
  // "prostaglandin E(2) (PGE(2))": the long form ends on the same group.
  if (group === undefined || long.endsWith(`(${group})`)) return true;
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
 * Is a parenthesis a list of short forms: three or more, or two joined by "and" or "or"? Two side by
 * side define the first ("(AML, M5A)", "(sCR1, CD35)": a subtype, another name).
 */
function listsShortForms(inner: string): boolean {
  const items = inner.split(/\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/);
  if (items.length < 3 && !/\s(?:and|or)\s/.test(inner)) return false;
  return items.every((item) => item.trim() !== '' && isShortForm(item.trim()));
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
  // "M.O.I. (multiplicity of infection)": a short form written with dots keeps its last one.
  if (text[shortEnd] === '.' && text.slice(word.start, shortEnd).includes('.')) shortEnd++;
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
  if (candidate.split(/\s+/).length < 2 && !spellsHyphenParts(short, candidate)) return [];
  if (restatesOrComputes(short, candidate)) return [];
  const long = bestLongForm(short, candidate, true);
  if (!long || long !== candidate) return [];
  return [{ short, long, start, end: close + 1 }];
}

/**
 * "DER (der[0]..der[der len-1])", "RSS (n = 12)": code or maths after a short form, or the short form
 * written again, explains nothing. Names do not hold brackets, braces, "=" or ".."; a name that starts
 * with the short form itself is a variant of it ("SHP-1 (SHP-1 mutant)"), not its expansion.
 */
function restatesOrComputes(short: string, candidate: string): boolean {
  if (/[[\]{}=]|\.\./.test(candidate)) return true;
  const first = /^[\p{L}\p{N}]+/u.exec(candidate)?.[0] ?? '';
  return first.toLowerCase() === alnumOnly(short.toLowerCase());
}

/**
 * "NMDA (N-methyl-D-aspartate)": one hyphenated word of three parts or more, each letter of the
 * short form the start of a part. Not a variant's name ("SHP-1 (SHP-1C455S)", "GEFs (cAMP-GEFs)").
 */
function spellsHyphenParts(short: string, word: string): boolean {
  if (word.split('-').length < 3 || /\d/.test(word)) return false;
  if (word.toLowerCase().includes(short.toLowerCase())) return false;
  return matchRightToLeft(alnumOnly(short.toLowerCase()), word, true) === 0;
}

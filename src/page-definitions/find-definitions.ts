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

export interface Definition {
  /** The short form as written, e.g. "ICBMs". */
  short: string;
  /** The long form as written, e.g. "intercontinental ballistic missiles". */
  long: string;
  /** Where the definition (long form and parenthesis together) starts and ends in the text. */
  start: number;
  end: number;
}

const OPENERS = new Set(['(', '（']);
const CLOSERS: Record<string, string> = { '(': ')', '（': '）' };
/** Inside parentheses, what follows the short form: "(IRA, signed 2022)", "(KAMD·…)", "(SF; …)". */
const INNER_SEPARATOR = /\s*(?:[,;:·•|]|\s[-–—]\s|\s(?:or|also|aka)\s)\s*/u;
const HANGUL = /\p{Script=Hangul}/u;
const HANGUL_WORD = /^[\p{Script=Hangul}\p{L}\p{N}·-]+$/u;
/** Endings that close the noun phrase before a Korean long form (particles, verb and adjective forms). */
const KOREAN_PHRASE_END =
  /(?:은|는|이|가|을|를|의|에|에서|에게|와|과|로|으로|도|만|한|된|인|할|될|던|하는|하고|했다|이다|및|등|또는)$/u;
const KOREAN_MAX_WORDS = 4;
/** Words not at the start of a long form (they precede it: "the", "a", "its"). */
const MAX_PAREN_SPAN = 160;

/** Finds every definition in a text, in order. */
export function findDefinitions(text: string): Definition[] {
  const found: Definition[] = [];
  for (let open = 0; open < text.length; open++) {
    const opener = text[open] as string;
    if (!OPENERS.has(opener)) continue;
    const close = text.indexOf(CLOSERS[opener] as string, open + 1);
    if (close < 0 || close - open > MAX_PAREN_SPAN) continue;
    const inner = text.slice(open + 1, close);
    if (inner.includes(opener)) continue;
    const definition = longFormFirst(text, open, close, inner) ?? shortFormFirst(text, open, close, inner);
    if (definition) found.push(definition);
    open = close;
  }
  return found;
}

/** "Long Form (SF)", "Long Form(SF, …)". */
function longFormFirst(text: string, open: number, close: number, inner: string): Definition | null {
  const lead = inner.length - inner.trimStart().length;
  const short = inner.trim().split(INNER_SEPARATOR, 1)[0]?.trim() ?? '';
  if (!isShortForm(short)) return null;
  const before = sentenceBefore(text, open);
  const long = bestLongForm(short, before.text) ?? koreanLongForm(short, before.text);
  if (!long) {
    // "사드(THAAD·고고도미사일방어체계)": a long form may follow the short form inside the parentheses.
    const rest = inner.trim().slice(short.length).replace(INNER_SEPARATOR, '').trim();
    const inside = rest && !rest.includes(',') ? bestLongForm(short, rest, true) : null;
    if (!inside) return null;
    const at = open + 1 + inner.indexOf(inside, lead + short.length);
    return { short, long: inside, start: at, end: at + inside.length };
  }
  const start = before.start + long.offset;
  return { short, long: long.text, start, end: close + 1 };
}

/** "SF (Long Form)": the word before the parenthesis is the short form. */
function shortFormFirst(text: string, open: number, close: number, inner: string): Definition | null {
  const windowStart = Math.max(0, open - 16);
  const words = /([\p{L}\p{N}][\p{L}\p{N}/&+.'’-]*)\s*$/u.exec(text.slice(windowStart, open));
  const short = words?.[1]?.replace(/[.'’-]+$/u, '') ?? '';
  if (!short || !isShortForm(short)) return null;
  const candidate =
    inner
      .trim()
      .split(/\s*[;:]\s*|,\s(?!and\s)/u, 1)[0]
      ?.trim() ?? '';
  if (candidate.split(/\s+/).length < 2) return null;
  const long = bestLongForm(short, candidate, true);
  if (!long || long !== candidate) return null;
  // The short form must be a word of its own, not the tail of a longer one cut by the window.
  const start = windowStart + (words?.index ?? 0);
  if (isAlnum(text[start - 1])) return null;
  return { short, long, start, end: close + 1 };
}

/**
 * Is this a short form? 2–10 characters (a plural "s" aside), at most two words, starting with a
 * letter or digit, with a capital letter; not a capitalised ordinary word, a year, a number or a list
 * marker.
 */
export function isShortForm(candidate: string): boolean {
  const sf = candidate.trim();
  const core = singular(sf);
  if (core.length < 2 || core.length > 10) return false;
  if (sf.split(/\s+/).length > 2) return false;
  if (!/^[\p{L}\p{N}]/u.test(sf)) return false;
  if (!/\p{Lu}/u.test(sf)) return false;
  // No apostrophes: "l’Arcep" is an elided article and a word, not an abbreviation.
  if (!/^[\p{L}\p{N}/&+.\s-]+$/u.test(sf)) return false;
  // Latin-script abbreviations; a Korean or Chinese word in parentheses is a translation, not one.
  if (/[^\p{Script=Latin}\p{N}/&+.\s-]/u.test(sf)) return false;
  // "Reuters", "Seoul", "Figure": one capital, then lower case only.
  if (/^\p{Lu}\p{Ll}{2,}\.?$/u.test(sf)) return false;
  if (sf.split(/\s+/).some((word) => /^\p{Lu}\p{Ll}{3,}$/u.test(word))) return false;
  // "(ii)", "(IV)" are list markers; "(B)" is a label.
  if (/^(?:[ivxlcdm]+|[IVXLCDM]+)$/u.test(sf) && sf.length <= 4) return false;
  return true;
}

/** "ICBMs" → "ICBM": a plural "s" after a capital is not part of what the letters spell. */
function singular(sf: string): string {
  return /\p{Lu}s$/u.test(sf) && sf.length > 2 ? sf.slice(0, -1) : sf;
}

/** The text of the sentence before a position, and where it starts. */
function sentenceBefore(text: string, at: number): { text: string; start: number } {
  let start = at;
  while (start > 0) {
    const c = text[start - 1] as string;
    if (c === ')' || c === '）' || c === '(' || c === ';') break;
    if ((c === '.' || c === '!' || c === '?' || c === '。') && /\s/u.test(text[start] ?? '')) {
      // "U.S. Forces" is not a sentence end: a single capital before the dot.
      if (!/(?:^|[\s.])\p{Lu}\.$/u.test(text.slice(Math.max(0, start - 3), start))) break;
    }
    start--;
  }
  return { text: text.slice(start, at).replace(/\s+$/u, ''), start };
}

interface LongForm {
  text: string;
  /** Offset of the long form in the text it was found in. */
  offset: number;
}

/**
 * The shortest long form at the end of `before` (or, with `fromStart`, the whole of `before`) whose
 * characters contain the short form's, right to left, the first one starting a word.
 */
function bestLongForm(short: string, before: string, fromStart: true): string | null;
function bestLongForm(short: string, before: string, fromStart?: false): LongForm | null;
function bestLongForm(short: string, before: string, fromStart = false): LongForm | string | null {
  const core = singular(short);
  for (const letters of spellings(core)) {
    const words = before.split(/\s+/).filter(Boolean);
    const maxWords = Math.min(letters.length + 5, letters.length * 2);
    const window = fromStart ? before : lastWords(before, maxWords);
    if (!window || HANGUL.test(window)) continue;
    // Word initials first (Command, Control, … for C4ISR); then Schwartz & Hearst's letters anywhere.
    let start = matchRightToLeft(letters, window, true);
    if (start < 0) start = matchRightToLeft(letters, window, false);
    if (start < 0) continue;
    const text = window.slice(start).trim();
    if (fromStart) {
      if (start !== 0 || words.length > maxWords) continue;
      return text;
    }
    if (!acceptable(core, text)) continue;
    return { text, offset: before.length - window.length + start };
  }
  return null;
}

/** The short form's characters to find; a digit after a letter may also mean "that many such words". */
function spellings(core: string): string[] {
  const literal = core.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const expanded = core
    .toLowerCase()
    .replace(/(\p{L})([2-9])/gu, (_, letter: string, count: string) => letter.repeat(Number(count)))
    .replace(/[^\p{L}\p{N}]/gu, '');
  return expanded === literal ? [literal] : [literal, expanded];
}

/** The last `count` words of a text (with what separates them). */
function lastWords(text: string, count: number): string {
  const pattern = /\S+/g;
  const starts: number[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) starts.push(match.index);
  if (starts.length === 0) return '';
  return text.slice(starts[Math.max(0, starts.length - count)]);
}

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Schwartz & Hearst's match: returns where the long form starts in `text`, or -1. With `initials`,
 * every character must start a word (or a part of one after a hyphen or slash): greedy matching of
 * letters anywhere can stop a word early ("Control, …" for C4ISR instead of "Command, Control, …").
 */
function matchRightToLeft(letters: string, text: string, initials: boolean): number {
  const lower = text.toLowerCase();
  let t = lower.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const c = letters[s] as string;
    const atStart = s === 0 || initials;
    while (t >= 0 && (lower[t] !== c || (atStart && isAlnum(lower[t - 1])))) t--;
    if (t < 0) return -1;
    t--;
  }
  // The long form begins at the start of the word holding the first match.
  let start = t + 1;
  while (start > 0 && !/\s/u.test(lower[start - 1] as string)) start--;
  return start;
}

/** Checks a found long form: longer than the short form, not the short form itself, not a fragment. */
function acceptable(core: string, long: string): boolean {
  if (long.length <= core.length) return false;
  if (long.toLowerCase().startsWith(core.toLowerCase())) return false;
  // At least as many words as needed to hold the letters, within reason (S&H's limit).
  const words = long.split(/\s+/).length;
  const letters = core.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (words > Math.min(letters + 5, letters * 2)) return false;
  // Letters buried inside words cannot carry a whole definition: at least a third of the capitals
  // must start a word of the long form (COVID: coronavirus disease; mRNA: messenger RNA).
  const capitals = [...core].filter((c) => /\p{Lu}/u.test(c)).map((c) => c.toLowerCase());
  if (capitals.length >= 3) {
    const initials = long
      .split(/[\s/-]+/u)
      .filter(Boolean)
      .map((word) => word[0]?.toLowerCase());
    const hits = capitals.filter((c) => initials.includes(c)).length;
    if (hits * 3 < capitals.length) return false;
  }
  return true;
}

/**
 * "한국형 미사일방어(KAMD)": a Korean phrase before a Latin short form. Letters cannot be matched, so
 * the phrase is the run of Korean words right before the parenthesis, up to a particle or verb ending
 * that closes the previous phrase, at most four words.
 */
function koreanLongForm(short: string, before: string): LongForm | null {
  if (!HANGUL.test(before.slice(-1))) return null;
  const words = before.split(/(\s+)/u);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < KOREAN_MAX_WORDS * 2; i--) {
    const word = words[i] as string;
    if (/^\s+$/u.test(word)) {
      kept.unshift(word);
      continue;
    }
    if (!HANGUL_WORD.test(word) || !HANGUL.test(word)) break;
    // The word right before the parenthesis is part of the name whatever it ends with.
    if (kept.length > 0 && KOREAN_PHRASE_END.test(word)) break;
    kept.unshift(word);
  }
  const text = kept.join('').trim();
  if (!text || text.length < 2) return null;
  if (!/\p{Lu}{2}/u.test(short) && short.length < 3) return null;
  return { text, offset: before.length - text.length };
}

/**
 * The long form a short form's letters spell (Schwartz & Hearst's match, right to left, the first
 * letter starting a word), with the extensions for digits, symbols and Roman numerals, and the checks
 * that refuse a fragment: the core of the extractor, for definitions in parentheses and in words.
 */
import {
  alnumOnly,
  hasHangul,
  isAlnum,
  isLetter,
  isLower,
  isNumber,
  isSpace,
  isUpper,
  some,
} from './char-kinds';
import { type LongForm, lastWords, singular } from './words';

/**
 * The shortest long form at the end of `before` (or, with `fromStart`, the whole of `before`) whose
 * characters contain the short form's, right to left, the first one starting a word.
 */
export function bestLongForm(short: string, before: string, fromStart: true): string | null;
export function bestLongForm(short: string, before: string, fromStart?: false): LongForm | null;
export function bestLongForm(short: string, before: string, fromStart = false): LongForm | string | null {
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
  // A match by initials that leaves out a word between its letters ("suggested designs for a
  // supersonic transport (SST)"), kept until the letters anywhere have been tried for a shorter one.
  let skipping: { text: LongForm; anywhere: boolean } | null = null;
  /** Where, in `before`, the first word it leaves out starts. */
  let leftOutAt = -1;
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
      const found = { text: { text, offset }, anywhere };
      const leftOut = anywhere || skipping ? -1 : leftOutWord(subject, start, positions);
      if (leftOut >= 0) {
        skipping = found;
        leftOutAt = before.length - window.length + leftOut;
        continue;
      }
      // Letters anywhere win only by leaving that word out too: "supersonic transport" for SST, but
      // not "University Institute for Environment and Human Security" for UNU-EHS.
      return skipping && offset < leftOutAt ? skipping : found;
    }
  }
  return skipping;
}

/**
 * Where the first word that gives no letter, between two that do, starts in `subject`; -1 if none.
 * Small words and the ones names often leave out aside ("Bank of America", "Organization for
 * Standardization").
 */
function leftOutWord(subject: string, start: number, positions: readonly number[]): number {
  const pattern = /\S+/g;
  pattern.lastIndex = start;
  const last = Math.max(...positions);
  for (let word = pattern.exec(subject); word && word.index < last; word = pattern.exec(subject)) {
    const from = word.index;
    const to = from + word[0].length;
    if (positions.some((at) => at >= from && at < to)) continue;
    const bare = word[0].toLowerCase().replace(/[^a-z]/g, '');
    if (bare && !SMALL_WORDS.has(bare) && !SKIPPABLE_WORDS.has(bare)) return from;
  }
  return -1;
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
export const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

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
export function matchRightToLeft(
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

/**
 * A name whose initials are the short form's letters in another order, as for a short form taken
 * from the name in another language: "Revolutionary Armed Forces of Colombia (FARC)", "National
 * Liberation Army (ELN)", "United Nations Observer Mission in Angola (MONUA)". Only for a short form
 * in capitals of three to eight letters, and a name of capitalised words, one for each letter, with
 * nothing but small words between them.
 */
export function reorderedLongForm(short: string, before: string): LongForm | null {
  if (!/^[A-Z]{3,8}$/.test(short)) return null;
  const words = [...before.matchAll(/\S+/g)];
  const initials: string[] = [];
  let from = -1;
  for (let i = words.length - 1; i >= 0 && initials.length < short.length; i--) {
    const word = words[i] as RegExpMatchArray;
    const text = word[0];
    if (SMALL_WORDS.has(text) || SKIPPABLE_WORDS.has(text)) continue;
    if (!/^[A-Z][a-z]+[,.]?$/.test(text) || (i < words.length - 1 && /[,.]$/.test(text))) return null;
    initials.push(text[0] as string);
    from = word.index ?? 0;
  }
  if (initials.length !== short.length) return null;
  const sorted = (letters: string[]) => letters.sort().join('');
  if (sorted(initials) !== sorted([...short])) return null;
  const text = before.slice(from).replace(/[,.]$/, '');
  return { text, offset: from };
}

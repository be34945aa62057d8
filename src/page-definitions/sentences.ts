/**
 * Where a sentence ends, and the sentence before a parenthesis: a long form never reaches back over a
 * sentence's end, and is looked for within that sentence only.
 */
import { isLetter, isSpace, isUpper } from './char-kinds';

/** How far before a parenthesis a long form may start, in code units. */
const LONG_FORM_REACH = 400;

/** The text of the sentence before a position (at most LONG_FORM_REACH back), and where it starts. */
export function sentenceBefore(text: string, at: number): { text: string; start: number } {
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
      // "prostaglandin E(2)", "poly(A)-binding protein", "c-Jun NH(2)-terminal kinase": a small group
      // inside a word is part of it.
      if (group > limit && group > 0 && start - group <= 14 && insideWord(text, group, start)) {
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

/**
 * Is the group from `open` to `end` (just after its ")") part of the word before it: written onto a
 * letter, and holding a number or charge ("E(2)", "Ca(2+)"), a lower-case part ("bis(phenyl)",
 * "participant(s)") or one capital ("poly(A)")? Anything more is a short form written onto its long
 * form ("clozapine(CLP)"), which ends the long form looked for.
 */
function insideWord(text: string, open: number, end: number): boolean {
  return isLetter(text[open - 1]) && WORD_PART_GROUP.test(text.slice(open, end));
}

const WORD_PART_GROUP = /^\((?:[0-9.+-]+|[a-z][a-z0-9-]*|[A-Z])\)$/;

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

/**
 * The glossary's aliases as a lookup by first word, in plain strings: built once (by the background,
 * when a glossary or a setting changes), stored, and read by every page without being compiled there.
 *
 * A page's text is cut into words natively (a regex `match`, a `Set`), and only the words that begin
 * some alias are looked at closer; aliases that begin with something other than a word character
 * (Hangul, Chinese, a symbol) are found by their first character. Nothing here grows a page's
 * start-up with the size of the glossary: the strings are split only when a page needs them.
 */
import { aliasForm, normalAliasText } from './alias-form';
import { aliasKey } from './alias-key';
import {
  isApostrophe,
  isHangulUnit,
  isSeparatorUnit,
  isSlash,
  isWordUnit,
  keyOf,
  WORD_CLASS,
} from './characters';
import { titleCaseIsEnglishWord } from './english-words';

/** Bumped whenever the shape or the meaning of this data changes. */
export const MATCH_INDEX_FORMAT = 3;

export interface MatchIndexData {
  format: typeof MATCH_INDEX_FORMAT;
  /** Distinct aliases. */
  aliasCount: number;
  /** The entries' ids, one line each: an alias's owner is a line number. */
  entryIds: string;
  /**
   * Every alias, one line each, worked out here so that a page only splits it: entry number, `c`
   * (case-sensitive) or `i`, normal form, leading punctuation, required words, finder pattern, joined
   * by tabs (see `readAliasLine`).
   */
  aliases: string;
  /** First-word keys, sorted (code-unit order), each between newlines: "\nkey\nkey\n". */
  wordKeys: string;
  /** For each word key, in the same order, its aliases' numbers, comma-separated, one line each. */
  wordLists: string;
  /** First characters (key units) of the aliases that do not begin with a word character, sorted. */
  charKeys: string;
  /** For each of those characters, its aliases' numbers, one line each. */
  charLists: string;
  /**
   * Who owns each alias key (`aliasKey`), for the page's own definitions ("also defined on this
   * page"): "\n<key>\t<entry number>\n…". Read with `indexOf` on the rare lookup, never split.
   */
  ownerKeys: string;
}

/** An alias ready for the index: its owner (a line of `entryIds`), text and case rule. */
export interface IndexedAlias {
  entry: number;
  text: string;
  caseSensitive: boolean;
  /**
   * Marked only in context: written as an "a" after the case flag. A "w" there says that the
   * acronym's title case is a common English word, so only its capitals are read.
   */
  ambiguous?: boolean;
}

/**
 * Builds the index. Aliases are given in the order they take priority (an alias listed earlier wins a
 * tie); the caller has already decided which entry owns which alias (`ownedAliases`).
 */
export function buildMatchIndex(
  entryIds: readonly string[],
  aliases: readonly IndexedAlias[],
): MatchIndexData {
  const builder = new MatchIndexBuilder(entryIds);
  for (const alias of aliases) builder.add(alias);
  return builder.finish();
}

/** `buildMatchIndex` an alias at a time, for a caller that pauses between slices of a large glossary. */
export class MatchIndexBuilder {
  private readonly lines: string[] = [];
  private readonly seen = new Set<string>();
  private readonly byWord = new Map<string, number[]>();
  private readonly byChar = new Map<string, number[]>();
  private readonly owners = new Map<string, number>();

  constructor(private readonly entryIds: readonly string[]) {}

  add(alias: IndexedAlias): void {
    const key = aliasKey(alias.text);
    if (key && !this.owners.has(key)) this.owners.set(key, alias.entry);
    const normal = normalAliasText(alias.text);
    // A NUL never occurs in an alias: the scanner puts one between runs of text that do not join.
    if (!normal || normal.includes('\u0000') || normal.includes('\n')) return;
    const flag = `${alias.caseSensitive ? 'c' : 'i'}${alias.ambiguous ? 'a' : ''}${
      alias.caseSensitive && titleCaseIsEnglishWord(normal) ? 'w' : ''
    }`;
    const identity = `${alias.entry} ${flag}${normal}`;
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    const id = this.lines.length;
    const lead = leadingPunctuation(normal);
    const body = normal.slice(lead);
    this.lines.push(
      [
        alias.entry,
        flag,
        normal,
        lead,
        requiredWords(body).join(' '),
        body && isWordUnit(body.charCodeAt(0)) ? finderPattern(body) : '',
      ].join('\t'),
    );
    const heads = firstWordKeys(body);
    if (heads.length === 0) addTo(this.byChar, keyOf(normal[0] as string), id);
    for (const head of heads) addTo(this.byWord, head, id);
  }

  finish(): MatchIndexData {
    const { byWord, byChar, owners } = this;
    const words = [...byWord.keys()].sort();
    const chars = [...byChar.keys()].sort();
    return {
      format: MATCH_INDEX_FORMAT,
      aliasCount: this.lines.length,
      entryIds: this.entryIds.join('\n'),
      aliases: this.lines.join('\n'),
      wordKeys: words.length ? `\n${words.join('\n')}\n` : '\n',
      wordLists: words.map((word) => (byWord.get(word) as number[]).join(',')).join('\n'),
      charKeys: chars.join(''),
      charLists: chars.map((ch) => (byChar.get(ch) as number[]).join(',')).join('\n'),
      ownerKeys: owners.size
        ? `\n${[...owners].map(([key, entry]) => `${key}\t${entry}`).join('\n')}\n`
        : '\n',
    };
  }
}

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== id) list.push(id);
  } else map.set(key, [id]);
}

/**
 * The keys a page word must have for the alias to begin with it: the alias's first word, and where
 * the words after it are joined by slash runs (which may be absent in the text: "A2/AD", "A2AD"), each
 * longer word those joins make. Empty for an alias that does not begin with a word character.
 */
export function firstWordKeys(normal: string): string[] {
  const keys: string[] = [];
  let word = '';
  let i = 0;
  for (;;) {
    const start = i;
    while (i < normal.length && isWordUnit(normal.charCodeAt(i))) i++;
    if (i === start) break;
    word += normal.slice(start, i);
    keys.push(keyOf(word));
    // Only a slash run may vanish between two words; a word is over at anything else.
    if (i >= normal.length || !isSlash(normal.charCodeAt(i))) break;
    i++;
  }
  return keys;
}

/**
 * How many punctuation marks stand before an alias's first word ('"unfriendly"', '“unfriendly”'): such
 * an alias is found by that word, like any other, and checked from the marks on. 0 when the alias
 * begins with a word, or with something that is not punctuation (Hangul, Chinese, a separator).
 */
export function leadingPunctuation(normal: string): number {
  let lead = 0;
  while (lead < normal.length) {
    const code = normal.charCodeAt(lead);
    if (isWordUnit(code)) return lead;
    // Only marks that stand for themselves, one unit each (a separator may be a run of any length).
    if (isHangulUnit(code) || isSeparatorUnit(code) || code >= 0x2e80) return 0;
    lead++;
  }
  return 0;
}

/**
 * The words (as keys) that must all be words of a text for the alias to be in it, its first word
 * aside: every word of the alias but one next to a slash run, which may join it to its neighbour
 * ("A2/AD" is written "A2AD" too).
 */
export function requiredWords(normal: string): string[] {
  const words: string[] = [];
  let i = 0;
  let first = true;
  while (i < normal.length) {
    if (!isWordUnit(normal.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < normal.length && isWordUnit(normal.charCodeAt(i))) i++;
    const joined = isSlash(normal.charCodeAt(start - 1)) || isSlash(normal.charCodeAt(i));
    if (!first && !joined) words.push(keyOf(normal.slice(start, i)));
    first = false;
  }
  return words;
}

/** Spaces, hyphens and dashes: a run of one or more, where an alias has a space. */
const SPACE_RUN = '[\\s\\u2010-\\u2013-]+';
/** Where an alias has a slash: any run of those and slashes, or none. */
const SLASH_RUN = '[\\s/\\uff0f\\u2010-\\u2013-]*';
const APOSTROPHE = "['\\u2018\\u2019\\u02bc]";
/** A finder pattern covers at most this many units of an alias. */
const FINDER_UNITS = 24;

/**
 * What finds an alias's place in a text, as regex source for a case-insensitive search: its text from
 * its first word to the end of its second ("new Cold" of "new Cold War"; "U.S" of "U.S. Forces Korea"),
 * so that a common first word alone ("new", "one") makes no place to check. Word edges are asserted
 * where the alias has them. Written folded, for a case-insensitive search; broader than the alias (the
 * check that follows decides).
 */
export function finderPattern(normal: string): string {
  let out = '';
  let words = 0;
  let i = 0;
  const edge = (code: number) => (code < 0x80 ? '\\b' : `(?![${WORD_CLASS}])`);
  const start = normal.charCodeAt(0);
  out += start < 0x80 ? '\\b' : `(?<![${WORD_CLASS}])`;
  while (i < normal.length && i < FINDER_UNITS) {
    const code = normal.charCodeAt(i);
    if (isWordUnit(code)) {
      const from = i;
      while (i < normal.length && isWordUnit(normal.charCodeAt(i))) i++;
      out += escapeWord(keyOf(normal.slice(from, i)));
      words++;
      const next = normal.charCodeAt(i);
      // A word ends where a space, a mark or the alias ends; a slash may join it to the next one.
      if (i >= normal.length || !isSlash(next)) {
        if (words === 2 || i >= normal.length) return out + edge(normal.charCodeAt(i - 1));
      }
      continue;
    }
    if (code === 0x20) out += SPACE_RUN;
    else if (isSlash(code)) out += SLASH_RUN;
    else if (isApostrophe(code)) out += APOSTROPHE;
    else {
      // Hangul, a period, any other mark: itself. What follows it decides no more.
      out += escapeUnit(keyOf(normal[i] as string).charCodeAt(0));
      if (!isWordUnit(normal.charCodeAt(i + 1))) return out;
    }
    i++;
  }
  return out;
}

function escapeWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += escapeUnit(word.charCodeAt(i));
  return out;
}

function escapeUnit(code: number): string {
  const ch = String.fromCharCode(code);
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))
    return ch;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** An alias read back from a line of `MatchIndexData.aliases`. */
export interface IndexedForm {
  entry: number;
  form: ReturnType<typeof aliasForm>;
  /** Punctuation before its first word (see `leadingPunctuation`). */
  lead: number;
  /** Marked only in context (see the glossary model's `ambiguous`). */
  ambiguous: boolean;
  /** Words the text must also have (see `requiredWords`). */
  required: readonly string[];
  /** Regex source that finds where it may stand, from its first word (see `finderPattern`). */
  finder: string;
}

export function readAliasLine(line: string): IndexedForm {
  const [entry, flag, normal, lead, required, finder] = line.split('\t') as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    entry: Number(entry),
    form: aliasForm(normal, flag[0] === 'c', !flag.includes('w')),
    lead: Number(lead),
    ambiguous: flag.includes('a'),
    required: required ? required.split(' ') : [],
    finder,
  };
}

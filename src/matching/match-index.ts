/**
 * Finds the mentions of a glossary in text, from its `MatchIndexData`. Most of the work is done by the
 * browser's native string functions; JavaScript runs only where a word of the text begins an alias.
 *
 * Per text: (1) its words (one regex `match`), their folded forms (joined, `toLowerCase()`d once and
 * split) and which of those begin an alias (`Set.prototype.intersection`); (2) aliases whose other
 * words are not words of the text are dropped; (3) where the remaining words stand, by a small
 * case-insensitive regex of just those words; (4) at each such place, and where a character that
 * begins a non-word alias stands, every alias of that word is checked in the text itself, and the one
 * that reaches furthest wins. Matches are taken leftmost first and never overlap.
 *
 * The whole text is never lower-cased: for the two-byte strings most pages have (one curly quote is
 * enough), native `toLowerCase()` costs more than all the rest. Only a text with one of the few
 * letters that the `i` flag folds otherwise than lower case does ("İ", "Ⱥ", "Ⱦ", "ϴ") is folded whole
 * (`keyText`), and searched that way.
 */
import { aliasEnd, leftBoundaryAt, readInTitleCase } from './alias-form';
import { aliasKey } from './alias-key';
import { isWordUnit, keyText, WORD_CLASS, WORD_RUNS } from './characters';
import { type IndexedForm, type MatchIndexData, readAliasLine } from './match-index-data';

export interface Matcher {
  /** Number of distinct aliases it matches. */
  readonly size: number;
  /**
   * Calls `onMatch` for every mention in `text`, left to right, never overlapping. With `from` and
   * `to`: only mentions that start in [from, to), read as part of the whole text (a long text is
   * matched a window at a time). Returns where the last mention ends (`from` if none).
   */
  scan(text: string, onMatch: MatchCallback, from?: number, to?: number): number;
}

/** How a mention was read: a bit set of `MatchFlags`. */
export const MatchFlags = {
  /** In the title case of an acronym ("Thaad" for THAAD), which only some languages write. */
  Titled: 1,
  /** Through an alias with other meanings, marked only in context. */
  Ambiguous: 2,
} as const;

/** One mention: where it starts and ends, its entry, and how it was read (`MatchFlags`). */
export type MatchCallback = (start: number, end: number, entryId: string, flags: number) => void;

/** A window of a long text is read this far past its end, so that a mention that starts in it is whole. */
export const WINDOW_OVERLAP = 1000;

/** Below this many words a text is looked up word by word, without building the key `Set`. */
const FEW_WORDS = 24;
/** Words in any case. */
const WORDS_ANY_CASE = new RegExp(`[${WORD_CLASS}]+`, 'g');
/** Word characters whose lower case the `i` flag does not equate with them (see the module comment). */
const FOLD_WHOLE_TEXT = /[\u0130\u023a\u023e\u03f4]/;

export class MatchIndex implements Matcher {
  readonly size: number;
  /** Split on first use. */
  private aliasLines: string[] | null = null;
  private entryIdList: string[] | null = null;
  private entryNumbers: Map<string, number> | null = null;
  private wordKeyList: string[] | null = null;
  private wordListLines: string[] | null = null;
  private charListLines: string[] | null = null;
  private wordKeySet: Set<string> | null = null;
  private charFinder: RegExp | null = null;
  /** Whether a text may hold a first character at all: one range from the lowest to the highest. */
  private charRange: RegExp | null = null;
  private readonly aliases = new Map<number, IndexedForm>();
  /** Alias numbers per word key or first character, as read so far. */
  private readonly lists = new Map<string, readonly number[]>();
  private lastWordsFinder: { words: string; regex: RegExp } | null = null;

  constructor(private readonly data: MatchIndexData) {
    this.size = data.aliasCount;
  }

  scan(text: string, onMatch: MatchCallback, from = 0, to = text.length): number {
    if (this.size === 0 || text.length === 0 || from >= to) return from;
    // The part of the text places are looked for in (all of it, or a window and its overlap).
    const part =
      from === 0 && to >= text.length ? text : text.slice(from, Math.min(text.length, to + WINDOW_OVERLAP));
    // Rare letters aside, words are found in the text as it is, and placed case-insensitively.
    const folded = FOLD_WHOLE_TEXT.test(part) ? keyText(part) : null;
    const subject = folded ?? part;
    // Places to look, and the aliases to try at each.
    const places: number[] = [];
    const placeAliases: (readonly number[])[] = [];
    let sorted = true;
    const words = this.data.wordKeys.length > 1 ? subject.match(folded ? WORD_RUNS : WORDS_ANY_CASE) : null;
    if (words) {
      const possible = this.possibleAliases(words, folded === null);
      if (possible.size) sorted = this.findWords(subject, possible, places, placeAliases);
    }
    const byWord = places.length;
    if (this.data.charKeys) this.findChars(subject, folded === null, places, placeAliases);
    // Each list is in order on its own; merge them when both found something.
    const order = !sorted || (byWord > 0 && places.length > byWord) ? sortedOrder(places) : null;
    let lastEnd = from;
    for (let n = 0; n < places.length; n++) {
      const i = order ? (order[n] as number) : n;
      const at = (places[i] as number) + from;
      if (at >= to) break;
      // The finders know only word characters; Hangul before a place is no boundary either.
      if (at < lastEnd || at < 0 || !leftBoundaryAt(text, at)) continue;
      let bestEnd = -1;
      let bestEntry = -1;
      let bestAlias: IndexedForm | null = null;
      for (const id of placeAliases[i] as readonly number[]) {
        const alias = this.alias(id);
        const end = aliasEnd(alias.form, text, at);
        if (end > bestEnd) {
          bestEnd = end;
          bestEntry = alias.entry;
          bestAlias = alias;
        }
      }
      if (bestEnd > at && bestAlias) {
        this.entryIdList ??= this.data.entryIds.split('\n');
        const flags =
          (readInTitleCase(bestAlias.form, text, at) ? MatchFlags.Titled : 0) |
          (bestAlias.ambiguous ? MatchFlags.Ambiguous : 0);
        onMatch(at, bestEnd, this.entryIdList[bestEntry] as string, flags);
        lastEnd = bestEnd;
      }
    }
    return lastEnd;
  }

  /** An entry's number (its line in the index's entry ids), or -1. */
  entryNumber(id: string): number {
    if (!this.entryNumbers) {
      this.entryIdList ??= this.data.entryIds.split('\n');
      this.entryNumbers = new Map(this.entryIdList.map((entryId, number) => [entryId, number]));
    }
    return this.entryNumbers.get(id) ?? -1;
  }

  /** The entry that owns an alias with the key of `text` ("KAMD", "Kamd"…), if any. */
  ownerOf(text: string): string | undefined {
    const key = aliasKey(text);
    if (!key || key.includes('\n') || key.includes('\t')) return undefined;
    const owners = this.data.ownerKeys;
    const at = owners.indexOf(`\n${key}\t`);
    if (at < 0) return undefined;
    const from = at + key.length + 2;
    const entry = Number(owners.slice(from, owners.indexOf('\n', from)));
    this.entryIdList ??= this.data.entryIds.split('\n');
    return this.entryIdList[entry];
  }

  /**
   * The words of a text (folded) that begin an alias which may be in it (every other word it needs is
   * a word of the text too), each with those aliases grouped by how much punctuation comes before the
   * word. `raw`: the words are as the text has them, not folded yet.
   */
  private possibleAliases(words: string[], raw: boolean): Map<string, Map<number, number[]>> {
    let has: (word: string) => boolean;
    let hits: Iterable<string>;
    if (!this.wordKeySet && words.length < FEW_WORDS) {
      // A few words (a short line, a caption): look each up in the key string; no Set to build.
      const folded = raw ? words.map(foldWord) : words;
      const keys = this.data.wordKeys;
      hits = folded.filter((word, i) => folded.indexOf(word) === i && keys.includes(`\n${word}\n`));
      has = (word) => folded.includes(word);
    } else {
      this.wordKeySet ??= new Set(this.data.wordKeys.slice(1, -1).split('\n'));
      // Each distinct word folded once, natively: joined, lower-cased and split again.
      const pageWords = raw ? new Set(foldWords([...new Set(words)].join('\n')).split('\n')) : new Set(words);
      const keySet = this.wordKeySet;
      const intersect = (keySet as SetMethods).intersection;
      // Set.prototype.intersection: Chrome 122, Firefox 127; both sets stay native.
      hits =
        typeof intersect === 'function'
          ? intersect.call(keySet, pageWords)
          : [...pageWords].filter((word) => keySet.has(word));
      has = (word) => pageWords.has(word);
    }
    const possible = new Map<string, Map<number, number[]>>();
    for (const word of hits) {
      if (possible.has(word)) continue;
      let groups: Map<number, number[]> | undefined;
      for (const id of this.listOf(`w${word}`)) {
        const alias = this.alias(id);
        if (!alias.required.every(has)) continue;
        groups ??= new Map();
        const group = groups.get(alias.lead);
        if (group) group.push(id);
        else groups.set(alias.lead, [id]);
      }
      if (groups) possible.set(word, groups);
    }
    return possible;
  }

  /**
   * Every place where a possible word stands as a whole word (minus the punctuation its aliases start
   * with). Returns false when those places may be out of order (some alias starts before its word).
   */
  private findWords(
    subject: string,
    possible: Map<string, Map<number, number[]>>,
    places: number[],
    placeAliases: (readonly number[])[],
  ): boolean {
    const patterns = new Set<string>();
    for (const groups of possible.values()) {
      for (const ids of groups.values()) for (const id of ids) patterns.add(this.alias(id).finder);
    }
    // Longest first: `\\b` knows only ASCII, so "a" could match the start of "aİ" before "aİ" is tried.
    const sources = [...patterns].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const joined = sources.join('\n');
    let finder = this.lastWordsFinder;
    if (finder?.words !== joined) {
      finder = { words: joined, regex: new RegExp(sources.join('|'), 'gi') };
      this.lastWordsFinder = finder;
    }
    let inOrder = true;
    const regex = finder.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(subject); match; match = regex.exec(subject)) {
      const at = match.index;
      // The next place may start inside this one ("new Cold War", "Cold War 2.0").
      regex.lastIndex = at + 1;
      const groups = possible.get(foldWord(leadingWord(match[0])));
      if (!groups) continue;
      for (const [lead, ids] of groups) {
        if (lead > 0) inOrder = false;
        places.push(at - lead);
        placeAliases.push(ids);
      }
    }
    return inOrder;
  }

  /** Every place where a character that begins a non-word alias stands. */
  private findChars(
    subject: string,
    anyCase: boolean,
    places: number[],
    placeAliases: (readonly number[])[],
  ): void {
    const keys = this.data.charKeys;
    const cased = anyCase && keys.toLowerCase() !== keys.toUpperCase();
    // Hangul and Chinese have no case: the text as it is. Cased first characters: its folded form.
    const text = cased ? keyText(subject) : subject;
    // A page in English has none of the Hangul and Chinese first characters: one range test says so,
    // faster than looking for each of them.
    this.charRange ??= new RegExp(
      `[${escapeClass(keys[0] as string)}-${escapeClass(keys[keys.length - 1] as string)}]`,
    );
    if (!this.charRange.test(text)) return;
    this.charFinder ??= new RegExp(`[${escapeClass(keys)}]`, 'g');
    const finder = this.charFinder;
    finder.lastIndex = 0;
    for (let match = finder.exec(text); match; match = finder.exec(text)) {
      places.push(match.index);
      placeAliases.push(this.listOf(`c${match[0]}`));
    }
  }

  private listOf(key: string): readonly number[] {
    let list = this.lists.get(key);
    if (list) return list;
    const word = key.charCodeAt(0) === 0x77; /* w */
    const name = key.slice(1);
    let line: string | undefined;
    if (word) {
      this.wordKeyList ??= this.data.wordKeys.slice(1, -1).split('\n');
      this.wordListLines ??= this.data.wordLists.split('\n');
      const at = binarySearch(this.wordKeyList, name);
      line = at >= 0 ? this.wordListLines[at] : undefined;
    } else {
      this.charListLines ??= this.data.charLists.split('\n');
      const at = this.data.charKeys.indexOf(name);
      line = at >= 0 ? this.charListLines[at] : undefined;
    }
    list = line ? line.split(',').map(Number) : [];
    this.lists.set(key, list);
    return list;
  }

  private alias(id: number): IndexedForm {
    let alias = this.aliases.get(id);
    if (!alias) {
      this.aliasLines ??= this.data.aliases.split('\n');
      alias = readAliasLine(this.aliasLines[id] as string);
      this.aliases.set(id, alias);
    }
    return alias;
  }
}

interface SetMethods {
  intersection?: (this: Set<string>, other: Set<string>) => Set<string>;
}

function binarySearch(sorted: readonly string[], wanted: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = sorted[mid] as string;
    if (value === wanted) return mid;
    if (value < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Indices of `values` in ascending order of value (stable). */
function sortedOrder(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}

/** The word a match begins with. */
function leadingWord(match: string): string {
  let end = 0;
  while (end < match.length && isWordUnit(match.charCodeAt(end))) end++;
  return match.slice(0, end);
}

/** A word as its key: folded (lower case, σ for ς; a word with İ, Ⱥ or Ⱦ unit by unit). */
function foldWord(word: string): string {
  return foldWords(word);
}

/** Words (or a text of words joined by newlines) as keys: see `foldWord`. */
function foldWords(words: string): string {
  const lower = words.toLowerCase();
  if (lower.length !== words.length || FOLD_WHOLE_TEXT.test(words)) return keyText(words);
  return lower.includes('\u03c2') ? lower.replace(/\u03c2/g, '\u03c3') : lower;
}

function escapeClass(chars: string): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) out += `\\u${chars.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

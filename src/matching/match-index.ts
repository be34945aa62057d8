/**
 * Finds the mentions of a glossary in text, from its `MatchIndexData`. Most of the work is done by the
 * browser's native string functions; JavaScript runs only where a word of the text begins an alias.
 *
 * Per text: (1) its key text (`keyText`: case folded at the same offsets, by `toLowerCase()`); (2) its
 * words (`match`), and which of them begin an alias (`Set.prototype.intersection`); (3) where those
 * words stand, by a small regex of just those words; (4) at each such place, and where a character
 * that begins a non-word alias stands, every alias of that word is checked, and the one that reaches
 * furthest wins. Matches are taken leftmost first and never overlap.
 */
import { type AliasForm, aliasEnd, leftBoundaryAt } from './alias-form';
import { aliasKey } from './alias-key';
import { isWordUnit, keyText, WORD_CLASS, WORD_RUNS } from './characters';
import { type MatchIndexData, readAliasLine } from './match-index-data';

export interface Matcher {
  /** Number of distinct aliases it matches. */
  readonly size: number;
  /** Calls `onMatch` for every mention in `text`, left to right, never overlapping. */
  scan(text: string, onMatch: (start: number, end: number, entryId: string) => void): void;
}

/** Below this many words a text is looked up word by word, without building the key `Set`. */
const FEW_WORDS = 24;

interface CachedAlias {
  entry: number;
  form: AliasForm;
}

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
  private readonly aliases = new Map<number, CachedAlias>();
  /** Alias numbers per word key or first character, as read so far. */
  private readonly lists = new Map<string, readonly number[]>();
  private lastWordsFinder: { words: string; regex: RegExp } | null = null;

  constructor(private readonly data: MatchIndexData) {
    this.size = data.aliasCount;
  }

  scan(text: string, onMatch: (start: number, end: number, entryId: string) => void): void {
    if (this.size === 0 || text.length === 0) return;
    const keys = keyText(text);
    // Places to look: [position, list key] pairs, from words and from first characters.
    const places: number[] = [];
    const placeKeys: string[] = [];
    const words = this.data.wordKeys.length > 1 ? keys.match(WORD_RUNS) : null;
    if (words) {
      const hits = this.wordsThatBeginAliases(words);
      if (hits.length) this.findWords(keys, hits, places, placeKeys);
    }
    const byWord = places.length;
    if (this.data.charKeys) this.findChars(keys, places, placeKeys);
    // Both lists are in order on their own; merge them when both found something.
    const order = byWord > 0 && places.length > byWord ? sortedOrder(places) : null;
    let lastEnd = 0;
    for (let n = 0; n < places.length; n++) {
      const i = order ? (order[n] as number) : n;
      const at = places[i] as number;
      // The word finder only knows word characters; Hangul before a place is no boundary either.
      if (at < lastEnd || !leftBoundaryAt(text, at)) continue;
      let bestEnd = -1;
      let bestEntry = -1;
      for (const id of this.listOf(placeKeys[i] as string)) {
        const alias = this.alias(id);
        const end = aliasEnd(alias.form, text, at);
        if (end > bestEnd) {
          bestEnd = end;
          bestEntry = alias.entry;
        }
      }
      if (bestEnd > at) {
        this.entryIdList ??= this.data.entryIds.split('\n');
        onMatch(at, bestEnd, this.entryIdList[bestEntry] as string);
        lastEnd = bestEnd;
      }
    }
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

  /** The distinct words of a text that begin some alias, in key form. */
  private wordsThatBeginAliases(words: string[]): string[] {
    if (!this.wordKeySet && words.length < FEW_WORDS) {
      // A few words (a short line, a caption): look each up in the key string; no Set to build.
      const keys = this.data.wordKeys;
      const hits: string[] = [];
      for (const word of words) if (!hits.includes(word) && keys.includes(`\n${word}\n`)) hits.push(word);
      return hits;
    }
    this.wordKeySet ??= new Set(this.data.wordKeys.slice(1, -1).split('\n'));
    const pageWords = new Set(words);
    const keySet = this.wordKeySet;
    const intersect = (keySet as SetMethods).intersection;
    // Set.prototype.intersection: Chrome 122, Firefox 127; both sets stay native.
    if (typeof intersect === 'function') return [...intersect.call(keySet, pageWords)];
    const hits: string[] = [];
    for (const word of pageWords) if (keySet.has(word)) hits.push(word);
    return hits;
  }

  /** Every place where one of `hits` stands as a whole word. */
  private findWords(keys: string, hits: string[], places: number[], placeKeys: string[]): void {
    hits.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const joined = hits.join('\n');
    let finder = this.lastWordsFinder;
    if (finder?.words !== joined) {
      const alternatives = hits.map(escapeRegExp).join('|');
      finder = {
        words: joined,
        regex: new RegExp(`(?<![${WORD_CLASS}])(?:${alternatives})(?![${WORD_CLASS}])`, 'g'),
      };
      this.lastWordsFinder = finder;
    }
    const regex = finder.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(keys); match; match = regex.exec(keys)) {
      places.push(match.index);
      placeKeys.push(`w${match[0]}`);
    }
  }

  /** Every place where a character that begins a non-word alias stands. */
  private findChars(keys: string, places: number[], placeKeys: string[]): void {
    this.charFinder ??= new RegExp(`[${escapeClass(this.data.charKeys)}]`, 'g');
    const finder = this.charFinder;
    finder.lastIndex = 0;
    for (let match = finder.exec(keys); match; match = finder.exec(keys)) {
      places.push(match.index);
      placeKeys.push(`c${match[0]}`);
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

  private alias(id: number): CachedAlias {
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

function escapeRegExp(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Keys are words: letters, digits and `_`; anything else is written as an escape.
    out += isWordUnit(code) && code < 0x80 ? text[i] : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

function escapeClass(chars: string): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) out += `\\u${chars.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

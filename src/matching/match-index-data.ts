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
import { isSlash, isWordUnit, keyOf } from './characters';

/** Bumped whenever the shape or the meaning of this data changes. */
export const MATCH_INDEX_FORMAT = 1;

export interface MatchIndexData {
  format: typeof MATCH_INDEX_FORMAT;
  /** Distinct aliases. */
  aliasCount: number;
  /** The entries' ids, one line each: an alias's owner is a line number. */
  entryIds: string;
  /** Every alias: `<entry number> <c|i><normal form>` per line (c: case-sensitive). */
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
}

/**
 * Builds the index. Aliases are given in the order they take priority (an alias listed earlier wins a
 * tie); the caller has already decided which entry owns which alias (`ownedAliases`).
 */
export function buildMatchIndex(
  entryIds: readonly string[],
  aliases: readonly IndexedAlias[],
): MatchIndexData {
  const lines: string[] = [];
  const seen = new Set<string>();
  const byWord = new Map<string, number[]>();
  const byChar = new Map<string, number[]>();
  const owners = new Map<string, number>();
  const add = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== id) list.push(id);
    } else map.set(key, [id]);
  };
  for (const alias of aliases) {
    const key = aliasKey(alias.text);
    if (key && !owners.has(key)) owners.set(key, alias.entry);
    const normal = normalAliasText(alias.text);
    // A NUL never occurs in an alias: the scanner puts one between runs of text that do not join.
    if (!normal || normal.includes('\u0000') || normal.includes('\n')) continue;
    const record = `${alias.entry} ${alias.caseSensitive ? 'c' : 'i'}${normal}`;
    if (seen.has(record)) continue;
    seen.add(record);
    const id = lines.length;
    lines.push(record);
    const heads = firstWordKeys(normal);
    if (heads.length === 0) add(byChar, keyOf(normal[0] as string), id);
    for (const head of heads) add(byWord, head, id);
  }
  const words = [...byWord.keys()].sort();
  const chars = [...byChar.keys()].sort();
  return {
    format: MATCH_INDEX_FORMAT,
    aliasCount: lines.length,
    entryIds: entryIds.join('\n'),
    aliases: lines.join('\n'),
    wordKeys: words.length ? `\n${words.join('\n')}\n` : '\n',
    wordLists: words.map((word) => (byWord.get(word) as number[]).join(',')).join('\n'),
    charKeys: chars.join(''),
    charLists: chars.map((ch) => (byChar.get(ch) as number[]).join(',')).join('\n'),
    ownerKeys: owners.size ? `\n${[...owners].map(([key, entry]) => `${key}\t${entry}`).join('\n')}\n` : '\n',
  };
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

/** The alias with its owner, read back from a line of `MatchIndexData.aliases`. */
export function readAliasLine(line: string): { entry: number; form: ReturnType<typeof aliasForm> } {
  const space = line.indexOf(' ');
  return {
    entry: Number(line.slice(0, space)),
    form: aliasForm(line.slice(space + 2), line.charCodeAt(space + 1) === 0x63 /* c */),
  };
}

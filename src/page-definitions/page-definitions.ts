/**
 * The abbreviations one page defines, as glossary entries of that page: each with its long form and
 * the sentence that defines it as a verbatim quote from "this page". A short form the reader's
 * glossaries already know is not a page term: that entry keeps it, and remembers that the page defines
 * it too ("also defined on this page").
 */
// Straight from the modules, not the glossary's index: this stays free of extension storage (the
// evaluation script runs it in Node).

import { browser } from 'wxt/browser';
import type { LibraryEntry } from '../glossary/library';
import type { Source } from '../glossary/model';
import { aliasKey } from '../matching/alias-key';
import type { MatchCallback, Matcher } from '../matching/match-index';
import type { RunReader } from '../page-scanning/text-scan';
import { isUpper } from './char-kinds';
import { mayDefineInWords } from './definitions-in-words';
import { findDefinitions } from './find-definitions';
import { endsSentence } from './sentences';
import { shownForm, withoutInvisible } from './shown-form';
import type { Definition } from './words';
import { singular } from './words';

export interface PageDefinition {
  short: string;
  long: string;
  /** The sentence that defines it, as the page has it (white space collapsed). */
  sentence: string;
}

const QUOTE_MAX = 400;
/**
 * How far a sentence is looked for around a definition. Past this much source text the sentence is too
 * long to quote anyway; without a bound, 100,000 definitions in one run with no full stop would each
 * walk the whole run.
 */
const SENTENCE_REACH = QUOTE_MAX * 2;
/**
 * The most terms one page may define. Real pages define tens; a page defining thousands is a list or a
 * hostile page, and past this the matcher's rebuilds would cost more than the terms are worth.
 */
export const PAGE_TERMS_MAX = 1_000;
export const PAGE_ENTRY_PREFIX = 'page:';
/** Document text is read for definitions this much at a time (as the scanner reads long runs). */
const LEARN_WINDOW = 4_000;

export class PageDefinitions implements RunReader {
  private readonly also = new Map<string, PageDefinition>();
  private readonly keys = new Set<string>();
  private termMatcher: Matcher | null = null;
  /** The matcher is rebuilt when asked for after a new term (once per run, not once per term). */
  private matcherStale = false;
  /** Terms a part of the page read ahead of its turn defines (see `readAhead`), by id. */
  private readonly aheadEntries = new Map<string, LibraryEntry>();

  /**
   * @param known the entry a short form already belongs to (reader's glossaries), if any
   * @param source the page as a source: its title and address
   * @param entries where the terms learnt are kept (a reader reading ahead keeps them in its page's)
   */
  constructor(
    private readonly known: (shortForm: string) => string | undefined,
    private readonly source: Source,
    private readonly entries = new Map<string, LibraryEntry>(),
  ) {}

  /**
   * A reader for one part of the page read before its turn (the block in the viewport, first): it
   * learns what that part defines and marks it in that part alone. The page's own pass, in page order,
   * learns it again, so no term is marked above its definition. Until then its entries are found here.
   */
  readAhead(): RunReader {
    return new PageDefinitions(this.known, this.source, this.aheadEntries);
  }

  /**
   * Reads a run of page text for definitions. Returns the offset each term defined in it may be marked
   * from (after its definition), or null when it defines nothing new.
   */
  readRun(text: string, from = 0, to = text.length): ReadonlyMap<string, number> | null {
    // Called for every run of text on the page: most have no parenthesis at all.
    if (from === 0 && !text.includes('(') && !text.includes('\uff08') && !mayDefineInWords(text)) return null;
    const definedAt = new Map<string, number>();
    for (const definition of findDefinitions(text, from, to)) this.add(definition, text, definedAt);
    return definedAt.size ? definedAt : null;
  }

  /**
   * Learns what a text not on the page defines (a document's pages not rendered yet), with that text's
   * own source (its page of the document). True if it taught a new term.
   */
  learn(text: string, source: Source): boolean {
    const before = this.entries.size;
    for (let from = 0; from < text.length; from += LEARN_WINDOW) {
      const to = Math.min(text.length, from + LEARN_WINDOW);
      for (const definition of findDefinitions(text, from, to)) this.add(definition, text, new Map(), source);
    }
    return this.entries.size > before;
  }

  /** A matcher of the page's terms (null until the page defines one). */
  get matcher(): Matcher | null {
    if (this.matcherStale) {
      this.matcherStale = false;
      this.termMatcher = exactTermMatcher([...this.entries.values()]);
    }
    return this.termMatcher;
  }

  entry(id: string): LibraryEntry | undefined {
    return this.entries.get(id) ?? this.aheadEntries.get(id);
  }

  /** The page's terms: in page order, then any read ahead that the page's pass has not reached. */
  list(): LibraryEntry[] {
    const ahead = [...this.aheadEntries.values()].filter((entry) => !this.entries.has(entry.id));
    return [...this.entries.values(), ...ahead];
  }

  /** The page's own definition of a term the glossaries already explain. */
  alsoDefined(entryId: string): PageDefinition | undefined {
    return this.also.get(entryId);
  }

  /**
   * A term first read on the page (its document as the source) and then in the document's text with a
   * closer source (its page): the entry takes the closer one.
   */
  private resource(id: string, source: Source): void {
    const entry = this.entries.get(id);
    if (entry && source !== this.source && entry.source === this.source)
      this.entries.set(id, { ...entry, source });
  }

  private add(
    definition: Definition,
    text: string,
    definedAt: Map<string, number>,
    source: Source = this.source,
  ): void {
    // "Copyright (C)": a one-character term would be marked at every such letter of the page ("written
    // in C", "vitamin C", "Appendix C"), explained as what one parenthesis said.
    if (definition.short.length < 2) return;
    const key = aliasKey(singular(definition.short));
    if (key && this.keys.has(key)) {
      this.resource(`${PAGE_ENTRY_PREFIX}${key}`, source);
      return;
    }
    if (!key || this.keys.size >= PAGE_TERMS_MAX) return;
    this.keys.add(key);
    const sentence = withoutInvisible(sentenceAround(text, definition.start, definition.end));
    const long = shownForm(definition.long, text);
    const page: PageDefinition = { short: definition.short, long, sentence };
    const owner = this.known(definition.short) ?? this.known(singular(definition.short));
    if (owner) {
      if (!this.also.has(owner)) this.also.set(owner, page);
      return;
    }
    const short = singular(definition.short);
    const id = `${PAGE_ENTRY_PREFIX}${key}`;
    const aliases = [{ text: short, lang: 'en', caseSensitive: true }];
    if (isUpper(short[short.length - 1]))
      aliases.push({ text: `${short}s`, lang: 'en', caseSensitive: true });
    this.entries.set(id, {
      id,
      localId: id,
      packId: 'page',
      term: short,
      expansion: long,
      aliases,
      category: 'concept',
      explanation: definesText(short, long),
      quotes: [{ text: sentence }],
      related: [],
      source,
    });
    definedAt.set(id, definition.end);
    this.matcherStale = true;
  }
}

/**
 * "This page defines SF as “Long Form”." in the reader's language. The browser's i18n is asked
 * directly, not through src/i18n, whose English messages would double the page script's size; the
 * English here is the same as assets/locales/en.json's `page_definesTerm` (a unit test checks it).
 */
export function definesText(short: string, long: string): string {
  try {
    const text = browser.i18n?.getMessage('page_definesTerm' as never, [short, long]);
    if (text) return text;
  } catch {
    // No i18n here (a unit test): English below.
  }
  return `This page defines ${short} as “${long}”.`;
}

/**
 * A matcher for the page's own short forms: exact, case-sensitive, one plain regex. The glossary's
 * matcher (case rules, variants, a prefix tree) costs milliseconds to build, and a page may define a
 * term in every paragraph; this one is rebuilt in microseconds. A Korean particle may follow.
 */
export function exactTermMatcher(entries: readonly LibraryEntry[]): Matcher {
  const owner = new Map<string, string>();
  for (const entry of entries)
    for (const alias of entry.aliases) if (!owner.has(alias.text)) owner.set(alias.text, entry.id);
  const texts = [...owner.keys()].sort((a, b) => b.length - a.length);
  const escaped = texts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A bare alternation of literals lets V8 skip ahead to candidates fast; the word edges (Latin letters
  // and digits, accents included: a Korean particle may follow) are checked in code, not lookarounds.
  const pattern = new RegExp(escaped.join('|'), 'g');
  const edge = /[A-Za-z0-9\u00C0-\u024F]/;
  const scan = (text: string, onMatch: MatchCallback, from = 0, to = text.length): number => {
    let lastEnd = from;
    if (texts.length === 0) return lastEnd;
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (edge.test(text[start - 1] ?? '') || edge.test(text[end] ?? '')) {
        // Not a word of its own ("KAMDX"): look again one character on.
        pattern.lastIndex = start + 1;
        continue;
      }
      const id = owner.get(match[0]);
      if (id) {
        // A page's own terms match as the page writes them: never a title-case reading.
        onMatch(start, end, id, 0);
        lastEnd = end;
      }
    }
    return lastEnd;
  };
  return { size: texts.length, scan };
}

/** The sentence of `text` holding [start, end): from the previous sentence end to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  const first = Math.max(0, start - SENTENCE_REACH);
  const last = Math.min(text.length, end + SENTENCE_REACH);
  let from = start;
  while (from > first && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < last && !endsSentence(text, to)) to++;
  // Reached the bound with no sentence end: too long to quote whole.
  const cut =
    (from === first && first > 0 && !endsSentence(text, first - 1)) ||
    (to === last && last < text.length && !endsSentence(text, last));
  if (to < text.length) to++;
  let sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (cut || sentence.length > QUOTE_MAX) {
    // Too long to quote whole: the definition itself, still verbatim.
    sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
  }
  return sentence;
}

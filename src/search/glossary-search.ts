/**
 * Searching the glossary from the popup: prefix and typo-tolerant full-text search (MiniSearch), then
 * ranked so that what the reader most likely means comes first: a term or alias typed in full, then a
 * term or alias it begins, then the best full-text score over expansion, explanation and quotes.
 *
 * MiniSearch (~7 kB gzipped, only in the popup) gives fuzzy matching over a radix tree that a
 * hand-written ranking would have to reimplement; the tiers on top make exact names win over a fuzzy
 * hit in a long explanation, which plain BM25 scoring does not guarantee.
 */
import MiniSearch from 'minisearch';
import type { GlossaryEntry } from '../glossary';

export type MatchedField = 'term' | 'alias' | 'expansion' | 'text';

export interface SearchHit {
  entry: GlossaryEntry;
  /** What the query matched best: shown so that "전작권" explains why OPCON is listed. */
  matched: MatchedField;
  /** The alias that matched, when that is why the entry is listed. */
  alias?: string;
}

interface IndexedEntry {
  id: string;
  term: string;
  aliases: string;
  expansion: string;
  explanation: string;
  quotes: string;
}

/** Case, accents and punctuation do not count: "a2ad", "A2/AD" and "a2-ad" are the same name. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export class GlossarySearch {
  private readonly index: MiniSearch<IndexedEntry>;
  private readonly entries = new Map<string, GlossaryEntry>();

  constructor(entries: readonly GlossaryEntry[]) {
    this.index = new MiniSearch<IndexedEntry>({
      fields: ['term', 'aliases', 'expansion', 'explanation', 'quotes'],
      storeFields: [],
      processTerm: (term) => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase(),
    });
    for (const entry of entries) this.entries.set(entry.id, entry);
    this.index.addAll(
      entries.map((entry) => ({
        id: entry.id,
        term: entry.term,
        aliases: entry.aliases.map((alias) => alias.text).join(' \n '),
        expansion: entry.expansion ?? '',
        explanation: entry.explanation,
        quotes: entry.quotes.map((quote) => quote.text).join(' \n '),
      })),
    );
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entries a query finds, best first; an empty query lists every entry by term. */
  search(query: string, limit = 50): SearchHit[] {
    const trimmed = query.trim();
    if (!trimmed) {
      return [...this.entries.values()]
        .sort((a, b) => a.term.localeCompare(b.term))
        .slice(0, limit)
        .map((entry) => ({ entry, matched: 'term' }));
    }
    const results = this.index.search(trimmed, {
      boost: { term: 8, aliases: 5, expansion: 4, explanation: 1, quotes: 0.5 },
      prefix: true,
      // One typo in four letters ("thad"), two from eight; short queries must be exact or a prefix.
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      combineWith: 'OR',
    });
    const wanted = normaliseName(trimmed);
    const ranked = results.map((result, order) => {
      const entry = this.entries.get(String(result.id)) as GlossaryEntry;
      const { tier, matched, alias } = nameTier(entry, wanted, result.match);
      return { entry, tier, matched, alias, order };
    });
    ranked.sort((a, b) => a.tier - b.tier || a.order - b.order);
    return ranked
      .slice(0, limit)
      .map(({ entry, matched, alias }) => (alias ? { entry, matched, alias } : { entry, matched }));
  }
}

function nameTier(
  entry: GlossaryEntry,
  wanted: string,
  match: Record<string, string[]>,
): { tier: number; matched: MatchedField; alias?: string } {
  if (wanted) {
    if (normaliseName(entry.term) === wanted) return { tier: 0, matched: 'term' };
    const exactAlias = entry.aliases.find((alias) => normaliseName(alias.text) === wanted);
    if (exactAlias) return { tier: 0, matched: 'alias', alias: exactAlias.text };
    if (entry.expansion && normaliseName(entry.expansion) === wanted)
      return { tier: 1, matched: 'expansion' };
    if (normaliseName(entry.term).startsWith(wanted)) return { tier: 2, matched: 'term' };
    const prefixAlias = entry.aliases.find((alias) => normaliseName(alias.text).startsWith(wanted));
    if (prefixAlias) return { tier: 2, matched: 'alias', alias: prefixAlias.text };
  }
  const fields = new Set(Object.values(match).flat());
  if (fields.has('term')) return { tier: 3, matched: 'term' };
  if (fields.has('aliases')) return { tier: 3, matched: 'alias' };
  if (fields.has('expansion')) return { tier: 3, matched: 'expansion' };
  return { tier: 3, matched: 'text' };
}

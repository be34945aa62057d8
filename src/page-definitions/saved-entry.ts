import { entryIdFor } from '../glossary/alias-for';
import type { LibraryEntry } from '../glossary/library';
import type { GlossaryEntry } from '../glossary/model';

/**
 * A page term as an entry of the reader's own glossary: it keeps the defining sentence as its quote,
 * and the page's title, address and the day it was saved as its source.
 */
export function toSavedEntry(entry: LibraryEntry, savedOn: Date): GlossaryEntry {
  const id = entryIdFor(entry.term);
  const date = savedOn.toISOString().slice(0, 10);
  return {
    id,
    term: entry.term,
    ...(entry.expansion ? { expansion: entry.expansion } : {}),
    aliases: entry.aliases.map((alias) => ({ ...alias })),
    category: entry.category,
    explanation: entry.explanation,
    quotes: entry.quotes.map((quote) => ({ ...quote })),
    related: [],
    source: { ...entry.source, date },
  };
}

/**
 * Plain-text citation of a quote: what "Copy citation" puts on the clipboard and what the attribution
 * line shows. Only fields the source record has are used; nothing is filled in.
 */
import type { Quote, Source } from '../glossary';

/** "30 September 2025" from "2025-09-30", written out in English so no locale changes it. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const month = months[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** Author, "Title", publisher, date — the parts the source has, in that order. */
export function attribution(source: Source): string {
  const parts = [
    source.author,
    `“${source.title}”`,
    source.publisher,
    source.date && formatDate(source.date),
  ];
  return parts.filter(Boolean).join(', ');
}

export function formatCitation(quote: Quote, source: Source): string {
  const lines = [`“${quote.text}”`, `— ${attribution(source)}${source.url ? '' : '.'}`];
  if (source.url) lines[1] += `. ${source.url}`;
  if (quote.section) lines.push(`(section: ${quote.section})`);
  return lines.join('\n');
}

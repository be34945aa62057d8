/**
 * Plain-text citation of a quote: what "Copy citation" puts on the clipboard and what the attribution
 * line shows. Only fields the source record has are used; nothing is filled in.
 */
import type { Quote, Source } from '../glossary';
import { t, uiLanguage } from '../i18n';

/**
 * "30 September 2025" (or "2025년 9월 30일") from "2025-09-30", in the interface's language. The date
 * is a calendar day, so it is read and written in UTC: no time zone moves it to the day before.
 */
export function formatDate(iso: string, locale = uiLanguage()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(day.getTime()) || day.getUTCDate() !== Number(match[3])) return iso;
  // English keeps the day first ("30 September 2025", as the sources write it), whatever the region.
  const tag = /^en(?:-|$)/i.test(locale) ? 'en-GB' : locale;
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
  } catch {
    // A tag Intl does not know.
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
  }
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
  if (quote.section) lines.push(t('popover_sectionCitation', quote.section));
  return lines.join('\n');
}

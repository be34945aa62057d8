/**
 * The glossary model: one schema for the built-in pack, imported packs and (later) the reader's own
 * entries. Everything that crosses a trust boundary (storage, imports) is parsed with these schemas.
 */
import * as v from 'valibot';
import { t } from '../i18n';

const nonEmpty = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, () => t('pack_notEmpty')),
);

/** BCP 47 language tag, e.g. "en", "ko", "zh-Hant". */
const languageTag = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, () => t('pack_languageTag')),
);

const isoDate = v.pipe(
  v.string(),
  v.isoDate(() => t('pack_dateFormat')),
  v.check(isRealDate, () => t('pack_realDate')),
);

/** `isoDate` checks the pattern only: 2025-02-30 passes it. */
function isRealDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

const httpsUrl = v.pipe(
  v.string(),
  v.url(() => t('pack_url')),
  v.startsWith('https://', () => t('pack_httpsUrl')),
);

/** Where an explanation comes from. A URL is given only where one is known; it is never made up. */
export const SourceSchema = v.strictObject({
  title: nonEmpty,
  author: v.optional(nonEmpty),
  publisher: v.optional(nonEmpty),
  date: v.optional(isoDate),
  url: v.optional(httpsUrl),
});

const webUrl = v.pipe(
  v.string(),
  v.url(() => t('pack_url')),
  v.regex(/^https?:\/\//, () => t('pack_httpUrl')),
);

/**
 * The source of one entry: a page the reader saved a term from may be plain http, so the entry keeps
 * the address it really had. A pack's own source stays https.
 */
export const EntrySourceSchema = v.strictObject({ ...SourceSchema.entries, url: v.optional(webUrl) });

/**
 * One written form a mention can take on a page.
 * - `caseSensitive: true` (acronyms such as THAAD): matches as written and, for an all-capitals alias,
 *   in title case ("Thaad"), never in lower case.
 * - `caseSensitive: false` (phrases): matches in any case.
 */
export const AliasSchema = v.strictObject({
  text: nonEmpty,
  lang: languageTag,
  caseSensitive: v.boolean(),
  /**
   * The alias has other meanings (another body's acronym, a word of some language): it is marked only
   * on a page that also names the entry by another alias, or mentions two other entries of the
   * glossary (`ambiguousAliasContext`).
   */
  ambiguous: v.optional(v.literal(true, () => t('pack_ambiguousTrue'))),
});

/** A verbatim passage of the source, with the section heading it stands under (where known). */
export const QuoteSchema = v.strictObject({
  text: nonEmpty,
  section: v.optional(nonEmpty),
});

export const CATEGORIES = [
  'weapon system',
  'military command',
  'treaty',
  'policy',
  'strategy',
  'economy',
  'place',
  'organization',
  'concept',
  'publication',
] as const;

const entryId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, () => t('pack_idFormat')),
  v.maxLength(64, () => t('pack_idLength')),
);

export const EntrySchema = v.strictObject({
  id: entryId,
  /** How the term is shown in a popover header. */
  term: nonEmpty,
  /** What an abbreviation stands for; absent when the term is not an abbreviation. */
  expansion: v.optional(nonEmpty),
  aliases: v.pipe(
    v.array(AliasSchema),
    v.minLength(1, () => t('pack_needsAlias')),
  ),
  category: v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`),
  /** One or two sentences in our own words; adds only well-known facts. */
  explanation: v.pipe(
    nonEmpty,
    v.maxLength(400, () => t('pack_explanationLength')),
  ),
  quotes: v.pipe(
    v.array(QuoteSchema),
    v.minLength(1, () => t('pack_needsQuote')),
  ),
  related: v.array(entryId),
  /** Overrides the pack's source (entries saved from different pages carry their own). */
  source: v.optional(EntrySourceSchema),
});

export const PackSchema = v.strictObject({
  schemaVersion: v.literal(1, () => t('pack_schemaVersion')),
  id: entryId,
  name: nonEmpty,
  version: v.pipe(
    v.string(),
    v.regex(/^\d+\.\d+\.\d+$/, () => t('pack_version')),
  ),
  languages: v.pipe(
    v.array(languageTag),
    v.minLength(1, () => t('pack_needsLanguage')),
  ),
  source: SourceSchema,
  entries: v.pipe(
    v.array(EntrySchema),
    v.minLength(1, () => t('pack_needsEntry')),
  ),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type Category = (typeof CATEGORIES)[number];
export type GlossaryEntry = v.InferOutput<typeof EntrySchema>;
export type GlossaryPack = v.InferOutput<typeof PackSchema>;

/** The source an entry's quotes come from: its own, or its pack's. */
export function sourceOf(pack: GlossaryPack, entry: GlossaryEntry): Source {
  return entry.source ?? pack.source;
}

/**
 * The entries with only the aliases `keep` accepts (e.g. no Korean aliases); an entry left with none
 * cannot be found on a page and is dropped from matching (it stays searchable in the popup).
 */
export function withAliases(
  entries: readonly GlossaryEntry[],
  keep: (alias: Alias) => boolean,
): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const entry of entries) {
    const aliases = entry.aliases.filter(keep);
    if (aliases.length === entry.aliases.length) out.push(entry);
    else if (aliases.length > 0) out.push({ ...entry, aliases });
  }
  return out;
}

import * as v from 'valibot';
import { t } from '../i18n';
import { AliasOwnership, aliasKey } from '../matching';
import { EntrySchema, type GlossaryPack, PackSchema } from './model';

export type PackValidation = { ok: true; pack: GlossaryPack } | { ok: false; errors: string[] };

/**
 * Parses untrusted input as a glossary pack. Never throws: every problem comes back as a message that
 * names the entry (by id where it has one) and the field, e.g.
 * `entry "thaad" (#3): quotes[0].text: must not be empty`.
 */
export function validatePack(input: unknown): PackValidation {
  const parsed = v.safeParse(PackSchema, input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.map((issue) => describeIssue(input, issue)) };
  }
  const errors = checkConsistency(parsed.output);
  return errors.length ? { ok: false, errors } : { ok: true, pack: parsed.output };
}

/** The pack without its entries: what `validatePackInSlices` checks before the entries, one by one. */
const PackHeaderSchema = v.strictObject({
  ...PackSchema.entries,
  entries: v.pipe(v.array(v.unknown()), v.minLength(1, 'needs at least one entry')),
});

/** How many entries are checked between two pauses (~20 µs each: a slice stays well under 50 ms). */
const ENTRIES_PER_SLICE = 250;

/**
 * `validatePack` for a large pack where a long task matters (the service worker): the same checks and
 * the same messages, with `pause()` awaited between slices of entries.
 */
export async function validatePackInSlices(
  input: unknown,
  pause: () => Promise<void>,
): Promise<PackValidation> {
  const header = v.safeParse(PackHeaderSchema, input);
  if (!header.success) {
    return { ok: false, errors: header.issues.map((issue) => describeIssue(input, issue)) };
  }
  const raw = header.output.entries;
  const entries: GlossaryPack['entries'] = [];
  const errors: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (i > 0 && i % ENTRIES_PER_SLICE === 0) await pause();
    const entry = v.safeParse(EntrySchema, raw[i]);
    if (entry.success) entries.push(entry.output);
    else for (const issue of entry.issues) errors.push(describeIssue(input, issue, ['entries', i]));
  }
  if (errors.length) return { ok: false, errors };
  await pause();
  const pack: GlossaryPack = { ...header.output, entries };
  const inconsistent = checkConsistency(pack);
  return inconsistent.length ? { ok: false, errors: inconsistent } : { ok: true, pack };
}

function describeIssue(input: unknown, issue: v.BaseIssue<unknown>, prefix: unknown[] = []): string {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => (item as { key: unknown }).key)];
  if (keys[0] === 'entries' && typeof keys[1] === 'number') {
    const field = formatPath(keys.slice(2)) || t('pack_theEntry');
    return `${entryLabel(input, keys[1])}: ${field}: ${issue.message}`;
  }
  return `pack: ${formatPath(keys) || t('pack_thePack')}: ${issue.message}`;
}

function entryLabel(input: unknown, index: number): string {
  const entries = (input as { entries?: unknown } | null)?.entries;
  const id = Array.isArray(entries) ? (entries[index] as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' && id ? `entry "${id}" (#${index + 1})` : `entry #${index + 1}`;
}

function formatPath(keys: unknown[]): string {
  return keys
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** Cross-entry rules the schema cannot express. */
function checkConsistency(pack: GlossaryPack): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  pack.entries.forEach((entry, i) => {
    if (ids.has(entry.id)) errors.push(`entry "${entry.id}" (#${i + 1}): id: ${t('pack_idRepeated')}`);
    ids.add(entry.id);
  });
  // The matcher's own rule of ownership: the first entry to list an alias key owns it.
  const ownership = new AliasOwnership();
  pack.entries.forEach((entry, i) => {
    const label = `entry "${entry.id}" (#${i + 1})`;
    entry.related.forEach((id, j) => {
      if (id === entry.id) errors.push(`${label}: related[${j}]: ${t('pack_relatedSelf')}`);
      else if (!ids.has(id)) errors.push(`${label}: related[${j}]: ${t('pack_relatedMissing', id)}`);
    });
    // Spellings of one alias key may repeat within an entry ("Three No's", "Three Nos"); the same
    // text twice is a slip, and a key owned by two entries would make mentions ambiguous.
    const own = new Set<string>();
    entry.aliases.forEach((alias, j) => {
      const key = aliasKey(alias.text);
      if (!key) {
        errors.push(`${label}: aliases[${j}].text: ${t('pack_aliasNoLetters')}`);
        return;
      }
      if (!ownership.claim(entry.id, alias)) {
        const owner = ownership.owners.get(key);
        errors.push(`${label}: aliases[${j}].text: ${t('pack_aliasOwned', alias.text, owner ?? '')}`);
      }
      const text = alias.text.normalize('NFC').trim();
      if (own.has(text)) errors.push(`${label}: aliases[${j}].text: ${t('pack_aliasRepeated', alias.text)}`);
      own.add(text);
    });
  });
  return errors;
}

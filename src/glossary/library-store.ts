/**
 * The reader's glossaries in `storage.local` (they can be large; sync storage holds 100 kB in all):
 * imported packs, and the reader's own entries. Everything read is validated; something invalid is
 * left out with a message and never overwritten by a read. Every write is validated whole first, so a
 * bad import or edit changes nothing.
 */
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { t } from '../i18n';
import { builtinPack } from './builtin/rok-us-alliance';
import { PERSONAL_PACK_ID, personalPack } from './library';
import { EntrySchema, type GlossaryEntry, type GlossaryPack } from './model';
import { validatePack, validatePackInSlices } from './validate';

export const PACK_FILE_MAX_BYTES = 5_000_000;
export const PACK_MAX_ENTRIES = 5_000;
/** storage.local holds 10 MB without the unlimitedStorage permission; leave room for the rest. */
export const LIBRARY_MAX_BYTES = 9_000_000;

export const personalEntriesItem = storage.defineItem<unknown>('local:personal-glossary', {
  fallback: null,
  version: 1,
});
export const importedPacksItem = storage.defineItem<unknown>('local:packs', { fallback: null, version: 1 });

export interface Library {
  /** The built-in pack, the imported packs and the reader's own glossary (when it has entries). */
  packs: GlossaryPack[];
  personal: GlossaryEntry[];
  imported: GlossaryPack[];
  /** What could not be read, one line each, in the reader's language; the stored data is left as it is. */
  problems: string[];
  /** My glossary itself could not be read: a write over it would lose what is stored. */
  personalUnreadable: boolean;
}

/**
 * Reads and validates the reader's glossaries. With `pause`, large packs are validated in slices with
 * `pause()` awaited between them (the service worker must not make long tasks either).
 */
export async function loadLibrary(pause?: () => Promise<void>): Promise<Library> {
  const problems: string[] = [];
  // My glossary itself unreadable: its problems come first, before the imported packs'.
  let personalUnreadable = false;
  let personal: GlossaryEntry[] = [];
  let imported: GlossaryPack[] = [];
  try {
    personal = readPersonal(await personalEntriesItem.getValue(), problems);
    personalUnreadable = problems.length > 0;
    imported = await readImported(await importedPacksItem.getValue(), problems, pause);
  } catch (error) {
    problems.push(t('library_unreadable', String(error)));
  }
  const packs = [builtinPack, ...imported];
  if (personal.length) packs.push(personalPack(personal));
  return { packs, personal, imported, problems, personalUnreadable };
}

function readPersonal(raw: unknown, problems: string[]): GlossaryEntry[] {
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    problems.push(t('library_personalNotAList'));
    return [];
  }
  const entries: GlossaryEntry[] = [];
  raw.forEach((item, index) => {
    const result = v.safeParse(EntrySchema, item);
    if (result.success) entries.push(result.output);
    else problems.push(t('library_personalEntryInvalid', index + 1, result.issues[0]?.message ?? '?'));
  });
  return entries;
}

async function readImported(
  raw: unknown,
  problems: string[],
  pause?: () => Promise<void>,
): Promise<GlossaryPack[]> {
  if (raw == null) return [];
  if (!Array.isArray(raw)) {
    problems.push(t('library_packsNotAList'));
    return [];
  }
  const packs: GlossaryPack[] = [];
  for (const item of raw) {
    const result = pause ? await validatePackInSlices(item, pause) : validatePack(item);
    if (result.ok) packs.push(result.pack);
    else problems.push(t('library_packInvalid', result.errors[0] ?? '?'));
  }
  return packs;
}

/** `refused`: the browser's storage refused the write (full, or gone), not the change itself. */
export type LibraryChange = { ok: true; message: string } | { ok: false; errors: string[]; refused?: true };

interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** A write the browser refused (storage full, storage gone): nothing was changed, and the reader is told. */
function refused(error: unknown): LibraryChange {
  return {
    ok: false,
    refused: true,
    errors: [t('library_refused', String(error))],
  };
}

/** Writes queued in this context when the Web Locks API is absent (tests, very old browsers). */
let localQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a read-modify-write of the reader's glossaries alone: the popup, the options page and the
 * background (a popover's "Save to my glossary") may write at the same moment, and without a lock the
 * later write would drop what the earlier one added. Web Locks are shared by every page and worker of
 * the extension's origin; without them, writes from this context at least wait for one another.
 */
function exclusively<T>(change: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (typeof locks?.request === 'function') return locks.request('glossa-library', change);
  const run = localQueue.then(change, change);
  localQueue = run.catch(() => undefined);
  return run;
}

/** Adds an entry to the reader's own glossary, or replaces the one with its id. */
export function savePersonalEntry(entry: GlossaryEntry): Promise<LibraryChange> {
  return exclusively(() => savePersonalEntryNow(entry).catch(refused));
}

async function savePersonalEntryNow(entry: GlossaryEntry): Promise<LibraryChange> {
  const library = await loadLibrary();
  const { personal } = library;
  const unreadable = refuseOverUnreadable(library);
  if (unreadable) return unreadable;
  const next = personal.filter((e) => e.id !== entry.id);
  const replaced = next.length !== personal.length;
  next.push(entry);
  const checked = checkPersonal(next);
  if (!checked.ok) return checked;
  await writeLibrary(personalEntriesItem, next);
  return {
    ok: true,
    message: replaced ? t('library_updated', entry.term) : t('library_saved', entry.term),
  };
}

export function deletePersonalEntry(id: string): Promise<LibraryChange> {
  return exclusively(() => deletePersonalEntryNow(id).catch(refused));
}

async function deletePersonalEntryNow(id: string): Promise<LibraryChange> {
  const library = await loadLibrary();
  const { personal } = library;
  const unreadable = refuseOverUnreadable(library);
  if (unreadable) return unreadable;
  const entry = personal.find((e) => e.id === id);
  if (!entry) return { ok: false, errors: [t('library_noEntry', id)] };
  await writeLibrary(
    personalEntriesItem,
    personal.filter((e) => e.id !== id),
  );
  return { ok: true, message: t('library_deleted', entry.term) };
}

/** A write over a stored My glossary that could not be read would lose what is in it: refuse. */
function refuseOverUnreadable({ problems, personalUnreadable }: Library): LibraryChange | null {
  if (!personalUnreadable) return null;
  return { ok: false, errors: [t('library_personalUnreadable'), ...problems] };
}

function checkPersonal(entries: GlossaryEntry[]): LibraryChange {
  if (entries.length === 0) return { ok: true, message: '' };
  if (entries.length > PACK_MAX_ENTRIES) {
    return { ok: false, errors: [t('library_personalFull', PACK_MAX_ENTRIES)] };
  }
  // Related ids must point into the glossary itself; a saved page term has none.
  const result = validatePack(personalPack(entries));
  return result.ok ? { ok: true, message: '' } : { ok: false, errors: result.errors };
}

/**
 * Imports a pack file: parsed, size-checked and validated whole before anything is written. A pack with
 * the id of one already imported replaces it; the id "personal" restores My glossary (an export of it).
 */
export function importPackFile(text: string): Promise<LibraryChange> {
  return exclusively(() => importPackFileNow(text).catch(refused));
}

async function importPackFileNow(text: string): Promise<LibraryChange> {
  if (text.length > PACK_FILE_MAX_BYTES) {
    return {
      ok: false,
      errors: [t('library_fileTooLarge', PACK_FILE_MAX_BYTES / 1_000_000)],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [t('library_notJson', (error as Error).message)] };
  }
  const entryCount = (raw as { entries?: unknown } | null)?.entries;
  if (Array.isArray(entryCount) && entryCount.length > PACK_MAX_ENTRIES) {
    return {
      ok: false,
      errors: [t('library_tooManyEntries', entryCount.length, PACK_MAX_ENTRIES)],
    };
  }
  const result = validatePack(raw);
  if (!result.ok)
    return { ok: false, errors: result.errors.slice(0, 20).concat(moreErrors(result.errors.length)) };
  const pack = result.pack;
  if (pack.id === builtinPack.id) {
    return {
      ok: false,
      errors: [t('library_builtinId', pack.id)],
    };
  }
  const library = await loadLibrary();
  if (library.problems.length) {
    return {
      ok: false,
      errors: [t('library_storedUnreadable'), ...library.problems],
    };
  }
  if (pack.id === PERSONAL_PACK_ID) {
    await writeLibrary(personalEntriesItem, pack.entries);
    return { ok: true, message: t('library_restored', entriesText(pack.entries.length)) };
  }
  const others = library.imported.filter((p) => p.id !== pack.id);
  const replaced = others.length !== library.imported.length;
  const next = [...others, pack];
  const bytes = new TextEncoder().encode(JSON.stringify(next)).length;
  if (bytes > LIBRARY_MAX_BYTES) {
    return {
      ok: false,
      errors: [t('library_noRoom', (bytes / 1e6).toFixed(1), LIBRARY_MAX_BYTES / 1e6)],
    };
  }
  await writeLibrary(importedPacksItem, next);
  return {
    ok: true,
    message: t(
      replaced ? 'library_replaced' : 'library_imported',
      pack.name,
      entriesText(pack.entries.length),
    ),
  };
}

const entriesText = (count: number) => (count === 1 ? t('library_oneEntry') : t('library_entries', count));

function moreErrors(count: number): string[] {
  return count > 20 ? [t('library_moreProblems', count - 20)] : [];
}

export function removeImportedPack(id: string): Promise<LibraryChange> {
  return exclusively(() => removeImportedPackNow(id).catch(refused));
}

async function removeImportedPackNow(id: string): Promise<LibraryChange> {
  const library = await loadLibrary();
  const pack = library.imported.find((p) => p.id === id);
  if (!pack) return { ok: false, errors: [t('library_noPack', id)] };
  const raw = await importedPacksItem.getValue();
  // Unreadable stored packs stay as they are: only the one asked for goes.
  const next = Array.isArray(raw) ? raw.filter((item) => (item as { id?: unknown } | null)?.id !== id) : [];
  await writeLibrary(importedPacksItem, next);
  return { ok: true, message: t('library_removed', pack.name) };
}

/** A pack as a file: the same schema as the built-in pack, pretty-printed. */
export function exportPackFile(pack: GlossaryPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Calls back whenever the reader's glossaries change (in any tab or page of the extension). */
export function watchLibrary(callback: () => void): () => void {
  const stops = [personalEntriesItem.watch(callback), importedPacksItem.watch(callback)];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Writes the reader's glossaries (the background prepares them for pages when they change). */
async function writeLibrary(item: typeof personalEntriesItem, value: unknown): Promise<void> {
  await item.setValue(value);
}

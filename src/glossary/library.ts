/**
 * All the glossaries Glossa knows: the built-in pack, packs the reader imported, and the reader's own
 * glossary ("My glossary"), with the reader's order of priority and the packs switched off. Pure: the
 * storage side is in library-store.ts.
 */
import { aliasKey, aliasOwners } from '../matching';
import { builtinPack } from './builtin/rok-us-alliance';
import type { GlossaryEntry, GlossaryPack, Source } from './model';

export const PERSONAL_PACK_ID = 'personal';
export const PERSONAL_PACK_NAME = 'My glossary';

/** An entry ready for matching and display: its id unique across packs, its source filled in. */
export interface LibraryEntry extends GlossaryEntry {
  source: Source;
  /** The pack it comes from. */
  packId: string;
  /** Its id within that pack (the library id is `pack:id` outside the built-in pack). */
  localId: string;
}

/** The reader's own entries as a pack (in memory only: it has no source of its own). */
export function personalPack(entries: readonly GlossaryEntry[]): GlossaryPack {
  return {
    schemaVersion: 1,
    id: PERSONAL_PACK_ID,
    name: PERSONAL_PACK_NAME,
    version: '1.0.0',
    languages: ['en'],
    source: { title: PERSONAL_PACK_NAME },
    entries: [...entries],
  };
}

/**
 * The packs in the order they take priority, highest first: the reader's order where given, then the
 * reader's own glossary, imported packs, and the built-in pack last (a reader's choice beats ours).
 */
export function orderPacks(
  packs: readonly GlossaryPack[],
  order: readonly string[],
  builtinId: string,
): GlossaryPack[] {
  const rank = (pack: GlossaryPack) => {
    const at = order.indexOf(pack.id);
    if (at >= 0) return at;
    if (pack.id === PERSONAL_PACK_ID) return order.length;
    if (pack.id === builtinId) return order.length + 2;
    return order.length + 1;
  };
  return packs
    .map((pack, index) => ({ pack, index }))
    .sort((a, b) => rank(a.pack) - rank(b.pack) || a.index - b.index)
    .map(({ pack }) => pack);
}

export interface ResolvedLibrary {
  /** Every entry of the enabled packs, in priority order (the matcher gives an alias to the first). */
  entries: LibraryEntry[];
  byId: Map<string, LibraryEntry>;
  /** Per pack: aliases it loses to a pack above it (worked out on first read: only the options page asks). */
  readonly shadowed: Map<string, string[]>;
}

/** Entries of the enabled packs, with ids unique across packs and conflicts of aliases listed. */
export function resolveLibrary(
  packs: readonly GlossaryPack[],
  disabled: readonly string[],
  builtinId: string,
): ResolvedLibrary {
  const entries: LibraryEntry[] = [];
  const byId = new Map<string, LibraryEntry>();
  for (const resolved of resolvedEntries(packs, disabled, builtinId)) {
    entries.push(resolved);
    byId.set(resolved.id, resolved);
  }
  let shadowed: Map<string, string[]> | undefined;
  return {
    entries,
    byId,
    get shadowed() {
      shadowed ??= shadowedAliases(entries, byId);
      return shadowed;
    },
  };
}

/** Per pack, the aliases it loses to a pack above it: the matcher's rule of ownership (`aliasOwners`). */
function shadowedAliases(entries: readonly LibraryEntry[], byId: ReadonlyMap<string, LibraryEntry>) {
  const owners = aliasOwners(entries);
  const shadowed = new Map<string, string[]>();
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const owner = byId.get(owners.get(aliasKey(alias.text)) ?? '');
      if (!owner || owner.packId === entry.packId) continue;
      const lost = shadowed.get(entry.packId) ?? [];
      if (!lost.includes(alias.text)) lost.push(alias.text);
      shadowed.set(entry.packId, lost);
    }
  }
  return shadowed;
}

/**
 * The entries of the enabled packs, one at a time, in priority order: their ids made unique across
 * packs (`pack:id` outside the built-in pack), their source filled in. A caller with a large library
 * can pause between them (the service worker's rebuild).
 */
export function* resolvedEntries(
  packs: readonly GlossaryPack[],
  disabled: readonly string[],
  builtinId: string,
): Generator<LibraryEntry> {
  for (const pack of packs) {
    if (disabled.includes(pack.id)) continue;
    const idOf = (local: string) => (pack.id === builtinId ? local : `${pack.id}:${local}`);
    for (const entry of pack.entries) {
      yield {
        ...entry,
        id: idOf(entry.id),
        related: entry.related.map(idOf),
        source: entry.source ?? pack.source,
        packId: pack.id,
        localId: entry.id,
      };
    }
  }
}

/** The library's entries as the reader set it up, one at a time: see `libraryFor` and `resolvedEntries`. */
export function libraryEntriesFor(
  packs: readonly GlossaryPack[],
  choices: PackChoices,
): Generator<LibraryEntry> {
  return resolvedEntries(
    orderPacks(packs, choices.packOrder, builtinPack.id),
    choices.disabledPacks,
    builtinPack.id,
  );
}

/** What decides which packs count and in which order: the reader's settings of that name. */
export interface PackChoices {
  readonly packOrder: readonly string[];
  readonly disabledPacks: readonly string[];
}

/**
 * The library as the reader set it up: packs in the reader's order of priority, switched-off packs
 * left out. Every part of Glossa that needs the entries (background, popup, options) resolves them here.
 */
export function libraryFor(packs: readonly GlossaryPack[], choices: PackChoices): ResolvedLibrary {
  return resolveLibrary(
    orderPacks(packs, choices.packOrder, builtinPack.id),
    choices.disabledPacks,
    builtinPack.id,
  );
}

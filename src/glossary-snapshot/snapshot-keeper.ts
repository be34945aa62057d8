/**
 * The background's side of the prepared glossary: it builds the snapshot whenever the reader's
 * glossaries or settings change (and when it is missing, outdated or damaged), writes it, and tells
 * every open page. Pages never validate packs or compile anything; they read what is written here.
 *
 * Writes go in an order that a service worker stopped half-way cannot turn into a wrong glossary: a
 * "building" marker first, then the entry shards and index parts of the new build (named by its stamp,
 * beside the last build's, which pages keep reading), then the header that names them, and last the
 * removal of the old build's items and the marker. A start that finds the marker builds again.
 */
import { browser } from 'wxt/browser';
import { loadLibrary } from '../glossary/library-store';
import { handleMessages, type Request } from '../messaging';
import { loadSettings } from '../settings/settings-store';
import { buildSnapshot, indexInputsOf, newStamp, withSettings } from './build-snapshot';
import { isSnapshot } from './read-snapshot';
import {
  PART_PREFIX,
  type PageSnapshot,
  SHARD_PREFIX,
  SNAPSHOT_BUILDING_KEY,
  SNAPSHOT_KEY,
} from './snapshot-model';

/** The reader's data the snapshot is built from: `storage.local` keys and the `storage.sync` one. */
const LIBRARY_KEYS = new Set(['packs', 'personal-glossary']);
const SETTINGS_KEY = 'settings';
/** What an earlier Glossa kept in storage.local and nothing reads any more. */
const RETIRED_KEYS = ['compiled-glossary'];
/** Shards are written a few at a time: one write of megabytes would be a long task. */
const SHARDS_PER_WRITE = 8;

type Work = 'full' | 'settings';

export interface SnapshotKeeper {
  /** Resolves when the snapshot is current (building it if needed). */
  ensure(): Promise<void>;
}

export function startSnapshotKeeper(): SnapshotKeeper {
  let running: Promise<void> | null = null;
  let queued: Work | null = null;

  const run = (work: Work): Promise<void> => {
    if (running) {
      queued = queued === 'full' || work === 'full' ? 'full' : 'settings';
      return running.then(() => (queued ? run(takeQueued()) : undefined));
    }
    running = (work === 'full' ? rebuild() : updateSettings())
      .catch((error) => console.warn('[Glossa] preparing the glossary failed:', error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const takeQueued = (): Work => {
    const work = queued ?? 'settings';
    queued = null;
    return work;
  };

  // Asked at the worker's start and by every page that found no snapshot, often at the same moment.
  // The askers share one check, and a check waits for a build under way before it looks: a second
  // full build would give the pages that read the first a new stamp and take away its entries.
  let checking: Promise<void> | null = null;
  const check = async () => {
    if (running) await running;
    const stored = await browser.storage.local.get([SNAPSHOT_KEY, SNAPSHOT_BUILDING_KEY]);
    const header = stored[SNAPSHOT_KEY];
    const current =
      isSnapshot(header) &&
      header.version === extensionVersion() &&
      stored[SNAPSHOT_BUILDING_KEY] === undefined;
    if (!current) await run('full');
  };
  const ensure = (): Promise<void> => {
    checking ??= check().finally(() => {
      checking = null;
    });
    return checking;
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((key) => LIBRARY_KEYS.has(key))) void run('full');
    if (area === 'sync' && SETTINGS_KEY in changes) void run('settings');
  });
  handleMessages({
    'snapshot-needed': async () => {
      await ensure();
      return null;
    },
  });
  void browser.storage.local.remove(RETIRED_KEYS).catch(() => {});
  void ensure();
  return { ensure };
}

/** Builds everything from the reader's glossaries and settings, writes it and tells the pages. */
async function rebuild(): Promise<void> {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const [{ settings }, library] = await Promise.all([loadSettings(), loadLibrary(pause)]);
  if (library.problems.length) console.warn('[Glossa] some glossaries could not be read:', library.problems);
  const built = await buildSnapshot({ packs: library.packs, settings, version: extensionVersion() }, pause);
  await browser.storage.local.set({ [SNAPSHOT_BUILDING_KEY]: built.header.stamp });
  const shardItems = Object.entries(built.shards);
  for (let i = 0; i < shardItems.length; i += SHARDS_PER_WRITE) {
    await browser.storage.local.set(Object.fromEntries(shardItems.slice(i, i + SHARDS_PER_WRITE)));
  }
  if (Object.keys(built.parts).length) await browser.storage.local.set(built.parts);
  await browser.storage.local.set({ [SNAPSHOT_KEY]: built.header });
  await removeStale(built.header);
  await browser.storage.local.remove(SNAPSHOT_BUILDING_KEY);
  await tellPages(built.header.stamp);
}

/** Settings changed: a new header with them, and a full rebuild only if the index depends on them. */
async function updateSettings(): Promise<void> {
  const previous = await readHeader();
  const { settings } = await loadSettings();
  if (
    !previous ||
    previous.version !== extensionVersion() ||
    previous.indexInputs !== indexInputsOf(settings)
  ) {
    await rebuild();
    return;
  }
  const next = withSettings(previous, settings, newStamp());
  await browser.storage.local.set({ [SNAPSHOT_KEY]: next });
  await tellPages(next.stamp);
}

async function readHeader(): Promise<PageSnapshot | null> {
  const header = (await browser.storage.local.get(SNAPSHOT_KEY))[SNAPSHOT_KEY];
  return isSnapshot(header) ? header : null;
}

/**
 * Removes every shard and index part that is not the new build's: the build before, and any build cut
 * short (a stopped worker, a refused write) whose items no header names. The keys are listed from
 * storage (`getKeys` where the browser has it, so the reader's packs are not read just to be listed).
 */
async function removeStale(header: PageSnapshot): Promise<void> {
  const current = [`${SHARD_PREFIX}${header.indexStamp}:`, `${PART_PREFIX}${header.indexStamp}:`];
  const isStale = (key: string) =>
    (key.startsWith(SHARD_PREFIX) || key.startsWith(PART_PREFIX)) &&
    !current.some((prefix) => key.startsWith(prefix));
  const stale = (await storedKeys()).filter(isStale);
  if (stale.length) await browser.storage.local.remove(stale);
}

async function storedKeys(): Promise<string[]> {
  const area = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  if (typeof area.getKeys === 'function') return area.getKeys();
  return Object.keys(await area.get(null));
}

/** Every frame of every tab hears that the snapshot changed (a frame without Glossa ignores it). */
async function tellPages(stamp: string): Promise<void> {
  const message: Request<'snapshot-changed'> = { type: 'snapshot-changed', stamp };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

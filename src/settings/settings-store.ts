/**
 * The settings in `storage.sync` (they follow the reader to other devices), through @wxt-dev/storage's
 * versioned items. What is read is always repaired field by field (model.ts), never trusted: another
 * device may run an older or newer Glossa, and a reader may have edited an export by hand.
 */
import { storage } from '@wxt-dev/storage';
import {
  DEFAULT_SETTINGS,
  repairSettings,
  type Settings,
  type SettingsRepair,
  validateSettings,
} from './model';

export const SETTINGS_KEY = 'sync:settings' as const;
export const SETTINGS_VERSION = 1;

/**
 * Migrations from older stored versions, keyed by the version they produce. Version 1 is the first
 * shape, so there is none yet; a change of shape adds one here and bumps SETTINGS_VERSION. Whatever a
 * migration returns still goes through `repairSettings` on every read.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/** Stored as `unknown`: the item holds whatever is there, and every read repairs it. */
export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, {
  fallback: null,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<SettingsRepair> {
  try {
    return repairSettings(await settingsItem.getValue());
  } catch (error) {
    // Storage itself failed (quota, a browser bug): run with defaults, write nothing.
    return {
      settings: { ...DEFAULT_SETTINGS, sites: [] },
      problems: [`settings could not be read: ${String(error)}`],
    };
  }
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** The browser refused the write: nothing was changed. Sync storage is small, so say when it is full. */
function refused(error: unknown): SaveResult {
  const full = /quota/i.test(String(error));
  const why = full ? 'the browser’s sync storage is full' : 'the browser refused to save the settings';
  return { ok: false, errors: [`${why}, so nothing was changed (${String(error)})`] };
}

/**
 * Applies a change to the current settings and stores the result, only if the whole result is valid:
 * a bad value is refused with a message and nothing is written.
 */
export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<SaveResult> {
  const { settings: current } = await loadSettings();
  const next = { ...current, ...change(current) };
  const checked = validateSettings(next);
  if (!checked.ok) return checked;
  try {
    await settingsItem.setValue(checked.settings);
  } catch (error) {
    return refused(error);
  }
  return checked;
}

/** Replaces every setting (an import): validated whole first, so a bad file changes nothing. */
export async function replaceSettings(candidate: unknown): Promise<SaveResult> {
  const checked = validateSettings(candidate);
  if (!checked.ok) return checked;
  try {
    await settingsItem.setValue(checked.settings);
  } catch (error) {
    return refused(error);
  }
  return checked;
}

/** Calls back with repaired settings whenever they change (in this or any other extension context). */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(repairSettings(value).settings));
}

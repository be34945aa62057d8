import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  replaceSettings,
  SETTINGS_VERSION,
  type Settings,
  updateSettings,
  watchSettings,
} from '../../../src/settings';

/** What storage.sync holds under the settings key (the item is `sync:settings`). */
async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.sync.get('settings')).settings;
}

describe('settings in storage.sync', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the defaults when nothing is stored, and writes nothing', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(await stored()).toBeUndefined();
  });

  it('stores a change, and reads it back', async () => {
    const result = await updateSettings(() => ({ hoverDelayMs: 500, sites: ['news.example.com'] }));
    expect(result.ok).toBe(true);
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 500, sites: ['news.example.com'] });
    expect((await loadSettings()).settings.hoverDelayMs).toBe(500);
  });

  it('refuses an invalid change with a message and leaves storage as it was', async () => {
    await updateSettings(() => ({ sites: ['keep.example.com'] }));
    const before = await stored();
    const result = await updateSettings(() => ({ hoverDelayMs: 99_999 }));
    expect(result).toEqual({ ok: false, errors: ['hoverDelayMs: must be at most 2000'] });
    expect(await stored()).toEqual(before);
  });

  it('repairs corrupt stored settings field by field on read, without overwriting them', async () => {
    const corrupt = { hoverDelayMs: 'NaN', sites: ['keep.example.com', null], theme: 'dark', trigger: 4 };
    await fakeBrowser.storage.sync.set({ settings: corrupt });
    const { settings, problems } = await loadSettings();
    expect(settings.sites).toEqual(['keep.example.com']);
    expect(settings.theme).toBe('dark');
    expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(settings.trigger).toBe(DEFAULT_SETTINGS.trigger);
    expect(problems).toHaveLength(3);
    // Reading repairs in memory only: the stored value is left for the reader (or a newer Glossa).
    expect(await stored()).toEqual(corrupt);
  });

  it('a change over corrupt settings keeps every value that still validated', async () => {
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: -4, sites: ['keep.example.com'] } });
    const result = await updateSettings(() => ({ theme: 'light' }));
    expect(result.ok).toBe(true);
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', sites: ['keep.example.com'] });
  });

  it('reads settings written by a newer version (another device) without wiping them', async () => {
    const newer = { ...DEFAULT_SETTINGS, sites: ['keep.example.com'], shinyNewSetting: true };
    await fakeBrowser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION + 1 } });
    const { settings } = await loadSettings();
    expect(settings.sites).toEqual(['keep.example.com']);
    expect(await stored()).toEqual(newer);
  });

  it('replaces everything only with a whole valid set (an import)', async () => {
    await updateSettings(() => ({ sites: ['keep.example.com'] }));
    const bad = await replaceSettings({ ...DEFAULT_SETTINGS, theme: 'purple' });
    expect(bad.ok).toBe(false);
    expect((await loadSettings()).settings.sites).toEqual(['keep.example.com']);
    const next: Settings = { ...DEFAULT_SETTINGS, markMode: 'first' };
    expect(await replaceSettings(next)).toEqual({ ok: true, settings: next });
    expect(await stored()).toEqual(next);
  });

  it('tells watchers about changes from any context, repaired', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await fakeBrowser.storage.sync.set({ settings: { paused: true, hoverDelayMs: 'x' } });
    await updateSettings(() => ({ paused: false }));
    unwatch();
    await updateSettings(() => ({ paused: true }));
    expect(seen.map((s) => s.paused)).toEqual([true, false]);
    expect(seen[0]?.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });
});

/**
 * Glossa's life in one frame (ContentSession): it starts with the snapshot's settings, follows a new
 * snapshot only when it changes something for this page, never restarts from under a pinned popover,
 * switches off at once, drops a snapshot read that a newer one overtook, and reports without repeats.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinPack } from '../../../src/glossary';
import { buildSnapshot } from '../../../src/glossary-snapshot/build-snapshot';
import type { PageSnapshot, SnapshotEntry } from '../../../src/glossary-snapshot/snapshot-model';
import { ContentSession, changesSession } from '../../../src/page-session/content-session';
import type { FrameReport } from '../../../src/page-session/frame-reporter';
import type { PopoverModule } from '../../../src/popover';
import { createPopoverSurface } from '../../../src/popover/popover-surface';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';

const baseSettings = (change: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  sites: [],
  packOrder: [],
  disabledPacks: [],
  ...change,
});

let built: PageSnapshot;
let entries: Map<string, SnapshotEntry>;

beforeEach(async () => {
  const snapshot = await buildSnapshot({ packs: [builtinPack], settings: baseSettings(), version: '1' });
  built = snapshot.header;
  entries = new Map(
    Object.values(snapshot.shards)
      .flat()
      .map((e) => [e.id, e]),
  );
  document.body.innerHTML = '<p>China opposed THAAD, and OPCON is still discussed.</p>';
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** A popover module whose entries are at hand (in the extension it is injected, and reads storage). */
const popover: PopoverModule = {
  createSurface: createPopoverSurface,
  snapshotEntries: () => (id) => entries.get(id),
};

function harness(initial: PageSnapshot) {
  let current: PageSnapshot | null = initial;
  const reports: FrameReport[] = [];
  const reads: ((value: PageSnapshot | null) => void)[] = [];
  let hold = false;
  const session = new ContentSession({
    win: window,
    doc: document,
    readSnapshot: () =>
      hold ? new Promise<PageSnapshot | null>((resolve) => reads.push(resolve)) : Promise.resolve(current),
    requestSnapshot: async () => {},
    sendReport: async (report) => {
      reports.push(report);
    },
    loadPopover: async () => popover,
    save: async () => 'saved' as const,
    retryMs: 20,
  });
  return {
    session,
    reports,
    set(next: PageSnapshot | null) {
      current = next;
    },
    /** From now on a read waits until `finishRead`. */
    holdReads(on: boolean) {
      hold = on;
    },
    finishRead(value: PageSnapshot | null, which: 'newest' | 'oldest') {
      (which === 'newest' ? reads.pop() : reads.shift())?.(value);
    },
  };
}

const withSettings = (snapshot: PageSnapshot, change: Partial<Settings>, stamp: string): PageSnapshot => ({
  ...snapshot,
  stamp,
  settings: { ...snapshot.settings, ...change },
});

const scans = () => performance.getEntriesByName('glossa:scan').length;

describe('ContentSession', () => {
  beforeEach(() => performance.clearMeasures());

  it('starts with the snapshot, and reports the terms (once, then only when they change)', async () => {
    const h = harness(built);
    await h.session.start();
    expect(h.session.enabled).toBe(true);
    await vi.waitFor(() => expect(h.reports.length).toBeGreaterThanOrEqual(1));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const last = h.reports.at(-1);
    expect(last?.enabled).toBe(true);
    expect(last?.terms.map((t) => t.entryId).sort()).toEqual(['opcon', 'thaad']);
    // Nothing changed: nothing more is sent.
    const count = h.reports.length;
    h.session.snapshotChanged(built.stamp);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(h.reports.length).toBe(count);
    h.session.stop();
  });

  it('does not start where the site is switched off, and switches off at once when that changes', async () => {
    const h = harness(withSettings(built, { paused: true }, 'paused'));
    await h.session.start();
    expect(h.session.enabled).toBe(false);
    expect(scans()).toBe(0);
    expect(h.reports.at(-1)).toEqual({ enabled: false, terms: [] });
    h.set(built);
    h.session.snapshotChanged(built.stamp);
    await vi.waitFor(() => expect(h.session.enabled).toBe(true));
    await vi.waitFor(() => expect(scans()).toBe(1));
    h.set(withSettings(built, { sites: [location.hostname] }, 'off'));
    h.session.snapshotChanged('off');
    await vi.waitFor(() => expect(h.session.enabled).toBe(false));
    h.session.stop();
  });

  it('starts afresh for a setting the page uses, and not for another site added to the list', async () => {
    const h = harness(built);
    await h.session.start();
    await vi.waitFor(() => expect(scans()).toBe(1));
    h.set(withSettings(built, { sites: ['elsewhere.example'] }, 'other-site'));
    h.session.snapshotChanged('other-site');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scans()).toBe(1);
    h.set(withSettings(built, { highlightStyle: 'background' }, 'style'));
    h.session.snapshotChanged('style');
    await vi.waitFor(() => expect(scans()).toBe(2));
    h.session.stop();
  });

  it('waits for a pinned popover to close before it starts afresh', async () => {
    // The popover's shadow root is closed: keep a handle on it by watching attachShadow.
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const h = harness(built);
    await h.session.start();
    await vi.waitFor(() => expect(scans()).toBe(1));
    expect(h.session.reveal('thaad')).toBe(true);
    await vi.waitFor(() => expect(document.querySelector('glossa-popover')).not.toBeNull());
    h.set(withSettings(built, { hoverDelayMs: 500 }, 'delay'));
    h.session.snapshotChanged('delay');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(scans()).toBe(1);
    expect(document.querySelector('glossa-popover')).not.toBeNull();
    // Closed with its own button (page events are untrusted in happy-dom, and Glossa ignores those).
    const close = roots
      .map((root) => root.querySelector<HTMLButtonElement>('button.close'))
      .find((button) => button !== null);
    close?.click();
    await vi.waitFor(() => expect(scans()).toBe(2));
    h.session.stop();
  });

  it('drops a snapshot it read after a newer one was applied', async () => {
    const h = harness(built);
    await h.session.start();
    await vi.waitFor(() => expect(scans()).toBe(1));
    h.holdReads(true);
    h.session.snapshotChanged('first');
    h.session.snapshotChanged('second');
    // The newer read comes back first and is applied; the older one, late, is dropped.
    h.finishRead(withSettings(built, { highlightStyle: 'none' }, 'second'), 'newest');
    h.finishRead(withSettings(built, { highlightStyle: 'background' }, 'first'), 'oldest');
    await vi.waitFor(() => expect(scans()).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scans()).toBe(2);
    expect(h.session.settings?.highlightStyle).toBe('none');
    h.session.stop();
  });
});

describe('changesSession', () => {
  it('ignores the site list and the pause (they decide only whether Glossa runs here)', () => {
    const before = baseSettings();
    expect(
      changesSession(before, baseSettings({ sites: ['a.example'], paused: true, siteMode: 'only' })),
    ).toBe(false);
    for (const change of [
      { hoverDelayMs: 400 },
      { trigger: 'click' as const },
      { highlightStyle: 'none' as const },
      { markMode: 'first' as const },
      { theme: 'dark' as const },
      { skipCode: false },
      { koreanAliases: false },
      { packOrder: ['x'] },
    ]) {
      expect(changesSession(before, baseSettings(change)), JSON.stringify(change)).toBe(true);
    }
  });
});

/**
 * Storage under pressure, in Chromium with the real extension: storage that refuses a write (sync's
 * real QUOTA_BYTES; local refusing as it would when full), two tabs saving at the same moment, and a
 * rebuild of the prepared glossary cut short (a write refused halfway, then the service worker stopped).
 * Nothing the reader stored is lost, the reader is told what failed, and the next start repairs.
 *
 * storage.local cannot fill up here: Glossa holds `unlimitedStorage` (README, permissions). Its refusal
 * is made by the test in the service worker, where Glossa's own code calls it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlossaryPack } from '../../src/glossary';
import {
  clickPopoverButton,
  markedTexts,
  useBrowserAndServer,
  waitForPopover,
  waitForScan,
} from './support/glossa-page';
import { hoverText } from './support/text';

const PARAGRAPH =
  'A paragraph of ordinary reporting text, long enough for a frame or a block to be worth reading, about nothing in particular.';

/** Runs in the service worker: every `storage.local.set` whose items hold `key` is refused. */
const refuseLocalWritesOf = (key: string) => `(() => {
  const area = chrome.storage.local;
  globalThis.__glossaTestSet ??= area.set;
  const set = globalThis.__glossaTestSet;
  area.set = function (items, ...rest) {
    if (items && Object.prototype.hasOwnProperty.call(items, ${JSON.stringify(key)}))
      return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    return set.call(this, items, ...rest);
  };
})()`;
const restoreLocalWrites = `(() => {
  if (globalThis.__glossaTestSet) chrome.storage.local.set = globalThis.__glossaTestSet;
})()`;

describe('storage under pressure', () => {
  const env = useBrowserAndServer();
  let extensionPage: Page;
  const worker = () => {
    const current = env.browser.context.serviceWorkers()[0];
    if (!current) throw new Error('no service worker');
    return current;
  };
  /** Reads storage from an extension page: it stays valid while the service worker stops and starts. */
  const storedLocal = (keys: string[] | null) =>
    extensionPage.evaluate(`chrome.storage.local.get(${JSON.stringify(keys)})`) as Promise<
      Record<string, unknown>
    >;
  const open = async (path: string, html: string): Promise<Page> => {
    const url = env.server.register(path, html);
    const page = await env.browser.newPage();
    await page.goto(url);
    return page;
  };
  const defining = (long: string, short: string) =>
    `<!doctype html><meta charset="utf-8"><p>${PARAGRAPH}</p><p>The ${long} (${short}) is new. Later, ${short} grew.</p>`;

  // After the browser is up (useBrowserAndServer's hook runs first).
  beforeAll(async () => {
    extensionPage = await env.browser.newPage();
    await extensionPage.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await extensionPage.locator('main.options h1').waitFor();
    await extensionPage.evaluate('Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()])');
  });

  it('two tabs saving to My glossary at the same moment both keep their entry', async () => {
    const first = await open('/save-a.html', defining('Korea Air and Missile Defense', 'KAMD'));
    const second = await open('/save-b.html', defining('Long-range Air and Missile Defense', 'LAMD'));
    await Promise.all([waitForScan(first), waitForScan(second)]);
    await hoverText(first, 'KAMD', 1);
    await waitForPopover(first);
    await hoverText(second, 'LAMD', 1);
    await waitForPopover(second);
    // Both saves reach the background together: each reads My glossary, adds its entry and writes it
    // back. Unserialised, the second write drops the first entry.
    await Promise.all([
      clickPopoverButton(first, 'Save to my glossary'),
      clickPopoverButton(second, 'Save to my glossary'),
    ]);
    for (const tab of [first, second])
      await expect
        .poll(async () => (await waitForPopover(tab)).texts.join(' '), { timeout: 5_000 })
        .toContain('Saved to My glossary');
    const stored = JSON.stringify(await storedLocal(['personal-glossary']));
    expect(stored).toContain('Korea Air and Missile Defense');
    expect(stored).toContain('Long-range Air and Missile Defense');
    await first.close();
    await second.close();
  });

  it('storage.local refusing a save (full): the popover says the browser refused it, My glossary is unchanged, the next save works', async () => {
    const before = JSON.stringify(await storedLocal(['personal-glossary']));
    await worker().evaluate(refuseLocalWritesOf('personal-glossary'));
    const page = await open('/save-c.html', defining('Theater High Altitude Area Defense Battery', 'THAADB'));
    await waitForScan(page);
    await hoverText(page, 'THAADB', 1);
    await waitForPopover(page);
    await clickPopoverButton(page, 'Save to my glossary');
    await expect
      .poll(async () => (await waitForPopover(page)).texts.join(' '), { timeout: 5_000 })
      .toContain('the browser’s storage refused it');
    expect(JSON.stringify(await storedLocal(['personal-glossary']))).toBe(before);

    await worker().evaluate(restoreLocalWrites);
    await clickPopoverButton(page, 'Save to my glossary');
    await expect
      .poll(async () => (await waitForPopover(page)).texts.join(' '), { timeout: 5_000 })
      .toContain('Saved to My glossary');
    const after = JSON.stringify(await storedLocal(['personal-glossary']));
    expect(after).toContain('Theater High Altitude Area Defense Battery');
    expect(after).toContain('Korea Air and Missile Defense');
    await page.close();
  });

  it('storage.sync full (its real QUOTA_BYTES): adding a site is refused with a message, the list stays as it was', async () => {
    const options = extensionPage;
    await options.reload();
    const field = options.getByLabel('Add a site');
    const add = options.getByRole('button', { name: 'Add', exact: true });
    await field.fill('kept.example');
    await add.click();
    await expect.poll(() => options.locator('.site').allInnerTexts()).toEqual(['kept.example']);
    // Fill sync storage to the brim with items of another key (the browser counts every item): large
    // ones until one is refused, then smaller ones into what is left.
    const filled = await options.evaluate(`(async () => {
      const area = chrome.storage.sync;
      let n = 0;
      let error = '';
      for (const size of [7000, 1000, 100, 10, 1]) {
        for (;;) {
          try { await area.set({ ['filler-' + n]: 'x'.repeat(size) }); n++; }
          catch (refusal) { error = String(refusal); break; }
        }
      }
      return { n, error };
    })()`);
    expect((filled as { error: string }).error).toMatch(/quota/i);
    await field.fill('refused.example');
    await add.click();
    await expect
      .poll(() => options.getByRole('alert').allTextContents(), { timeout: 5_000 })
      .toEqual([expect.stringMatching(/sync storage is full, so nothing was changed/)]);
    const sites = await options.evaluate(
      `chrome.storage.sync.get('settings').then((items) => items.settings.sites)`,
    );
    expect(sites).toEqual(['kept.example']);
    await options.evaluate(
      `chrome.storage.sync.get(null).then((items) => chrome.storage.sync.remove(Object.keys(items).filter((key) => key.startsWith('filler-'))))`,
    );
    await field.fill('refused.example');
    await add.click();
    await expect
      .poll(() =>
        options.evaluate(`chrome.storage.sync.get('settings').then((items) => items.settings.sites)`),
      )
      .toEqual(['kept.example', 'refused.example']);
  });

  it('a rebuild cut short (a write refused halfway, then the service worker stopped): pages explain from the last whole build, and the next start builds again', async () => {
    await extensionPage.evaluate('Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()])');
    await extensionPage.reload();
    await expect.poll(async () => (await storedLocal(['glossa-snapshot']))['glossa-snapshot']).toBeTruthy();
    const built = (await storedLocal(['glossa-snapshot']))['glossa-snapshot'] as { stamp: string };
    // A pack that goes first in the order: its entries take the places the built-in ones had.
    const pack: GlossaryPack = {
      schemaVersion: 1,
      id: 'kappa-notes',
      name: 'Kappa notes',
      version: '1.0.0',
      languages: ['en'],
      source: { title: 'Kappa handbook', url: 'https://example.org/kappa' },
      entries: Array.from({ length: 150 }, (_, i) => ({
        id: `kappa-${i}`,
        term: `Kappa ${i} Accord`,
        aliases: [{ text: `Kappa ${i} Accord`, lang: 'en', caseSensitive: false }],
        category: 'treaty' as const,
        explanation: `The accord number ${i}, for the test.`,
        quotes: [{ text: `The Kappa ${i} Accord was signed.` }],
        related: [],
      })),
    };
    // The header (the write that makes a build current) is refused; the entries before it are written.
    await worker().evaluate(refuseLocalWritesOf('glossa-snapshot'));
    await extensionPage.getByLabel('Import a glossary…').setInputFiles({
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    await expect.poll(() => extensionPage.locator('.pack').count()).toBe(2);
    await expect
      .poll(async () => (await storedLocal(['glossa-snapshot-building']))['glossa-snapshot-building'])
      .toBeTruthy();
    const cutShort = await storedLocal(null);
    expect((cutShort['glossa-snapshot'] as { stamp: string }).stamp).toBe(built.stamp);

    // A page opened now reads the last whole build: THAAD is explained from the article.
    const html = `<!doctype html><meta charset="utf-8"><p>${PARAGRAPH}</p><p>THAAD stands in Seongju; the Kappa 7 Accord and the Kappa 149 Accord were signed.</p>`;
    const during = await open('/cut-short.html', html);
    await waitForScan(during);
    expect(await markedTexts(during)).toEqual(['THAAD']);
    await hoverText(during, 'THAAD');
    expect((await waitForPopover(during)).texts.join(' ')).toContain('Terminal High Altitude Area Defense');
    await during.close();

    // The service worker stops (the browser does so whenever it likes); the next start builds again.
    const cdp = await extensionPage.context().newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const after = await open('/after-restart.html', html);
    await expect
      .poll(() => markedTexts(after), { timeout: 20_000, interval: 500 })
      .toEqual(['THAAD', 'Kappa 7 Accord', 'Kappa 149 Accord']);
    const repaired = await storedLocal(null);
    expect(repaired['glossa-snapshot-building']).toBeUndefined();
    expect((repaired['glossa-snapshot'] as { entryCount: number }).entryCount).toBe(44 + 150);
    expect(JSON.stringify(repaired.packs)).toBe(JSON.stringify(cutShort.packs));
    await hoverText(after, 'THAAD');
    expect((await waitForPopover(after)).texts.join(' ')).toContain('Terminal High Altitude Area Defense');
    await after.close();
  }, 60_000);
});

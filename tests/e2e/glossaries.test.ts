/**
 * The reader's glossaries in Chromium: importing a pack (a bad one changes nothing), priority between
 * packs that claim the same word, switching a pack off, exporting and importing it back exactly,
 * adding a term from the popup with the page's selected text as its quote, and the glossary prepared
 * for pages (rebuilt when it is missing, damaged or of another format, with the reader's data intact).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GlossaryPack } from '../../src/glossary';
import type { ChromeGlobal } from './support/chrome-api';
import { openToolbarPopup } from './support/extension-pages';
import {
  markedTexts,
  openScanned,
  readPopover,
  useBrowserAndServer,
  waitForPopover,
} from './support/glossa-page';
import { hoverText } from './support/text';

const pack: GlossaryPack = {
  schemaVersion: 1,
  id: 'missile-notes',
  name: 'Missile notes',
  version: '1.0.0',
  languages: ['en'],
  source: { title: 'Missile notes handbook', url: 'https://example.org/handbook' },
  entries: [
    {
      id: 'masga',
      term: 'MASGA',
      expansion: 'Make American Shipbuilding Great Again',
      aliases: [{ text: 'MASGA', lang: 'en', caseSensitive: true }],
      category: 'policy',
      explanation: 'A shipbuilding cooperation plan, as this handbook puts it.',
      quotes: [{ text: 'MASGA is the handbook’s example of a shipbuilding plan.' }],
      related: [],
    },
    {
      id: 'seongju',
      term: 'Seongju',
      aliases: [{ text: 'Seongju', lang: 'en', caseSensitive: false }],
      category: 'place',
      explanation: 'A county in North Gyeongsang Province.',
      quotes: [{ text: 'Seongju hosts the battery.' }],
      related: [],
    },
  ],
};

describe('glossaries in Chromium', () => {
  const env = useBrowserAndServer({ debuggingPort: true });
  const fixture = () => env.server.url('/fixtures/settings.html');
  const reset = () =>
    env.browser.serviceWorker?.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      await chrome.storage.local.clear();
      await chrome.storage.sync.clear();
    });

  async function openOptions(): Promise<Page> {
    const page = await env.browser.newPage();
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await page.locator('main.options h1').waitFor();
    return page;
  }
  const importPack = (options: Page, text: string) =>
    options.getByLabel('Import a glossary…').setInputFiles({
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  const explanationOf = async (page: Page, text: string) => {
    await page.mouse.move(0, 0);
    await expect.poll(() => readPopover(page)).toBeNull();
    await hoverText(page, text);
    return (await waitForPopover(page)).texts.join(' ');
  };

  it('imports a pack (a bad file changes nothing), puts it first, and can switch it off', async () => {
    await reset();
    const options = await openOptions();
    const broken = JSON.stringify({ ...pack, entries: [{ ...pack.entries[0], quotes: [] }] });
    await importPack(options, broken);
    await expect
      .poll(() => options.locator('section[aria-labelledby="section-glossaries"]').innerText())
      .toContain('entry "masga" (#1): quotes: needs at least one verbatim quote');
    expect(await options.locator('.pack').count()).toBe(1);

    await importPack(options, JSON.stringify(pack));
    await expect.poll(() => options.locator('.pack').count()).toBe(2);
    expect(await options.locator('.pack strong').allInnerTexts()).toEqual([
      'Missile notes',
      'The Future of the ROK-U.S. Alliance (CSIS, 2025)',
    ]);
    // MASGA is in both packs: the one above explains it, and the one below says what it loses.
    expect(await options.locator('.pack').nth(1).innerText()).toContain(
      'explained by a glossary above: MASGA',
    );

    const page = await openScanned(env.browser, fixture());
    await expect.poll(() => markedTexts(page)).toContain('Seongju');
    expect(await explanationOf(page, 'MASGA')).toContain(
      'A shipbuilding cooperation plan, as this handbook puts it.',
    );

    await options.getByRole('button', { name: 'Move Missile notes down' }).click();
    await expect.poll(() => explanationOf(page, 'MASGA')).not.toContain('as this handbook puts it');

    await page.mouse.move(0, 0);
    await options.getByLabel('Use Missile notes').uncheck();
    await expect.poll(() => markedTexts(page)).not.toContain('Seongju');
    await page.close();
    await options.close();
  });

  it('prepares the glossary once for every page, and rebuilds a missing, damaged or other-format copy with nothing lost', async () => {
    await reset();
    const worker = env.browser.serviceWorker;
    const options = await openOptions();
    await importPack(options, JSON.stringify(pack));
    await expect.poll(() => options.locator('.pack').count()).toBe(2);
    await options.close();
    const visit = async () => {
      const page = await openScanned(env.browser, fixture());
      const marks = await markedTexts(page);
      await page.close();
      return marks;
    };
    const stored = () =>
      worker?.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        const items = await chrome.storage.local.get(['glossa-snapshot', 'packs']);
        const snapshot = items['glossa-snapshot'] as
          | { format: number; stamp: string; entryCount: number }
          | undefined;
        return { snapshot, packs: JSON.stringify(items.packs) };
      });
    const damage = (value: unknown) =>
      worker?.evaluate(async (value) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        await chrome.storage.local.set({ 'glossa-snapshot': value });
      }, value);

    const expected = await visit();
    expect(expected).toContain('Seongju');
    expect(expected.length).toBeGreaterThan(3);
    const before = await stored();
    expect(before?.snapshot?.format).toBe(1);
    // The built-in pack and the imported one, every entry prepared.
    expect(before?.snapshot?.entryCount).toBe(44 + pack.entries.length);

    for (const broken of [
      null,
      'not a snapshot',
      { format: 1, stamp: 'x' },
      { ...(before?.snapshot ?? {}), format: 99 },
      { ...(before?.snapshot ?? {}), format: 0 },
    ]) {
      await damage(broken);
      expect(await visit(), JSON.stringify(broken)?.slice(0, 40)).toEqual(expected);
      const after = await stored();
      expect(after?.snapshot?.format).toBe(1);
      expect(after?.snapshot?.stamp).not.toBe(before?.snapshot?.stamp);
      // The reader's own data is never touched by a rebuild.
      expect(after?.packs).toBe(before?.packs);
    }
  });

  it('imports a 5,000-entry pack through the options page, and the next page opened marks its terms', async () => {
    await reset();
    const big: GlossaryPack = {
      ...pack,
      id: 'big-notes',
      name: 'Big notes',
      entries: Array.from({ length: 5000 }, (_, i) => ({
        id: `term-${i}`,
        term: `Zeta ${i} Accord`,
        aliases: [{ text: `Zeta ${i} Accord`, lang: 'en', caseSensitive: false }],
        category: 'treaty',
        explanation: `The accord number ${i}, for the test.`,
        quotes: [{ text: `The Zeta ${i} Accord was signed.` }],
        related: [],
      })),
    };
    const options = await openOptions();
    await importPack(options, JSON.stringify(big));
    await expect.poll(() => options.locator('.pack').count(), { timeout: 20_000 }).toBe(2);
    await options.close();
    const url = env.server.register(
      '/big-pack.html',
      '<!doctype html><meta charset="utf-8"><p>The Zeta 17 Accord and the zeta 4999 accord, beside THAAD; not Zeta 5000 Accord.</p>',
    );
    await expect
      .poll(
        async () => {
          const page = await openScanned(env.browser, url);
          const marks = await markedTexts(page);
          await page.close();
          return marks;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(['Zeta 17 Accord', 'zeta 4999 accord', 'THAAD']);
  });

  it('exports a pack and imports the file back exactly', async () => {
    await reset();
    const options = await openOptions();
    await importPack(options, JSON.stringify(pack));
    await expect.poll(() => options.locator('.pack').count()).toBe(2);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export Missile notes' }).click();
    const exported = await readFile(await (await download).path(), 'utf8');
    expect(JSON.parse(exported)).toEqual(pack);

    await options.getByRole('button', { name: 'Remove Missile notes' }).click();
    await expect.poll(() => options.locator('.pack').count()).toBe(1);
    await importPack(options, exported);
    await expect.poll(() => options.locator('.pack').count()).toBe(2);
    const stored = await env.browser.serviceWorker?.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      return (await chrome.storage.local.get('packs')).packs;
    });
    expect(stored).toEqual([pack]);
    await options.close();
  });

  it('adds a term from the popup, quoting the text selected on the page', async () => {
    await reset();
    const page = await openScanned(env.browser, fixture());
    await page.evaluate(() => {
      const text = document.querySelector('#far')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, text.data.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const popup = await openToolbarPopup(env.browser, page);
    await popup.getByRole('button', { name: 'Add a term' }).click();
    await popup.getByLabel('Term (as written, e.g. KAMD)').fill('Seoul');
    await popup.getByLabel('Explanation, in your own words').fill('The capital of South Korea.');
    expect(await popup.getByLabel(/^Quote from your source/).inputValue()).toBe(
      'Further down the page, MASGA and USFK appear.',
    );
    expect(await popup.getByLabel('Source title').inputValue()).toBe('Glossa settings fixture');
    await popup.getByRole('button', { name: 'Save to My glossary' }).click();
    await expect.poll(() => popup.locator('.popup').innerText()).toContain('Saved “Seoul” to My glossary.');
    await popup.locator('.search-input').fill('seoul');
    await expect.poll(() => popup.locator('[role="option"] .result-term').first().innerText()).toBe('Seoul');
    await popup.close();

    await expect.poll(() => markedTexts(page)).toContain('Seoul');
    await page.evaluate(() => getSelection()?.removeAllRanges());
    const text = await explanationOf(page, 'Seoul');
    expect(text).toContain('The capital of South Korea.');
    expect(text).toContain('Further down the page, MASGA and USFK appear.');
    await page.close();
  });
});

/**
 * The options page in Chromium: settings apply to open pages at once, the site list validates and
 * switches hosts off, export and import round-trip (a bad file changes nothing), and axe finds no
 * serious or critical violation.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/model';
import type { ChromeGlobal } from './support/chrome-api';
import { seriousAxeViolations } from './support/extension-pages';
import { markCount, markedTexts, openScanned, useBrowserAndServer, waitForScan } from './support/glossa-page';

describe('the options page in Chromium', () => {
  const env = useBrowserAndServer();
  const fixture = (host = '127.0.0.1') =>
    env.server.url('/fixtures/settings.html').replace('127.0.0.1', host);

  async function openOptions(): Promise<Page> {
    const page = await env.browser.newPage();
    await page.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await page.locator('main.options h1').waitFor();
    return page;
  }
  const choose = (options: Page, label: string) => options.getByLabel(label, { exact: true }).check();
  const saved = (options: Page) => expect.poll(() => options.locator('.status').innerText()).toBe('Saved.');

  /** Resets every setting to its default between tests (storage is shared by the whole browser). */
  async function resetSettings() {
    await env.browser.serviceWorker?.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.sync.clear(),
    );
  }

  it('adds a site (checked first) and the host goes off at once, another host stays on; removing it brings it back', async () => {
    await resetSettings();
    const local = await openScanned(env.browser, fixture('localhost'));
    const loopback = await openScanned(env.browser, fixture());
    const before = await markCount(loopback);
    const options = await openOptions();
    const field = options.getByLabel('Add a site');
    await field.fill('local*host');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    expect(await options.getByRole('alert').innerText()).toMatch(/may only come first/);
    await field.fill('http://LOCALHOST:8080/any/path');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('.site').allInnerTexts()).toEqual(['localhost']);
    await local.waitForFunction(() => !CSS.highlights.has('glossa-mention-underline'));
    expect(await markCount(loopback)).toBe(before);
    await options.getByRole('button', { name: 'Remove localhost' }).click();
    await local.waitForFunction(() => (CSS.highlights.get('glossa-mention-underline')?.size ?? 0) > 0);
    for (const page of [local, loopback, options]) await page.close();
  });

  it('applies reading settings to an open page: style, first mention only, Korean aliases, code', async () => {
    await resetSettings();
    const page = await openScanned(env.browser, fixture());
    expect(await markedTexts(page)).toEqual(['THAAD', 'THAAD', 'OPCON', '사드', '전작권', 'MASGA', 'USFK']);
    const options = await openOptions();

    await choose(options, 'Soft background');
    await saved(options);
    await page.waitForFunction(() => (CSS.highlights.get('glossa-mention-background')?.size ?? 0) === 7);
    expect(await page.evaluate(() => CSS.highlights.has('glossa-mention-underline'))).toBe(false);
    await choose(options, 'Dotted underline');

    await choose(
      options,
      'Only the first mention of each term (later ones still explain themselves on hover)',
    );
    await expect.poll(() => markedTexts(page)).toEqual(['THAAD', 'OPCON', 'MASGA', 'USFK']);
    await choose(options, 'Every mention');

    await options.getByLabel('Find terms written in Korean (사드, 전작권 …)').uncheck();
    await expect.poll(() => markedTexts(page)).toEqual(['THAAD', 'THAAD', 'OPCON', 'MASGA', 'USFK']);
    await options.getByLabel('Skip code blocks (text in <code> and <pre>)').uncheck();
    await expect
      .poll(() => markedTexts(page))
      .toEqual(['THAAD', 'THAAD', 'OPCON', 'THAAD', 'OPCON', 'USFK', 'OPCON', 'MASGA', 'USFK']);
    await page.close();
    await options.close();
  });

  it('with "only when I click", hovering opens nothing and a click explains', async () => {
    await resetSettings();
    const options = await openOptions();
    await choose(options, 'Only when I click a term');
    await saved(options);
    const page = await openScanned(env.browser, fixture());
    const box = await page.evaluate(() => {
      const text = document.querySelector('#prose')?.firstChild as Text;
      const range = document.createRange();
      const at = text.data.indexOf('THAAD');
      range.setStart(text, at);
      range.setEnd(text, at + 5);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.move(box.x + 1, box.y);
    await page.waitForTimeout(800);
    expect(await page.locator('glossa-popover').count()).toBe(0);
    await page.mouse.click(box.x, box.y);
    await page.waitForFunction(() => document.querySelector('glossa-popover') !== null);
    await page.close();
    await options.close();
  });

  it('exports, and imports the file back exactly; a broken file changes nothing', async () => {
    await resetSettings();
    const options = await openOptions();
    await choose(options, 'Always dark');
    await saved(options);
    await options.getByLabel('Add a site').fill('*.example.org');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('.site').allInnerTexts()).toEqual(['*.example.org']);

    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const file = await (await download).path();
    const exported = await readFile(file, 'utf8');
    expect(JSON.parse(exported).settings).toMatchObject({ theme: 'dark', sites: ['*.example.org'] });

    // Change things, then bring the file back.
    await choose(options, 'Always light');
    await options.getByRole('button', { name: 'Remove *.example.org' }).click();
    await expect.poll(() => options.locator('.site').count()).toBe(0);
    await options.getByLabel('Import settings…').setInputFiles({
      name: 'glossa-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect
      .poll(() => options.locator('[role="status"]').allInnerTexts())
      .toContainEqual(`Imported ${Object.keys(DEFAULT_SETTINGS).length} settings.`);
    expect(await options.getByLabel('Always dark').isChecked()).toBe(true);
    expect(await options.locator('.site').allInnerTexts()).toEqual(['*.example.org']);

    const storedBefore = await env.browser.serviceWorker?.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.sync.get('settings'),
    );
    await options.getByLabel('Import settings…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported.replace('"dark"', '"purple"').slice(0, -20)),
    });
    await expect.poll(() => options.locator('.field .error').innerText()).toContain('Nothing was imported');
    const storedAfter = await env.browser.serviceWorker?.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.sync.get('settings'),
    );
    expect(storedAfter).toEqual(storedBefore);
    await options.close();
  });

  it('has no serious or critical axe violation', async () => {
    await resetSettings();
    const options = await openOptions();
    await options.getByLabel('Add a site').fill('bad host');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('alert').waitFor();
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.close();
  });

  it('a page opened while the site is listed is never scanned', async () => {
    await resetSettings();
    const options = await openOptions();
    await options.getByLabel('Add a site').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('.site').allInnerTexts()).toEqual(['127.0.0.1']);
    const page = await env.browser.newPage();
    await page.goto(fixture());
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => performance.getEntriesByName('glossa:scan').length)).toBe(0);
    await resetSettings();
    await waitForScan(page);
    expect(await markCount(page)).toBeGreaterThan(0);
    await page.close();
    await options.close();
  });
});

/**
 * The real toolbar popup in Chromium, opened with chrome.action.openPopup() and driven over CDP:
 * search, the terms on the page, the site switch across tabs and hosts, and pages Glossa cannot enter.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from './support/browser';
import type { ChromeGlobal } from './support/chrome-api';
import { openToolbarPopup, popupClosed, seriousAxeViolations } from './support/extension-pages';
import { markCount, openScanned, useBrowserAndServer, waitForPopover } from './support/glossa-page';

/** The id of the tab showing `page` (brought to the front: the active tab). */
async function tabIdOf(ext: LaunchedBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await ext.serviceWorker?.evaluate(async () => {
    const [tab] = await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({
      active: true,
      currentWindow: true,
    });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

async function badgeOf(ext: LaunchedBrowser, tabId: number): Promise<string | undefined> {
  return ext.serviceWorker?.evaluate(
    (tabId) => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({ tabId }),
    tabId,
  );
}

const firstResult = (popup: Page) => popup.locator('[role="option"] .result-term').first().innerText();

async function search(popup: Page, query: string): Promise<string> {
  await popup.locator('.search-input').fill(query);
  return firstResult(popup);
}

/** Marks of the page, waited for until `predicate` holds. */
async function waitForMarks(page: Page, predicate: string) {
  await page.waitForFunction(
    `(CSS.highlights.get('glossa-mention-underline')?.size ?? 0) ${predicate}`,
    undefined,
    { timeout: 5_000 },
  );
}

describe('the toolbar popup in Chromium', () => {
  const env = useBrowserAndServer({ debuggingPort: true });
  const fixture = (host = '127.0.0.1') =>
    env.server.url('/fixtures/settings.html').replace('127.0.0.1', host);

  it('focuses search; results rank as a reader expects; arrows and Enter open an entry in full', async () => {
    const page = await openScanned(env.browser, fixture());
    const popup = await openToolbarPopup(env.browser, page);
    expect(await popup.evaluate(() => document.activeElement?.className)).toBe('search-input');
    expect(await search(popup, 'thad')).toBe('THAAD');
    expect(await search(popup, '사드')).toBe('THAAD');
    expect(await search(popup, '전작권')).toBe('OPCON');
    expect(await search(popup, 'operational control')).toBe('OPCON');
    await popup.locator('.search-input').fill('island');
    const islands = (await popup.locator('[role="option"] .result-term').allInnerTexts()).slice(0, 4);
    expect(islands).toEqual(expect.arrayContaining(['First island chain', 'Second island chain']));

    await popup.locator('.search-input').fill('THAAD');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('Enter');
    const detail = popup.locator('.detail');
    await detail.waitFor();
    expect(await popup.locator('h2.detail-term').innerText()).toBe('THAAD');
    expect(await detail.locator('blockquote').first().innerText()).toContain('THAAD');
    expect(await detail.locator('.attribution').innerText()).toContain('Kyeongdoo Jeong');
    await popup.close();
    await page.close();
  });

  it('lists the terms on the page with counts and a badge; choosing one goes there and explains it', async () => {
    const page = await openScanned(env.browser, fixture());
    const tabId = await tabIdOf(env.browser, page);
    await expect.poll(() => badgeOf(env.browser, tabId)).toBe('4');
    const popup = await openToolbarPopup(env.browser, page);
    const chips = popup.locator('button.page-term');
    await chips.first().waitFor();
    const listed = await chips.evaluateAll((buttons) =>
      buttons.map(
        (b) =>
          `${b.querySelector('.page-term-name')?.textContent} ${b.querySelector('.page-term-count')?.textContent}`,
      ),
    );
    // Code is skipped by default; the Korean aliases count for their terms.
    expect(listed).toEqual(['THAAD 3', 'OPCON 2', 'MASGA 1', 'USFK 1']);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const closed = popupClosed(popup);
    await chips.filter({ hasText: 'MASGA' }).click();
    await closed;
    const view = await waitForPopover(page);
    expect(view.role).toBe('dialog');
    expect(view.label).toBe('Explanation of MASGA');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await page.close();
  });

  it('switches a site off at once in all its tabs and after a reload, leaves other hosts on, and back', async () => {
    const a = await openScanned(env.browser, fixture());
    const b = await openScanned(env.browser, env.server.url('/fixtures/scanning.html'));
    const other = await openScanned(env.browser, fixture('localhost'));
    const otherMarks = await markCount(other);
    expect(otherMarks).toBeGreaterThan(0);

    let popup = await openToolbarPopup(env.browser, a);
    const siteSwitch = popup.locator('.site-switch');
    expect(await siteSwitch.innerText()).toBe('On for 127.0.0.1');
    expect(await siteSwitch.getAttribute('aria-checked')).toBe('true');
    await siteSwitch.click();
    await expect.poll(() => siteSwitch.innerText()).toBe('Off for 127.0.0.1');
    await waitForMarks(a, '=== 0');
    await waitForMarks(b, '=== 0');
    expect(await markCount(other)).toBe(otherMarks);
    const tabA = await tabIdOf(env.browser, a);
    await expect.poll(() => badgeOf(env.browser, tabA)).toBe('');
    await popup.close();

    await a.reload();
    await a.waitForLoadState('load');
    await a.waitForTimeout(1_500);
    expect(await a.evaluate(() => performance.getEntriesByName('glossa:scan').length)).toBe(0);
    expect(await markCount(a)).toBe(0);

    popup = await openToolbarPopup(env.browser, a);
    expect(await popup.locator('.site-switch').innerText()).toBe('Off for 127.0.0.1');
    await popup.locator('.site-switch').click();
    await waitForMarks(a, '> 0');
    await waitForMarks(b, '> 0');
    await popup.close();
    for (const page of [a, b, other]) await page.close();
  });

  it('pauses everywhere, and resumes', async () => {
    const page = await openScanned(env.browser, fixture());
    const other = await openScanned(env.browser, fixture('localhost'));
    const popup = await openToolbarPopup(env.browser, page);
    await popup.locator('.pause-switch').click();
    await waitForMarks(page, '=== 0');
    await waitForMarks(other, '=== 0');
    expect(await popup.locator('.popup').innerText()).toContain('Paused: Glossa is off on every site');
    await popup.locator('.pause-switch').click();
    await waitForMarks(page, '> 0');
    await waitForMarks(other, '> 0');
    await popup.close();
    await page.close();
    await other.close();
  });

  it('says plainly where it cannot run, and search still works there', async () => {
    const page = await env.browser.newPage();
    await page.goto('chrome://version/');
    const popup = await openToolbarPopup(env.browser, page);
    await expect.poll(() => popup.locator('.popup').innerText()).toContain('Glossa cannot run on this page');
    expect(await popup.locator('.site-switch').count()).toBe(0);
    expect(await search(popup, 'MASGA')).toBe('MASGA');
    await popup.close();
    await page.close();
  });

  it('declares Alt+Shift+G for the site switch, and the command flips the site', async () => {
    const worker = env.browser.serviceWorker;
    const commands = await worker?.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.commands.getAll(),
    );
    expect(commands).toContainEqual(
      expect.objectContaining({ name: 'toggle-site', shortcut: 'Alt+Shift+G' }),
    );
    const page = await openScanned(env.browser, fixture());
    const tabId = await tabIdOf(env.browser, page);
    // What the command runs (headless Chromium cannot press an extension shortcut).
    const send = () =>
      worker?.evaluate(
        (tabId) =>
          (
            globalThis as unknown as { glossaToggleSiteOfTab(tabId: number): Promise<unknown> }
          ).glossaToggleSiteOfTab(tabId),
        tabId,
      );
    expect(await send()).toEqual({ enabled: false });
    await waitForMarks(page, '=== 0');
    expect(await send()).toEqual({ enabled: true });
    await waitForMarks(page, '> 0');
    await page.close();
  });

  it('has no serious or critical axe violation, in the list and in an entry', async () => {
    const page = await openScanned(env.browser, fixture());
    const popup = await openToolbarPopup(env.browser, page);
    await popup.locator('button.page-term').first().waitFor();
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.locator('.search-input').fill('opcon');
    await popup.keyboard.press('Enter');
    await popup.locator('.detail').waitFor();
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});

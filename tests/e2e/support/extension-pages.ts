/**
 * The extension's own pages in end-to-end tests: the real toolbar popup (opened from the service
 * worker with `chrome.action.openPopup()`), the options page, and axe-core run inside them.
 *
 * Playwright's persistent context does not attach to a toolbar popup, so the browser is launched with
 * a DevTools port as well (`debuggingPort: true`) and a second CDP connection picks the popup up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser';
import type { ChromeGlobal } from './chrome-api';

const require = createRequire(import.meta.url);
const isPopup = (page: Page) => page.url().endsWith('/popup.html');

/**
 * The toolbar popup as a Playwright page. A CDP connection lists the page targets that exist when it
 * connects (it is not told about a popup opened later), so this connects again until the popup is there.
 * Each connection stays open while the browser lives: closing one could close the popup's page.
 */
async function findPopup(ext: LaunchedBrowser, timeout = 10_000): Promise<Page> {
  const port = readFileSync(path.join(ext.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const deadline = Date.now() + timeout;
  for (;;) {
    const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const popup = browser
      .contexts()
      .flatMap((context) => context.pages())
      .find(isPopup);
    if (popup) return popup;
    if (Date.now() > deadline) throw new Error('The toolbar popup did not appear');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens the real toolbar popup over `forPage`'s tab and returns it once it has rendered. */
export async function openToolbarPopup(ext: LaunchedBrowser, forPage: Page): Promise<Page> {
  const worker = ext.serviceWorker;
  if (!worker) throw new Error('The extension has no service worker');
  await forPage.bringToFront();
  const result = await worker.evaluate(() =>
    (globalThis as unknown as ChromeGlobal).chrome.action.openPopup().then(
      () => 'opened',
      (error: unknown) => String(error),
    ),
  );
  if (result !== 'opened') throw new Error(`chrome.action.openPopup() failed: ${result}`);
  const popup = await findPopup(ext);
  await popup.waitForSelector('.popup .search-input, .popup .detail');
  return popup;
}

/** Resolves when `page` (a popup) has closed itself. */
export function popupClosed(page: Page, timeout = 5_000): Promise<void> {
  if (page.isClosed()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The popup did not close')), timeout);
    page.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in an extension page and returns its serious and critical violations, described.
 * Evaluated over CDP: the page's CSP (script-src 'self') refuses script tags, not the debugger.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * Privacy in a whole session: scanning, hovering, pinning, the popup's search and site switch, and the
 * options page make no request beyond the page's own; the page cannot reach or read Glossa.
 */
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChromeGlobal } from './support/chrome-api';
import { openToolbarPopup } from './support/extension-pages';
import { markCount, openScanned, useBrowserAndServer, waitForPopover } from './support/glossa-page';
import { hoverText } from './support/text';

describe('privacy in Chromium', () => {
  const env = useBrowserAndServer({ debuggingPort: true });

  it('makes no network request of its own in a full session', async () => {
    const requests: { url: string; from: string }[] = [];
    const record = (request: Request) => {
      let from = 'page';
      try {
        from = request.serviceWorker() ? 'service worker' : request.frame().url();
      } catch {
        from = 'worker';
      }
      requests.push({ url: request.url(), from });
    };
    env.browser.context.on('request', record);
    const origin = new URL(env.server.url('/')).origin;
    const extensionOrigin = `chrome-extension://${env.browser.extensionId}`;
    try {
      const page = await openScanned(env.browser, env.server.url('/fixtures/definitions.html'));
      await hoverText(page, 'KAMD now');
      await waitForPopover(page);
      await hoverText(page, 'THAAD');
      await page.mouse.click(...(await centre(page)));
      expect((await waitForPopover(page)).role).toBe('dialog');
      await page.keyboard.press('Escape');

      const popup = await openToolbarPopup(env.browser, page);
      popup.on('request', record);
      await popup.locator('.search-input').fill('opcon');
      await popup.keyboard.press('Enter');
      await popup.locator('.detail').waitFor();
      await popup.locator('button.back').click();
      await popup.locator('.site-switch').click();
      await page.waitForFunction(() => !CSS.highlights.has('glossa-mention-underline'));
      await popup.locator('.site-switch').click();
      await page.waitForFunction(() => (CSS.highlights.get('glossa-mention-underline')?.size ?? 0) > 0);
      await popup.close();

      const options = await env.browser.newPage();
      await options.goto(`${extensionOrigin}/options.html`);
      await options.getByLabel('Soft background').check();
      await options.getByLabel('Dotted underline').check();
      await options.close();
      await page.close();
    } finally {
      env.browser.context.off('request', record);
    }
    const foreign = requests.filter(
      ({ url }) =>
        !url.startsWith(`${origin}/`) && !url.startsWith(`${extensionOrigin}/`) && !url.startsWith('data:'),
    );
    // The recorder saw the session (the page's own loads). Playwright reports no events for
    // chrome-extension: loads; the extension's pages and worker are covered by the routing, which
    // aborts and records (in `blocked`) anything that would leave loopback, and by the DNS rules.
    expect(requests.some(({ url }) => url.startsWith(`${origin}/fixtures/`))).toBe(true);
    expect(foreign).toEqual([]);
    expect(env.browser.blocked).toEqual([]);
    // The extension's own pages load only their own files.
    const fromExtension = requests.filter(
      ({ from }) => from.startsWith(extensionOrigin) || from === 'service worker',
    );
    expect(fromExtension.every(({ url }) => url.startsWith(`${extensionOrigin}/`))).toBe(true);
  });

  it('cannot be driven or read by the page', async () => {
    await env.browser.serviceWorker?.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.sync.set({
        settings: { sites: ['private.example.com'] },
      }),
    );
    const page = await openScanned(env.browser, env.server.url('/fixtures/settings.html'));
    const before = await markCount(page);
    const seen = await page.evaluate(async (extensionId) => {
      const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
      // A page has no channel to the extension: no runtime messaging without externally_connectable.
      const runtime = typeof w.chrome?.runtime?.sendMessage === 'function';
      window.postMessage({ type: 'toggle-site' }, '*');
      document.dispatchEvent(new CustomEvent('glossa', { detail: { type: 'toggle-site' } }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const host = document.querySelector('glossa-popover');
      const everything = document.documentElement.outerHTML + JSON.stringify({ ...localStorage });
      return {
        runtime,
        extensionIdVisible: everything.includes(extensionId ?? '-'),
        settingsVisible: everything.includes('private.example.com'),
        shadowReadable: host ? host.shadowRoot !== null : false,
      };
    }, env.browser.extensionId);
    expect(seen).toEqual({
      runtime: false,
      extensionIdVisible: false,
      settingsVisible: false,
      shadowReadable: false,
    });
    expect(await markCount(page)).toBe(before);
    await page.close();
  });
});

/** The centre of THAAD's first line in the viewport (it was just hovered, so it is in view). */
async function centre(page: import('playwright-core').Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf('THAAD');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 5);
      const rect = range.getClientRects()[0] as DOMRect;
      return [rect.x + rect.width / 2, rect.y + rect.height / 2] as [number, number];
    }
    return [0, 0] as [number, number];
  });
}

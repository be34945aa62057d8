import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, type LaunchedBrowser, launchBrowser, type PageErrors } from './support/browser';
import { hasShared, missingSharedMessage, type StaticServer, startServer } from './support/server';

interface Manifest {
  name: string;
  manifest_version: number;
  permissions?: string[];
}

interface PageSnapshot {
  /** document.body.innerText */
  renderedText: string;
  elementCount: number;
  tagNames: string;
  html: string;
}

/** Waits for load, then for the content script's idle-time start-up to have run (document_idle + slack). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }),
  );
  await page.waitForTimeout(1_000);
}

async function snapshot(page: Page): Promise<PageSnapshot> {
  return page.evaluate(() => {
    const elements = Array.from(document.querySelectorAll('*'));
    return {
      renderedText: document.body.innerText,
      elementCount: elements.length,
      tagNames: elements.map((el) => el.tagName).join(' '),
      html: document.documentElement.outerHTML,
    };
  });
}

describe('Glossa loads in Chromium', () => {
  let ext: LaunchedBrowser;

  beforeAll(async () => {
    ext = await launchBrowser({ withExtension: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('starts its service worker under a Chromium extension id', () => {
    expect(ext.serviceWorker).toBeDefined();
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker?.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/`));
  });

  it('has the manifest it promises: name Glossa, the reviewed permissions and nothing else', async () => {
    const worker = ext.serviceWorker;
    if (!worker) throw new Error('no service worker');
    const manifest = (await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }
      ).chrome.runtime.getManifest(),
    )) as Manifest;
    expect(manifest.name).toBe('Glossa');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'unlimitedStorage', 'contextMenus']);
  });
});

describe.skipIf(!hasShared())(
  `Glossa on the seed article${hasShared() ? '' : ` (skipped: ${missingSharedMessage})`}`,
  () => {
    let server: StaticServer;
    let withExt: LaunchedBrowser;
    let withoutExt: LaunchedBrowser;
    let withPage: Page;
    let withoutPage: Page;
    let errors: PageErrors;
    let withSnap: PageSnapshot;
    let withoutSnap: PageSnapshot;

    beforeAll(async () => {
      server = await startServer();
      // One browser at a time: two cores.
      withoutExt = await launchBrowser({ withExtension: false });
      withoutPage = await withoutExt.newPage();
      await withoutPage.goto(server.url('/article.html'));
      await settle(withoutPage);
      withoutSnap = await snapshot(withoutPage);

      withExt = await launchBrowser({ withExtension: true });
      withPage = await withExt.newPage();
      errors = collectPageErrors(withPage);
      await withPage.goto(server.url('/article.html'));
      await settle(withPage);
      withSnap = await snapshot(withPage);
    });

    afterAll(async () => {
      await withExt?.close();
      await withoutExt?.close();
      await server?.close();
    });

    it('serves the article to both browsers', () => {
      expect(withoutSnap.renderedText).toContain('Terminal High Altitude Area Defense (THAAD)');
      expect(withoutSnap.elementCount).toBeGreaterThan(20);
    });

    it('leaves the page text identical', () => {
      expect(withSnap.renderedText).toBe(withoutSnap.renderedText);
    });

    it('adds no element to the document before any hover', () => {
      expect(withSnap.elementCount).toBe(withoutSnap.elementCount);
      expect(withSnap.tagNames).toBe(withoutSnap.tagNames);
      // Stricter: no attribute, class or text node of the page changed either.
      expect(withSnap.html).toBe(withoutSnap.html);
    });

    it('throws no page error and logs no console error on the article', () => {
      expect(errors.pageErrors).toEqual([]);
      expect(errors.consoleErrors).toEqual([]);
    });

    it('makes no request that leaves loopback (the article is self-contained)', () => {
      expect(withExt.blockedRequests).toEqual([]);
      expect(withoutExt.blockedRequests).toEqual([]);
      expect(withExt.blocked.filter((b) => b.serviceWorkerUrl?.startsWith('chrome-extension://'))).toEqual(
        [],
      );
      // Everything the server saw is the article itself (and the browser's own favicon probe).
      const paths = new Set(server.requests.map((r) => r.split('?')[0]));
      paths.delete('/favicon.ico');
      expect([...paths]).toEqual(['/article.html']);
    });
  },
);

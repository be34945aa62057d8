/**
 * "Never break the page", on 26 real saved pages (../shared/corpus) and the article: with Glossa, the
 * page's text and DOM are what they are without it, no element is added before a hover, no error
 * reaches the page, and marked mentions explain themselves
 * when hovered.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack } from '../../src/glossary/builtin/rok-us-alliance';
import { collectPageErrors, type LaunchedBrowser, launchBrowser } from './support/browser';
import { MARKS, readPopover, waitForScan } from './support/glossa-page';
import {
  hasShared,
  listCorpus,
  missingSharedMessage,
  type StaticServer,
  startServer,
} from './support/server';

async function load(browser: LaunchedBrowser, url: string, withGlossa: boolean) {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const detail = withGlossa ? await waitForScan(page) : null;
  // Let the page's own timers settle the same way in both browsers.
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    innerText: document.body?.innerText ?? '',
    tags: [...document.querySelectorAll('*')].map((el) => el.localName).join(' '),
  }));
  // The pages' own scripts fail without their network (blocked here); the order of their errors varies.
  const pageErrors = () => errors.pageErrors.map((error) => error.split('\n')[0] ?? '').sort();
  return { page, detail, state, pageErrors };
}

/** The first few marked mentions that are on screen after scrolling to them, with their text. */
async function visibleMentions(page: Page, count: number) {
  return page.evaluate(
    ({ name, count }) => {
      const highlight = CSS.highlights.get(name);
      const out: { text: string; index: number }[] = [];
      [...(highlight ?? [])].forEach((r, index) => {
        if (out.length >= count || r.startContainer.getRootNode() !== document) return;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        const parent = r.startContainer.parentElement;
        if (
          !rect ||
          rect.width < 2 ||
          !parent?.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        ) {
          return;
        }
        out.push({ text: range.toString(), index });
      });
      return out;
    },
    { name: MARKS, count },
  );
}

async function hoverMention(page: Page, index: number) {
  const point = await page.evaluate(
    ({ name, index }) => {
      const r = [...(CSS.highlights.get(name) ?? [])][index];
      if (!r) return null;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.x + Math.min(rect.width / 2, 6), y: rect.y + rect.height / 2 } : null;
    },
    { name: MARKS, index },
  );
  if (!point) return null;
  await page.mouse.move(point.x, point.y, { steps: 4 });
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const view = await readPopover(page);
    if (view) return view;
  }
  return null;
}

/** Which entry a piece of page text names, by the built-in pack's aliases (case-folded). */
const aliasOwners = new Map<string, string>();
for (const entry of builtinPack.entries) {
  for (const alias of entry.aliases)
    aliasOwners.set(alias.text.toLowerCase().replace(/[\s\-/'’]/g, ''), entry.term);
}

describe.skipIf(!hasShared())('the corpus: Glossa never breaks a page', async () => {
  if (!hasShared()) console.warn(missingSharedMessage);
  const files = hasShared() ? await listCorpus() : [];
  let server: StaticServer;
  let withGlossa: LaunchedBrowser;
  let without: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    withGlossa = await launchBrowser();
    without = await launchBrowser({ withExtension: false });
  });
  afterAll(async () => {
    await withGlossa?.close();
    await without?.close();
    await server?.close();
  });

  it('has the 26 pages', () => {
    expect(files.length).toBe(26);
  });

  it.each(['/article.html', ...files.map((file) => `/corpus/${file}`)])('%s', async (pathname) => {
    const url = server.url(pathname);
    const plain = await load(without, url, false);
    const glossa = await load(withGlossa, url, true);
    try {
      expect(glossa.state.innerText).toBe(plain.state.innerText);
      expect(glossa.state.tags).toBe(plain.state.tags);
      expect(glossa.pageErrors()).toEqual(plain.pageErrors());
      // (The scan's cost and its longest slice are measured by npm run bench, never asserted here.)
      // Hover up to two visible mentions: each opens the explanation of the term it names.
      for (const mention of await visibleMentions(glossa.page, 2)) {
        const view = await hoverMention(glossa.page, mention.index);
        const owner = aliasOwners.get(mention.text.toLowerCase().replace(/[\s\-/'’]/g, ''));
        if (owner) {
          expect(view?.label, `hovering "${mention.text}"`).toBe(`Explanation of ${owner}`);
        } else {
          // A term the page defines itself: titled "SF, long form", quoting the page's own sentence.
          const short = mention.text.replace(/(?<=\p{Lu})s$/u, '');
          expect(view?.label, `hovering "${mention.text}"`).toMatch(/^Explanation of .+, .+/);
          expect(view?.label.startsWith(`Explanation of ${short}, `), view?.label).toBe(true);
          expect(view?.texts.join(' ')).toContain(`${short} · defined on this page`);
        }
        await glossa.page.mouse.move(1, 1);
        await glossa.page.waitForTimeout(450);
      }
      // Hovering added exactly one element, Glossa's host, and changed no text.
      const after = await glossa.page.evaluate(() => ({
        innerText: document.body?.innerText ?? '',
        hosts: document.querySelectorAll('glossa-popover').length,
      }));
      expect(after.innerText).toBe(plain.state.innerText);
      expect(after.hosts).toBeLessThanOrEqual(1);
    } finally {
      await plain.page.close();
      await glossa.page.close();
    }
  });
});

/**
 * `npm run screenshots`: renders the store screenshots (1280×800 PNG) with the built extension in
 * headless Chromium, on the bundled article served from 127.0.0.1:
 *   1-popover.png  an explanation open on the article
 *   2-popup.png    the toolbar popup searching the glossary, over the article
 *   3-options.png  the options page
 *   4-popup-ko.png the popup in Korean (browser language ko)
 *   5-reader.png   Glossa's PDF reader on a PDF of the article, an explanation open
 * Output: .output/screenshots/ (or the folder given as the first argument).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser } from './e2e/support/browser';
import { openToolbarPopup } from './e2e/support/extension-pages';
import { waitForPopover, waitForScan } from './e2e/support/glossa-page';
import { makeArticlePdf } from './e2e/support/pdf';
import { articlePath, hasShared, repoRoot, startServer } from './e2e/support/server';
import { hoverText } from './e2e/support/text';

const SIZE = { width: 1280, height: 800 };
const outDir = path.resolve(
  process.env.INIT_CWD ?? repoRoot,
  process.argv[2] ?? path.join(repoRoot, '.output/screenshots'),
);

/** Draws the popup (a small window of its own) onto the page, where the browser shows it. */
function composite(page: Buffer, popup: Buffer): Buffer {
  const base = PNG.sync.read(page);
  const top = PNG.sync.read(popup);
  const left = base.width - top.width - 16;
  PNG.bitblt(
    top,
    base,
    0,
    0,
    Math.min(top.width, base.width),
    Math.min(top.height, base.height - 8),
    Math.max(0, left),
    8,
  );
  return PNG.sync.write(base);
}

async function popupShot(popup: Page, article: Page, query: string): Promise<Buffer> {
  await popup.locator('.search-input').fill(query);
  await popup.waitForTimeout(200);
  return composite(await article.screenshot(), await popup.screenshot());
}

/** The reader on the PDF, THAAD's explanation open where the article introduces it. */
async function readerShot(opening: Promise<Page>, extensionId: string, pdfUrl: string): Promise<Buffer> {
  const reader = await opening;
  await reader.setViewportSize(SIZE);
  await reader.goto(`chrome-extension://${extensionId}/reader.html?file=${encodeURIComponent(pdfUrl)}`);
  await reader.locator('.textLayer span').first().waitFor();
  // Page by page until THAAD is marked, then its line brought to the middle and pointed at.
  for (let tries = 0; tries < 100; tries++) {
    const point = await reader.evaluate(`(() => {
      for (const mark of CSS.highlights.get('glossa-mention-underline') ?? []) {
        const r = document.createRange(); r.setStart(mark.startContainer, mark.startOffset); r.setEnd(mark.endContainer, mark.endOffset);
        if (r.toString() !== 'THAAD') continue;
        mark.startContainer.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      document.querySelector('.viewer-container').scrollBy(0, 400);
      return null; })()`);
    if (point) {
      const { x, y } = point as { x: number; y: number };
      await reader.mouse.move(x - 4, y);
      await reader.mouse.move(x, y, { steps: 3 });
      await waitForPopover(reader);
      await reader.waitForTimeout(300);
      return reader.screenshot();
    }
    await reader.waitForTimeout(200);
  }
  throw new Error('THAAD was not marked in the reader');
}

async function main(): Promise<void> {
  if (!hasShared())
    throw new Error(`the seed article is missing (${articlePath}): ../shared must sit beside the project.`);
  mkdirSync(outDir, { recursive: true });
  const server = await startServer();
  const written: string[] = [];
  const save = (name: string, png: Buffer) => {
    const file = path.join(outDir, name);
    writeFileSync(file, png);
    written.push(file);
  };
  const pdfUrl = server.register('/reports/alliance-report.pdf', (await makeArticlePdf()).bytes, {
    'content-type': 'application/pdf',
  });
  try {
    for (const lang of ['en', 'ko'] as const) {
      const browser = await launchBrowser({ viewport: SIZE, debuggingPort: true, args: [`--lang=${lang}`] });
      try {
        const article = await browser.newPage();
        await article.goto(server.url('/article.html'));
        await waitForScan(article);
        if (lang === 'en') {
          await hoverText(article, 'THAAD');
          await waitForPopover(article);
          await article.waitForTimeout(300);
          save('1-popover.png', await article.screenshot());
          await article.mouse.move(5, 5);
          await article.waitForTimeout(600);
        }
        const popup = await openToolbarPopup(browser, article);
        save(
          lang === 'en' ? '2-popup.png' : '4-popup-ko.png',
          await popupShot(popup, article, lang === 'en' ? 'opcon' : '사드'),
        );
        await popup.close();
        if (lang === 'en') {
          const options = await browser.newPage();
          await options.setViewportSize(SIZE);
          await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
          await options.locator('main.options h1').waitFor();
          save('3-options.png', await options.screenshot());
          save('5-reader.png', await readerShot(browser.newPage(), browser.extensionId ?? '', pdfUrl));
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(`screenshots: ${(error as Error).message}`);
  process.exit(1);
});

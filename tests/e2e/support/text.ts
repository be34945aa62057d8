/** Finding and hovering words of the page, as a reader would point at them. */
import type { Page } from 'playwright-core';

export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the box, in viewport CSS pixels. */
  centerX: number;
  centerY: number;
}

/**
 * Scrolls the `nth` visible occurrence of `text` in the page's body into view (centred) and returns the
 * viewport box of its first line. Text in script/style/noscript/template/textarea and in hidden elements
 * does not count. Null if there is no such occurrence.
 */
export async function findText(page: Page, text: string, nth = 0): Promise<TextBox | null> {
  return page.evaluate(
    ({ text, nth }) => {
      const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const parent = node.parentElement;
        if (!parent || skip.has(parent.tagName)) continue;
        for (let at = node.data.indexOf(text); at !== -1; at = node.data.indexOf(text, at + 1)) {
          if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) break;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          if (range.getClientRects().length === 0) continue;
          if (seen++ < nth) continue;
          parent.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0 || rect.height === 0) continue;
          return {
            x: rect.x,
            y: rect.y,
            width: rect.width,
            height: rect.height,
            centerX: rect.x + rect.width / 2,
            centerY: rect.y + rect.height / 2,
          };
        }
      }
      return null;
    },
    { text, nth },
  );
}

/**
 * Moves the mouse onto the `nth` visible occurrence of `text` (in a few steps, so the page sees real
 * mousemove events) and returns its box. Throws if the text is not on the page.
 */
export async function hoverText(page: Page, text: string, nth = 0): Promise<TextBox> {
  const box = await findText(page, text, nth);
  if (!box) throw new Error(`No visible occurrence #${nth} of ${JSON.stringify(text)} on ${page.url()}`);
  await page.mouse.move(box.centerX, box.centerY, { steps: 5 });
  return box;
}

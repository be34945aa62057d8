/**
 * What Glossa did to a page, read from the page's own side: the highlight registry is shared with the
 * page, and `performance.measure` entries from the content script reach the page's timeline.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import en from '../../../assets/locales/en.json';
import ko from '../../../assets/locales/ko.json';
import {
  type AXNode,
  axName,
  axRole,
  axSubtree,
  axTree,
  glossaLog,
  type LaunchedBrowser,
  type LaunchOptions,
  launchBrowser,
} from './browser';
import { type StaticServer, startServer } from './server';

export const MARKS = 'glossa-mention-underline';
export const ACTIVE = 'glossa-mention-active';

export interface ScanDetail {
  textNodes: number;
  chars: number;
  mentions: number;
  busyMs: number;
  longestSliceMs: number;
  /** How many slices the scan took (it yields to the page between them). */
  slices: number;
  /** How many of them ran past 50 ms. */
  longSlices: number;
  /** When Glossa's script started, in the page's `performance.now()` time. */
  scriptStart: number;
}

/** Waits for the initial scan's `glossa:scan` measure and returns its detail. */
export async function waitForScan(page: Page, timeout = 15_000): Promise<ScanDetail> {
  await page.waitForFunction(() => performance.getEntriesByName('glossa:scan').length > 0, undefined, {
    timeout,
  });
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('glossa:scan') as PerformanceMeasure[];
    return (entries.at(-1) as PerformanceMeasure).detail as ScanDetail;
  });
}

/** The text of every marked mention in the page's main document, in document order. */
export function markedTexts(page: Page, name = MARKS): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    // Ranges in shadow trees cannot be compared with the document's: order them by their hosts.
    const anchor = (node: Node): Node => {
      const root = node.getRootNode();
      return root instanceof ShadowRoot ? anchor(root.host) : node;
    };
    const marks = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return { node: anchor(r.startContainer), offset: r.startOffset, text: range.toString() };
    });
    marks.sort((a, b) => {
      if (a.node === b.node) return a.offset - b.offset;
      return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return marks.map((mark) => mark.text);
  }, name);
}

export function markCount(page: Page, name = MARKS): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name);
}

/** The popover, as assistive technology sees it: its role, label and all its text. */
export interface PopoverView {
  role: 'tooltip' | 'dialog';
  label: string;
  texts: string[];
  node: AXNode;
}

/** Reads the open popover through the accessibility tree (it lives in a closed shadow root). */
/** The popover's label in every interface language ("Explanation of $1", …), as a test. */
const popoverLabels = [en, ko].map((locale) => {
  const [before, after] = locale.popover_explanationOf.message.split('$1') as [string, string?];
  return { before, after: after ?? '' };
});
function isPopoverLabel(name: string): boolean {
  return popoverLabels.some(({ before, after }) => name.startsWith(before) && name.endsWith(after));
}

export async function readPopover(page: Page): Promise<PopoverView | null> {
  const nodes = await axTree(page);
  const root = nodes.find(
    (node) => (axRole(node) === 'tooltip' || axRole(node) === 'dialog') && isPopoverLabel(axName(node)),
  );
  if (!root) return null;
  const texts = axSubtree(nodes, root)
    .filter((node) => !node.ignored && axRole(node) === 'StaticText' && axName(node))
    .map(axName);
  return { role: axRole(root) as 'tooltip' | 'dialog', label: axName(root), texts, node: root };
}

export async function waitForPopover(page: Page, timeout = 3_000): Promise<PopoverView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const view = await readPopover(page);
    if (view) return view;
    if (Date.now() > deadline) {
      const log = glossaLog(page.context());
      throw new Error(
        `No popover appeared on ${page.url()}${log.length ? `; Glossa logged:\n${log.join('\n')}` : ''}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

export async function waitForNoPopover(page: Page, timeout = 3_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (await readPopover(page)) {
    if (Date.now() > deadline) throw new Error('The popover did not close');
    await page.waitForTimeout(100);
  }
}

/** The popover's box in viewport CSS pixels, from the accessibility node's DOM geometry. */
export async function popoverBox(page: Page, view: PopoverView) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: view.node.backendDOMNodeId })) as {
      model: { border: number[] };
    };
    const xs = [model.border[0], model.border[2], model.border[4], model.border[6]] as number[];
    const ys = [model.border[1], model.border[3], model.border[5], model.border[7]] as number[];
    return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  } finally {
    await cdp.detach();
  }
}

/** A browser and a local server for the tests of one `describe`, started before them, closed after. */
export function useBrowserAndServer(options?: LaunchOptions): {
  browser: LaunchedBrowser;
  server: StaticServer;
} {
  const handle = {} as { browser: LaunchedBrowser; server: StaticServer };
  beforeAll(async () => {
    handle.server = await startServer();
    handle.browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.server?.close();
  });
  return handle;
}

/** Opens `url` in a new tab and waits for Glossa's initial scan. */
export async function openScanned(browser: LaunchedBrowser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitForScan(page);
  return page;
}

/** Clicks a button of the open popover, found by its accessible name (the popover's root is closed). */
export async function clickPopoverButton(page: Page, name: string): Promise<void> {
  const nodes = await axTree(page);
  const button = nodes.find((node) => !node.ignored && axRole(node) === 'button' && axName(node) === name);
  if (!button?.backendDOMNodeId) throw new Error(`No popover button named "${name}"`);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendDOMNodeId })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

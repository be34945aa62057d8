/**
 * Pages that fight back, each generated here: mutation storms, giants, late changes, a page that plays
 * with Glossa, and text that costs. What Glossa spends is measured from outside (V8's profiler on the
 * page's renderer), its marks from the page's shared highlight registry, its popover through the
 * accessibility tree.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type CpuProfile, costOf } from '../bench/cpu-profile';
import { collectPageErrors } from './support/browser';
import {
  MARKS,
  markCount,
  markedTexts,
  readPopover,
  useBrowserAndServer,
  waitForScan,
} from './support/glossa-page';
import { giantPage, PARAGRAPH, stormPage } from './support/hostile-pages';
import { findText, hoverText } from './support/text';

async function startProfiler(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return session;
}

async function glossaCost(session: CDPSession, extensionId: string) {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return costOf(profile, `chrome-extension://${extensionId}/`);
}

async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** The popover's label, read quickly even on a giant page (only the popover's own subtree). */
async function popoverLabel(page: Page): Promise<string | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await session.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: 'glossa-popover',
    })) as {
      nodeId: number;
    };
    if (!nodeId) return null;
    for (const role of ['tooltip', 'dialog']) {
      const { nodes } = (await session.send('Accessibility.queryAXTree', { nodeId, role })) as {
        nodes: { name?: { value?: string }; ignored?: boolean }[];
      };
      const named = nodes.find((node) => !node.ignored && node.name?.value);
      if (named) return String(named.name?.value);
    }
    return null;
  } finally {
    await session.detach().catch(() => {});
  }
}

describe('pages that fight back', () => {
  const env = useBrowserAndServer();
  const open = async (path: string, html: string): Promise<Page> => {
    const url = env.server.register(path, html);
    const page = await env.browser.newPage();
    await page.goto(url);
    return page;
  };
  const extensionId = () => env.browser.extensionId as string;

  it('a mutation storm (a clock every frame, hundreds of nodes a second) costs under 10% of the time, and marks where text settles', async () => {
    const page = await open('/storm.html', stormPage());
    await waitForScan(page);
    // A second of storm first: the first rescans run cold code, which the profiler (attached later)
    // would otherwise count at several times its cost (see the benchmark on profiler overhead). What is
    // measured is the storm as it goes on.
    await page.waitForTimeout(1_000);
    const heapSession = await page.context().newCDPSession(page);
    const before = await heapAfterGc(heapSession);
    const profiler = await startProfiler(page);
    const started = Date.now();
    await page.waitForTimeout(10_000);
    const wall = Date.now() - started;
    const cost = await glossaCost(profiler, extensionId());
    await page.evaluate('window.stopStorm()');
    await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(['THAAD', 'OPCON']);
    await page.waitForTimeout(500);
    const after = await heapAfterGc(heapSession);
    console.log(
      `storm: Glossa ${cost.inclusiveMs.toFixed(0)} ms of ${wall} ms (${((cost.inclusiveMs / wall) * 100).toFixed(1)}%), longest stretch ${cost.longestRunMs.toFixed(1)} ms, heap ${(before / 1e6).toFixed(1)} → ${(after / 1e6).toFixed(1)} MB`,
    );
    expect(cost.inclusiveMs / wall).toBeLessThan(0.1);
    expect(cost.longestRunMs).toBeLessThan(50);
    // Nothing of what came and went is kept (no growing maps of removed nodes).
    expect(after - before).toBeLessThan(2_000_000);
    await page.close();
  }, 45_000);

  it('a giant (200,000 mentions, then 10 MB of text) is scanned in slices, and its last mention still explains itself', async () => {
    const page = await open('/giant.html', giantPage());
    const scan = await waitForScan(page, 90_000);
    expect(scan.mentions).toBe(200_001);
    // In slices; the few that run long on a page of 500,000 nodes are the browser's own pauses (GC, an
    // isolated world's wrapper table growing): a bare walk keeping the same text nodes has them too.
    // (How many slices depends on the machine's speed: 43–58 here; a single one would be a long task.)
    expect(scan.slices).toBeGreaterThan(20);
    expect(scan.longSlices).toBeLessThanOrEqual(Math.ceil(scan.slices * 0.05));
    expect(await markCount(page)).toBeLessThanOrEqual(5_000);
    await page.evaluate(() => document.getElementById('end')?.scrollIntoView());
    const box = await findText(page, 'MASGA');
    if (!box) throw new Error('no MASGA');
    // The host appears when a popover first shows: polled in the page (cheap), the label read after.
    const rested = Date.now();
    await page.mouse.move(box.centerX, box.centerY);
    await page.waitForFunction(() => document.querySelector('glossa-popover') !== null, undefined, {
      timeout: 5_000,
      polling: 10,
    });
    const opened = Date.now() - rested;
    expect(await popoverLabel(page)).toBe('Explanation of MASGA');
    console.log(
      `giant: scan ${scan.busyMs.toFixed(0)} ms busy in ${scan.slices} slices (${scan.longSlices} over 50 ms, longest ${scan.longestSliceMs} ms), popover after ${opened} ms`,
    );
    // The time is printed, not asserted (a timer in a test is a flaky test): 0.57–0.78 s here against a
    // 0.3 s hover delay, measured from outside. Most of the rest is Chromium's own per-change cost on a
    // page of 500,000 layout objects (a trace: a layout's scroll-anchor search ~85 ms, each frame's
    // compositing-inputs walk ~110 ms); Glossa draws the popover in one task, its entry read ahead.
    await page.close();

    // 10 MB of text in paragraphs, and a 50,000-deep nesting of inline elements. The nesting is hidden:
    // laid out, any nesting past about 10,000 crashes Chromium's renderer on its own (measured with no
    // extension: 10,000, 20,000 and 50,000 crash, 5,000 does not). Hidden, it is still walked and read.
    const big = await open(
      '/ten-mb.html',
      `<!doctype html><meta charset="utf-8"><main id="m"></main>
      <script>
        const parts = [], line = 'Reporting on the alliance and its plans, with the usual words, again and again; ';
        for (let i = 0; i < 1000; i++) parts.push('<p>' + line.repeat(125) + (i % 100 ? '' : ' THAAD') + '</p>');
        document.getElementById('m').innerHTML = parts.join('');
        let parent = document.createElement('p'); parent.hidden = true; document.body.append(parent);
        for (let i = 0; i < 50000; i++) { const b = document.createElement(i % 2 ? 'b' : 'span'); b.append(i === 49999 ? ' and OPCON' : '.'); parent.append(b); parent = b; }
      </script>`,
    );
    const bigScan = await waitForScan(big, 90_000);
    expect(bigScan.chars).toBeGreaterThan(10_000_000);
    expect(bigScan.mentions).toBe(11);
    console.log(
      `10 MB: scan ${bigScan.busyMs.toFixed(0)} ms busy in ${bigScan.slices} slices (${bigScan.longSlices} over 50 ms, longest ${bigScan.longestSliceMs} ms)`,
    );
    expect(bigScan.longSlices).toBeLessThanOrEqual(Math.ceil(bigScan.slices * 0.05));
    await big.close();
  }, 200_000);

  it('late changes: a shadow root attached later, editing switched on and off, hidden and graphic splits, single-page navigation (history and the Navigation API)', async () => {
    const page = await open(
      '/late.html',
      `<!doctype html><meta charset="utf-8">
      <p id="first">${PARAGRAPH} THAAD.</p>
      <late-card id="card"></late-card>
      <div id="widget"><p>A widget mounts here.</p></div>
      <p id="edit">The editable paragraph names OPCON.</p>
      <p id="hidden">wartime <span hidden>x</span> operational control</p>
      <p id="svg">wartime <svg width="4" height="4"></svg>operational control</p>
      <p id="later" hidden>Shown later: the OECD.</p>
      <iframe id="frame" srcdoc="<p>${PARAGRAPH} Nothing yet.</p>"></iframe>
      <script>
        setTimeout(() => customElements.define('late-card', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>In a late shadow root: USFK.</p>'; }
        }), 1500);
        // A widget given a shadow root on an element already there: nothing in the tree changes.
        setTimeout(() => { document.getElementById('widget').attachShadow({ mode: 'open' }).innerHTML =
          '<p>In a widget mounted late: MASGA.</p>'; }, 1500);
      </script>`,
    );
    await waitForScan(page);
    // The hidden letter breaks the phrase. So does an inline SVG (decided: a graphic between two words
    // is not white space, as an image is not): in both, "operational control" stands alone.
    expect(await markedTexts(page)).toEqual([
      'THAAD',
      'OPCON',
      'operational control',
      'operational control',
      'OECD',
    ]);
    // The shadow roots attached after their hosts were scanned (a custom element defined late, a div
    // given one) are scanned too.
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('USFK');
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('MASGA');
    expect(await markCount(page)).toBe(7);

    // Hidden text is read like any other (its marks draw nothing while it is hidden): shown later, its
    // mention explains itself at once.
    expect(await markedTexts(page)).toContain('OECD');
    await page.evaluate(() => document.getElementById('later')?.removeAttribute('hidden'));
    await hoverText(page, 'OECD');
    await expect
      .poll(async () => (await readPopover(page))?.label, { timeout: 3_000 })
      .toBe('Explanation of OECD');
    await page.mouse.move(0, 0);
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).toBeNull();

    // contenteditable on: its marks go at once; off: they come back.
    await page.evaluate(() => document.getElementById('edit')?.setAttribute('contenteditable', 'true'));
    await expect.poll(() => markedTexts(page), { timeout: 500, interval: 50 }).not.toContain('OPCON');
    await page.evaluate(() => document.getElementById('edit')?.removeAttribute('contenteditable'));
    await expect.poll(() => markedTexts(page), { timeout: 2_000 }).toContain('OPCON');

    // designMode on: every mark goes when the reader starts editing; off: back again.
    await page.evaluate(() => {
      document.designMode = 'on';
    });
    await page.mouse.click(5, 5);
    await expect.poll(() => markCount(page), { timeout: 2_000 }).toBe(0);
    await page.evaluate(() => {
      document.designMode = 'off';
    });
    await page.mouse.click(5, 5);
    await expect.poll(() => markCount(page), { timeout: 3_000 }).toBe(7);

    // A single-page navigation: the popover closes, old mentions go, the new content is marked.
    await hoverText(page, 'THAAD');
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).not.toBeNull();
    await page.evaluate(() => {
      history.pushState({}, '', '/late.html#next');
      document.body.innerHTML = '<main><p>The next view speaks of MASGA.</p></main>';
    });
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).toBeNull();
    await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(['MASGA']);

    // The same through the Navigation API: an intercepted navigation that swaps the view.
    await hoverText(page, 'MASGA');
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).not.toBeNull();
    await page.evaluate(`(() => {
      navigation.addEventListener('navigate', (event) => event.intercept({ handler: async () => {
        document.querySelector('main').innerHTML = '<p>The third view speaks of USFK.</p>';
      } }));
      return navigation.navigate('/late.html#third').finished;
    })()`);
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).toBeNull();
    await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toEqual(['USFK']);

    await page.close();
  }, 60_000);

  it('document.open() rewriting a frame: the new document is marked', async () => {
    const page = await open(
      '/rewrite.html',
      // Two paragraphs: a frame with less text than that stays idle (see frame-boot.ts).
      `<!doctype html><meta charset="utf-8"><p>Top.</p><iframe id="f" srcdoc="<p>${PARAGRAPH}</p><p>${PARAGRAPH} THAAD.</p>"></iframe>`,
    );
    const frameMarks = async () => {
      const frame = page.frames().find((f) => f !== page.mainFrame());
      return frame?.evaluate((name) => {
        const marks = CSS.highlights.get(name);
        return [...(marks ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        });
      }, MARKS);
    };
    await expect.poll(frameMarks, { timeout: 5_000 }).toEqual(['THAAD']);
    await page.evaluate((text) => {
      const doc = (document.getElementById('f') as HTMLIFrameElement).contentDocument as Document;
      doc.open();
      doc.write(`<p>${text}</p><p>${text} Rewritten about OPCON.</p>`);
      doc.close();
    }, PARAGRAPH);
    await expect.poll(frameMarks, { timeout: 5_000 }).toEqual(['OPCON']);
    await page.close();
  });

  it('a page that plays with Glossa: synthetic events, a restyled or removed host, a cleared registry, overridden prototypes, a postMessage flood', async () => {
    const page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    // The page's own world, before anything: prototypes overridden, the DOM watched for changes.
    await page.addInitScript(() => {
      const changes: string[] = [];
      (window as unknown as { __changes: string[] }).__changes = changes;
      // Watched once the parser is done (its own insertions are not changes), before Glossa starts.
      const watcher = new MutationObserver((records) => {
        for (const r of records) changes.push(`${r.type}:${(r.target as Element).nodeName}`);
      });
      document.addEventListener('DOMContentLoaded', () =>
        watcher.observe(document, { subtree: true, childList: true, attributes: true, characterData: true }),
      );
      Node.prototype.appendChild = () => {
        throw new Error('no appendChild');
      };
      Element.prototype.attachShadow = () => {
        throw new Error('no shadow');
      };
      history.pushState = () => {};
      Object.defineProperty(Node.prototype, 'textContent', { get: () => 'fake' });
    });
    const url = env.server.register(
      '/playful.html',
      `<!doctype html><meta charset="utf-8"><p id="p">${PARAGRAPH} THAAD and OPCON.</p>
      <script>setInterval(() => { for (let i = 0; i < 200; i++) window.postMessage({ type: 'page-info', glossa: true }, '*'); }, 10);</script>`,
    );
    await page.goto(url);
    await waitForScan(page);
    // Before the reader hovers, the page's tree is as the page made it.
    expect(await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('glossa-popover'))).toBeNull();

    // Synthetic events open nothing, pin nothing.
    const box = await findText(page, 'THAAD');
    if (!box) throw new Error('no THAAD');
    await page.evaluate(({ x, y }) => {
      const options = { bubbles: true, composed: true, clientX: x, clientY: y } as const;
      for (let i = 0; i < 5; i++)
        document.dispatchEvent(new PointerEvent('pointermove', { ...options, clientX: x + i }));
      document.elementFromPoint(x, y)?.dispatchEvent(new MouseEvent('click', options));
      document.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, shiftKey: true, bubbles: true }),
      );
    }, box);
    await page.waitForTimeout(800);
    expect(await readPopover(page)).toBeNull();

    // The reader hovers: the popover opens; the page hides its host, removes it: the next one still shows.
    await hoverText(page, 'THAAD');
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).not.toBeNull();
    await page.mouse.move(0, 0);
    await expect.poll(() => readPopover(page), { timeout: 3_000 }).toBeNull();
    await page.evaluate(() => {
      const host = document.querySelector('glossa-popover') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
    });
    await hoverText(page, 'OPCON');
    await expect
      .poll(async () => (await readPopover(page))?.label, { timeout: 3_000 })
      .toBe('Explanation of OPCON');
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.querySelector('glossa-popover')?.remove());
    await hoverText(page, 'THAAD');
    await expect
      .poll(async () => (await readPopover(page))?.label, { timeout: 3_000 })
      .toBe('Explanation of THAAD');

    // A registry cleared over and over: the marks come back once the reader moves.
    await page.evaluate(() => setInterval(() => CSS.highlights.clear(), 50));
    await page.mouse.move(10, 10);
    await page.waitForTimeout(1_200);
    await page.mouse.move(20, 20);
    await expect.poll(() => markCount(page), { timeout: 3_000 }).toBeGreaterThan(0);
    expect(errors.pageErrors).toEqual([]);
    await page.close();
  }, 40_000);

  it('text that costs (unbalanced parentheses, definition pairs, long words, CJK and base64) is scanned in short slices', async () => {
    const page = await open(
      '/costly.html',
      `<!doctype html><meta charset="utf-8"><main id="m"></main><p id="end">${PARAGRAPH} THAAD.</p>
      <script>
        const m = document.getElementById('m');
        const add = (text) => { const div = document.createElement('div'); div.textContent = text; m.append(div); };
        add('('.repeat(300000) + ' x ' + ')'.repeat(200000) + '((a)(b(c)'.repeat(60000));
        const pairs = []; for (let i = 0; i < 100000; i++) pairs.push('Word' + i + ' (W' + i + ')'); add(pairs.join(' '));
        add('A'.repeat(500000));
        add('中国梦'.repeat(100000) + '第一岛链');
        let b64 = ''; for (let i = 0; i < 400000; i++) b64 += 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='[i % 36]; add(b64);
      </script>`,
    );
    const scan = await waitForScan(page, 60_000);
    console.log(
      `costly text: ${scan.chars} chars, ${scan.busyMs.toFixed(0)} ms busy in ${scan.slices} slices (${scan.longSlices} over 50 ms, longest ${scan.longestSliceMs.toFixed(1)} ms)`,
    );
    // In slices, as on the giant page: none of these texts is read in one go. The longest slice is
    // printed, not asserted (32–50 ms here, 53 ms once late in a full CI run). Traced, the long ones
    // are young-generation collections landing in a slice (up to 40 ms: the page has just made 100,000
    // strings and a string of 400,000 pieces, which survive and are copied) and the extractor's first,
    // cold windows (~20 ms); warm, in Node, no window takes more than ~10 ms. `npm run bench` gives
    // the cost per MB.
    expect(scan.slices).toBeGreaterThan(20);
    expect(scan.longSlices).toBeLessThanOrEqual(Math.ceil(scan.slices * 0.05));
    // 100,000 of 中国梦 (China Dream), 第一岛链 (the first island chain) and THAAD; nothing from the
    // parentheses, the pairs ("Word1 (W1)" defines nothing: W is not its initials), or the long runs.
    expect(scan.mentions).toBe(100_002);
    // Past 5,000 marks only those near the viewport are drawn: scrolled to the end, THAAD is.
    await page.evaluate(() => document.getElementById('end')?.scrollIntoView());
    await expect.poll(() => markedTexts(page), { timeout: 3_000 }).toContain('THAAD');
    await page.close();
  }, 90_000);
});

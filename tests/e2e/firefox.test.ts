/**
 * Glossa in a real Firefox (Debian's firefox-esr, over WebDriver BiDi): the Firefox build installs,
 * its content script marks terms through the Highlight API from Firefox's isolated world (Xray
 * wrappers), finds the term under the pointer with Firefox's caret API, and opens the popover; a page
 * that changes late (a custom element's shadow root, editing switched on and off) or dispatches
 * synthetic pointer events is handled as in Chromium; a mutation storm and a giant page are marked
 * right; Glossa’s PDF reader marks a served PDF.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Firefox, firefoxPath, GLOSSA_UUID, launchFirefox, openTrusted } from './support/firefox';
import { giantPage, stormPage } from './support/hostile-pages';
import { makeArticlePdf } from './support/pdf';
import { repoRoot, type StaticServer, startServer } from './support/server';

const hasFirefox = existsSync(firefoxPath);
const extensionPath = path.join(repoRoot, '.output', 'firefox-mv3');

/** Text of every mark, in document order (evaluated in the page). */
const MARKED = `(() => {
  const h = CSS.highlights.get('glossa-mention-underline');
  if (!h) return [];
  return [...h].map((r) => { const range = document.createRange(); range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset); return { text: range.toString(), top: range.getBoundingClientRect().top + scrollY,
    left: range.getBoundingClientRect().left }; })
    .sort((a, b) => a.top - b.top || a.left - b.left).map((m) => m.text);
})()`;

describe.skipIf(!hasFirefox)(`Glossa in Firefox${hasFirefox ? '' : ` (skipped: no ${firefoxPath})`}`, () => {
  let firefox: Firefox;
  let server: StaticServer;
  let context: string;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: repoRoot, stdio: 'ignore' });
    server = await startServer();
    // System access: the reader test opens an extension page, which a page cannot navigate to.
    firefox = await launchFirefox(['--remote-allow-system-access']);
    await firefox.send('webExtension.install', { extensionData: { type: 'path', path: extensionPath } });
    const tree = await firefox.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    context = tree.contexts[0]?.context ?? '';
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function open(pathname: string) {
    await firefox.send('browsingContext.navigate', { context, url: server.url(pathname), wait: 'complete' });
  }
  async function poll<T>(expression: string, done: (value: T) => boolean, timeout = 10_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await firefox.evaluate<T>(context, expression);
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Rests the pointer on the middle of a range the page gives as {x, y}, as a reader's mouse would. */
  async function pointAt(point: { x: number; y: number }) {
    await firefox.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          actions: [
            { type: 'pointerMove', x: point.x - 3, y: point.y, duration: 50 },
            { type: 'pointerMove', x: point.x, y: point.y, duration: 50 },
          ],
        },
      ],
    });
  }

  it('marks the terms with the Custom Highlight API, changing nothing in the page', async () => {
    await open('/fixtures/settings.html');
    const marked = await poll<string[]>(MARKED, (list) => list.length >= 7);
    expect(marked).toEqual(['THAAD', 'THAAD', 'OPCON', '사드', '전작권', 'MASGA', 'USFK']);
    expect(await firefox.evaluate(context, `document.querySelectorAll('glossa-popover').length`)).toBe(0);
    expect(
      await firefox.evaluate(context, `document.body.innerText.includes('Seoul deployed THAAD in 2017.')`),
    ).toBe(true);
  });

  it('finds the term under the pointer and opens its popover', async () => {
    await open('/fixtures/settings.html');
    await poll<string[]>(MARKED, (list) => list.length >= 7);
    const point = await firefox.evaluate<{ x: number; y: number }>(
      context,
      `(() => { const t = document.querySelector('#prose').firstChild; const r = document.createRange();
        const at = t.data.indexOf('THAAD'); r.setStart(t, at); r.setEnd(t, at + 5); const b = r.getBoundingClientRect();
        return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) }; })()`,
    );
    await pointAt(point);
    const opened = await poll<boolean>(`document.querySelector('glossa-popover') !== null`, (v) => v, 5_000);
    expect(opened).toBe(true);
    // The popover's root is closed: the page sees the host element and nothing inside it.
    expect(await firefox.evaluate(context, `document.querySelector('glossa-popover').shadowRoot`)).toBeNull();
    // In the browser's top layer, as in Chromium: above the page's stacking contexts.
    expect(
      await firefox.evaluate(context, `document.querySelector('glossa-popover').matches(':popover-open')`),
    ).toBe(true);
    expect(
      await firefox.evaluate(context, MARKED.replace('glossa-mention-underline', 'glossa-mention-active')),
    ).toEqual(['THAAD']);
  });

  it('explains terms the page defines itself', async () => {
    await open('/fixtures/definitions.html');
    const marked = await poll<string[]>(MARKED, (list) => list.length >= 5);
    expect(marked).toEqual(['KAMD', 'PAC-3', 'KAMD', 'Terminal High Altitude Area Defense', 'THAAD']);
  });
  it('a page that changes late or plays with Glossa: late shadow roots (a custom element, a div), editing switched on and off, synthetic pointer events', async () => {
    const text =
      'A paragraph of ordinary reporting text, long enough for a frame or a block to be worth reading, about nothing in particular.';
    const url = server.register(
      '/firefox-late.html',
      `<!doctype html><meta charset="utf-8"><p id="first">${text} THAAD stands in Seongju.</p>
      <p id="edit">The editable paragraph names OPCON.</p><late-card></late-card><div id="widget"></div>`,
    );
    await firefox.send('browsingContext.navigate', { context, url, wait: 'complete' });
    expect(await poll<string[]>(MARKED, (list) => list.length >= 2)).toEqual(['THAAD', 'OPCON']);
    // Synthetic events (isTrusted false) at the mention: no popover.
    await firefox.evaluate(
      context,
      `(() => { const t = document.querySelector('#first').firstChild; const r = document.createRange();
        const at = t.data.indexOf('THAAD'); r.setStart(t, at); r.setEnd(t, at + 5); const b = r.getBoundingClientRect();
        const init = { bubbles: true, composed: true, clientX: b.x + 4, clientY: b.y + b.height / 2 };
        for (let i = 0; i < 5; i++) for (const type of ['pointermove', 'mousemove', 'pointerover', 'mouseover'])
          t.parentElement.dispatchEvent(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, init));
        t.parentElement.dispatchEvent(new MouseEvent('click', init));
        return true; })()`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await firefox.evaluate(context, `document.querySelector('glossa-popover') === null`)).toBe(true);
    // Editing switched on: the marks inside go; switched off: they come back.
    await firefox.evaluate(context, `document.querySelector('#edit').contentEditable = 'true'`);
    expect(await poll<string[]>(MARKED, (list) => list.length === 1)).toEqual(['THAAD']);
    await firefox.evaluate(context, `document.querySelector('#edit').contentEditable = 'false'`);
    expect(await poll<string[]>(MARKED, (list) => list.length === 2)).toEqual(['THAAD', 'OPCON']);
    // A custom element defined after the page was scanned attaches its shadow root then: scanned too.
    await firefox.evaluate(
      context,
      `(() => { customElements.define('late-card', class extends HTMLElement {
        connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>${text} USFK is named in the shadow.</p>'; }
      }); return true; })()`,
    );
    const withShadow = await poll<number>(
      `[...(CSS.highlights.get('glossa-mention-underline') ?? [])].length`,
      (count) => count >= 3,
    );
    expect(withShadow).toBe(3);
    // A div given a shadow root after the scan (nothing in the tree changes): found by the sweep.
    await firefox.evaluate(
      context,
      `(() => { document.querySelector('#widget').attachShadow({ mode: 'open' }).innerHTML = '<p>${text} MASGA in a widget.</p>'; return true; })()`,
    );
    const withWidget = await poll<number>(
      `[...(CSS.highlights.get('glossa-mention-underline') ?? [])].length`,
      (count) => count >= 4,
    );
    expect(withWidget).toBe(4);
  });

  it('opens a served PDF in Glossa’s reader: marks on its text layer, and a mark pointed at opens its popover', async () => {
    const article = await makeArticlePdf();
    const pdfUrl = server.register('/reports/firefox-report.pdf', article.bytes, {
      'content-type': 'application/pdf',
    });
    const reader = `moz-extension://${GLOSSA_UUID}/reader.html?file=${encodeURIComponent(pdfUrl)}`;
    await openTrusted(firefox, reader);
    await poll<string>('location.href', (href) => href === reader);
    const marked = await poll<string[]>(MARKED, (list) => list.includes('CSIS'), 20_000);
    expect(marked).toContain('CSIS');
    expect(await firefox.evaluate(context, `document.querySelector('.document-title')?.textContent`)).toBe(
      'The Future of the ROK-U.S. Alliance',
    );
    // The first mark on the first page, pointed at.
    const point = await firefox.evaluate<{ x: number; y: number; text: string } | null>(
      context,
      `(() => { const [first] = [...(CSS.highlights.get('glossa-mention-underline') ?? [])];
        if (!first) return null; const r = document.createRange(); r.setStart(first.startContainer, first.startOffset);
        r.setEnd(first.endContainer, first.endOffset); const b = r.getBoundingClientRect();
        return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2), text: r.toString() }; })()`,
    );
    expect(point).not.toBeNull();
    await pointAt(point ?? { x: 0, y: 0 });
    const shown = await poll<boolean>(`document.querySelector('glossa-popover') !== null`, (yes) => yes);
    expect(shown).toBe(true);
    expect(
      await firefox.evaluate(context, MARKED.replace('glossa-mention-underline', 'glossa-mention-active')),
    ).toEqual([point?.text]);
  });

  it('a mutation storm: the marks that stay are kept through it, and are right where the text settles', async () => {
    const url = server.register('/firefox-storm.html', stormPage());
    await firefox.send('browsingContext.navigate', { context, url, wait: 'complete' });
    await poll<string[]>(MARKED, (list) => list[0] === 'THAAD');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Mid-storm the feed's mentions come and go; the first paragraph's stays marked throughout.
    const firstMarked = `(() => { const text = document.querySelector('p').firstChild;
      return [...(CSS.highlights.get('glossa-mention-underline') ?? [])].some((r) => r.startContainer === text); })()`;
    for (let i = 0; i < 10; i++) {
      expect(await firefox.evaluate<boolean>(context, firstMarked)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await firefox.evaluate(context, 'window.stopStorm(), true');
    expect(await poll<string[]>(MARKED, (list) => list.length === 2, 5_000)).toEqual(['THAAD', 'OPCON']);
  }, 30_000);

  it('a giant (200,000 mentions): the scan reaches the end, and the last mention explains itself', async () => {
    const url = server.register('/firefox-giant.html', giantPage());
    await firefox.send('browsingContext.navigate', { context, url, wait: 'complete' });
    await firefox.evaluate(
      context,
      `document.getElementById('end').scrollIntoView({ block: 'center' }), true`,
    );
    // The marks follow the viewport: once the scan reaches the end, MASGA there is marked.
    const where = `(() => { const end = document.getElementById('end').firstChild;
      for (const mark of CSS.highlights.get('glossa-mention-underline') ?? []) {
        if (mark.startContainer !== end) continue;
        const r = document.createRange(); r.setStart(mark.startContainer, mark.startOffset); r.setEnd(mark.endContainer, mark.endOffset);
        const b = r.getBoundingClientRect(); return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2), text: r.toString() }; }
      return null; })()`;
    const last = await poll<{ x: number; y: number; text: string } | null>(
      where,
      (found) => found !== null,
      60_000,
    );
    expect(last?.text).toBe('MASGA');
    await pointAt(last ?? { x: 0, y: 0 });
    expect(
      await poll<boolean>(`document.querySelector('glossa-popover') !== null`, (yes) => yes, 10_000),
    ).toBe(true);
    expect(
      await firefox.evaluate(context, MARKED.replace('glossa-mention-underline', 'glossa-mention-active')),
    ).toEqual(['MASGA']);
  }, 90_000);
});

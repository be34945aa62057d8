/**
 * Glossa in a real Firefox (Debian's firefox-esr, over WebDriver BiDi): the Firefox build installs,
 * its content script marks terms through the Highlight API from Firefox's isolated world (Xray
 * wrappers), finds the term under the pointer with Firefox's caret API, and opens the popover.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Firefox, firefoxPath, launchFirefox } from './support/firefox';
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
    firefox = await launchFirefox();
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
    await firefox.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          actions: [
            { type: 'pointerMove', x: point.x - 3, y: point.y },
            { type: 'pointerMove', x: point.x, y: point.y, duration: 100 },
          ],
        },
      ],
    });
    const opened = await poll<boolean>(`document.querySelector('glossa-popover') !== null`, (v) => v, 5_000);
    expect(opened).toBe(true);
    // The popover's root is closed: the page sees the host element and nothing inside it.
    expect(await firefox.evaluate(context, `document.querySelector('glossa-popover').shadowRoot`)).toBeNull();
    expect(
      await firefox.evaluate(context, MARKED.replace('glossa-mention-underline', 'glossa-mention-active')),
    ).toEqual(['THAAD']);
  });

  it('explains terms the page defines itself', async () => {
    await open('/fixtures/definitions.html');
    const marked = await poll<string[]>(MARKED, (list) => list.length >= 5);
    expect(marked).toEqual(['KAMD', 'PAC-3', 'KAMD', 'Terminal High Altitude Area Defense', 'THAAD']);
  });
});

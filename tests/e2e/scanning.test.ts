/**
 * Finding and marking mentions in the real extension: the fixture page carries its own expected
 * result; dynamic content, frames, shadow roots, strict CSPs and a page that clears the highlight
 * registry are exercised on pages served from 127.0.0.1.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors } from './support/browser';
import {
  ACTIVE,
  MARKS,
  markCount,
  markedTexts,
  openScanned,
  readPopover,
  useBrowserAndServer,
  waitForPopover,
  waitForScan,
} from './support/glossa-page';
import { hoverText } from './support/text';

/** A paragraph: what makes a frame worth scanning (a line of text does not). */
const PARAGRAPH =
  'Frames that hold a paragraph of text are read like any page; frames with a line or two, such as advertisements and small widgets, are left alone until they hold more text than that, which costs them next to nothing.';

describe('scanning a page in Chromium', () => {
  const env = useBrowserAndServer();
  let page: Page;

  async function open(url: string): Promise<Page> {
    page = await openScanned(env.browser, url);
    return page;
  }

  it('marks exactly the mentions the fixture expects, and nothing in fields, code or editable regions', async () => {
    await open(env.server.url('/fixtures/scanning.html'));
    const expected = await page.evaluate(
      () => JSON.parse(document.getElementById('expected')?.textContent ?? '[]') as string[],
    );
    expect(await markedTexts(page)).toEqual(expected);
    await page.close();
  });

  it('on a Polish page, marks ROK in capitals but never the Polish word "Rok"; an English quote reads "Thaad"', async () => {
    await open(env.server.url('/fixtures/polish.html'));
    const expected = await page.evaluate(
      () => JSON.parse(document.getElementById('expected')?.textContent ?? '[]') as string[],
    );
    expect(await markedTexts(page)).toEqual(expected);
    await page.close();
  });

  it('marks an alias with other meanings (UNC) only where the page gives context', async () => {
    const sport = env.server.register(
      '/unc-sport.html',
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sport</title>
      <p>${PARAGRAPH}</p><p>UNC beat Duke 80-76 in Chapel Hill on Saturday, and UNC fans stormed the court.</p>`,
    );
    await open(sport);
    expect(await markedTexts(page)).toEqual([]);
    await page.close();
    // The same acronym where the page names the entry in full, and where it mentions two other terms.
    const named = env.server.register(
      '/unc-named.html',
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Korea</title>
      <p>${PARAGRAPH}</p><p>The UNC, formally the United Nations Command, still runs Panmunjom.</p>`,
    );
    await open(named);
    await expect.poll(() => markedTexts(page)).toEqual(['UNC', 'United Nations Command']);
    await page.close();
    const context = env.server.register(
      '/unc-context.html',
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Korea</title>
      <p>${PARAGRAPH}</p><p>The UNC and USFK discussed the THAAD battery.</p>`,
    );
    await open(context);
    await expect.poll(() => markedTexts(page)).toEqual(['UNC', 'USFK', 'THAAD']);
    await page.close();
  });

  it('joins inline elements into one mention and finds it under the pointer', async () => {
    await open(env.server.url('/fixtures/scanning.html'));
    await hoverText(page, 'operational control');
    const view = await waitForPopover(page);
    expect(view.label).toBe('Explanation of OPCON');
    expect(await markedTexts(page, ACTIVE)).toEqual(['wartime operational control']);
    await page.close();
  });

  it('shows nothing for a term inside an editable region', async () => {
    await open(env.server.url('/fixtures/scanning.html'));
    await hoverText(page, 'THAAD in an editable');
    await page.waitForTimeout(800);
    expect(await readPopover(page)).toBeNull();
    await page.close();
  });

  it('finds mentions in open shadow roots, same-origin frames and srcdoc frames', async () => {
    env.server.register(
      '/same-frame.html',
      `<!doctype html><meta charset="utf-8"><p>${PARAGRAPH} THAAD.</p>`,
    );
    const url = env.server.register(
      '/frames.html',
      `<!doctype html><meta charset="utf-8"><p>Top: THAAD.</p>
       <iframe id="same" src="/same-frame.html"></iframe>
       <iframe id="doc" srcdoc="<p>In srcdoc: the USFK garrison. A frame starts once it holds a paragraph of text, as this one does: ads and widgets with a line or two of text stay idle until more text arrives, and cost next to nothing meanwhile.</p>"></iframe>`,
    );
    await open(url);
    expect(await markedTexts(page)).toEqual(['THAAD']);
    for (const [id, text] of [
      ['same', 'THAAD'],
      ['doc', 'USFK'],
    ] as const) {
      const frame = page
        .frames()
        .find((f) => f.name() === id || f.url().includes(id === 'same' ? 'same-frame' : 'srcdoc'));
      expect(frame, `frame ${id}`).toBeDefined();
      await frame?.waitForFunction(() => performance.getEntriesByName('glossa:scan').length > 0);
      const texts = await frame?.evaluate((name) => {
        const highlight = CSS.highlights.get(name);
        return [...(highlight ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        });
      }, MARKS);
      expect(texts).toEqual([text]);
    }
    await page.close();
  });

  it('leaves a frame with a line of text idle, and starts there once a paragraph arrives', async () => {
    env.server.register(
      '/line-frame.html',
      '<!doctype html><meta charset="utf-8"><p id="line">THAAD, in one line.</p>',
    );
    const url = env.server.register(
      '/line-frames.html',
      '<!doctype html><meta charset="utf-8"><p>Top: THAAD.</p><iframe id="line" src="/line-frame.html"></iframe>',
    );
    await open(url);
    const frame = page.frames().find((f) => f.url().endsWith('/line-frame.html')) as Frame;
    await frame.waitForLoadState('load');
    await page.waitForTimeout(1500);
    const scans = () => frame.evaluate(() => performance.getEntriesByName('glossa:scan').length);
    expect(await scans()).toBe(0);
    await frame.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.body.append(p);
    }, `${PARAGRAPH} OPCON.`);
    await expect.poll(scans, { timeout: 5000 }).toBe(1);
    await expect
      .poll(() => frame.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, MARKS), { timeout: 5000 })
      .toBe(2);
    await page.close();
  });

  it('runs in 20 frames from another site: those with a paragraph are marked, those with a line stay idle', async () => {
    env.server.register(
      '/cross/line.html',
      '<!doctype html><meta charset="utf-8"><p>THAAD, in one line.</p>',
    );
    env.server.register(
      '/cross/paragraph.html',
      `<!doctype html><meta charset="utf-8"><p>${PARAGRAPH} THAAD.</p>`,
    );
    // localhost and 127.0.0.1 are different sites: each frame is out of the page's process.
    const other = env.server.origin.replace('127.0.0.1', 'localhost');
    const frames = Array.from(
      { length: 20 },
      (_, i) =>
        `<iframe src="${other}/cross/${i % 2 ? 'line' : 'paragraph'}.html?n=${i}" width="200" height="80"></iframe>`,
    ).join('');
    const url = env.server.register(
      '/cross/page.html',
      `<!doctype html><meta charset="utf-8"><p>Top: OPCON.</p>${frames}`,
    );
    page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);
    await waitForScan(page);
    const children = page.frames().filter((f) => f !== page.mainFrame());
    expect(children).toHaveLength(20);
    const marksIn = (frame: Frame) =>
      frame.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, MARKS).catch(() => -1);
    for (const frame of children) {
      const withParagraph = frame.url().includes('/paragraph.html');
      if (withParagraph) await expect.poll(() => marksIn(frame), { timeout: 10_000 }).toBe(1);
    }
    for (const frame of children.filter((f) => f.url().includes('/line.html'))) {
      expect(await frame.evaluate(() => performance.getEntriesByName('glossa:scan').length)).toBe(0);
      expect(await marksIn(frame)).toBe(0);
    }
    expect(await markedTexts(page)).toEqual(['OPCON']);
    expect(errors.all()).toEqual([]);
    await page.close();
  });

  it('keeps a window of marks around the viewport on a giant page, and still explains its last mention', async () => {
    const rows = Array.from(
      { length: 8_000 },
      (_, i) => `<tr><td>${i}</td><td>THAAD and OPCON</td></tr>`,
    ).join('');
    const url = env.server.register(
      '/giant.html',
      `<!doctype html><meta charset="utf-8"><table>${rows}</table><p id="end">The last word: MASGA.</p>`,
    );
    page = await env.browser.newPage();
    await page.goto(url);
    const scan = await waitForScan(page, 60_000);
    expect(scan.mentions).toBe(16_001);
    const registered = () => markCount(page);
    // Far fewer ranges than mentions, and the ones on screen among them.
    expect(await registered()).toBeLessThanOrEqual(5_000);
    expect(await registered()).toBeGreaterThan(10);
    /** The marked texts on screen. */
    const visibleMarked = () =>
      page.evaluate((name) => {
        const texts: string[] = [];
        for (const r of CSS.highlights.get(name) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getBoundingClientRect();
          if (box.top >= 0 && box.bottom <= innerHeight && box.width > 0) texts.push(range.toString());
        }
        return texts;
      }, MARKS);
    expect((await visibleMarked()).length).toBeGreaterThan(5);
    await page.evaluate(() => document.getElementById('end')?.scrollIntoView());
    await expect.poll(visibleMarked, { timeout: 5_000 }).toContain('MASGA');
    expect(await registered()).toBeLessThanOrEqual(5_000);
    await hoverText(page, 'MASGA');
    // The accessibility tree of an 8,000-row table takes a while to read.
    expect((await waitForPopover(page, 15_000)).label).toBe('Explanation of MASGA');
    await page.close();
  });

  it('opened scrolled to the middle of a giant page, marks what is in view, and what comes into view', async () => {
    const rows = Array.from(
      { length: 8_000 },
      (_, i) => `<tr id="r${i}"><td>${i}</td><td>THAAD and OPCON</td></tr>`,
    ).join('');
    const url = env.server.register(
      '/giant-middle.html',
      `<!doctype html><meta charset="utf-8"><table>${rows}</table>`,
    );
    page = await env.browser.newPage();
    await page.addInitScript(() =>
      addEventListener('DOMContentLoaded', () => document.getElementById('r4000')?.scrollIntoView()),
    );
    await page.goto(url);
    expect((await waitForScan(page, 60_000)).mentions).toBe(16_000);
    /** How many marks lie on screen. */
    const visibleMarks = () =>
      page.evaluate((name) => {
        let count = 0;
        for (const r of CSS.highlights.get(name) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getBoundingClientRect();
          if (box.top >= 0 && box.bottom <= innerHeight && box.width > 0) count++;
        }
        return count;
      }, MARKS);
    await expect.poll(visibleMarks, { timeout: 5_000 }).toBeGreaterThan(10);
    expect(await markCount(page)).toBeLessThanOrEqual(5_000);
    for (const row of ['r0', 'r7990', 'r4100']) {
      await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), row);
      await expect.poll(visibleMarks, { timeout: 5_000 }).toBeGreaterThan(10);
    }
    await page.close();
  });

  it('follows content that arrives later, and drops what is removed, in proportion to the change', async () => {
    const url = env.server.register(
      '/dynamic.html',
      `<!doctype html><meta charset="utf-8"><main id="feed">${'<p>Filler text without terms.</p>'.repeat(300)}<p>THAAD first.</p></main>`,
    );
    await open(url);
    expect(await markCount(page)).toBe(1);
    await page.evaluate(() => {
      const feed = document.getElementById('feed') as HTMLElement;
      for (let i = 0; i < 10; i++) {
        const p = document.createElement('p');
        p.id = `added-${i}`;
        p.textContent = `Item ${i}: the OPCON transfer and MASGA.`;
        feed.append(p);
      }
    });
    await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) === 21, MARKS);
    const rescans = await page.evaluate(() =>
      (performance.getEntriesByName('glossa:rescan') as PerformanceMeasure[]).map(
        (entry) => (entry.detail as { textNodes: number }).textNodes,
      ),
    );
    // Only the ten new paragraphs were scanned, not the 301 that were there.
    expect(rescans.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
    // A text edit that breaks a mention removes its mark; removing nodes drops theirs.
    await page.evaluate(() => {
      const first = document.getElementById('added-0')?.firstChild as Text;
      first.data = 'Item 0: nothing to see.';
      document.getElementById('added-1')?.remove();
    });
    await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) === 17, MARKS);
    // Typing into an editable region never marks anything.
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.contentEditable = 'true';
      div.textContent = 'THAAD typed here';
      document.body.append(div);
    });
    await page.waitForTimeout(400);
    expect(await markCount(page)).toBe(17);
    await page.close();
  });

  it('puts its marks back when the page clears the shared highlight registry', async () => {
    await open(env.server.url('/fixtures/scanning.html'));
    const before = await markCount(page);
    await page.evaluate(() => CSS.highlights.clear());
    expect(await markCount(page)).toBe(0);
    await page.mouse.move(10, 10);
    await page.waitForTimeout(50);
    await page.mouse.move(200, 200, { steps: 3 });
    await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) > 0, MARKS);
    expect(await markCount(page)).toBe(before);
    await page.close();
  });

  it('works under a strict CSP: marks are styled and the popover renders', async () => {
    const csp = "default-src 'self'; style-src 'self'; script-src 'none'";
    const html =
      '<!doctype html><meta charset="utf-8"><title>Strict</title><p>Under a strict CSP, THAAD still works.</p>';
    const url = env.server.register('/strict.html', html, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
    });
    page = await env.browser.newPage();
    const errors = collectPageErrors(page);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(url);
    await waitForScan(page);
    expect(await markCount(page)).toBe(1);
    await hoverText(page, 'THAAD');
    const view = await waitForPopover(page);
    expect(view.label).toBe('Explanation of THAAD');
    expect(violations).toEqual([]);
    expect(errors.pageErrors).toEqual([]);
    await page.close();
  });

  it('on a page opened scrolled down, marks the block in view first, with the terms that block defines', async () => {
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of ordinary prose. ${PARAGRAPH}</p>`).join('');
    const url = env.server.register(
      '/scrolled.html',
      `<!doctype html><meta charset="utf-8"><title>Scrolled</title><body>
      <div>${filler(1_500)}</div>
      <p>Just above the section: THAAD.</p>
      <section id="here"><p id="defines">KAMD comes first here. Korea Air and Missile Defense (KAMD) guards the
      south; KAMD works with OPCON.</p>${filler(8)}</section>
      <div>${filler(200)}</div></body>`,
    );
    page = await env.browser.newPage();
    // The reader followed a link to the section; every mark seen is recorded, as it appears.
    await page.addInitScript(() => {
      addEventListener('DOMContentLoaded', () => document.getElementById('here')?.scrollIntoView());
      const seen: { texts: string[]; at: number }[] = [];
      (window as unknown as { glossaSeen: typeof seen }).glossaSeen = seen;
      const poll = () => {
        const marks = CSS.highlights?.get('glossa-mention-underline');
        if (marks?.size) {
          const texts: string[] = [];
          for (const r of marks) {
            const node = r.startContainer;
            const where = node.parentElement?.id === 'defines' ? `@${r.startOffset}` : '';
            texts.push(`${(node as Text).data.slice(r.startOffset, r.endOffset)}${where}`);
          }
          seen.push({ texts, at: performance.now() });
        }
        if (performance.now() < 20_000) setTimeout(poll, 1);
      };
      poll();
    });
    await page.goto(url);
    await waitForScan(page, 30_000);
    const seen = await page.evaluate(
      () => (window as unknown as { glossaSeen: { texts: string[] }[] }).glossaSeen,
    );
    // The section's own glossary term and the term it defines, before anything above it. The two may
    // land a task apart (a slice that runs out of time between the glossary and the page's own terms
    // yields there), but both come before the first mark above the section.
    const firstWith = (text: string) => seen.find((s) => s.texts.includes(text))?.texts ?? [];
    expect(seen[0]?.texts.some((t) => t === 'OPCON@100' || t === 'KAMD@84')).toBe(true);
    expect(firstWith('OPCON@100')).not.toContain('THAAD');
    expect(firstWith('KAMD@84')).not.toContain('THAAD');
    // No term is marked before its definition, at any moment: "KAMD comes first" stays unmarked.
    expect(seen.flatMap((s) => s.texts)).not.toContain('KAMD@0');
    expect(seen.at(-1)?.texts).toEqual(expect.arrayContaining(['THAAD', 'OPCON@100', 'KAMD@84']));
    await page.close();
  });
});

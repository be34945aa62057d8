/** The PDF reader's pure parts: the document's text, its addresses, its source, and learning from text. */
import { describe, expect, it } from 'vitest';
import { PageDefinitions } from '../../../src/page-definitions/page-definitions';
import { joinTextItems, looksScanned, readDocumentText } from '../../../src/pdf-reader/document-text';
import {
  looksLikePdfUrl,
  type PdfShown,
  readerAddress,
  readerTheme,
  shouldOpenInReader,
} from '../../../src/pdf-reader/reader-address';
import { documentSource } from '../../../src/pdf-reader/reader-glossa';

describe('a PDF’s text', () => {
  it('joins a page’s items, a line break where an item ends a line, marked content left out', () => {
    expect(
      joinTextItems([
        { str: 'Seoul builds the ', hasEOL: false },
        { str: 'Korea Air', hasEOL: true },
        {},
        { str: 'and Missile Defense (KAMD).' },
      ]),
    ).toBe('Seoul builds the Korea Air\nand Missile Defense (KAMD).');
  });

  it('reads every page in order, pausing between them, and stops when told', async () => {
    const texts = ['one', 'two', 'three'];
    const pdf = {
      numPages: 3,
      getPage: async (n: number) => {
        if (n === 2) throw new Error('broken page');
        return { getTextContent: async () => ({ items: [{ str: texts[n - 1] ?? '' }] }) };
      },
    };
    const seen: string[] = [];
    let pauses = 0;
    await readDocumentText(
      pdf as never,
      (page) => seen.push(`${page.pageNumber}:${page.text}`),
      async () => {
        pauses++;
      },
    );
    expect(seen).toEqual(['1:one', '2:', '3:three']);
    expect(pauses).toBe(3);
    const stopped: string[] = [];
    await readDocumentText(
      pdf as never,
      (page) => stopped.push(page.text),
      async () => {},
      () => stopped.length >= 1,
    );
    expect(stopped).toEqual(['one']);
  });

  it('takes pages with next to no text for a scan', () => {
    expect(
      looksScanned([
        { pageNumber: 1, text: ' \n ' },
        { pageNumber: 2, text: '12' },
      ]),
    ).toBe(true);
    expect(looksScanned([{ pageNumber: 1, text: 'A page of a report with a sentence or two on it.' }])).toBe(
      false,
    );
    expect(looksScanned([])).toBe(false);
  });
});

describe('the reader’s addresses', () => {
  const base = (path: string) => `chrome-extension://abc${path}`;
  it('opens a PDF by its address, escaped', () => {
    expect(readerAddress(base, 'https://example.org/a b.pdf?x=1&y=2')).toBe(
      'chrome-extension://abc/reader.html?file=https%3A%2F%2Fexample.org%2Fa%20b.pdf%3Fx%3D1%26y%3D2',
    );
    expect(readerAddress(base)).toBe('chrome-extension://abc/reader.html');
  });

  it('tells a PDF address by its path, not its query or another scheme', () => {
    expect(looksLikePdfUrl('https://www.csis.org/report.PDF?download=1')).toBe(true);
    expect(looksLikePdfUrl('file:///home/me/white-paper.pdf')).toBe(true);
    expect(looksLikePdfUrl('https://example.org/view?file=report.pdf')).toBe(false);
    expect(looksLikePdfUrl('chrome-extension://abc/reader.pdf')).toBe(false);
    expect(looksLikePdfUrl('not a url')).toBe(false);
  });

  it('opens a PDF the browser shows in the reader only when asked, on a site Glossa is on, once per tab', () => {
    const shown = (change: Partial<PdfShown>): PdfShown => ({
      url: 'https://www.csis.org/report.pdf',
      wanted: true,
      enabledFor: (host) => host !== 'off.example.org',
      openedBefore: undefined,
      ...change,
    });
    expect(shouldOpenInReader(shown({}))).toBe(true);
    // Off by default: the setting is the reader's choice.
    expect(shouldOpenInReader(shown({ wanted: false }))).toBe(false);
    // Switched off for the PDF's host (or paused everywhere).
    expect(shouldOpenInReader(shown({ url: 'https://off.example.org/a.pdf' }))).toBe(false);
    expect(shouldOpenInReader(shown({ enabledFor: () => false }))).toBe(false);
    // Back (or the reader's link to the original) shows the browser's viewer and stays there.
    expect(shouldOpenInReader(shown({ openedBefore: 'https://www.csis.org/report.pdf' }))).toBe(false);
    expect(shouldOpenInReader(shown({ openedBefore: 'https://www.csis.org/other.pdf' }))).toBe(true);
    // A local file cannot be fetched by the reader; other schemes and nonsense are left alone.
    expect(shouldOpenInReader(shown({ url: 'file:///home/me/white-paper.pdf' }))).toBe(false);
    expect(shouldOpenInReader(shown({ url: 'chrome-extension://abc/x.pdf' }))).toBe(false);
    expect(shouldOpenInReader(shown({ url: 'not a url' }))).toBe(false);
  });

  it('follows the theme setting; "page" follows the browser', () => {
    expect(readerTheme('dark')).toBe('dark');
    expect(readerTheme('light')).toBe('light');
    expect(readerTheme('page')).toBeNull();
  });
});

describe('the document as a source', () => {
  const doc = {
    host: 'www.csis.org',
    title: 'The Future of the ROK-U.S. Alliance',
    url: 'https://www.csis.org/r.pdf#zoom=2',
  };
  it('names the PDF, its host, and the page', () => {
    expect(documentSource(doc, 2)).toEqual({
      title: 'The Future of the ROK-U.S. Alliance, p. 2',
      publisher: 'www.csis.org',
      url: 'https://www.csis.org/r.pdf#page=2',
    });
    expect(documentSource({ host: '', title: 'local.pdf' }, 3)).toEqual({ title: 'local.pdf, p. 3' });
  });

  it('learns a term from text not on the page, with that page as its source; the page’s own pass keeps it', () => {
    const page = { title: 'Report' };
    const definitions = new PageDefinitions(() => undefined, page);
    const source = documentSource({ host: '', title: 'Report' }, 2);
    expect(definitions.learn('Seoul builds the Korea Air and Missile Defense (KAMD) now.', source)).toBe(
      true,
    );
    expect(
      definitions.learn(
        'Again the Korea Air and Missile Defense (KAMD).',
        documentSource({ host: '', title: 'Report' }, 9),
      ),
    ).toBe(false);
    const [entry] = definitions.list();
    expect(entry?.term).toBe('KAMD');
    expect(entry?.source).toEqual(source);
    expect(entry?.quotes[0]?.text).toBe('Seoul builds the Korea Air and Missile Defense (KAMD) now.');
    expect(definitions.matcher?.size).toBeGreaterThan(0);
  });

  it('a term first read on the page takes the closer source of the page it is on', () => {
    const page = { title: 'Report' };
    const definitions = new PageDefinitions(() => undefined, page);
    definitions.readRun('The Long-range Air and Missile Defense (LAMD) is new.');
    expect(definitions.list()[0]?.source).toBe(page);
    const source = documentSource({ host: '', title: 'Report' }, 4);
    definitions.learn('The Long-range Air and Missile Defense (LAMD) is new.', source);
    expect(definitions.list()[0]?.source).toEqual(source);
  });
});

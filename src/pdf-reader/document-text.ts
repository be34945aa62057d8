/**
 * The text of every page of a PDF, read in idle time, page after page, whether it was rendered or not:
 * what the document defines on page 2 explains page 40, and the popup counts the whole document's
 * terms. PDF.js extracts the text in its worker; here the items are only joined.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

export interface PageText {
  /** 1-based, as the reader sees it. */
  pageNumber: number;
  text: string;
}

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

/** A page's text items as text: each item's string, a line break where the item ends a line. */
export function joinTextItems(items: readonly TextPiece[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content boundaries carry no text
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

/**
 * Reads the pages in order, `onPage` called for each; `pause` is awaited between pages (idle time), and
 * reading stops when `stopped()` says so (another document opened). A page that cannot be read is
 * passed as empty text.
 */
export async function readDocumentText(
  pdf: Pick<PDFDocumentProxy, 'numPages' | 'getPage'>,
  onPage: (page: PageText) => void,
  pause: () => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
    await pause();
    if (stopped()) return;
    let text = '';
    try {
      const page = await pdf.getPage(pageNumber);
      text = joinTextItems((await page.getTextContent()).items as TextPiece[]);
    } catch {
      text = '';
    }
    if (stopped()) return;
    onPage({ pageNumber, text });
  }
}

/** Pages with less text than this on average are taken for scans (images of text, no text layer). */
const SCANNED_CHARS_PER_PAGE = 16;

export function looksScanned(pages: readonly PageText[]): boolean {
  if (pages.length === 0) return false;
  const chars = pages.reduce((sum, page) => sum + page.text.replace(/\s+/g, '').length, 0);
  return chars < SCANNED_CHARS_PER_PAGE * pages.length;
}

/** Waits for the browser's idle time (or a short timeout where it has none). */
export function idle(win: Window): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => resolve(), { timeout: 200 });
    else win.setTimeout(resolve, 0);
  });
}

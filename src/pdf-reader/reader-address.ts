/** Where the reader lives and how it looks: pure helpers the popup, the background and the page share. */

/** The reader page's path inside the extension. */
export const READER_PATH = '/reader.html';

/** The reader's address for a PDF at `url` (the extension's base URL given). */
export function readerAddress(extensionUrl: (path: string) => string, url?: string): string {
  const page = extensionUrl(READER_PATH);
  return url ? `${page}?file=${encodeURIComponent(url)}` : page;
}

/** The reader's theme from the reader's setting: 'page' follows the browser (no attribute set). */
export function readerTheme(theme: string): 'light' | 'dark' | null {
  return theme === 'light' || theme === 'dark' ? theme : null;
}

/** Whether an address looks like a PDF's (its path ends in .pdf). */
export function looksLikePdfUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return /^(https?|file):$/.test(parsed.protocol) && /\.pdf$/i.test(parsed.pathname);
  } catch {
    return false;
  }
}

/** What the background knows when a tab's top frame says it shows a PDF. */
export interface PdfShown {
  /** The PDF's address (the frame's own, as the browser reports it). */
  url: string;
  /** The reader asked for every PDF to open in Glossa's reader. */
  wanted: boolean;
  /** Whether Glossa is on for a host (the pause and the site switch). */
  enabledFor(host: string): boolean;
  /** The PDF this tab was last sent from to the reader, if any. */
  openedBefore: string | undefined;
}

/**
 * Whether to open a PDF the browser's viewer shows in Glossa's reader instead: only when the reader
 * asked for it, Glossa is on for the PDF's host, the address is the web's (the reader cannot fetch a
 * local file; it opens those from its file picker), and the tab was not sent from this very PDF
 * before, so that Back, or the reader's link to the original, shows the browser's viewer and stays.
 */
export function shouldOpenInReader(shown: PdfShown): boolean {
  if (!shown.wanted || shown.url === shown.openedBefore) return false;
  let parsed: URL;
  try {
    parsed = new URL(shown.url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return shown.enabledFor(parsed.hostname);
}

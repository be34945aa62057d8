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

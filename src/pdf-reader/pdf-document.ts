/**
 * Opening a PDF with Mozilla's PDF.js, everything PDF.js needs shipped inside the extension (its
 * worker, wasm decoders, CMaps for CJK text, standard fonts): the only request is the PDF itself, and
 * none at all for a local file. What goes wrong is named for the reader (encrypted, damaged, missing).
 */
import {
  GlobalWorkerOptions,
  getDocument,
  InvalidPDFException,
  PasswordException,
  type PDFDocumentProxy,
  ResponseException,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** What to open: a URL the reader asked for, or the bytes of a file they chose or dropped. */
export type PdfInput = { url: string } | { data: Uint8Array; name: string };

export type PdfProblem = 'encrypted' | 'damaged' | 'not-found' | 'unreadable';

export class PdfOpenError extends Error {
  constructor(
    readonly problem: PdfProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/**
 * Where PDF.js finds its resources: directories the build copies into the extension (wxt.config.ts,
 * `pdfjs/`). `resource` turns a path inside the extension into its URL.
 */
export function configurePdfJs(resource: (path: string) => string): {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
  iccUrl: string;
} {
  GlobalWorkerOptions.workerSrc = workerUrl;
  return {
    cMapUrl: resource('/pdfjs/cmaps/'),
    standardFontDataUrl: resource('/pdfjs/standard_fonts/'),
    wasmUrl: resource('/pdfjs/wasm/'),
    iccUrl: resource('/pdfjs/iccs/'),
  };
}

/** An open PDF; `close` ends its worker and any request still running. */
export interface OpenPdf {
  pdf: PDFDocumentProxy;
  close(): Promise<void>;
}

export async function openPdf(
  input: PdfInput,
  resources: ReturnType<typeof configurePdfJs>,
): Promise<OpenPdf> {
  const task = getDocument({
    ...('url' in input ? { url: input.url } : { data: input.data }),
    ...resources,
    cMapPacked: true,
    // No XFA forms from the document (the viewer runs no document scripts either).
    enableXfa: false,
    // A 50 MB report is read in ranges as pages are needed, not all at once.
    disableAutoFetch: true,
  });
  try {
    return { pdf: await task.promise, close: () => task.destroy() };
  } catch (error) {
    void task.destroy();
    throw describeOpenError(error);
  }
}

export function describeOpenError(error: unknown): PdfOpenError {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof PasswordException) return new PdfOpenError('encrypted', detail);
  if (error instanceof InvalidPDFException) return new PdfOpenError('damaged', detail);
  if (error instanceof ResponseException) return new PdfOpenError('not-found', detail);
  return new PdfOpenError('unreadable', detail);
}

/** The document's title: its metadata's, else the file name, else its address. */
export async function pdfTitle(pdf: PDFDocumentProxy, fallback: string): Promise<string> {
  try {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown } | undefined)?.Title;
    if (typeof title === 'string' && title.trim()) return title.trim();
  } catch {
    // No metadata: the file name will do.
  }
  return fallback;
}

/** A file name from an address ("report.pdf"), or the address itself. */
export function fileNameOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    return last || url;
  } catch {
    return url;
  }
}

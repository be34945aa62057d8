/**
 * PDFs made by the tests with pdf-lib: the bundled article laid out over several pages (one of them
 * defining an abbreviation that a later page uses), a scan (images, no text), a damaged file and a
 * password-protected one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, rgb, StandardFonts } from 'pdf-lib';
import { repoRoot } from './server';

export const articlePath = path.join(repoRoot, '..', 'shared', 'seed', 'rok-us-alliance-article.txt');

const PAGE = { width: 612, height: 792, margin: 56, size: 11, leading: 15 };

/** A paragraph the test puts on its own page: it defines KAMD, which a later page uses. */
export const DEFINING =
  'Seoul builds the Korea Air and Missile Defense (KAMD) to meet missiles from the North at every altitude.';
export const USING = 'A later chapter asks how KAMD and the allied batteries would share a single picture.';

export interface ArticlePdf {
  bytes: Uint8Array;
  /** 1-based page of the defining paragraph and of the later use. */
  definedOn: number;
  usedOn: number;
  pageCount: number;
}

/** Characters the standard fonts cannot draw are left out (the article is English). */
function drawable(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e]/g, '');
}

export interface ArticleOptions {
  title?: string;
  /** The article this many times over (a long report: 110 copies are about 515 pages). */
  copies?: number;
  /** Bytes of image data no page shows, to make the file large (a 50 MB report). */
  ballastBytes?: number;
}

export async function makeArticlePdf(options: ArticleOptions = {}): Promise<ArticlePdf> {
  const { title = 'The Future of the ROK-U.S. Alliance', copies = 1, ballastBytes = 0 } = options;
  const article = await readFile(articlePath, 'utf8');
  const once = article
    .split(/\n\s*\n/)
    .map((p) => drawable(p.replace(/\s+/g, ' ').trim()))
    .filter(Boolean);
  const paragraphs = Array.from({ length: copies }, () => once).flat();
  // The defining paragraph on page 2, the use near the end.
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const width = PAGE.width - 2 * PAGE.margin;
  const lines: (string | null)[] = [];
  const wrap = (text: string) => {
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, PAGE.size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    lines.push('');
  };
  const perPage = Math.floor((PAGE.height - 2 * PAGE.margin) / PAGE.leading);
  let definedOn = 0;
  let usedOn = 0;
  for (const [i, paragraph] of paragraphs.entries()) {
    wrap(paragraph);
    if (i === 2) {
      // A page break, then the definition at the top of page 2.
      while (lines.length % perPage !== 0) lines.push('');
      definedOn = lines.length / perPage + 1;
      wrap(DEFINING);
    }
  }
  while (lines.length % perPage !== 0) lines.push('');
  usedOn = lines.length / perPage + 1;
  wrap(USING);
  lines.push(null);
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let row = 0;
  for (const line of lines) {
    if (line === null) break;
    if (row === perPage) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      row = 0;
    }
    if (line) {
      page.drawText(line, {
        x: PAGE.margin,
        y: PAGE.height - PAGE.margin - row * PAGE.leading,
        size: PAGE.size,
        font,
        color: rgb(0.1, 0.1, 0.1),
      });
    }
    row++;
  }
  if (ballastBytes > 0) {
    // Noise does not compress: the file is as large as asked.
    const noise = new Uint8Array(ballastBytes);
    for (let i = 0, x = 2463534242; i < noise.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 0xff;
    }
    doc.context.register(
      doc.context.stream(noise, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: 1,
        Height: noise.length,
        BitsPerComponent: 8,
        ColorSpace: 'DeviceGray',
      }),
    );
  }
  return { bytes: await doc.save(), definedOn, usedOn, pageCount: doc.getPageCount() };
}

/** Pages that are images only (a scan): shapes, no text at all. */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) {
    const page = doc.addPage([612, 792]);
    for (let y = 700; y > 80; y -= 18)
      page.drawRectangle({ x: 56, y, width: 480, height: 9, color: rgb(0.2, 0.2, 0.2) });
  }
  return doc.save();
}

/**
 * A PDF that asks for a password: a standard security handler whose user key no empty password
 * opens (random /O and /U), so a reader must refuse it.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText('Secret', { x: 56, y: 700, size: 12 });
  const random = (n: number) =>
    PDFString.of(String.fromCharCode(...Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256)));
  const encrypt = doc.context.obj({
    Filter: PDFName.of('Standard'),
    V: 1,
    R: 2,
    O: random(32),
    U: random(32),
    P: -44,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([random(16), random(16)]);
  return doc.save({ useObjectStreams: false });
}

/** Not a PDF at all, though it starts like one. */
export function makeDamagedPdf(): Uint8Array {
  return new TextEncoder().encode(
    '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >>\ngarbage without xref or trailer\n',
  );
}

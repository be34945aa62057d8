/**
 * A tiny static HTTP server for end-to-end tests and `npm start`, bound to 127.0.0.1 on a random port.
 *
 * Routes:
 *   /article.html      → ../shared/seed/rok-us-alliance-article.html
 *   /corpus/<file>     → ../shared/corpus/<file>
 *   /fixtures/<path>   → tests/e2e/fixtures/<path>
 *   anything register()ed at run time (ad-hoc pages with custom headers, e.g. a strict CSP)
 * Everything else is a 404. Files are served as bytes; HTML gets a bare `text/html` so the browser
 * honours the page's own <meta charset> (some corpus pages are not UTF-8).
 */
import { existsSync, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in tests/e2e/support). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** `../shared` beside the project: seed article and corpus (not part of the repository). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const articlePath = path.join(sharedDir, 'seed', 'rok-us-alliance-article.html');
export const corpusDir = path.join(sharedDir, 'corpus');
export const fixturesDir = path.join(repoRoot, 'tests', 'e2e', 'fixtures');

/** True when ../shared (seed article and corpus) is present beside the project. */
export function hasShared(): boolean {
  return existsSync(articlePath) && existsSync(corpusDir);
}

/** Message for `describe.skipIf(!hasShared())`. */
export const missingSharedMessage = `../shared not found at ${sharedDir}: the seed article and corpus live beside the project (see shared/README.md)`;

/** The names of the corpus pages (*.html), sorted; empty when ../shared is missing. */
export async function listCorpus(): Promise<string[]> {
  if (!existsSync(corpusDir)) return [];
  return (await fs.readdir(corpusDir)).filter((name) => name.endsWith('.html')).sort();
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.tsv': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface RegisteredPage {
  body: string | Uint8Array;
  headers: OutgoingHttpHeaders;
  status: number;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:43211 */
  origin: string;
  /** Absolute URL for a path on this server (a leading slash is added if missing). */
  url(pathname: string): string;
  /**
   * Serves `body` at `pathname` (exact match, query ignored) until close(). Strings are sent as UTF-8 with
   * `content-type: text/html; charset=utf-8` unless `headers` say otherwise. Returns the page's URL.
   */
  register(
    pathname: string,
    body: string | Uint8Array,
    headers?: OutgoingHttpHeaders,
    status?: number,
  ): string;
  /** Paths requested so far (with query), in order: useful to check what a page fetched. */
  requests: string[];
  close(): Promise<void>;
}

/** Resolves `rel` inside `base`; null if it escapes `base` (path traversal) or is malformed. */
function safeJoin(base: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(base, `.${path.sep}${decoded}`);
  return full.startsWith(base + path.sep) ? full : null;
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string | null): Promise<void> {
  if (file) {
    try {
      const stat = await fs.stat(file);
      if (stat.isFile()) {
        const body = await fs.readFile(file);
        res.writeHead(200, {
          'content-type': contentTypeFor(file),
          'content-length': body.length,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    } catch {
      // fall through to 404
    }
  }
  notFound(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Not found');
}

export async function startServer(): Promise<StaticServer> {
  const pages = new Map<string, RegisteredPage>();
  const requests: string[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(page.status, page.headers);
      res.end(req.method === 'HEAD' ? undefined : page.body);
      return;
    }
    const p = url.pathname;
    let file: string | null = null;
    if (p === '/article.html') file = articlePath;
    else if (p.startsWith('/corpus/')) file = safeJoin(corpusDir, p.slice('/corpus/'.length));
    else if (p.startsWith('/fixtures/')) file = safeJoin(fixturesDir, p.slice('/fixtures/'.length));
    sendFile(req, res, file).catch(() => {
      if (!res.headersSent) notFound(res);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const url = (pathname: string) => origin + (pathname.startsWith('/') ? pathname : `/${pathname}`);

  return {
    origin,
    url,
    requests,
    register(pathname, body, headers = {}, status = 200) {
      const key = new URL(pathname, origin).pathname;
      const lower: OutgoingHttpHeaders = { 'cache-control': 'no-store' };
      for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
      if (!('content-type' in lower)) lower['content-type'] = 'text/html; charset=utf-8';
      pages.set(key, { body, headers: lower, status });
      return url(key);
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Launches Debian's Chromium (or CHROME_PATH) through playwright-core with the built extension
 * (.output/chrome-mv3) loaded, in a throw-away profile. Every request in the context — pages, frames,
 * workers and the extension's service worker — is routed: only loopback, chrome-extension:, data:,
 * blob: and about: may load; everything else is aborted (never fetched) and recorded.
 *
 * Headless: playwright-core 1.65's `headless: true` runs Chromium's new headless mode, which loads
 * extensions (the old headless shell did not). Verified with Debian Chromium 156.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  type ConsoleMessage,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';
import { repoRoot } from './server';

export const extensionDir = path.join(repoRoot, '.output', 'chrome-mv3');
export const defaultChromePath = '/usr/bin/chromium';

export interface LaunchOptions {
  /** Load .output/chrome-mv3 (default true). */
  withExtension?: boolean;
  /** Default true (Chromium's new headless mode). */
  headless?: boolean;
  /** Default: CHROME_PATH, else /usr/bin/chromium. */
  executablePath?: string;
  /** Default 1280×800; null lets the window decide (headed runs). */
  viewport?: { width: number; height: number } | null;
  /** Another unpacked extension directory (default .output/chrome-mv3). */
  extensionPath?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /**
   * Also open a DevTools port (chosen by Chromium, written to the profile's DevToolsActivePort), for a
   * second CDP connection that sees targets Playwright does not attach to (the toolbar popup).
   */
  debuggingPort?: boolean;
  /** How long to wait for the extension's service worker (default 15 s). */
  serviceWorkerTimeout?: number;
  /**
   * Let Playwright close the browser on SIGINT/SIGTERM/SIGHUP (default true). Its SIGINT handler then exits
   * the process at once, before close() can remove the profile: pass false and call close() yourself.
   */
  handleSignals?: boolean;
}

export interface BlockedRequest {
  url: string;
  resourceType: string;
  /** URL of the frame that asked, when known. */
  frameUrl?: string;
  /** URL of the service worker that asked, when it was one (e.g. the extension's). */
  serviceWorkerUrl?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** 32 characters a–p; only with the extension. */
  extensionId?: string;
  /** The extension's MV3 service worker; only with the extension. */
  serviceWorker?: Worker;
  /** URLs of every request that was aborted because it would have left loopback. */
  blockedRequests: string[];
  /** The same requests with who asked for them. */
  blocked: BlockedRequest[];
  /** A page to use: the profile's initial blank tab the first time, then new tabs. */
  newPage(): Promise<Page>;
  /** Closes the browser and removes the temporary profile. */
  close(): Promise<void>;
  /** The throw-away profile directory. */
  userDataDir: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const localSchemes = new Set(['chrome-extension:', 'data:', 'blob:', 'about:']);

/** May this URL load in tests? Loopback http(s) and browser-local schemes only. */
export function isAllowedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (localSchemes.has(parsed.protocol)) return true;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'ws:') {
    return loopbackHosts.has(parsed.hostname);
  }
  return false;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const {
    withExtension = true,
    headless = true,
    executablePath = process.env.CHROME_PATH || defaultChromePath,
    viewport = { width: 1280, height: 800 },
    extensionPath = extensionDir,
    args = [],
    debuggingPort = false,
    serviceWorkerTimeout = 15_000,
    handleSignals = true,
  } = options;

  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install it (Debian: apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
  const extPath = path.resolve(extensionPath);
  if (withExtension && !existsSync(path.join(extPath, 'manifest.json'))) {
    throw new Error(
      `The extension is not built (${path.join(extPath, 'manifest.json')} is missing): run \`npm run build\` first.`,
    );
  }

  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'glossa-profile-'));
  const launchArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-default-apps',
    // Belt and braces under the request routing below: nothing but loopback resolves, so even requests
    // Playwright cannot see (preconnects, Chromium's own update checks) cannot leave the machine.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ...(withExtension ? [`--disable-extensions-except=${extPath}`, `--load-extension=${extPath}`] : []),
    // Bound to loopback by Chromium; port 0 lets it pick a free one.
    ...(debuggingPort ? ['--remote-debugging-port=0'] : []),
    ...args,
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      viewport,
      // Playwright also passes --disable-extensions; --disable-extensions-except/--load-extension win over it.
      args: launchArgs,
      serviceWorkers: 'allow',
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
    });
  } catch (error) {
    await removeDir(userDataDir);
    throw error;
  }

  const blockedRequests: string[] = [];
  const blocked: BlockedRequest[] = [];
  const record = (entry: BlockedRequest) => {
    blockedRequests.push(entry.url);
    blocked.push(entry);
  };

  await context.route(
    () => true,
    async (route) => {
      const request = route.request();
      const url = request.url();
      if (isAllowedUrl(url)) {
        await route.fallback();
        return;
      }
      let frameUrl: string | undefined;
      try {
        frameUrl = request.frame().url();
      } catch {
        // service-worker requests have no frame
      }
      record({
        url,
        resourceType: request.resourceType(),
        frameUrl,
        serviceWorkerUrl: request.serviceWorker()?.url(),
      });
      await route.abort('blockedbyclient').catch(() => {});
    },
  );
  await context.routeWebSocket(
    () => true,
    (ws) => {
      if (isAllowedUrl(ws.url())) {
        ws.connectToServer();
        return;
      }
      record({ url: ws.url(), resourceType: 'websocket' });
      ws.close({ code: 1008, reason: 'blocked by test harness' }).catch(() => {});
    },
  );

  // Glossa's own console lines (it logs at debug level why something did not happen), from every
  // page and the service worker: quoted when a test waits in vain.
  const log: string[] = [];
  glossaLogs.set(context, log);
  const keep = (message: ConsoleMessage) => {
    if (message.text().startsWith('[Glossa]')) log.push(message.text());
  };
  context.on('console', keep);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    await removeDir(userDataDir);
  };

  let extensionId: string | undefined;
  let serviceWorker: Worker | undefined;
  if (withExtension) {
    const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
    try {
      serviceWorker =
        context.serviceWorkers().find(isExtensionWorker) ??
        (await context.waitForEvent('serviceworker', {
          predicate: isExtensionWorker,
          timeout: serviceWorkerTimeout,
        }));
    } catch (error) {
      await close();
      throw new Error(
        `The extension's service worker did not start within ${serviceWorkerTimeout} ms (${extPath}): ${String(error)}`,
      );
    }
    extensionId = new URL(serviceWorker.url()).host;
    serviceWorker.on('console', keep);
  }

  let initialPageUsed = false;
  const newPage = async () => {
    if (!initialPageUsed) {
      initialPageUsed = true;
      const blank = context.pages().find((p) => p.url() === 'about:blank');
      if (blank) return blank;
    }
    return context.newPage();
  };

  return { context, extensionId, serviceWorker, blockedRequests, blocked, newPage, close, userDataDir };
}

const glossaLogs = new WeakMap<BrowserContext, string[]>();

/** The last `[Glossa]` console lines of a browser launched here (pages and service worker), newest last. */
export function glossaLog(context: BrowserContext, last = 10): string[] {
  return (glossaLogs.get(context) ?? []).slice(-last);
}

async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
}

export interface PageErrors {
  /** Uncaught exceptions and unhandled rejections (`pageerror`). */
  pageErrors: string[];
  /** console.error messages and failed loads, minus the aborts this harness made on purpose. */
  consoleErrors: string[];
  /** Both lists together. */
  all(): string[];
}

/** Starts recording a page's errors. Loads blocked by the harness (net::ERR_BLOCKED_BY_CLIENT) are left out. */
export function collectPageErrors(page: Page): PageErrors {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(error.stack || `${error.name}: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.includes('net::ERR_BLOCKED_BY_CLIENT')) return;
    const { url, lineNumber } = message.location();
    consoleErrors.push(url ? `${text} (${url}:${lineNumber})` : text);
  });
  return { pageErrors, consoleErrors, all: () => [...pageErrors, ...consoleErrors] };
}

async function fetchAxTree(session: CDPSession) {
  return (await session.send('Accessibility.getFullAXTree')).nodes;
}

/** A node of Chromium's accessibility tree (CDP Accessibility.AXNode). */
export type AXNode = Awaited<ReturnType<typeof fetchAxTree>>[number];

/**
 * The page's full accessibility tree from CDP. Unlike the DOM seen from the page, it includes content in
 * closed shadow roots (e.g. the extension's popover); `backendDOMNodeId` works with `DOM.getBoxModel`.
 */
export async function axTree(page: Page): Promise<AXNode[]> {
  const session = await page.context().newCDPSession(page);
  try {
    return await fetchAxTree(session);
  } finally {
    await session.detach().catch(() => {});
  }
}

export const axRole = (node: AXNode): string => String(node.role?.value ?? '');
export const axName = (node: AXNode): string => String(node.name?.value ?? '');

/** The node and all its descendants (by childIds), in document order. */
export function axSubtree(nodes: AXNode[], root: AXNode): AXNode[] {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const out: AXNode[] = [];
  const visit = (node: AXNode) => {
    out.push(node);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child);
    }
  };
  visit(root);
  return out;
}

/**
 * Firefox for end-to-end tests: Debian's firefox-esr (153 here), headless, driven over WebDriver BiDi
 * (Firefox's built-in remote protocol; playwright-core needs its own patched Firefox, which would have to
 * be downloaded). The built extension is installed as a temporary add-on with `webExtension.install`.
 * A throw-away profile turns off Firefox's own background traffic.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** The moz-extension:// host Firefox gives Glossa in tests (by the pref below). */
export const GLOSSA_UUID = '6f1d3c2a-9b4e-4c7d-8a51-2e0f7b9c4d13';

const PREFS: Record<string, string | number | boolean> = {
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'remote.prefs.recommended': true,
  // A fixed moz-extension:// host for Glossa, so that tests can open its pages (the reader).
  'extensions.webextensions.uuids': JSON.stringify({ 'glossa@glossa-reader.org': GLOSSA_UUID }),
};

export interface Firefox {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in a browsing context's page and returns its (serialised) value. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

interface RemoteValue {
  type: string;
  value?: unknown;
}

function deserialise(value: RemoteValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case 'undefined':
    case 'null':
      return value.type === 'null' ? null : undefined;
    case 'array':
      return (value.value as RemoteValue[]).map(deserialise);
    case 'object':
      return Object.fromEntries(
        (value.value as [string | RemoteValue, RemoteValue][]).map(([key, item]) => [
          typeof key === 'string' ? key : String(deserialise(key)),
          deserialise(item),
        ]),
      );
    default:
      return value.value;
  }
}

/**
 * Loads an address the page cannot navigate to (an extension page) in the current tab, from the
 * browser window's own scope; needs `launchFirefox(['--remote-allow-system-access'])`.
 */
export async function openTrusted(firefox: Firefox, url: string): Promise<void> {
  const tree = await firefox.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
    'moz:scope': 'chrome',
  });
  const window = tree.contexts[0]?.context;
  if (!window) throw new Error('Firefox: no browser window in the chrome scope');
  await firefox.send('script.evaluate', {
    expression: `openTrustedLinkIn(${JSON.stringify(url)}, 'current')`,
    target: { context: window },
    awaitPromise: false,
  });
}

export async function launchFirefox(extraArgs: string[] = []): Promise<Firefox> {
  if (!existsSync(firefoxPath))
    throw new Error(`No Firefox at ${firefoxPath} (Debian: apt-get install -y firefox-esr)`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'glossa-firefox-'));
  writeFileSync(
    path.join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    firefoxPath,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port=0',
      ...extraArgs,
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start its remote agent:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${output}`)));
  });
  const socket = new WebSocket(`${url.replace(/\/$/, '')}/session`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      type: string;
      result?: unknown;
      message?: string;
      error?: string;
    };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'error') waiter?.reject(new Error(`${message.error}: ${message.message}`));
    else waiter?.resolve(message.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: {} });
  return {
    send,
    async evaluate<T>(context: string, expression: string) {
      const result = await send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>(
        'script.evaluate',
        { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' },
      );
      if (result.type === 'exception') throw new Error(`page threw: ${result.exceptionDetails?.text}`);
      return deserialise(result.result) as T;
    },
    async close() {
      await send('session.end').catch(() => {});
      socket.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

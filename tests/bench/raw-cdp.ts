/**
 * A bare CDP connection to the browser (its DevTools port), for targets Playwright gives no session
 * for: the extension's service worker. Flat sessions: a command names the session it goes to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

export interface RawCdp {
  send<T = unknown>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  close(): void;
}

export async function connectRawCdp(userDataDir: string): Promise<RawCdp> {
  const [port, wsPath] = readFileSync(path.join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${wsPath}`, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let next = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string) {
      const id = next++;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise<T>((resolve, reject) =>
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
      );
    },
    close: () => socket.close(),
  };
}

/** A flat session on the extension's service worker. */
export async function attachServiceWorker(cdp: RawCdp, extensionId: string): Promise<string> {
  const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>(
    'Target.getTargets',
  );
  const worker = targetInfos.find(
    (target) =>
      target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) throw new Error('no service worker target');
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: true,
  });
  return sessionId;
}

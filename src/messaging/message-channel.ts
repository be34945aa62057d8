/**
 * Sending and answering the protocol's messages over `runtime` / `tabs` messaging, with whatever
 * checks its caller gives: the extension's own pages and the background check with the protocol's
 * schemas (channel.ts), the page script with hand-written guards (page-channel.ts). Either way a
 * message is checked on arrival.
 */
import { type Browser, browser } from 'wxt/browser';
import type { MessageType, Request, Response } from './protocol';

export type Sender = Browser.runtime.MessageSender;

export type Handlers = {
  [K in MessageType]?: (request: Request<K>, sender: Sender) => Response<K> | Promise<Response<K>>;
};

/** Reads a message: its type and request if it is one of ours and well formed, else null. */
export type RequestCheck = (message: unknown) => { type: MessageType; request: unknown } | null;
/** Reads a response to a message of `type`; throws when it is malformed. */
export type ResponseCheck = <K extends MessageType>(type: K, response: unknown) => Response<K>;

export async function sendToBackgroundWith<K extends MessageType>(
  check: ResponseCheck,
  message: { type: K } & Request<K>,
): Promise<Response<K>> {
  return check(message.type, await browser.runtime.sendMessage(message));
}

export async function sendToTabWith<K extends MessageType>(
  check: ResponseCheck,
  tabId: number,
  message: { type: K } & Request<K>,
  frameId = 0,
): Promise<Response<K>> {
  return check(message.type, await browser.tabs.sendMessage(tabId, message, { frameId }));
}

/**
 * Answers messages with `handlers`. Anything else is ignored: messages that are not ours or are
 * malformed, and anything not sent by this extension (pages cannot reach runtime messaging without
 * `externally_connectable`, which Glossa does not declare; the check stays as a second lock). Returns
 * a function that stops listening.
 */
export function handleMessagesWith(check: RequestCheck, handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = check(message);
    if (!parsed) return undefined;
    const handler = handlers[parsed.type] as ((request: unknown, sender: Sender) => unknown) | undefined;
    if (!handler) return undefined;
    // A handler's failure is answered as a rejection, never thrown into the page or the worker.
    return Promise.resolve().then(() => handler(parsed.request, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

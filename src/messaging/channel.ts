/**
 * Sending and receiving the protocol's messages over `runtime` / `tabs` messaging. Written here rather
 * than with a messaging library because every message must be schema-checked on arrival anyway, and the
 * content script (on every page) should not carry a second layer for four message types.
 */
import { type Browser, browser } from 'wxt/browser';
import { type MessageType, parseRequest, parseResponse, type Request, type Response } from './protocol';

export type Sender = Browser.runtime.MessageSender;

export type Handlers = {
  [K in MessageType]?: (request: Request<K>, sender: Sender) => Response<K> | Promise<Response<K>>;
};

/** Sends to the background (from a content script or the popup). */
export async function sendToBackground<K extends MessageType>(
  message: { type: K } & Request<K>,
): Promise<Response<K>> {
  return parseResponse(message.type, await browser.runtime.sendMessage(message));
}

/** Sends to one frame of a tab (0 = the top frame); rejects where no content script runs. */
export async function sendToTab<K extends MessageType>(
  tabId: number,
  message: { type: K } & Request<K>,
  frameId = 0,
): Promise<Response<K>> {
  return parseResponse(message.type, await browser.tabs.sendMessage(tabId, message, { frameId }));
}

/**
 * Answers the protocol's messages with `handlers`. Anything else is ignored: messages that are not
 * ours or are malformed, and anything not sent by this extension (pages cannot reach runtime
 * messaging without `externally_connectable`, which Glossa does not declare; the check stays as a
 * second lock). Returns a function that stops listening.
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseRequest(message);
    if (!parsed) return undefined;
    const handler = handlers[parsed.type] as ((request: unknown, sender: Sender) => unknown) | undefined;
    if (!handler) return undefined;
    // A handler's failure is answered as a rejection, never thrown into the page or the worker.
    return Promise.resolve().then(() => handler(parsed.request, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Messages in the background and the extension's pages, checked with the protocol's schemas. Written
 * here rather than with a messaging library because every message must be checked on arrival anyway.
 */
import {
  type Handlers,
  handleMessagesWith,
  type ResponseCheck,
  sendToBackgroundWith,
  sendToTabWith,
} from './message-channel';
import { type MessageType, parseRequest, parseResponse, type Request, type Response } from './protocol';

export type { Handlers, Sender } from './message-channel';

const checkResponse = parseResponse as ResponseCheck;

/** Sends to the background (from the popup or the options page). */
export function sendToBackground<K extends MessageType>(
  message: { type: K } & Request<K>,
): Promise<Response<K>> {
  return sendToBackgroundWith<K>(checkResponse, message);
}

/** Sends to one frame of a tab (0 = the top frame); rejects where no content script runs. */
export function sendToTab<K extends MessageType>(
  tabId: number,
  message: { type: K } & Request<K>,
  frameId = 0,
): Promise<Response<K>> {
  return sendToTabWith<K>(checkResponse, tabId, message, frameId);
}

/** Answers the protocol's messages with `handlers` (see handleMessagesWith). */
export function handleMessages(handlers: Handlers): () => void {
  return handleMessagesWith(parseRequest, handlers);
}

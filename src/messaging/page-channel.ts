/**
 * The messages of the page script, checked by hand: the script runs in every frame, and the protocol's
 * schemas (a schema library and every message of the extension) cost it more to load than all its own
 * checks. The guards take exactly what protocol.ts's schemas take (a unit test holds them together).
 */
import {
  type Handlers,
  handleMessagesWith,
  type ResponseCheck,
  sendToBackgroundWith,
} from './message-channel';
import type { MessageType, Request, Response } from './protocol';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const shortString = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

/** The requests a page's script answers. */
export function parsePageRequest(message: unknown): { type: MessageType; request: unknown } | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'page-info':
    case 'page-selection':
      return { type: message.type, request: { type: message.type } };
    case 'reveal-term':
      return shortString(message.entryId, 1, 200)
        ? { type: 'reveal-term', request: { type: 'reveal-term', entryId: message.entryId } }
        : null;
    case 'snapshot-changed':
      return shortString(message.stamp, 0, 100)
        ? { type: 'snapshot-changed', request: { type: 'snapshot-changed', stamp: message.stamp } }
        : null;
    default:
      return null;
  }
}

/** The answers a page's script reads: of the messages it sends to the background. */
export function parsePageResponse(type: MessageType, response: unknown): unknown {
  const malformed = () => new Error(`Glossa: malformed ${type} response`);
  switch (type) {
    case 'frame-terms':
    case 'snapshot-needed':
    case 'pdf-shown':
      if (response !== null) throw malformed();
      return null;
    case 'load-popover':
      if (!isRecord(response) || typeof response.ok !== 'boolean') throw malformed();
      return { ok: response.ok };
    case 'save-entry': {
      if (!isRecord(response) || typeof response.ok !== 'boolean') throw malformed();
      const { message, errors, refused } = response;
      if (message !== undefined && typeof message !== 'string') throw malformed();
      if (refused !== undefined && typeof refused !== 'boolean') throw malformed();
      if (errors !== undefined && !(Array.isArray(errors) && errors.every((e) => typeof e === 'string'))) {
        throw malformed();
      }
      return {
        ok: response.ok,
        ...(message !== undefined ? { message } : {}),
        ...(errors !== undefined ? { errors } : {}),
        ...(refused !== undefined ? { refused } : {}),
      };
    }
    default:
      throw new Error(`Glossa: a page does not send ${type}`);
  }
}

/** Sends from the page to the background. */
export function sendFromPage<K extends MessageType>(message: { type: K } & Request<K>): Promise<Response<K>> {
  return sendToBackgroundWith<K>(parsePageResponse as ResponseCheck, message);
}

/** Answers the page's messages. */
export function handlePageMessages(handlers: Handlers): () => void {
  return handleMessagesWith(parsePageRequest, handlers);
}

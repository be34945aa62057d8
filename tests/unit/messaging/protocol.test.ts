import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages, parseRequest, parseResponse } from '../../../src/messaging';

describe('the message protocol', () => {
  it('parses each known request and nothing else', () => {
    expect(parseRequest({ type: 'page-info' })).toEqual({
      type: 'page-info',
      request: { type: 'page-info' },
    });
    expect(parseRequest({ type: 'reveal-term', entryId: 'thaad' })?.type).toBe('reveal-term');
    for (const bad of [
      null,
      'page-info',
      { type: 'unknown' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'reveal-term' },
      { type: 'reveal-term', entryId: 7 },
      { type: 'frame-terms', enabled: true, terms: [{ entryId: 'x', count: -1 }], timeOrigin: 1 },
      { type: 'tab-terms', tabId: 1.5 },
    ]) {
      expect(parseRequest(bad)).toBeNull();
    }
  });

  it('checks responses too', () => {
    expect(parseResponse('reveal-term', { found: true })).toEqual({ found: true });
    expect(() => parseResponse('page-info', { host: 1 })).toThrow(/malformed page-info response/);
  });
});

describe('handleMessages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers our own extension, and ignores other senders, unknown and malformed messages', async () => {
    const reveal = vi.fn(() => ({ found: true }));
    const stop = handleMessages({ 'reveal-term': reveal });
    const own = { id: fakeBrowser.runtime.id };
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'reveal-term', entryId: 'thaad' },
      own,
    );
    expect(answers).toContainEqual({ found: true });
    expect(reveal).toHaveBeenCalledWith({ type: 'reveal-term', entryId: 'thaad' }, own);

    reveal.mockClear();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'reveal-term', entryId: 'thaad' },
      { id: 'another-extension' },
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reveal-term', entryId: 42 }, own);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'page-info' }, own);
    await fakeBrowser.runtime.onMessage.trigger({ hello: 'world' }, own);
    expect(reveal).not.toHaveBeenCalled();
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'reveal-term', entryId: 'thaad' }, own);
    expect(reveal).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into a rejected answer, not an uncaught error', async () => {
    handleMessages({
      'page-info': () => {
        throw new Error('boom');
      },
    });
    await expect(
      fakeBrowser.runtime.onMessage.trigger({ type: 'page-info' }, { id: fakeBrowser.runtime.id }),
    ).rejects.toThrow('boom');
  });
});

/** The page script's hand-written message checks take exactly what the protocol's schemas take. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePageRequest, parsePageResponse } from '../../../src/messaging/page-channel';
import { type MessageType, parseRequest, parseResponse } from '../../../src/messaging/protocol';

const PAGE_REQUESTS = ['page-info', 'page-selection', 'reveal-term', 'snapshot-changed'] as const;
const PAGE_RESPONSES: MessageType[] = [
  'frame-terms',
  'snapshot-needed',
  'pdf-shown',
  'load-popover',
  'save-entry',
];

const anyValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 220 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({}),
);

/** Messages near the real ones: a known type, fields right, wrong, missing or extra. */
const message = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(...PAGE_REQUESTS),
      fc.constantFrom('frame-terms', 'other', '__proto__'),
      anyValue,
    ),
    entryId: anyValue,
    stamp: anyValue,
    extra: anyValue,
  },
  { requiredKeys: [] },
);

const response = fc.oneof(
  anyValue,
  fc.record(
    { ok: anyValue, message: anyValue, errors: anyValue, refused: anyValue, more: anyValue },
    { requiredKeys: [] },
  ),
);

const outcome = (fn: () => unknown) => {
  try {
    return { value: fn() };
  } catch {
    return { thrown: true };
  }
};

describe('the page script’s message checks', () => {
  it('read a request as the schemas do, for the messages a page answers', () => {
    fc.assert(
      fc.property(message, (candidate) => {
        const schema = parseRequest(candidate);
        const expected = schema && (PAGE_REQUESTS as readonly string[]).includes(schema.type) ? schema : null;
        expect(parsePageRequest(candidate)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('read a response as the schemas do, for the messages a page sends', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGE_RESPONSES), response, (type, candidate) => {
        expect(outcome(() => parsePageResponse(type, candidate))).toEqual(
          outcome(() => parseResponse(type, candidate)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('refuse what a page never receives', () => {
    expect(parsePageRequest({ type: 'tab-terms', tabId: 1 })).toBeNull();
    expect(() => parsePageResponse('tab-terms', { terms: [] })).toThrow();
  });
});

/**
 * Every message between the popup, the background and the content scripts, as valibot schemas: the
 * types come from the schemas, and each side checks what it receives at runtime (a message is data
 * from another context, possibly another version of Glossa mid-update).
 */
import * as v from 'valibot';

/**
 * The schemas, made on first use: a frame that never sends or receives a message (most frames stay
 * idle) never builds them.
 */
function buildSchemas() {
  const entryId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
  const count = v.pipe(v.number(), v.integer(), v.minValue(0));

  const TermCountSchema = v.object({
    entryId,
    count,
    /** The term's name, for terms the page defines itself (the popup has no entry for them). */
    term: v.optional(v.pipe(v.string(), v.maxLength(200))),
  });

  const PageInfoSchema = v.object({
    /** The site as the reader sees it in the address bar ('' for a local file). */
    host: v.string(),
    /** Glossa runs here now (not paused, site allowed). */
    enabled: v.boolean(),
    /** The browser has the Custom Highlight API (marks are shown); without it, hover still explains. */
    highlights: v.boolean(),
  });

  const FrameTermCountSchema = v.object({
    ...TermCountSchema.entries,
    frameId: v.pipe(v.number(), v.integer()),
  });

  /** Request and response of each message, by its `type`. */
  const PROTOCOL = {
    /** Popup → a tab's top frame: what site is this, is Glossa on here. */
    'page-info': {
      request: v.object({ type: v.literal('page-info') }),
      response: PageInfoSchema,
    },
    /** Popup → the frame holding a term: scroll to its first mention and open its popover. */
    'reveal-term': {
      request: v.object({ type: v.literal('reveal-term'), entryId }),
      response: v.object({ found: v.boolean() }),
    },
    /** Popup → a tab's top frame: the text selected there, with the page's title and address. */
    'page-selection': {
      request: v.object({ type: v.literal('page-selection') }),
      response: v.object({
        text: v.pipe(v.string(), v.maxLength(2000)),
        title: v.pipe(v.string(), v.maxLength(500)),
        url: v.pipe(v.string(), v.maxLength(4000)),
      }),
    },
    /** Background → every frame of every tab: the prepared glossary (or the settings in it) changed. */
    'snapshot-changed': {
      request: v.object({ type: v.literal('snapshot-changed'), stamp: v.pipe(v.string(), v.maxLength(100)) }),
      response: v.null(),
    },
    /** Content script → background: the prepared glossary is missing or unreadable; answered once rebuilt. */
    'snapshot-needed': {
      request: v.object({ type: v.literal('snapshot-needed') }),
      response: v.null(),
    },
    /**
     * Content script → background: this tab's top frame shows a PDF (the browser's viewer); the
     * background opens it in Glossa's reader if the reader asked for that. The address is the sender's.
     */
    'pdf-shown': {
      request: v.object({ type: v.literal('pdf-shown') }),
      response: v.null(),
    },
    /** Content script → background: put the popover's code into this frame (it loads on first use). */
    'load-popover': {
      request: v.object({ type: v.literal('load-popover') }),
      response: v.object({ ok: v.boolean() }),
    },
    /**
     * Popover → background: save a term the page defines to My glossary. The entry is checked there
     * with the glossary's own schema, as any write to My glossary is.
     */
    'save-entry': {
      request: v.object({ type: v.literal('save-entry'), entry: v.unknown() }),
      response: v.object({
        ok: v.boolean(),
        message: v.optional(v.string()),
        errors: v.optional(v.array(v.string())),
        /** The browser's storage refused the write (full, or gone): nothing was changed. */
        refused: v.optional(v.boolean()),
      }),
    },
    /** Content script → background: the terms this frame mentions now (badge, the popup's list). */
    'frame-terms': {
      request: v.object({
        type: v.literal('frame-terms'),
        enabled: v.boolean(),
        terms: v.pipe(v.array(TermCountSchema), v.maxLength(100_000)),
        /** `performance.timeOrigin` of the frame's document, to tell a new page from the old one. */
        timeOrigin: v.number(),
      }),
      response: v.null(),
    },
    /** Popup → background: the terms every frame of a tab mentions. */
    'tab-terms': {
      request: v.object({ type: v.literal('tab-terms'), tabId: v.pipe(v.number(), v.integer()) }),
      response: v.object({ terms: v.array(FrameTermCountSchema) }),
    },
  } as const;
  return { TermCountSchema, PageInfoSchema, FrameTermCountSchema, PROTOCOL };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;
const built = (): Schemas => {
  schemas ??= buildSchemas();
  return schemas;
};

export type TermCount = v.InferOutput<Schemas['TermCountSchema']>;
export type PageInfo = v.InferOutput<Schemas['PageInfoSchema']>;
export type FrameTermCount = v.InferOutput<Schemas['FrameTermCountSchema']>;
type Protocol = Schemas['PROTOCOL'];

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = v.InferOutput<Protocol[K]['request']>;
export type Response<K extends MessageType> = v.InferOutput<Protocol[K]['response']>;

/** The message's type if it is one of ours and well formed, else null. */
export function parseRequest(
  message: unknown,
): { [K in MessageType]: { type: K; request: Request<K> } }[MessageType] | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(built().PROTOCOL, type)) return null;
  const key = type as MessageType;
  const result = v.safeParse(built().PROTOCOL[key].request, message);
  if (!result.success) return null;
  return { type: key, request: result.output } as never;
}

export function parseResponse<K extends MessageType>(type: K, response: unknown): Response<K> {
  const result = v.safeParse(built().PROTOCOL[type].response, response);
  if (!result.success) throw new Error(`Glossa: malformed ${type} response: ${result.issues[0]?.message}`);
  return result.output as Response<K>;
}

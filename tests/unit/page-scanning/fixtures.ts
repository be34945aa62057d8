/** Shared fixtures for the page-scanning tests: a small glossary, and ways to read mentions back. */
import type { Alias } from '../../../src/glossary';
import { compileMatcher, type Matcher } from '../../../src/matching';
import type { Mention, MentionListener } from '../../../src/page-scanning';

const acronym = (text: string): Alias => ({ text, lang: 'en', caseSensitive: true });
const phrase = (text: string): Alias => ({ text, lang: 'en', caseSensitive: false });
const ko = (text: string): Alias => ({ text, lang: 'ko', caseSensitive: true });

export const ENTRIES = [
  { id: 'thaad', aliases: [acronym('THAAD'), ko('사드')] },
  {
    id: 'opcon',
    aliases: [acronym('OPCON'), phrase('operational control'), phrase('wartime operational control')],
  },
  { id: 'unc', aliases: [acronym('UNC')] },
];

export const matcher: Matcher = compileMatcher(ENTRIES);

/** The page text a mention covers, read from its nodes and offsets. */
export function textOf(mention: Mention): string {
  let out = '';
  for (const node of mention.nodes) {
    const from = node === mention.startNode ? mention.startOffset : 0;
    const to = node === mention.endNode ? mention.endOffset : node.data.length;
    out += node.data.slice(from, to);
  }
  return out;
}

/** "entryId:text" for each mention, e.g. "thaad:THAAD". */
export function labels(mentions: readonly Mention[]): string[] {
  return mentions.map((m) => `${m.entryId}:${textOf(m)}`);
}

/**
 * A listener that records what it hears and keeps the set of mentions it was told about, noting every
 * message that contradicts that set (a removal of a mention never added, an addition heard twice).
 */
export class Recorder implements MentionListener {
  readonly calls: string[] = [];
  readonly live = new Set<Mention>();
  readonly errors: string[] = [];

  readonly added = (mentions: readonly Mention[]): void => {
    this.calls.push(`added ${mentions.length}`);
    for (const m of mentions) {
      if (this.live.has(m)) this.errors.push(`added twice: ${textOf(m)}`);
      this.live.add(m);
    }
  };

  readonly removed = (mentions: readonly Mention[]): void => {
    this.calls.push(`removed ${mentions.length}`);
    for (const m of mentions) {
      if (!this.live.delete(m)) this.errors.push(`removed but never added: ${textOf(m)}`);
    }
  };
}

/** Every node under `root`, elements and text alike (for "the page was not changed" checks). */
export function countNodes(root: Node): number {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 0xffffffff);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * happy-dom's `isContentEditable` misses two cases browsers get right: `contenteditable=""` (which means
 * true) and `document.designMode = 'on'`. The scanner asks `isContentEditable`, so the tests give it the
 * HTML spec's answer through this getter; it returns a function that puts happy-dom's back.
 */
export function useSpecContentEditable(): () => void {
  const proto = HTMLElement.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, 'isContentEditable');
  Object.defineProperty(proto, 'isContentEditable', {
    configurable: true,
    get(this: HTMLElement): boolean {
      for (let element: Element | null = this; element; element = element.parentElement) {
        const value = element.getAttribute('contenteditable')?.toLowerCase();
        if (value === '' || value === 'true' || value === 'plaintext-only') return true;
        if (value === 'false') return false;
      }
      return this.ownerDocument.designMode === 'on';
    },
  });
  return () => {
    if (own) Object.defineProperty(proto, 'isContentEditable', own);
    else delete (proto as { isContentEditable?: boolean }).isContentEditable;
  };
}

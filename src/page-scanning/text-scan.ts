/**
 * One resumable walk over a subtree's text: finds mentions without touching the page.
 *
 * Cost is kept near a bare TreeWalker walk (FIELD-NOTES "Scanning text fast"): one TreeWalker over
 * elements and text, tag names looked up in a Map, no per-node `closest()`, no computed styles. Skip
 * rules that need ancestors (editable regions) are checked only for text that holds a match.
 */
import type { Matcher } from '../matching';
import { classifier, ElementKind, kindOf, SHADOW_HOST_TAGS } from './element-kinds';

/** A mention of a glossary entry: a span of page text, possibly across inline elements. */
export interface Mention {
  readonly entryId: string;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  /** Every text node the mention touches, first to last. */
  readonly nodes: readonly Text[];
}

export interface ScanStats {
  textNodes: number;
  chars: number;
  mentions: number;
}

export interface TextScanOptions {
  matcher: Matcher;
  onMention: (mention: Mention) => void;
  /** Called for every open shadow root met; the caller scans it as a root of its own. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called for every text node before it is scanned (a rescan drops the node's old mentions here). */
  onTextNode?: (node: Text) => void;
  /** Skip code and program output (`code`, `pre`, `kbd`, `samp`): the reader's setting. */
  skipCode?: boolean;
  /**
   * Reads each run of text before it is matched (the page's own definitions of abbreviations) and
   * returns a second matcher for terms learnt so far, with where in this run each new one was defined.
   */
  learn?: (text: string) => RunLesson;
}

/** What `learn` returns for one run of text. */
export interface RunLesson {
  matcher: Matcher | null;
  /** Terms defined in this run, and the offset their definition ends at: no mention before it. */
  definedAt: ReadonlyMap<string, number>;
}

const SHOW = 0x1 /* NodeFilter.SHOW_ELEMENT */ | 0x4; /* NodeFilter.SHOW_TEXT */

export class TextScan {
  readonly stats: ScanStats = { textNodes: 0, chars: 0, mentions: 0 };
  private readonly walker: TreeWalker;
  private readonly options: TextScanOptions;
  private done = false;
  /** The node a paused walk stopped at, not yet handled. */
  private pending: Node | null = null;
  // The run of text being collected: consecutive text nodes with no block boundary between them. The
  // arrays are reused and never shrunk (`runLength` says how much of them is the current run): emptying
  // them per run made V8 reallocate them for every run, a measurable share of the scan.
  private readonly runNodes: Text[] = [];
  private readonly runTexts: string[] = [];
  private runLength = 0;
  /** The run's text so far (a single node's `.data` as is; concatenation is cheap in V8). */
  private runText = '';
  private runBlock: Node | null = null;
  private lastParent: Node | null = null;
  private lastParentBlock: Node | null = null;
  /** The last inline element the walk entered: often the parent of the next text node. */
  private lastInline: Node | null = null;
  /** The root, until its own shadow root (if it hosts one) has been reported. */
  private root: Node | null;
  /** Parents already checked for editability, with the answer. */
  private readonly editable = new Map<Element, boolean>();
  private readonly kindOf: (localName: string) => ElementKind;
  /** One callback for every run, not a closure per run. */
  private readonly emitMatch = (start: number, end: number, entryId: string) =>
    this.emit(start, end, entryId);
  private definedAt: ReadonlyMap<string, number> | null = null;
  /** A mention of a page-defined term counts only after its definition. */
  private readonly emitLearnt = (start: number, end: number, entryId: string) => {
    if (start < (this.definedAt?.get(entryId) ?? 0)) return;
    this.emit(start, end, entryId);
  };

  constructor(root: Node, options: TextScanOptions) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, SHOW);
    this.options = options;
    this.root = root;
    this.kindOf = classifier(options.skipCode ?? false);
    if (root.nodeType === 1 && this.kindOf((root as Element).localName) === ElementKind.Skip)
      this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  /** The node the walk stands on; a resumed walk whose node left the document cannot go on. */
  get position(): Node {
    return this.walker.currentNode;
  }

  /**
   * Walks until the subtree is done or `deadline` (a `performance.now()` time) has passed.
   * Returns true when the whole subtree has been scanned.
   */
  step(deadline = Number.POSITIVE_INFINITY): boolean {
    if (this.done) return true;
    const walker = this.walker;
    const stats = this.stats;
    const { onShadowRoot, onTextNode } = this.options;
    const kindOfElement = this.kindOf;
    if (this.root) {
      // A root that hosts a shadow root (a custom element just added to the page) is reported too.
      if (onShadowRoot && this.root.nodeType === 1) reportShadowRoot(this.root as Element, onShadowRoot);
      this.root = null;
    }
    let budgetCheck = 0;
    let node: Node | null = this.pending ?? walker.nextNode();
    this.pending = null;
    while (node !== null) {
      if (node.nodeType === 3) {
        const text = node as Text;
        const data = text.data;
        if (onTextNode) onTextNode(text);
        stats.textNodes++;
        stats.chars += data.length;
        const parent = text.parentNode;
        if (parent !== this.lastParent) {
          this.lastParent = parent;
          this.lastParentBlock = this.blockOf(parent);
        }
        if (this.lastParentBlock !== this.runBlock) {
          this.flush();
          this.runBlock = this.lastParentBlock;
        }
        const at = this.runLength++;
        this.runNodes[at] = text;
        this.runTexts[at] = data;
        this.runText = at === 0 ? data : this.runText + data;
        node = walker.nextNode();
      } else {
        const element = node as Element;
        const name = element.localName;
        const kind = kindOfElement(name);
        if (kind === ElementKind.Inline) this.lastInline = element;
        else this.flush();
        if (kind === ElementKind.Skip) {
          node = nextOutside(walker);
        } else {
          if (onShadowRoot && (SHADOW_HOST_TAGS.has(name) || name.includes('-'))) {
            const shadow = element.shadowRoot;
            if (shadow) onShadowRoot(shadow);
          }
          node = walker.nextNode();
        }
      }
      // performance.now() costs ~25 ns; looking every 256 nodes keeps a chunk within ~1 ms of its end.
      if ((++budgetCheck & 255) === 0 && performance.now() > deadline) {
        if (node === null) break;
        this.pending = node;
        return false;
      }
    }
    this.flush();
    this.done = true;
    // Lets go of the page's nodes.
    this.runNodes.length = 0;
    this.runTexts.length = 0;
    return true;
  }

  /**
   * `nearestBlock(parent)`, with the DOM reads (each one a call into Blink) cut for the usual shapes:
   * text in the block of the current run ("…</a> and more"), or in an inline element just entered.
   * Climbing stops at the current run's block, which is itself a `nearestBlock` answer.
   */
  private blockOf(parent: Node | null): Node | null {
    let node = parent;
    if (node !== null && node === this.lastInline) node = node.parentNode;
    while (
      node !== null &&
      node !== this.runBlock &&
      node.nodeType === 1 &&
      kindOf((node as Element).localName) === ElementKind.Inline
    ) {
      node = node.parentNode;
    }
    return node;
  }

  private flush(): void {
    if (this.runLength === 0) return;
    const text = this.runText;
    this.options.matcher.scan(text, this.emitMatch);
    if (this.options.learn) {
      const lesson = this.options.learn(text);
      if (lesson.matcher) {
        this.definedAt = lesson.definedAt;
        lesson.matcher.scan(text, this.emitLearnt);
        this.definedAt = null;
      }
    }
    this.runLength = 0;
    this.runText = '';
  }

  /** Maps a match in the run's joined text back to text nodes and offsets. */
  private emit(start: number, end: number, entryId: string): void {
    const nodes = this.runNodes;
    const texts = this.runTexts;
    const last = this.runLength - 1;
    let i = 0;
    let base = 0;
    while (i < last && base + (texts[i] as string).length <= start) base += (texts[i++] as string).length;
    const startNode = nodes[i] as Text;
    const startOffset = start - base;
    const touched: Text[] = [startNode];
    while (i < last && base + (texts[i] as string).length < end) {
      base += (texts[i++] as string).length;
      touched.push(nodes[i] as Text);
    }
    // Editable text is the reader's to write in: no mention starts, ends or runs through it.
    for (const node of touched) if (this.isEditable(node)) return;
    this.stats.mentions++;
    this.options.onMention({
      entryId,
      startNode,
      startOffset,
      endNode: nodes[i] as Text,
      endOffset: end - base,
      nodes: touched,
    });
  }

  private isEditable(node: Text): boolean {
    const parent = node.parentElement;
    if (!parent) return false;
    let answer = this.editable.get(parent);
    if (answer === undefined) {
      answer = parent.isContentEditable;
      this.editable.set(parent, answer);
    }
    return answer;
  }
}

/** Only the elements that may host a shadow root are asked for one (`shadowRoot` is not free). */
function reportShadowRoot(element: Element, onShadowRoot: (root: ShadowRoot) => void): void {
  const name = element.localName;
  if (!SHADOW_HOST_TAGS.has(name) && !name.includes('-')) return;
  const shadow = element.shadowRoot;
  if (shadow) onShadowRoot(shadow);
}

/** The nearest ancestor that is not inline: the block whose text a run belongs to. */
export function nearestBlock(parent: Node | null): Node | null {
  let node = parent;
  while (node !== null && node.nodeType === 1 && kindOf((node as Element).localName) === ElementKind.Inline) {
    node = node.parentNode;
  }
  return node;
}

/** Moves the walker past the current node's subtree and returns the next node, or null. */
function nextOutside(walker: TreeWalker): Node | null {
  const sibling = walker.nextSibling();
  if (sibling) return sibling;
  while (walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}

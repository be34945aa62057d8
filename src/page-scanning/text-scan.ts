/**
 * One resumable walk over a subtree's text: finds mentions without touching the page.
 *
 * Cost is kept near a bare TreeWalker walk over every text node (~0.5 ms on a page of 500k
 * characters of text): one TreeWalker over elements and text, tag names looked up in a Map, no
 * per-node `closest()` (which doubles the cost) and no JS `acceptNode` filter (which quadruples it),
 * no computed styles. Skip rules that need ancestors (editable regions) are checked only for text
 * that holds a match, and matches are rare.
 */

import { type Matcher, MatchFlags } from '../matching';
import { classifier, ElementKind, kindOf, mayHostShadowRoot, shadowRootOf } from './element-kinds';
import { titleCaseAcronymsIn } from './title-case';

/** A mention of a glossary entry: a span of page text, possibly across inline elements. */
export interface Mention {
  readonly entryId: string;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  /** Every text node the mention touches, first to last. */
  readonly nodes: readonly Text[];
  /** Read through an alias with other meanings: the store keeps it back until the page gives context. */
  readonly ambiguous?: boolean;
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
  /** Called for a custom element without a shadow root yet: it may attach one later (when upgraded). */
  onCustomElement?: (element: Element) => void;
  /** Called for every text node before it is scanned (a rescan drops the node's old mentions here). */
  onTextNode?: (node: Text) => void;
  /** Skip code and program output (`code`, `pre`, `kbd`, `samp`): the reader's setting. */
  skipCode?: boolean;
  /** Reads each run of text before it is matched, and may match terms of its own (see RunReader). */
  runReader?: RunReader;
  /** Where in the root the walk starts (what comes before it is not walked): the viewport, first. */
  from?: Node;
  /** Asked now and then with the node reached: true ends the walk there (past the viewport's bottom). */
  stopAt?: (node: Node) => boolean;
  /**
   * False when the root holds no `contenteditable` attribute at all: mentions then skip the editable
   * check (`isContentEditable` costs a style lookup per new parent: on a table of 100,000 cells, a
   * tenth of the scan).
   */
  mayHoldEditable?: boolean;
}

/**
 * Something that reads each run of text, in page order, before it is matched: the page's own
 * definitions of abbreviations plug in here. What it learns it matches itself.
 */
export interface RunReader {
  /**
   * Reads one run (with `from` and `to`: the part [from, to) of it, a long run being read a window at
   * a time). Returns, for the terms it taught, the offset in the run after which they may be marked (a
   * term is not marked before its definition); null when it learnt nothing.
   */
  readRun(text: string, from?: number, to?: number): ReadonlyMap<string, number> | null;
  /** A matcher of everything learnt so far, or null. */
  readonly matcher: Matcher | null;
  /** A reader for a part of the page read before its turn (what it learns counts in that part only). */
  readAhead?(): RunReader;
}

const SHOW = 0x1 /* NodeFilter.SHOW_ELEMENT */ | 0x4; /* NodeFilter.SHOW_TEXT */

/**
 * Runs of text are matched together, once per slice of work: the matcher's native string functions
 * cost the same for one long text as for many short ones, so a slice pays them once. Runs are joined
 * with a NUL, which no alias holds and which is a boundary on both sides: no mention crosses it.
 */
const RUN_SEPARATOR = '\u0000';
/** A slice stops walking once it holds this much text, so that matching it stays short too. */
const SLICE_MAX_CHARS = 200_000;
/** The slice's work goes a window of this many characters at a time (see `matchSlice`). */
const WORK_WINDOW = 8_000;
/**
 * The run reader's window is smaller: a text dense with candidates ("Word1 (W1) Word2 (W2) …") costs
 * it about 15 µs per candidate warm (Node, 2 cores), against the matcher's microseconds, and cold, in
 * a fresh isolated world, 0.3 ms: Chromium took 42 ms over the first window when it was 2,000
 * characters, 19–21 ms at 500. A window costs so little that the per-MB cost is the same (Node).
 */
const READ_WINDOW = 500;
/** Matching the text a slice walked may take this much longer than the walk's own budget. */
const SLICE_WORK_GRACE_MS = 4;

export class TextScan {
  readonly stats: ScanStats = { textNodes: 0, chars: 0, mentions: 0 };
  private readonly walker: TreeWalker;
  private readonly options: TextScanOptions;
  private done = false;
  /** The walk has reached the end; what is left is the last slice's work. */
  private walkDone = false;
  /** The node a paused walk stopped at, not yet handled. */
  private pending: Node | null = null;
  // The run of text being collected: consecutive text nodes with no block boundary between them. The
  // arrays are reused and never shrunk (`runLength` says how much of them is the current run).
  private readonly runNodes: Text[] = [];
  private readonly runTexts: string[] = [];
  private runLength = 0;
  private runText = '';
  private runBlock: Node | null = null;
  // The runs of this slice, ended and waiting to be matched: their text (joined), and every node with
  // the offset its text starts at in that joined text.
  private sliceText = '';
  private readonly sliceNodes: Text[] = [];
  private readonly sliceStarts: number[] = [];
  private sliceLength = 0;
  /** The slice's runs as the run reader reads them, with where each starts in the slice's text. */
  private readonly sliceRuns: string[] = [];
  private readonly sliceRunStarts: number[] = [];
  /** How far the slice's work has come (see `matchSlice`). */
  private work = { phase: 0, run: 0, at: 0, lastEnd: 0 };
  /** True while a slice's work is under way: the walk waits for it. */
  private sliceUnfinished = false;
  /** Terms the run reader learnt in this slice, and the offset (in the slice's text) they count from. */
  private learntAt: Map<string, number> | null = null;
  private lastParent: Node | null = null;
  private lastParentBlock: Node | null = null;
  /** The last inline element the walk entered: often the parent of the next text node. */
  private lastInline: Node | null = null;
  /** The root, until its own shadow root (if it hosts one) has been reported. */
  private root: Node | null;
  /** Inline elements whose block is known (see `blockOf`). */
  private readonly inlineBlocks = new Map<Node, Node | null>();
  /** Parents already checked for editability, with the answer. */
  private readonly editable = new Map<Element, boolean>();
  private readonly kindOf: (localName: string) => ElementKind;
  /** One callback for every slice, not a closure per slice. */
  private readonly emitMatch = (start: number, end: number, entryId: string, flags: number) => {
    if (flags & MatchFlags.Titled && !this.titleCaseAllowedAt(start)) return;
    this.emit(start, end, entryId, (flags & MatchFlags.Ambiguous) !== 0);
  };
  /** A mention of a term the run reader learnt counts only after its definition. */
  private readonly emitLearnt = (start: number, end: number, entryId: string) => {
    if (start < (this.learntAt?.get(entryId) ?? 0)) return;
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
    if (options.from) {
      this.walker.currentNode = options.from;
      this.pending = options.from;
      this.root = null;
    }
  }

  get finished(): boolean {
    return this.done;
  }

  /** The node the walk stands on; a resumed walk whose node left the document cannot go on. */
  get position(): Node {
    return this.walker.currentNode;
  }

  /**
   * Walks until the subtree is done or `deadline` (a `performance.now()` time) has passed, then
   * matches the text walked. Returns true when the whole subtree has been scanned.
   */
  step(deadline = Number.POSITIVE_INFINITY): boolean {
    if (this.done) return true;
    const walker = this.walker;
    const stats = this.stats;
    const { onShadowRoot, onTextNode } = this.options;
    const kindOfElement = this.kindOf;
    if (this.root) {
      // A root that hosts a shadow root (a custom element just added to the page) is reported too.
      if (onShadowRoot && this.root.nodeType === 1) {
        const shadow = shadowRootOf(this.root as Element);
        if (shadow) onShadowRoot(shadow);
      }
      this.root = null;
    }
    // Work left from the slice before (a long text read and matched a window at a time) goes first.
    if (this.sliceUnfinished) {
      if (!this.matchSlice(deadline)) return false;
      this.sliceUnfinished = false;
      if (this.walkDone) return this.finish();
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
          this.endRun();
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
        else this.endRun();
        if (kind === ElementKind.Skip) {
          node = nextOutside(walker);
        } else {
          if (onShadowRoot && mayHostShadowRoot(name)) {
            const shadow = element.shadowRoot;
            if (shadow) onShadowRoot(shadow);
            else if (name.includes('-')) this.options.onCustomElement?.(element);
          }
          node = walker.nextNode();
        }
      }
      // performance.now() costs ~25 ns; looking every 256 nodes keeps a slice within ~1 ms of its end.
      if ((++budgetCheck & 255) === 0 && node !== null && this.options.stopAt?.(node)) break;
      if (
        (budgetCheck & 255) === 0 &&
        (performance.now() > deadline || this.sliceText.length > SLICE_MAX_CHARS)
      ) {
        if (node === null) break;
        this.pending = node;
        // The slice's text is matched in the same task; what does not fit waits for the next.
        if (!this.matchSlice(deadline + SLICE_WORK_GRACE_MS)) this.sliceUnfinished = true;
        return false;
      }
    }
    this.endRun();
    this.walkDone = true;
    if (!this.matchSlice(deadline + SLICE_WORK_GRACE_MS)) {
      this.sliceUnfinished = true;
      return false;
    }
    return this.finish();
  }

  /** The walk and its last slice are done: lets go of the page's nodes. */
  private finish(): boolean {
    this.done = true;
    this.inlineBlocks.clear();
    this.runNodes.length = 0;
    this.runTexts.length = 0;
    this.sliceNodes.length = 0;
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
    const climbed: Node[] = [];
    while (
      node !== null &&
      node !== this.runBlock &&
      node.nodeType === 1 &&
      kindOf((node as Element).localName) === ElementKind.Inline
    ) {
      const known = this.inlineBlocks.get(node);
      if (known !== undefined) {
        node = known;
        break;
      }
      climbed.push(node);
      node = node.parentNode;
    }
    // Every inline element climbed through has this block: deep nesting (thousands of inline elements
    // inside each other, each with text) is climbed once, not once per text node.
    for (const inline of climbed) this.inlineBlocks.set(inline, node);
    return node;
  }

  /** The current run is over: its text joins the slice's (the run reader reads it first). */
  private endRun(): void {
    const length = this.runLength;
    if (length === 0) return;
    const runStart = this.sliceText.length;
    if (this.options.runReader) {
      this.sliceRuns.push(this.runText);
      this.sliceRunStarts.push(runStart);
    }
    let offset = runStart;
    for (let i = 0; i < length; i++) {
      const at = this.sliceLength++;
      this.sliceNodes[at] = this.runNodes[i] as Text;
      this.sliceStarts[at] = offset;
      offset += (this.runTexts[i] as string).length;
    }
    this.sliceText =
      runStart === 0 ? this.runText + RUN_SEPARATOR : this.sliceText + this.runText + RUN_SEPARATOR;
    this.runLength = 0;
    this.runText = '';
  }

  /**
   * Works through the slice's text: the run reader reads each run (READ_WINDOW characters at a time),
   * the glossary is matched, then what the reader learnt (WORK_WINDOW at a time), stopping at
   * `deadline` between windows (a run of megabytes in one text node does not make a long task). Returns true when the
   * slice is done (and a new one may start).
   */
  private matchSlice(deadline: number): boolean {
    if (this.sliceLength === 0) return true;
    const text = this.sliceText;
    const work = this.work;
    const reader = this.options.runReader;
    while (work.phase === 0 && reader && work.run < this.sliceRuns.length) {
      const run = this.sliceRuns[work.run] as string;
      const to = Math.min(run.length, work.at + READ_WINDOW);
      const learnt = run.length <= READ_WINDOW ? reader.readRun(run) : reader.readRun(run, work.at, to);
      if (learnt) {
        const runStart = this.sliceRunStarts[work.run] as number;
        this.learntAt ??= new Map();
        for (const [id, offset] of learnt) this.learntAt.set(id, runStart + offset);
      }
      if (to >= run.length) {
        work.run++;
        work.at = 0;
      } else work.at = to;
      if (performance.now() > deadline) return false;
    }
    if (work.phase === 0) {
      work.phase = 1;
      work.at = 0;
      work.lastEnd = 0;
    }
    const learntMatcher = reader?.matcher ?? null;
    while (work.phase < 3) {
      const matcher = work.phase === 1 ? this.options.matcher : learntMatcher;
      if (matcher && work.at < text.length) {
        const to = Math.min(text.length, work.at + WORK_WINDOW);
        const emit = work.phase === 1 ? this.emitMatch : this.emitLearnt;
        // A mention that ran past the window's end is not found again in the next one.
        work.lastEnd =
          text.length <= WORK_WINDOW
            ? matcher.scan(text, emit)
            : matcher.scan(text, emit, Math.max(work.at, work.lastEnd), to);
        work.at = to;
        if (work.at < text.length) {
          if (performance.now() > deadline) return false;
          continue;
        }
      }
      work.phase++;
      work.at = 0;
      work.lastEnd = 0;
      if (work.phase < 3 && performance.now() > deadline) return false;
    }
    this.sliceText = '';
    this.sliceLength = 0;
    this.sliceRuns.length = 0;
    this.sliceRunStarts.length = 0;
    this.learntAt = null;
    this.work = { phase: 0, run: 0, at: 0, lastEnd: 0 };
    return true;
  }

  /** Maps a match in the slice's joined text back to text nodes and offsets. */
  /**
   * Is the text at `start` in a language that writes acronyms in title case (title-case.ts)? Read from
   * the nearest `lang` attribute: asked only for the rare title-case match, so no cache is kept.
   */
  private titleCaseAllowedAt(start: number): boolean {
    const node = this.sliceNodes[this.nodeIndexAt(start)];
    const element = node?.parentElement;
    const lang = element?.closest('[lang]')?.getAttribute('lang') ?? '';
    // Undeclared: the text around the mention, within its slice, says which language it is in.
    const around = lang ? '' : this.runAround(start);
    return titleCaseAcronymsIn(lang, around);
  }

  /** The text of the run (a block's text) that holds `start`, at most 160 characters each side. */
  private runAround(start: number): string {
    const text = this.sliceText;
    const from = Math.max(0, start - 160);
    const before = text.lastIndexOf(RUN_SEPARATOR, start);
    const after = text.indexOf(RUN_SEPARATOR, start);
    return text.slice(Math.max(from, before + 1), Math.min(start + 160, after < 0 ? text.length : after));
  }

  /** The last slice node that starts at or before `start` (nodes with no text share a start: the last). */
  private nodeIndexAt(start: number): number {
    const starts = this.sliceStarts;
    let low = 0;
    let high = this.sliceLength - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= start) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private emit(start: number, end: number, entryId: string, ambiguous = false): void {
    const nodes = this.sliceNodes;
    const starts = this.sliceStarts;
    let i = this.nodeIndexAt(start);
    const last = this.sliceLength - 1;
    const startNode = nodes[i] as Text;
    const startOffset = start - (starts[i] as number);
    const touched: Text[] = [startNode];
    while (i < last && (starts[i + 1] as number) < end) {
      i++;
      touched.push(nodes[i] as Text);
    }
    // Editable text is the reader's to write in: no mention starts, ends or runs through it.
    if (this.options.mayHoldEditable !== false) for (const node of touched) if (this.isEditable(node)) return;
    this.stats.mentions++;
    this.options.onMention({
      entryId,
      startNode,
      startOffset,
      endNode: nodes[i] as Text,
      endOffset: end - (starts[i] as number),
      nodes: touched,
      ...(ambiguous ? { ambiguous: true } : {}),
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

/**
 * Finds the mentions on a page and keeps them current: one chunked initial scan, then incremental
 * rescans of only what changed, driven by a MutationObserver.
 */
import type { Matcher } from '../matching';
import { classifier, ElementKind, kindOf } from './element-kinds';
import { type MentionListener, MentionStore } from './mention-store';
import { nearestBlock, type ScanStats, TextScan, type TextScanOptions } from './text-scan';
import { yieldToPage } from './yield-to-page';

export interface PageScannerOptions extends MentionListener {
  matcher: Matcher;
  /** Every open shadow root the scanner enters (the highlighter styles it). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Longest slice of work before handing the main thread back; well under the 50 ms of a long task. */
  sliceMs?: number;
  /** When Glossa's script started (`performance.now()`), reported with each scan for the benchmark. */
  scriptStart?: number;
  /** Skip code and program output: the reader's setting "skip code blocks". */
  skipCode?: boolean;
  /** Reads each run of text before it is matched (the page's own definitions); see RunReader. */
  runReader?: TextScanOptions['runReader'];
}

/** Past this many mutation records in one batch, a full rescan is cheaper than sorting them out. */
const MUTATION_STORM = 1000;
/** How long mutations gather before a rescan: marks follow new content within a few frames. */
const BATCH_DELAY_MS = 100;

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class PageScanner {
  readonly mentions: MentionStore;
  private matcher: Matcher;
  private readonly options: PageScannerOptions;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<Node>();
  private queue: MutationRecord[] = [];
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by stop() and by every full scan: an older scan that sees a newer generation gives up. */
  private generation = 0;
  /** Every scan under way, full or incremental. */
  private readonly running = new Set<Promise<ScanStats>>();

  constructor(
    private readonly doc: Document,
    options: PageScannerOptions,
  ) {
    this.options = options;
    this.matcher = options.matcher;
    this.mentions = new MentionStore(options);
    this.observer = new MutationObserver((records) => this.enqueue(records));
  }

  /** Scans the whole page and starts following its changes. Resolves with what the scan saw. */
  start(): Promise<ScanStats> {
    this.observe(this.doc);
    return this.fullScan('glossa:scan', viewportBlock(this.doc));
  }

  /** Stops observing and forgets every mention (listeners hear them removed). */
  stop(): void {
    this.generation++;
    this.observer.disconnect();
    this.observedRoots.clear();
    this.queue = [];
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.mentions.clear();
  }

  /** Swaps the glossary (entries switched on or off) and rescans. */
  setMatcher(matcher: Matcher): Promise<ScanStats> {
    this.matcher = matcher;
    return this.fullScan('glossa:scan');
  }

  /** Resolves when no scan is under way: the full scan, and the rescans of what changed. */
  async whenIdle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /**
   * Scans the whole page. `first`: a block the reader sees now, scanned ahead of the rest (without
   * reading its definitions, which must be read in page order; the page's own pass reads them).
   */
  private fullScan(name: string, first: Element | null = null): Promise<ScanStats> {
    const generation = ++this.generation;
    this.mentions.clear();
    if (this.doc.designMode === 'on') return Promise.resolve({ textNodes: 0, chars: 0, mentions: 0 });
    return this.track(this.scanRoots([this.doc], generation, name, false, first));
  }

  private track(run: Promise<ScanStats>): Promise<ScanStats> {
    this.running.add(run);
    const done = () => void this.running.delete(run);
    run.then(done, done);
    return run;
  }

  /**
   * Scans `roots` (and the shadow roots found in them) in slices, yielding to the page between slices.
   * Records `performance.measure(name)` over the whole duration, with what was scanned in `detail`.
   */
  private async scanRoots(
    roots: Node[],
    generation: number,
    name: string,
    dropOld: boolean,
    first: Element | null = null,
  ): Promise<ScanStats> {
    const startTime = performance.now();
    const total: ScanStats = { textNodes: 0, chars: 0, mentions: 0 };
    let busy = 0;
    let slices = 0;
    let longestSlice = 0;
    const sliceMs = this.options.sliceMs ?? 8;
    const store = this.mentions;
    const onShadowRoot = (root: ShadowRoot) => {
      roots.push(root);
      this.observe(root);
      this.options.onShadowRoot?.(root);
    };
    const options = {
      matcher: this.matcher,
      onMention: (mention: Parameters<MentionStore['add']>[0]) => store.add(mention),
      onShadowRoot,
      onTextNode: dropOld ? (node: Text) => store.dropNode(node) : undefined,
      skipCode: this.options.skipCode ?? false,
      runReader: this.options.runReader,
    };
    // The viewport's block, in one slice of its own, before the page from the top.
    if (first) {
      const scan = new TextScan(first, { ...options, onShadowRoot: undefined, runReader: undefined });
      const sliceStart = performance.now();
      scan.step(sliceStart + sliceMs);
      store.flush();
      busy += performance.now() - sliceStart;
      slices++;
      await yieldToPage();
      if (generation !== this.generation) return total;
    }
    // A full scan's slices after the first wait for the page's own work; a rescan follows the change.
    const priority = dropOld ? 'next' : 'background';
    for (let i = 0; i < roots.length; i++) {
      const scan = new TextScan(roots[i] as Node, options);
      for (;;) {
        const sliceStart = performance.now();
        const finished = scan.step(sliceStart + sliceMs);
        // Marking what the slice found is part of its cost (and of its task).
        store.flush();
        const sliceTime = performance.now() - sliceStart;
        busy += sliceTime;
        longestSlice = Math.max(longestSlice, sliceTime);
        slices++;
        if (finished) break;
        await yieldToPage(priority);
        if (generation !== this.generation) return total;
        // The page removed the node the walk stood on: what is left is caught by a full rescan.
        if (!scan.position.isConnected) {
          this.scheduleFullScan();
          break;
        }
      }
      total.textNodes += scan.stats.textNodes;
      total.chars += scan.stats.chars;
      total.mentions += scan.stats.mentions;
    }
    performance.measure(name, {
      start: startTime,
      end: performance.now(),
      detail: {
        ...total,
        scriptStart: round(this.options.scriptStart ?? 0),
        busyMs: round(busy),
        longestSliceMs: round(longestSlice),
        slices,
        roots: roots.length,
      },
    });
    return total;
  }

  private scheduleFullScan(): void {
    queueMicrotask(() => void this.fullScan('glossa:scan'));
  }

  private enqueue(records: MutationRecord[]): void {
    for (const record of records) this.queue.push(record);
    if (this.batchTimer === undefined) {
      this.batchTimer = setTimeout(() => {
        this.batchTimer = undefined;
        this.processQueue();
      }, BATCH_DELAY_MS);
    }
  }

  /** Rescans the blocks that changed; drops the mentions of what left the page. */
  private processQueue(): void {
    const records = this.queue;
    this.queue = [];
    if (records.length === 0) return;
    // A document in design mode is one editable region: nothing in it is scanned (see fullScan).
    if (this.doc.designMode === 'on') {
      if (this.mentions.size) void this.fullScan('glossa:scan');
      return;
    }
    if (records.length > MUTATION_STORM) {
      void this.fullScan('glossa:scan');
      return;
    }
    const units = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') {
        // Comments change too; only text is scanned.
        if (record.target.nodeType !== 3) continue;
        this.mentions.dropNode(record.target as Text);
        addUnit(units, nearestBlock(record.target.parentNode));
        continue;
      }
      let joins = false;
      for (const node of record.removedNodes) {
        this.mentions.dropSubtree(node);
        // Inline content that leaves changes the run of text around it.
        if (node.nodeType !== 1 || kindOf((node as Element).localName) === ElementKind.Inline) joins = true;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) {
          const kind = kindOf((node as Element).localName);
          // A block or skipped element put into a run of inline text cuts the run in two: the text on
          // either side may lose a mention that ran across, or gain two that were one word.
          if (kind !== ElementKind.Inline && splitsRun(node)) addUnit(units, nearestBlock(record.target));
          if (kind === ElementKind.Skip) continue;
          addUnit(units, kind === ElementKind.Block ? node : nearestBlock(record.target));
        } else if (node.nodeType === 3) {
          addUnit(units, nearestBlock(record.target));
        }
      }
      // A block or skipped element that left may have joined the text on either side of it into one run,
      // which can hold a mention: rescan the block then (not on every removal: that block may be <body>).
      if (record.removedNodes.length && record.target.isConnected) {
        if (
          joins ||
          (mayRunInto(record.previousSibling, record.target) && mayRunInto(record.nextSibling, record.target))
        ) {
          addUnit(units, nearestBlock(record.target));
        }
      }
    }
    this.mentions.flush();
    const roots = outermost(units).filter(
      (unit) => unit.isConnected && !insideSkipped(unit, this.options.skipCode ?? false) && !isEditable(unit),
    );
    if (roots.length === 0) return;
    void this.track(this.scanRoots(roots, this.generation, 'glossa:rescan', true));
  }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * On a page the reader has scrolled down (a reload, a link to a section), the block in the middle of
 * the viewport, so that what they see is marked first; null at the top of a page, where the scan from
 * the start reaches the viewport in its first slice anyway.
 */
function viewportBlock(doc: Document): Element | null {
  const view = doc.defaultView;
  const scrolled = doc.scrollingElement?.scrollTop ?? 0;
  if (!view || scrolled < view.innerHeight) return null;
  let block = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 2);
  // Up to a block with a screenful of text or so, not the whole page.
  while (
    block?.parentElement &&
    block.parentElement !== doc.body &&
    (block.textContent?.length ?? 0) < 3000
  ) {
    block = block.parentElement;
  }
  return block && block !== doc.body && block !== doc.documentElement ? block : null;
}

function addUnit(units: Set<Node>, unit: Node | null): void {
  if (unit) units.add(unit);
}

/** Drops units that sit inside another unit of the same batch (their rescan covers them). */
function outermost(units: Set<Node>): Node[] {
  const out: Node[] = [];
  for (const unit of units) {
    let ancestor = unit.parentNode;
    while (ancestor && !units.has(ancestor)) ancestor = ancestor.parentNode;
    if (!ancestor) out.push(unit);
  }
  return out;
}

/**
 * Can the text of `sibling` (a neighbour of a removed node) run on into the other side? Not when it is a
 * block or a skipped element, nor, at either end of `parent`, when `parent` is itself a block.
 */
function mayRunInto(sibling: Node | null, parent: Node): boolean {
  if (sibling === null)
    return parent.nodeType === 1 && kindOf((parent as Element).localName) === ElementKind.Inline;
  if (sibling.nodeType !== 1) return true;
  return kindOf((sibling as Element).localName) === ElementKind.Inline;
}

/** True when `node` (just added, still in place) has text that may run on into it on both sides. */
function splitsRun(node: Node): boolean {
  const parent = node.parentNode;
  return parent !== null && mayRunInto(node.previousSibling, parent) && mayRunInto(node.nextSibling, parent);
}

/** True for a unit inside an editable region: the scanner would find nothing there (TextScan skips it). */
function isEditable(unit: Node): boolean {
  const element = unit.nodeType === 1 ? (unit as HTMLElement) : unit.parentElement;
  return element?.isContentEditable === true;
}

/** True when a node lies inside something the scanner never enters (a form control, Glossa's UI…). */
function insideSkipped(node: Node, skipCode: boolean): boolean {
  const kind = classifier(skipCode);
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1) {
      const name = (n as Element).localName;
      if (kind(name) === ElementKind.Skip) return true;
    }
  }
  return false;
}

/**
 * Finds the mentions on a page and keeps them current: one chunked initial scan, then incremental
 * rescans of only what changed, driven by a MutationObserver.
 */
import type { Matcher } from '../matching';
import { BUILT_IN_SHADOW_HOSTS, classifier, ElementKind, kindOf } from './element-kinds';
import { type MentionListener, MentionStore } from './mention-store';
import { nearestBlock, type ScanStats, TextScan, type TextScanOptions } from './text-scan';
import { yieldToPage } from './yield-to-page';

export interface PageScannerOptions extends MentionListener {
  matcher: Matcher;
  /**
   * The part of the document to scan and follow (the whole document by default): an extension page
   * that shows a document (the PDF reader) scans the document, not its own toolbar.
   */
  root?: Element;
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
/** When custom elements met without a shadow root are looked at again (see awaitShadow). */
const SHADOW_CHECKS_MS = [1000, 2000, 7000, 20000];
/** A sweep for late shadow roots yields after this long, and goes on in the next task. */
const SWEEP_SLICE_MS = 8;
/** How long mutations gather before a rescan: marks follow new content within a few frames. */
const BATCH_DELAY_MS = 100;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // A region made editable after load is the reader's to write in: its marks go at once.
  attributes: true,
  attributeFilter: ['contenteditable'],
};

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
  /** Custom elements met without a shadow root: looked at again, since upgrading may attach one. */
  private readonly awaitingShadow = new Set<Element>();
  private shadowTimer: ReturnType<typeof setTimeout> | undefined;
  private shadowChecks = 0;
  /**
   * Built-in hosts are swept for late shadow roots: only on a page that has shown shadow DOM (a shadow
   * root or a custom element met), since a sweep reads every candidate element and most pages have
   * none; until the last check.
   */
  private sweeping = false;
  /** Design mode as last seen (see checkDesignMode). */
  private designMode = false;
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

  private get root(): Node {
    return this.options.root ?? this.doc;
  }

  /** Scans the whole page and starts following its changes. Resolves with what the scan saw. */
  start(): Promise<ScanStats> {
    this.observe(this.root);
    const first = viewportStart(this.doc);
    return this.fullScan('glossa:scan', first && this.root.contains(first) ? first : null);
  }

  /** Stops observing and forgets every mention (listeners hear them removed). */
  stop(): void {
    this.generation++;
    this.observer.disconnect();
    this.observedRoots.clear();
    this.queue = [];
    clearTimeout(this.batchTimer);
    clearTimeout(this.shadowTimer);
    this.shadowTimer = undefined;
    this.awaitingShadow.clear();
    this.sweeping = false;
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
   * Scans the whole page. `first`: where the part the reader sees now begins; from there the page is
   * scanned ahead of the rest for a few slices (its definitions read by a reader of its own: the
   * page's pass reads them again, in page order).
   */
  private fullScan(name: string, first: Element | null = null): Promise<ScanStats> {
    const generation = ++this.generation;
    this.mentions.clear();
    this.designMode = this.doc.designMode === 'on';
    if (this.designMode) return Promise.resolve({ textNodes: 0, chars: 0, mentions: 0 });
    return this.track(this.scanRoots([this.root], generation, name, false, first));
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
    // Slices that ran past 50 ms are long tasks: on a page of 500,000 nodes the browser's own pauses do it.
    const time = { busy: 0, slices: 0, longestSlice: 0, longSlices: 0 };
    const sliceMs = this.options.sliceMs ?? 8;
    const store = this.mentions;
    /** One slice of `scan`, timed; true when the scan is done. */
    const slice = (scan: TextScan): boolean => {
      const sliceStart = performance.now();
      const finished = scan.step(sliceStart + sliceMs);
      // Marking what the slice found is part of its cost (and of its task).
      store.flush();
      const sliceTime = performance.now() - sliceStart;
      time.busy += sliceTime;
      time.longestSlice = Math.max(time.longestSlice, sliceTime);
      if (sliceTime > 50) time.longSlices++;
      time.slices++;
      return finished;
    };
    const onShadowRoot = (root: ShadowRoot) => {
      roots.push(root);
      this.startSweeping();
      this.observe(root);
      this.options.onShadowRoot?.(root);
    };
    const options = {
      onCustomElement: (element: Element) => this.awaitShadow(element),
      matcher: this.matcher,
      onMention: (mention: Parameters<MentionStore['add']>[0]) => store.add(mention),
      onShadowRoot,
      onTextNode: dropOld ? (node: Text) => store.dropNode(node) : undefined,
      skipCode: this.options.skipCode ?? false,
      runReader: this.options.runReader,
    };
    // What the reader sees, from where it begins, before the page from the top.
    if (first) {
      const viewportStart = performance.now();
      const busyBefore = time.busy;
      const runReader = this.options.runReader?.readAhead?.();
      const scan = new TextScan(this.doc, {
        ...options,
        onShadowRoot: undefined,
        runReader,
        from: first,
        stopAt: belowViewport,
        mayHoldEditable: mayHoldEditable(this.doc),
      });
      // Down to the viewport's bottom, in a few slices at most; the page's pass does the rest.
      for (let n = 0; n < VIEWPORT_SLICES_MAX; n++) {
        const finished = slice(scan);
        await yieldToPage();
        if (generation !== this.generation) return total;
        if (finished || !scan.position.isConnected) break;
      }
      performance.measure('glossa:viewport', {
        start: viewportStart,
        end: performance.now(),
        detail: { ...scan.stats, busyMs: round(time.busy - busyBefore) },
      });
    }
    // A full scan's slices after the first wait for the page's own work; a rescan follows the change.
    const priority = dropOld ? 'next' : 'background';
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i] as Node;
      const scan = new TextScan(root, { ...options, mayHoldEditable: mayHoldEditable(root) });
      for (;;) {
        if (slice(scan)) break;
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
        busyMs: round(time.busy),
        longestSliceMs: round(time.longestSlice),
        longSlices: time.longSlices,
        slices: time.slices,
        roots: roots.length,
      },
    });
    return total;
  }

  /**
   * Looks again whether the document is in design mode (no mutation tells when a page switches it):
   * on, every mark goes; off again, the page is scanned afresh. Called when the reader acts (focus,
   * keys, pointer) and with each batch of changes.
   */
  checkDesignMode(): void {
    const on = this.doc.designMode === 'on';
    if (on === this.designMode) return;
    this.designMode = on;
    void this.fullScan('glossa:scan');
  }

  /**
   * A custom element usually attaches its shadow root when it is defined, which may come after the
   * scan, and nothing in the page's tree changes then: such elements are looked at again, 1, 3, 10 and
   * 30 seconds after the last one was met, and with each batch of changes.
   */
  private awaitShadow(element: Element): void {
    this.awaitingShadow.add(element);
    this.sweeping = true;
    this.shadowChecks = 0;
    this.scheduleShadowCheck();
  }

  /** The page uses shadow DOM: built-in hosts are swept too, from now (unless checks are under way). */
  private startSweeping(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    if (this.shadowTimer !== undefined) return;
    this.shadowChecks = 0;
    this.scheduleShadowCheck();
  }

  private scheduleShadowCheck(): void {
    clearTimeout(this.shadowTimer);
    this.shadowTimer = undefined;
    const delay = SHADOW_CHECKS_MS[this.shadowChecks];
    if (delay === undefined) {
      this.sweeping = false;
      return;
    }
    if (this.awaitingShadow.size === 0 && !this.sweeping) return;
    this.shadowTimer = setTimeout(() => {
      this.shadowChecks++;
      this.checkLateShadowRoots();
      if (this.sweeping) void this.sweepLateShadowRoots(this.generation);
      this.scheduleShadowCheck();
    }, delay);
  }

  /**
   * Looks for shadow roots given to built-in elements since they were scanned, a slice at a time: the
   * candidates come from one native query per root; reading each one's shadowRoot is what is sliced.
   */
  private async sweepLateShadowRoots(generation: number): Promise<void> {
    const found: ShadowRoot[] = [];
    for (const root of [...this.observedRoots]) {
      // A document, a shadow root or (in the reader) an element: each can be queried.
      if (!('querySelectorAll' in root)) continue;
      // A widget mounted into an existing `<div>` after the scan changes nothing in the tree the
      // observer sees: the built-in elements that may be given a shadow root are swept instead.
      const hosts = (root as ParentNode).querySelectorAll(BUILT_IN_SHADOW_HOSTS);
      let sliceStart = performance.now();
      for (let i = 0; i < hosts.length; i++) {
        if ((i & 255) === 0 && performance.now() - sliceStart > SWEEP_SLICE_MS) {
          await yieldToPage('background');
          if (generation !== this.generation) return;
          sliceStart = performance.now();
        }
        const shadow = (hosts[i] as Element).shadowRoot;
        if (shadow && !this.observedRoots.has(shadow)) found.push(shadow);
      }
    }
    if (generation === this.generation)
      this.scanLateShadowRoots(found.filter((shadow) => shadow.isConnected));
  }

  /** Observes and scans shadow roots found after their hosts were scanned (each once). */
  private scanLateShadowRoots(shadows: ShadowRoot[]): void {
    const roots: Node[] = [];
    for (const shadow of shadows) {
      if (this.observedRoots.has(shadow)) continue;
      this.observe(shadow);
      this.options.onShadowRoot?.(shadow);
      roots.push(shadow);
    }
    if (roots.length) void this.track(this.scanRoots(roots, this.generation, 'glossa:rescan', true));
  }

  private checkLateShadowRoots(): void {
    const shadows: ShadowRoot[] = [];
    for (const element of this.awaitingShadow) {
      if (!element.isConnected) {
        this.awaitingShadow.delete(element);
        continue;
      }
      const shadow = element.shadowRoot;
      if (!shadow) continue;
      this.awaitingShadow.delete(element);
      shadows.push(shadow);
    }
    this.scanLateShadowRoots(shadows);
  }

  private scheduleFullScan(): void {
    queueMicrotask(() => void this.fullScan('glossa:scan'));
  }

  private enqueue(records: MutationRecord[]): void {
    for (const record of records) {
      // Made editable: its marks go now, not with the next batch. Made read-only again: rescanned then.
      if (record.type === 'attributes') {
        const element = record.target as HTMLElement;
        if (element.isContentEditable) {
          this.mentions.dropSubtree(element);
          this.mentions.flush();
          continue;
        }
      }
      this.queue.push(record);
    }
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
    if (this.doc.designMode === 'on' || this.designMode) {
      this.checkDesignMode();
      return;
    }
    if (this.awaitingShadow.size) this.checkLateShadowRoots();
    if (records.length > MUTATION_STORM) {
      void this.fullScan('glossa:scan');
      return;
    }
    const units = new Set<Node>();
    for (const record of records) {
      if (record.type === 'attributes') {
        addUnit(units, record.target);
        continue;
      }
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

/** Slices the part of the page in the viewport may take before the page's own pass starts from the top. */
const VIEWPORT_SLICES_MAX = 4;

/**
 * On a page the reader has scrolled down (a reload, a link to a section), the block near the top of
 * the viewport, where the walk starts so that what they see is marked first; null at the top of a
 * page, where the scan from the start reaches the viewport in its first slice anyway. A point inside a
 * fixed or sticky header is passed over (its place in the page is not where the reader is).
 */
function viewportStart(doc: Document): Element | null {
  const view = doc.defaultView;
  const scrolled = doc.scrollingElement?.scrollTop ?? 0;
  if (!view || scrolled < view.innerHeight) return null;
  for (const y of [view.innerHeight / 6, view.innerHeight / 2]) {
    let element = doc.elementFromPoint(view.innerWidth / 2, y);
    while (element?.parentElement && kindOf(element.localName) === ElementKind.Inline) {
      element = element.parentElement;
    }
    if (!element || element === doc.body || element === doc.documentElement) continue;
    if (!inFixedLayer(element, view)) return element;
  }
  return null;
}

/**
 * Whether a root may hold editable text: a `contenteditable` attribute in it or above it (a native
 * query or two per root, not a style lookup per parent). CSS `-webkit-user-modify` alone is not seen.
 */
function mayHoldEditable(root: Node): boolean {
  const EDITABLE = '[contenteditable]';
  switch (root.nodeType) {
    case 9: // a document
      return (root as Document).querySelector(EDITABLE) !== null;
    case 11: // a shadow root: editing may come from above its host too
      return (
        (root as ShadowRoot).host.closest(EDITABLE) !== null ||
        (root as ShadowRoot).querySelector(EDITABLE) !== null
      );
    case 1: // an element (a rescan): itself, above or inside
      return (
        (root as Element).closest(EDITABLE) !== null || (root as Element).querySelector(EDITABLE) !== null
      );
    case 3:
      return root.parentElement?.closest(EDITABLE) != null;
    default:
      return true;
  }
}

/** True for a node that lies below the viewport (layout is read: called every few hundred nodes). */
function belowViewport(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const view = element?.ownerDocument.defaultView;
  if (!element || !view) return false;
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top > view.innerHeight;
}

function inFixedLayer(element: Element, view: Window): boolean {
  for (
    let node: Element | null = element;
    node && node !== node.ownerDocument.body;
    node = node.parentElement
  ) {
    const position = view.getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
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

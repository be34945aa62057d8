import { shadowRootOf } from './element-kinds';
import { inDocumentOrder } from './mention-order';
import type { Mention } from './text-scan';

export interface MentionListener {
  added(mentions: readonly Mention[]): void;
  removed(mentions: readonly Mention[]): void;
}

/**
 * The mentions found on a page, indexed by text node so that hit testing is O(1) per pointer move and an
 * incremental rescan drops exactly the mentions of the text it rescans.
 */
/** How many other entries mentioned on a page give an ambiguous alias its context. */
export const CONTEXT_ENTRIES = 2;

export class MentionStore {
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly all = new Set<Mention>();
  private ordered: Mention[] | null = null;
  /** Per entry, its mentions in document order, sorted on demand (the popover's "2 of 5"). */
  private orderedByEntry = new Map<string, Mention[]>();
  /** Added since the last flush (a Set: a rescan drops and re-adds many before one flush). */
  private pendingAdded = new Set<Mention>();
  private pendingRemoved: Mention[] = [];
  /** Mentions per entry, kept as they come and go (a report on a giant page counts nothing). */
  private readonly perEntry = new Map<string, number>();
  /**
   * Per text node, at least the largest offset a mention starts at in it: a scan adds a node's mentions
   * left to right, so the check for one already there is O(1), not a look through 100,000 of them.
   */
  private readonly lastStart = new Map<Text, number>();
  /**
   * Mentions through an alias with other meanings, kept back (not marked, not hit-tested, not
   * counted) until the page gives them context: the same entry named by another alias, or
   * `CONTEXT_ENTRIES` other entries mentioned. By every node they touch, so a rescan drops them too.
   */
  private readonly held = new Set<Mention>();
  private readonly heldByNode = new Map<Text, Mention[]>();
  /** Mentions through aliases without other meanings, per entry: the context held ones wait for. */
  private readonly plainPerEntry = new Map<string, number>();

  constructor(private readonly listener: MentionListener) {}

  get size(): number {
    return this.all.size;
  }

  /** Adds a mention unless one already starts at the same place (a rescan may meet it twice). */
  add(mention: Mention): void {
    if (mention.ambiguous && !this.hasContext(mention.entryId)) {
      this.hold(mention);
      return;
    }
    this.store(mention);
  }

  /** Mentions kept back for want of context (see `held`). */
  get heldBack(): number {
    return this.held.size;
  }

  private store(mention: Mention): void {
    const node = mention.startNode;
    const last = this.lastStart.get(node);
    if (last !== undefined && mention.startOffset <= last) {
      const existing = this.byNode.get(node);
      if (existing?.some((m) => m.startNode === node && m.startOffset === mention.startOffset)) return;
    }
    if (last === undefined || mention.startOffset > last) this.lastStart.set(node, mention.startOffset);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    this.all.add(mention);
    this.perEntry.set(mention.entryId, (this.perEntry.get(mention.entryId) ?? 0) + 1);
    this.invalidateOrder();
    this.pendingAdded.add(mention);
    if (!mention.ambiguous) {
      const plain = this.plainPerEntry.get(mention.entryId) ?? 0;
      this.plainPerEntry.set(mention.entryId, plain + 1);
      // A new entry named plainly: context, maybe, for mentions kept back.
      if (plain === 0 && this.held.size) this.release();
    }
  }

  private hasContext(entryId: string): boolean {
    if (this.plainPerEntry.has(entryId)) return true;
    let others = 0;
    for (const id of this.plainPerEntry.keys())
      if (id !== entryId && ++others >= CONTEXT_ENTRIES) return true;
    return false;
  }

  private hold(mention: Mention): void {
    if (this.held.has(mention)) return;
    this.held.add(mention);
    for (const node of mention.nodes) {
      const list = this.heldByNode.get(node);
      if (list) list.push(mention);
      else this.heldByNode.set(node, [mention]);
    }
  }

  /** Stores the held mentions that now have context. */
  private release(): void {
    for (const mention of [...this.held]) {
      if (!this.hasContext(mention.entryId)) continue;
      this.held.delete(mention);
      for (const node of mention.nodes) {
        const rest = (this.heldByNode.get(node) ?? []).filter((m) => m !== mention);
        if (rest.length) this.heldByNode.set(node, rest);
        else this.heldByNode.delete(node);
      }
      this.store(mention);
    }
  }

  /** Drops every mention that touches `node`. */
  dropNode(node: Text): void {
    const held = this.heldByNode.get(node);
    if (held) {
      this.heldByNode.delete(node);
      for (const mention of held) this.held.delete(mention);
    }
    const list = this.byNode.get(node);
    if (!list) return;
    this.byNode.delete(node);
    this.lastStart.delete(node);
    // All at once: one pass over the other nodes they touch, not one filter per mention.
    const gone = new Set(list);
    const others = new Set<Text>();
    for (const mention of list) {
      if (!this.forget(mention)) continue;
      for (const other of mention.nodes) if (other !== node) others.add(other);
    }
    for (const other of others) {
      const rest = (this.byNode.get(other) ?? []).filter((m) => !gone.has(m));
      if (rest.length) this.byNode.set(other, rest);
      else {
        this.byNode.delete(other);
        this.lastStart.delete(other);
      }
    }
    this.invalidateOrder();
  }

  /** Drops the mentions of every text node in a subtree that left the page, open shadow roots included. */
  dropSubtree(root: Node): void {
    if (this.all.size === 0 && this.held.size === 0) return;
    if (root.nodeType === 3) {
      this.dropNode(root as Text);
      return;
    }
    const doc = root.ownerDocument;
    if (!doc) return;
    const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */ | 0x4 /* SHOW_TEXT */);
    for (let node: Node | null = root; node; node = walker.nextNode()) {
      if (node.nodeType === 3) {
        if (this.byNode.has(node as Text) || this.heldByNode.has(node as Text)) this.dropNode(node as Text);
      } else if (node.nodeType === 1) {
        const shadow = shadowRootOf(node as Element);
        if (shadow) this.dropSubtree(shadow);
      }
    }
  }

  /** Forgets every mention; the listener hears of the removal of those it was told about. */
  clear(): void {
    for (const mention of this.all) if (!this.pendingAdded.has(mention)) this.pendingRemoved.push(mention);
    this.byNode.clear();
    this.lastStart.clear();
    this.all.clear();
    this.perEntry.clear();
    this.plainPerEntry.clear();
    this.held.clear();
    this.heldByNode.clear();
    this.invalidateOrder();
    this.pendingAdded.clear();
    this.flush();
  }

  /** The mentions that touch a text node. */
  at(node: Text): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** All mentions in document order (sorted on demand: only navigation needs the order). */
  list(): readonly Mention[] {
    this.ordered ??= [...this.all].sort(inDocumentOrder);
    return this.ordered;
  }

  /** One entry's mentions in document order: sorting those alone, not every mention of a giant page. */
  ofEntry(entryId: string): readonly Mention[] {
    let list = this.orderedByEntry.get(entryId);
    if (!list) {
      list = this.ordered
        ? this.ordered.filter((mention) => mention.entryId === entryId)
        : [...this.all].filter((mention) => mention.entryId === entryId).sort(inDocumentOrder);
      this.orderedByEntry.set(entryId, list);
    }
    return list;
  }

  /** Mentions per entry id. */
  counts(): Map<string, number> {
    return new Map(this.perEntry);
  }

  /** Tells the listener what changed since the last flush, in one call each. */
  flush(): void {
    if (this.pendingRemoved.length) {
      const removed = this.pendingRemoved;
      this.pendingRemoved = [];
      this.listener.removed(removed);
    }
    if (this.pendingAdded.size) {
      const added = [...this.pendingAdded];
      this.pendingAdded.clear();
      this.listener.added(added);
    }
  }

  private invalidateOrder(): void {
    this.ordered = null;
    if (this.orderedByEntry.size) this.orderedByEntry = new Map();
  }

  /** Forgets a mention everywhere but in `byNode` (the caller updates that); false if it was not here. */
  private forget(mention: Mention): boolean {
    if (!this.all.delete(mention)) return false;
    const count = (this.perEntry.get(mention.entryId) ?? 1) - 1;
    if (count > 0) this.perEntry.set(mention.entryId, count);
    else this.perEntry.delete(mention.entryId);
    if (!mention.ambiguous) {
      // Mentions let out on this one's context stay: a page that named the entry once has said it.
      const plain = (this.plainPerEntry.get(mention.entryId) ?? 1) - 1;
      if (plain > 0) this.plainPerEntry.set(mention.entryId, plain);
      else this.plainPerEntry.delete(mention.entryId);
    }
    if (!this.pendingAdded.delete(mention)) this.pendingRemoved.push(mention);
    return true;
  }
}

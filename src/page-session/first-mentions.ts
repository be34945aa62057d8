/**
 * "Mark only the first mention": of each entry, only its first mention in document order carries a
 * mark. Kept up to date as mentions come and go, without sorting every mention on each change: a
 * batch of new mentions is compared with each entry's current first, and only an entry whose first
 * mention left is looked for again.
 */
import { precedes } from '../page-scanning/mention-order';
import type { Mention } from '../page-scanning/text-scan';

export interface MarkChanges {
  mark: Mention[];
  unmark: Mention[];
}

export class FirstMentions {
  private readonly firsts = new Map<string, Mention>();

  /** The mention of each entry that carries the mark now. */
  get marked(): ReadonlyMap<string, Mention> {
    return this.firsts;
  }

  /** New mentions: a new first of its entry takes the mark from the old one. */
  added(mentions: readonly Mention[]): MarkChanges {
    const changes: MarkChanges = { mark: [], unmark: [] };
    const before = new Map<string, Mention | undefined>();
    for (const mention of mentions) {
      const current = this.firsts.get(mention.entryId);
      if (current && !precedes(mention, current)) continue;
      if (!before.has(mention.entryId)) before.set(mention.entryId, current);
      this.firsts.set(mention.entryId, mention);
    }
    for (const [entryId, old] of before) {
      const now = this.firsts.get(entryId) as Mention;
      if (old) changes.unmark.push(old);
      changes.mark.push(now);
    }
    return changes;
  }

  /**
   * Mentions that left: an entry whose first left gets its next first from `remaining` (the store's
   * mentions of that entry, in document order).
   */
  removed(mentions: readonly Mention[], remaining: (entryId: string) => readonly Mention[]): MarkChanges {
    const changes: MarkChanges = { mark: [], unmark: [] };
    for (const mention of mentions) {
      if (this.firsts.get(mention.entryId) !== mention) continue;
      changes.unmark.push(mention);
      const next = remaining(mention.entryId)[0];
      if (next) {
        this.firsts.set(mention.entryId, next);
        changes.mark.push(next);
      } else {
        this.firsts.delete(mention.entryId);
      }
    }
    return changes;
  }

  clear(): void {
    this.firsts.clear();
  }
}

/** Mentions in document order: the one comparison the store, the layer and "first mention" share. */
import type { Mention } from './text-scan';

/** True when `a` starts before `b` in the document. */
export function precedes(a: Mention, b: Mention): boolean {
  if (a.startNode === b.startNode) return a.startOffset < b.startOffset;
  // 4 = DOCUMENT_POSITION_FOLLOWING: b follows a.
  return (a.startNode.compareDocumentPosition(b.startNode) & 4) !== 0;
}

/** A comparator for `Array.prototype.sort`: document order. */
export function inDocumentOrder(a: Mention, b: Mention): number {
  if (a === b) return 0;
  return precedes(a, b) ? -1 : 1;
}

/**
 * Puts `mention` into `list` (in document order) where it belongs and returns its index: at the end
 * with one comparison when it comes last (a scan going down the page), else by binary search.
 */
export function insertInOrder(list: Mention[], mention: Mention): number {
  const last = list[list.length - 1];
  if (!last || precedes(last, mention)) {
    list.push(mention);
    return list.length - 1;
  }
  let low = 0;
  let high = list.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (precedes(list[mid] as Mention, mention)) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, mention);
  return low;
}

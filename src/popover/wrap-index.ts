/**
 * The index `direction` steps from `index` in a list of `length`, wrapping around at either end; from
 * nowhere (-1) the first step forward is the first item and the first step back the last. Used for
 * the mentions of a page, the mentions of one entry, and the pinned popover's controls.
 */
export function wrapIndex(index: number, direction: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return direction > 0 ? 0 : length - 1;
  return (index + direction + length) % length;
}

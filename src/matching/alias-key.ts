/**
 * The key under which an alias is known, and under which a matched piece of page text is looked up.
 * Spacing, hyphens, slashes and apostrophes are variants of one another ("A2/AD", "A2AD", "A2 - AD"),
 * and case is folded; periods stay, so "U.S." and "US" remain different words.
 */
const VARIANT_SEPARATORS =
  /[\s\u00A0\u2000-\u200B\u202F\u3000\-\u2010-\u2015\u2212/\uFF0F'\u2018\u2019\u02BC]+/g;

/** Printable ASCII only: NFKC leaves such a text as it is (and normalising costs microseconds). */
const ASCII = /^[\x20-\x7e]*$/;

export function aliasKey(text: string): string {
  const normal = ASCII.test(text) ? text : text.normalize('NFKC');
  return normal.replace(VARIANT_SEPARATORS, '').toLowerCase();
}

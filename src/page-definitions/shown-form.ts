/**
 * What a page term shows and keeps (its expansion in the popover, in My glossary and in search), made
 * from the text as written. The page's own text is never changed; only Glossa's copy is.
 */

/**
 * Marks a page puts inside words so they may break or join: the soft hyphen (`&shy;`, common on
 * German news sites), zero-width space, word joiner, byte-order mark. They are never seen, and a copy
 * that kept them would not be found by a search for the word.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/** A word a document broke at the end of a line, hyphen and all ("Alti-\ntude", as PDFs give it). */
const BROKEN_WORD = /([\p{L}\p{N}]+)-[^\S\n]*\n\s*([\p{L}\p{N}]+)/gu;

/** The text without invisible marks, its spaces collapsed. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A name as the reader should see it: without invisible marks, a word broken at a line's end joined
 * again ("Terminal High Alti-\ntude Area Defense" → "… Altitude …"), spaces collapsed. A pair written
 * with its hyphen elsewhere in `context` ("long-range") keeps it: that hyphen belongs to the word.
 */
export function shownForm(text: string, context = ''): string {
  const joined = text.replace(INVISIBLE, '').replace(BROKEN_WORD, (_whole, left: string, right: string) => {
    // Only lower case on both sides is a word broken in two; "Indo-\nPacific", "COVID-\n19" are
    // written with their hyphen, and lose only the line break.
    const hyphenated = `${left}-${right}`;
    if (!/\p{Ll}$/u.test(left) || !/^\p{Ll}/u.test(right)) return hyphenated;
    return context.includes(hyphenated) ? hyphenated : `${left}${right}`;
  });
  return joined.replace(/\s+/g, ' ').trim();
}

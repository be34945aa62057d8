import type { Alias } from './model';

/**
 * An alias for a spelling the reader typed: all capitals (with digits or symbols) is an acronym and
 * matches as written; anything else is a phrase and matches in any case. Language from the script.
 */
export function aliasFor(text: string): Alias {
  const acronym = /^[\p{Lu}\p{N}/&.-]+$/u.test(text) && /\p{Lu}/u.test(text);
  const lang = /\p{Script=Hangul}/u.test(text) ? 'ko' : /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
  return { text, lang, caseSensitive: acronym };
}

/** An entry id from a term as written: "PAC-3" → "pac-3", "A2/AD" → "a2-ad" (lower-case words joined by hyphens). */
export function entryIdFor(term: string, maxLength = 64): string {
  return (
    term
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength)
      .replace(/-+$/, '') || 'term'
  );
}

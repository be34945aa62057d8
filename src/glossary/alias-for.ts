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

import { COMMON_ENGLISH_WORDS } from './english-words-data';

let words: Set<string> | null = null;

/**
 * Is an acronym's title case ("Who" for WHO, "Us" for US, "Sofa" for SOFA) a common English word?
 * Then a capitalised word in English text is far more often that word than the acronym, so only the
 * capitals are read. Only English needs the list: in other languages no title case is read at all
 * (page-scanning's `titleCaseAcronymsIn`). Used where the glossary is indexed, in the background: the
 * list stays out of the page script.
 */
export function titleCaseIsEnglishWord(acronym: string): boolean {
  if (!/^[A-Z]{2,7}$/.test(acronym)) return false;
  words ??= new Set(COMMON_ENGLISH_WORDS.trim().split(/\s+/));
  return words.has(acronym.toLowerCase());
}

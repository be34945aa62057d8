/**
 * Which languages write acronyms in title case. English outlets write "Thaad" and "Opcon" for THAAD
 * and OPCON, so the matcher reads an acronym's title case too. Elsewhere the title-case form is most
 * often a word of the language: Polish "Rok" (year) is not the ROK, nor German "Sma" or French "Unc"
 * anything at all. So a title-case reading counts only in English, or where the page does not say
 * which language it is in (most English pages that omit `lang`); an acronym in capitals counts in every
 * language. At the start of a sentence it is the same: "Thaad" opens English sentences too.
 */

/** May an acronym written in title case be a mention in text of language `lang` (a BCP 47 tag)? */
export function titleCaseAcronymsIn(lang: string): boolean {
  const primary = lang.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  return primary === '' || primary === 'en' || primary === 'und';
}

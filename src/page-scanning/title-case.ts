/**
 * Which languages write acronyms in title case. English outlets write "Thaad" and "Opcon" for THAAD
 * and OPCON, so the matcher reads an acronym's title case too. Elsewhere the title-case form is most
 * often a word of the language: Polish "Rok" (year) is not the ROK, nor German "Sma" or French "Unc"
 * anything at all. So a title-case reading counts only in English, or where the page does not say
 * which language it is in (most English pages that omit `lang`); an acronym in capitals counts in every
 * language. At the start of a sentence it is the same: "Thaad" opens English sentences too.
 */

/**
 * May an acronym written in title case be a mention in text of language `lang` (a BCP 47 tag)? Where
 * no language is declared, `around` (the text near the mention) decides: letters English does not
 * use (Polish ł, German ß, Czech ř, Spanish ñ, French è …) say it is another language.
 */
export function titleCaseAcronymsIn(lang: string, around = ''): boolean {
  const primary = lang.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  if (primary === 'en') return true;
  if (primary !== '' && primary !== 'und') return false;
  return !NOT_ENGLISH_LETTERS.test(around);
}

/**
 * Letters of other Latin-script languages, rare in English prose (a loanword such as "café" or a name
 * such as "Müller" near the mention only costs that one title-case reading), and Hangul or CJK.
 */
const NOT_ENGLISH_LETTERS =
  /[ąćęłńśźżřůěščžďťňőűßäöüñãõçàèìòùâêîôûåøæ\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]/i;

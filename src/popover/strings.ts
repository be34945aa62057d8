/**
 * Every string the popover shows, in one place, translated through the browser's i18n (assets/locales);
 * the parts it shares with the extension pages (src/ui) ask for theirs there.
 */
import { t } from '../i18n';

export const strings = {
  close: t('popover_close'),
  explanationOf: (term: string) => t('popover_explanationOf', term),
  fromTheSource: t('popover_fromTheSource'),
  mentionsOnPage: (count: number) =>
    count === 1 ? t('popover_mentionOnPage') : t('popover_mentionsOnPage', count),
  mentionOf: (index: number, count: number) => t('popover_mentionOf', index, count),
  notOnPage: t('popover_notOnPage'),
  previousMention: t('popover_previousMention'),
  nextMention: t('popover_nextMention'),
  copyCitation: t('popover_copyCitation'),
  copied: t('popover_copied'),
  copyFailed: t('popover_copyFailed'),
  definedOnThisPage: t('popover_definedOnThisPage'),
  alsoDefinedOnPage: t('popover_alsoDefinedOnPage'),
  saveToGlossary: t('popover_saveToGlossary'),
  savedToGlossary: t('popover_savedToGlossary'),
  saveFailed: t('popover_saveFailed'),
  saveRefused: t('popover_saveRefused'),
};

/**
 * Every string the popover shows, in one place: issue #7 moves them to the browser's i18n.
 */
export const strings = {
  close: 'Close',
  explanationOf: (term: string) => `Explanation of ${term}`,
  fromTheSource: 'From the source',
  section: (heading: string) => `Section: ${heading}`,
  openSource: 'Open source',
  opensInNewTab: '(opens in a new tab)',
  related: 'Related',
  mentionsOnPage: (count: number) =>
    count === 1 ? '1 mention on this page' : `${count} mentions on this page`,
  mentionOf: (index: number, count: number) => `${index} of ${count}`,
  notOnPage: 'Not mentioned on this page',
  previousMention: 'Previous mention',
  nextMention: 'Next mention',
  copyCitation: 'Copy citation',
  copied: 'Citation copied',
  copyFailed: 'Could not copy; select the quote instead',
  definedOnThisPage: 'defined on this page',
  alsoDefinedOnPage: 'Also defined on this page:',
  saveToGlossary: 'Save to my glossary',
  savedToGlossary: 'Saved to My glossary',
  saveFailed: 'Could not save',
};

/** Every string the options page shows, in one place: issue #7 moves them to the browser's i18n. */
export const strings = {
  title: 'Glossa settings',
  intro:
    'Changes apply at once in every open tab. Settings follow you to other browsers signed in to the same account.',
  saved: 'Saved.',
  saveFailed: (message: string) => `Not saved: ${message}`,
  reading: 'Reading',
  hoverDelay: 'Hover delay',
  hoverDelayHelp: (min: number, max: number) =>
    `How long the pointer rests on a term before its explanation opens, in milliseconds (${min}–${max}).`,
  hoverDelayInvalid: (min: number, max: number) => `Type a whole number from ${min} to ${max}.`,
  trigger: 'Open explanations',
  triggerHelp: 'Keyboard users can always move between terms with Alt+Shift+↓ and Alt+Shift+↑.',
  triggers: {
    hover: 'When the pointer rests on a term',
    'hover-with-key': 'When the pointer rests on a term while Shift is held',
    click: 'Only when I click a term',
  },
  highlightStyle: 'Mark terms on the page',
  highlightStyleHelp:
    'Marks never change the page itself; “None” leaves the page as it is and terms still explain themselves on hover.',
  highlightStyles: { underline: 'Dotted underline', background: 'Soft background', none: 'None' },
  noHighlights:
    'This browser lacks the CSS Custom Highlight API, so terms are not marked; hovering a term still explains it.',
  markMode: 'Which mentions to mark',
  markModes: {
    every: 'Every mention',
    first: 'Only the first mention of each term (later ones still explain themselves on hover)',
  },
  theme: 'Explanation colours',
  themes: {
    page: 'Follow the page (dark pages get a dark popover)',
    light: 'Always light',
    dark: 'Always dark',
  },
  matching: 'Finding terms',
  koreanAliases: 'Find terms written in Korean (사드, 전작권 …)',
  skipCode: 'Skip code blocks (text in <code> and <pre>)',
  sites: 'Sites',
  siteMode: 'Where Glossa runs',
  siteModes: { except: 'Everywhere except the sites below', only: 'Only on the sites below' },
  siteListExcept: 'Glossa stays off on these sites',
  siteListOnly: 'Glossa runs only on these sites',
  siteListEmpty: 'No sites yet.',
  addSite: 'Add a site',
  addSiteHelp: 'A host name such as news.example.com, or *.example.com for a site and all its subdomains.',
  add: 'Add',
  remove: (site: string) => `Remove ${site}`,
  alreadyListed: (site: string) => `${site} is already in the list.`,
  shortcut:
    'The keyboard shortcut Alt+Shift+G switches Glossa for the current site; your browser’s extension shortcut settings can change it.',
  pause: 'Pause Glossa on all sites',
  transfer: 'Export and import',
  transferHelp:
    'Keep your settings in a file, or bring them from another browser. An import that has any error changes nothing.',
  export: 'Export settings',
  import: 'Import settings…',
  imported: (count: number) => `Imported ${count === 1 ? '1 setting' : `${count} settings`}.`,
  importFailed: 'Nothing was imported:',
  problemsLoading: 'Some stored settings were unreadable and use their defaults:',
};

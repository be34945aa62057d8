export { type Definition, findDefinitions, isShortForm } from './find-definitions';
export {
  PAGE_ENTRY_PREFIX,
  type PageDefinition,
  PageDefinitions,
  sentenceAround,
} from './page-definitions';
export { toSavedEntry } from './saved-entry';

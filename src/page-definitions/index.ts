export { type Definition, findDefinitions, isShortForm } from './find-definitions';
export {
  PAGE_ENTRY_PREFIX,
  type PageDefinition,
  PageDefinitions,
  sentenceAround,
  toSavedEntry,
} from './page-definitions';

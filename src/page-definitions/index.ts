export { findDefinitions, isShortForm } from './find-definitions';
export {
  PageDefinitions,
  sentenceAround,
} from './page-definitions';
export { toSavedEntry } from './saved-entry';

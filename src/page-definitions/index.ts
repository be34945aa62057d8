export { findDefinitions } from './find-definitions';
export {
  PageDefinitions,
  sentenceAround,
} from './page-definitions';
export { toSavedEntry } from './saved-entry';
export { isShortForm } from './short-forms';

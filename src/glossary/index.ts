export { aliasFor, entryIdFor } from './alias-for';
export { builtinPack } from './builtin/rok-us-alliance';
export {
  libraryFor,
  orderPacks,
  PERSONAL_PACK_ID,
  personalPack,
  type ResolvedLibrary,
  resolveLibrary,
} from './library';
export {
  deletePersonalEntry,
  exportPackFile,
  importPackFile,
  type Library,
  loadLibrary,
  PACK_MAX_ENTRIES,
  removeImportedPack,
  savePersonalEntry,
  watchLibrary,
} from './library-store';
export {
  type Alias,
  CATEGORIES,
  type GlossaryEntry,
  type GlossaryPack,
  type Quote,
  type Source,
  sourceOf,
} from './model';
export { validatePack } from './validate';

export { aliasFor, entryIdFor } from './alias-for';
export { builtinPack } from './builtin/rok-us-alliance';
export {
  type LibraryEntry,
  libraryFor,
  orderPacks,
  type PackChoices,
  PERSONAL_PACK_ID,
  PERSONAL_PACK_NAME,
  personalPack,
  type ResolvedLibrary,
  resolveLibrary,
} from './library';
export {
  deletePersonalEntry,
  exportPackFile,
  importPackFile,
  type Library,
  type LibraryChange,
  loadLibrary,
  PACK_FILE_MAX_BYTES,
  PACK_MAX_ENTRIES,
  removeImportedPack,
  savePersonalEntry,
  watchLibrary,
} from './library-store';
export {
  type Alias,
  CATEGORIES,
  type Category,
  type GlossaryEntry,
  type GlossaryPack,
  type Quote,
  type Source,
  sourceOf,
  withAliases,
} from './model';
export { type PackValidation, validatePack, validatePackInSlices } from './validate';

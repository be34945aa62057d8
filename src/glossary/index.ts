export { aliasFor, entryIdFor } from './alias-for';
export { aliasKey } from './alias-key';
export { builtinPack } from './builtin/rok-us-alliance';
export {
  type LibraryEntry,
  orderPacks,
  PERSONAL_PACK_ID,
  PERSONAL_PACK_NAME,
  personalPack,
  type ResolvedLibrary,
  resolveLibrary,
} from './library';
export {
  compiledGlossaryCache,
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
export { type PackValidation, validatePack } from './validate';

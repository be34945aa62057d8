export { aliasKey } from './alias-key';
export { builtinPack } from './builtin/rok-us-alliance';
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

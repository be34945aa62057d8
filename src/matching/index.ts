export { KOREAN_PARTICLES } from './alias-form';
export { aliasKey } from './alias-key';
export { compileMatcher, findAll, type TextMatch } from './compile-matcher';
export { type Matcher, MatchFlags, MatchIndex } from './match-index';
export { MATCH_INDEX_FORMAT } from './match-index-data';
export {
  AliasOwnership,
  aliasOwners,
  type MatchableAlias,
  type MatchableEntry,
} from './owned-aliases';

export { aliasEnd, aliasForm, KOREAN_PARTICLES, normalAliasText } from './alias-form';
export { aliasKey } from './alias-key';
export { compileMatcher, findAll, type TextMatch } from './compile-matcher';
export { type MatchCallback, type Matcher, MatchFlags, MatchIndex } from './match-index';
export {
  buildMatchIndex,
  firstWordKeys,
  type IndexedAlias,
  MATCH_INDEX_FORMAT,
  MatchIndexBuilder,
  type MatchIndexData,
} from './match-index-data';
export {
  AliasOwnership,
  aliasOwners,
  type MatchableAlias,
  type MatchableEntry,
  ownedAliases,
} from './owned-aliases';

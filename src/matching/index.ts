export {
  type CompiledMatcher,
  compileMatcher,
  type MatchableEntry,
  type Matcher,
  STRING_REPRESENTATIONS,
  type TextMatch,
} from './compile-matcher';
export {
  type CachedMatcher,
  cachedMatcher,
  type MatcherCacheEntry,
  type MatcherCacheStore,
} from './matcher-cache';

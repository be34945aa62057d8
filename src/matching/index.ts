export { compileMatcher, type MatchableEntry, type Matcher, type TextMatch } from './compile-matcher';

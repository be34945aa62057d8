export { GlossarySearch, type MatchedField, normaliseName, type SearchHit } from './glossary-search';

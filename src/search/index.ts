export { GlossarySearch, normaliseName, type SearchHit } from './glossary-search';

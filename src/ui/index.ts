/**
 * What the popover, the toolbar popup and the options page show alike: an entry's quote, its
 * attribution and citation, its related terms (Preact), and the extension pages' stylesheet.
 */
export { AttributionLine } from './attribution-line';
export { attribution, formatCitation, formatDate } from './citation';
export { QuoteBlock } from './quote-block';
export { RelatedTerms } from './related-terms';

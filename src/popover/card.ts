/** The popover card and its parts (Preact), shared with the toolbar popup and the options page. */
export { AttributionLine } from './attribution-line';
export { attribution, formatCitation, formatDate } from './citation';
export { PopoverCard, type PopoverCardProps } from './popover-card';
export { QuoteBlock } from './quote-block';
export { RelatedTerms } from './related-terms';

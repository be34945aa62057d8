export { AttributionLine } from './attribution-line';
export { attribution, formatCitation, formatDate } from './citation';
export { HoverIntent } from './hover-intent';
export { PopoverCard, type PopoverCardProps } from './popover-card';
export { PopoverController, type PopoverControllerOptions, type PopoverTrigger } from './popover-controller';
export { QuoteBlock } from './quote-block';
export { RelatedTerms } from './related-terms';
export { pageTheme, type Theme } from './theme';

export { attribution, formatCitation, formatDate } from './citation';
export { HoverIntent } from './hover-intent';
export { PopoverCard, type PopoverCardProps } from './popover-card';
export { PopoverController, type PopoverControllerOptions } from './popover-controller';
export { pageTheme } from './theme';

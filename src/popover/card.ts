/** The popover card (Preact), for tests that draw it alone. */
export { PopoverCard, type PopoverCardProps } from './popover-card';

/**
 * The page side of the popover (in every frame): input, hover intent and the contract with the
 * popover's own code, which loads on demand (entrypoints/popover.ts). The card's components are in
 * ./card.ts, for the popover's code and the extension's pages.
 */
export { HoverIntent } from './hover-intent';
export type { PopoverModule } from './popover-contract';
export { PopoverController } from './popover-controller';

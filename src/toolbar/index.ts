export { startSiteCommand, toggleSiteOfTab } from './site-command';
export {
  badgeFor,
  type FrameReport,
  tabTerms,
  withFrameReport,
} from './tab-terms';
export { startTabTracking } from './tab-tracker';

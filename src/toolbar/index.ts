export { TOGGLE_SITE_COMMAND } from './commands';
export { ICON_SIZES, type IconVariant, iconPaths } from './icon-paths';
export { startSiteCommand, toggleSiteOfTab } from './site-command';
export {
  type BadgeState,
  badgeFor,
  type FrameReport,
  type TabState,
  tabTerms,
  withFrameReport,
} from './tab-terms';
export { startTabTracking } from './tab-tracker';

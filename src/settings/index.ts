export {
  DEFAULT_SETTINGS,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MAX_SITES,
  repairSettings,
  type Settings,
  type SiteMode,
  validateSettings,
} from './model';

export { exportSettingsFile, importSettingsFile } from './settings-file';
export {
  loadSettings,
  replaceSettings,
  SETTINGS_VERSION,
  updateSettings,
  watchSettings,
} from './settings-store';
export {
  type HostPatternReason,
  hostMatches,
  isEnabledFor,
  parseHostPattern,
  withSiteEnabled,
} from './site-rules';

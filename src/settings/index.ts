export {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  type HighlightStyleSetting,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MARK_MODES,
  MAX_SITES,
  type MarkMode,
  repairSettings,
  type Settings,
  type SettingsKey,
  SITE_MODES,
  type SiteMode,
  THEMES,
  type ThemeSetting,
  TRIGGERS,
  type Trigger,
  validateSettings,
} from './model';
export { siteHostOf } from './page-site';
export { exportSettingsFile, importSettingsFile, type SettingsImport } from './settings-file';
export {
  loadSettings,
  replaceSettings,
  type SaveResult,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  settingsItem,
  updateSettings,
  watchSettings,
} from './settings-store';
export { hostMatches, isEnabledFor, parseHostPattern, withSiteEnabled } from './site-rules';

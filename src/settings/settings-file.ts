/**
 * Settings as a JSON file the reader can keep or move: export writes every field; import reads a file
 * and either yields a complete, valid set of settings or says exactly what is wrong, changing nothing.
 */
import * as v from 'valibot';
import { t } from '../i18n';
import { SETTINGS_FIELDS, type Settings, type SettingsKey, validateSettings } from './model';

export const SETTINGS_FILE_FORMAT = 'glossa-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far beyond any real settings file; refuses a wrong file (a video, a dump) before parsing it. */
export const SETTINGS_FILE_MAX_BYTES = 1_000_000;

export function exportSettingsFile(settings: Settings, now = new Date()): string {
  const file = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exported: now.toISOString(),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type SettingsImport =
  | { ok: true; settings: Settings; fields: SettingsKey[] }
  | { ok: false; errors: string[] };

/**
 * Reads an exported file. Fields it leaves out keep their current value; a field it has must be valid,
 * and an unknown field is an error (a typo should not pass silently).
 */
export function importSettingsFile(text: string, current: Settings): SettingsImport {
  if (text.length > SETTINGS_FILE_MAX_BYTES) {
    return {
      ok: false,
      errors: [t('settings_fileTooLarge', SETTINGS_FILE_MAX_BYTES / 1_000_000)],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [t('settings_notJson', (error as Error).message)] };
  }
  if (!isRecord(parsed) || parsed.format !== SETTINGS_FILE_FORMAT) {
    return {
      ok: false,
      errors: [t('settings_notSettingsFile', SETTINGS_FILE_FORMAT)],
    };
  }
  if (typeof parsed.version !== 'number' || parsed.version > SETTINGS_FILE_VERSION) {
    return {
      ok: false,
      errors: [t('settings_newerVersion', String(parsed.version), SETTINGS_FILE_VERSION)],
    };
  }
  const incoming = parsed.settings;
  if (!isRecord(incoming)) return { ok: false, errors: [t('settings_missing')] };
  const errors: string[] = [];
  const fields: SettingsKey[] = [];
  for (const key of Object.keys(incoming)) {
    if (!(key in SETTINGS_FIELDS)) {
      errors.push(t('settings_unknownField', key));
      continue;
    }
    const result = v.safeParse(SETTINGS_FIELDS[key as SettingsKey], incoming[key]);
    if (!result.success) {
      for (const issue of result.issues) {
        const where = (issue.path ?? [])
          .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
          .join('');
        errors.push(`settings.${key}${where}: ${issue.message}.`);
      }
    } else fields.push(key as SettingsKey);
  }
  if (errors.length) return { ok: false, errors };
  const merged = validateSettings({ ...current, ...incoming });
  if (!merged.ok) return merged;
  return { ok: true, settings: merged.settings, fields };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

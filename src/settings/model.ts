/**
 * The reader's settings: one schema, defaults, and a repair that keeps every field that still
 * validates. Stored settings cross a trust boundary (sync from another device, an older or newer
 * Glossa, a hand-edited export), so they are parsed field by field: a broken hover delay never costs
 * the reader their site list.
 */
import * as v from 'valibot';
import { t } from '../i18n';
import { parseHostPattern } from './site-rules';

export const TRIGGERS = ['hover', 'hover-with-key', 'click'] as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export const MARK_MODES = ['every', 'first'] as const;
export const THEMES = ['page', 'light', 'dark'] as const;
export const SITE_MODES = ['except', 'only'] as const;

export type SiteMode = (typeof SITE_MODES)[number];

export const HOVER_DELAY_MIN_MS = 0;
export const HOVER_DELAY_MAX_MS = 2000;
/**
 * `storage.sync` allows 8,192 bytes per item (Chrome; Firefox the same): the settings, site list
 * included, must fit in one item with room to spare.
 */
export const SYNC_ITEM_BUDGET_BYTES = 8000;
export const MAX_SITES = 200;

export const MAX_PACKS = 50;
const packId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a pack id such as "my-glossary"'),
  v.maxLength(64),
);

const hostPattern = v.pipe(
  v.string(),
  v.check(
    (value) => parseHostPattern(value).ok,
    'must be a host name such as news.example.com or *.example.com',
  ),
);

/** One schema per field, so that each can be checked (and repaired) on its own. */
export const SETTINGS_FIELDS = {
  /** Global pause: Glossa does nothing on any page. */
  paused: v.boolean(),
  hoverDelayMs: v.pipe(
    v.number(),
    v.integer('must be a whole number of milliseconds'),
    v.minValue(HOVER_DELAY_MIN_MS, `must be at least ${HOVER_DELAY_MIN_MS}`),
    v.maxValue(HOVER_DELAY_MAX_MS, `must be at most ${HOVER_DELAY_MAX_MS}`),
  ),
  trigger: v.picklist(TRIGGERS, `must be one of ${TRIGGERS.join(', ')}`),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES, `must be one of ${HIGHLIGHT_STYLES.join(', ')}`),
  markMode: v.picklist(MARK_MODES, `must be one of ${MARK_MODES.join(', ')}`),
  theme: v.picklist(THEMES, `must be one of ${THEMES.join(', ')}`),
  koreanAliases: v.boolean(),
  skipCode: v.boolean(),
  /** A tab showing a PDF opens it in Glossa's reader instead (off unless the reader asks). */
  openPdfsInReader: v.boolean(),
  siteMode: v.picklist(SITE_MODES, `must be one of ${SITE_MODES.join(', ')}`),
  sites: v.pipe(v.array(hostPattern), v.maxLength(MAX_SITES, `must hold at most ${MAX_SITES} sites`)),
  /** Glossary packs by priority, highest first: where two claim an alias, the earlier wins. */
  packOrder: v.pipe(v.array(packId), v.maxLength(MAX_PACKS, `must list at most ${MAX_PACKS} packs`)),
  /** Packs switched off (their entries are neither marked nor searched). */
  disabledPacks: v.pipe(v.array(packId), v.maxLength(MAX_PACKS, `must list at most ${MAX_PACKS} packs`)),
} as const;

export const SettingsSchema = v.strictObject(SETTINGS_FIELDS);
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  hoverDelayMs: 300,
  trigger: 'hover',
  highlightStyle: 'underline',
  markMode: 'every',
  theme: 'page',
  koreanAliases: true,
  skipCode: true,
  openPdfsInReader: false,
  siteMode: 'except',
  sites: [],
  packOrder: [],
  disabledPacks: [],
});

export interface SettingsRepair {
  settings: Settings;
  /** One line per field that was missing a valid value and fell back to its default. */
  problems: string[];
}

/**
 * Reads any stored value as settings: each field that validates is kept, each that does not falls back
 * to its default (reported in `problems`). Unknown fields (from a newer Glossa) are ignored, not kept.
 */
export function repairSettings(raw: unknown): SettingsRepair {
  const problems: string[] = [];
  const settings = { ...DEFAULT_SETTINGS, sites: [], packOrder: [], disabledPacks: [] } as Settings;
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['settings: not an object; every field uses its default'] };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(SETTINGS_FIELDS) as SettingsKey[]) {
    if (!(key in record)) continue;
    if (key === 'sites') {
      // The site list is repaired entry by entry: one bad pattern does not cost the others.
      const { sites, problems: siteProblems } = repairSites(record.sites);
      settings.sites = sites;
      problems.push(...siteProblems);
      continue;
    }
    const result = v.safeParse(SETTINGS_FIELDS[key], record[key]);
    if (result.success) (settings as Record<SettingsKey, unknown>)[key] = result.output;
    else problems.push(t('settings_fieldDefault', key, result.issues[0]?.message ?? '?'));
  }
  return { settings, problems };
}

function repairSites(raw: unknown): { sites: string[]; problems: string[] } {
  if (!Array.isArray(raw)) return { sites: [], problems: [t('settings_sitesNotAList')] };
  const sites: string[] = [];
  const problems: string[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = typeof item === 'string' ? parseHostPattern(item) : null;
    if (!parsed?.ok) {
      problems.push(t('settings_siteDropped', index, JSON.stringify(item)));
    } else if (!sites.includes(parsed.pattern)) {
      if (sites.length >= MAX_SITES) {
        problems.push(t('settings_tooManySites', MAX_SITES));
        break;
      }
      sites.push(parsed.pattern);
    }
  }
  return { sites, problems };
}

/** Validates a whole settings object strictly (imports): every problem named, nothing repaired. */
export function validateSettings(
  raw: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const result = v.safeParse(SettingsSchema, raw);
  if (result.success) {
    const size = byteLength(JSON.stringify(result.output));
    if (size > SYNC_ITEM_BUDGET_BYTES) {
      return {
        ok: false,
        errors: [`settings: ${size} bytes is more than browser sync allows (${SYNC_ITEM_BUDGET_BYTES})`],
      };
    }
    return { ok: true, settings: { ...result.output, sites: normaliseSites(result.output.sites) } };
  }
  const errors = result.issues.map((issue) => {
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? 'settings';
    return `${path || 'settings'}: ${issue.message}`;
  });
  return { ok: false, errors };
}

function normaliseSites(sites: readonly string[]): string[] {
  const out: string[] = [];
  for (const site of sites) {
    const parsed = parseHostPattern(site);
    if (parsed.ok && !out.includes(parsed.pattern)) out.push(parsed.pattern);
  }
  return out;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

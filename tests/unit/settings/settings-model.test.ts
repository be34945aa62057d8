import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SITES, repairSettings, validateSettings } from '../../../src/settings';

describe('repairSettings', () => {
  it('gives the defaults for nothing stored, silently', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(repairSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('gives the defaults, with a reason, for a value that is not an object', () => {
    for (const raw of ['settings', 42, true, [1, 2]]) {
      const { settings, problems } = repairSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(problems).toEqual(['settings: not an object; every field uses its default']);
    }
  });

  it('keeps every valid field when another is broken: a bad hover delay never costs the site list', () => {
    const { settings, problems } = repairSettings({
      hoverDelayMs: 'slow',
      trigger: 'telepathy',
      theme: 'dark',
      sites: ['news.example.com', '*.blocked.org'],
      siteMode: 'only',
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      sites: ['news.example.com', '*.blocked.org'],
      siteMode: 'only',
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^hoverDelayMs: .*; using the default$/);
    expect(problems[1]).toMatch(/^trigger: must be one of hover, hover-with-key, click; using the default$/);
  });

  it('repairs the site list entry by entry: bad entries go, good ones stay, normalised and once', () => {
    const { settings, problems } = repairSettings({
      sites: ['News.Example.com', 7, 'not a host', 'news.example.com', '*.ok.org'],
    });
    expect(settings.sites).toEqual(['news.example.com', '*.ok.org']);
    expect(problems).toEqual([
      'sites[1]: 7 is not a host name; dropped',
      'sites[2]: "not a host" is not a host name; dropped',
    ]);
  });

  it('starts with no sites when the list is not a list', () => {
    expect(repairSettings({ sites: 'example.com' }).settings.sites).toEqual([]);
  });

  it('caps the site list at its limit', () => {
    const sites = Array.from({ length: MAX_SITES + 5 }, (_, i) => `site${i}.example.com`);
    const { settings, problems } = repairSettings({ sites });
    expect(settings.sites).toHaveLength(MAX_SITES);
    expect(problems).toEqual([`sites: more than ${MAX_SITES}; the rest were dropped`]);
  });

  it('ignores fields it does not know (a newer Glossa on another device)', () => {
    const { settings, problems } = repairSettings({ theme: 'light', futureSetting: { a: 1 } });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(problems).toEqual([]);
  });

  it('never throws, and always yields settings that validate, whatever is stored', () => {
    const field = fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as string[]), 'other');
    const stored = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(field, fc.oneof(fc.jsonValue(), fc.array(fc.oneof(fc.domain(), fc.string())))),
    );
    fc.assert(
      fc.property(stored, (raw) => {
        const { settings } = repairSettings(raw);
        expect(validateSettings(settings).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS })).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('names every field that is wrong', () => {
    const result = validateSettings({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 5000,
      sites: ['ok.com', 'bad host'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        'hoverDelayMs: must be at most 2000',
        'sites.1: must be a host name such as news.example.com or *.example.com',
      ]);
    }
  });

  it('refuses unknown fields and missing ones', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, extra: 1 }).ok).toBe(false);
    const { theme: _theme, ...missing } = DEFAULT_SETTINGS;
    expect(validateSettings(missing).ok).toBe(false);
  });
});

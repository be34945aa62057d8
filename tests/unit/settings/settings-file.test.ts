import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  exportSettingsFile,
  importSettingsFile,
  type Settings,
  validateSettings,
} from '../../../src/settings';

const mine: Settings = {
  ...DEFAULT_SETTINGS,
  hoverDelayMs: 150,
  trigger: 'click',
  theme: 'dark',
  koreanAliases: false,
  siteMode: 'only',
  sites: ['news.example.com', '*.think-tank.org'],
};

describe('settings files', () => {
  it('export then import gives back exactly the same settings', () => {
    const text = exportSettingsFile(mine, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'glossa-settings',
      version: 1,
      exported: '2026-01-02T03:04:05.000Z',
    });
    const result = importSettingsFile(text, DEFAULT_SETTINGS);
    expect(result).toEqual({ ok: true, settings: mine, fields: Object.keys(mine) });
  });

  it('an import that leaves fields out keeps their current values', () => {
    const text = JSON.stringify({ format: 'glossa-settings', version: 1, settings: { theme: 'light' } });
    const result = importSettingsFile(text, mine);
    expect(result).toEqual({ ok: true, settings: { ...mine, theme: 'light' }, fields: ['theme'] });
  });

  it.each([
    ['{ not json', /^The file is not valid JSON/],
    ['[]', /^This is not a Glossa settings file/],
    ['{"format":"glossa-pack","version":1,"settings":{}}', /^This is not a Glossa settings file/],
    [
      '{"format":"glossa-settings","version":2,"settings":{}}',
      /version 2 is newer than this Glossa understands/,
    ],
    ['{"format":"glossa-settings","version":1}', /^settings: missing, or not an object/],
  ])('refuses %s with a clear message', (text, message) => {
    const result = importSettingsFile(text, mine);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(message);
  });

  it('names every wrong field, with the entry of a list, and imports none of them', () => {
    const text = JSON.stringify({
      format: 'glossa-settings',
      version: 1,
      settings: { hoverDelayMs: 10.5, theme: 'dark', sites: ['ok.example.com', 'not a host'], colour: 'red' },
    });
    const result = importSettingsFile(text, mine);
    expect(result).toEqual({
      ok: false,
      errors: [
        'settings.hoverDelayMs: must be a whole number of milliseconds.',
        'settings.sites[1]: must be a host name such as news.example.com or *.example.com.',
        'settings.colour: not a Glossa setting.',
      ],
    });
  });

  it('refuses a file far larger than any settings file before reading it', () => {
    const result = importSettingsFile(' '.repeat(1_000_001), mine);
    expect(result.ok).toBe(false);
  });

  it('never throws on random or truncated input; what it accepts always validates', () => {
    const exported = exportSettingsFile(mine);
    const input = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.nat(exported.length).map((n) => exported.slice(0, n)),
      fc
        .record({ settings: fc.dictionary(fc.constantFrom('theme', 'sites', 'paused', 'x'), fc.jsonValue()) })
        .map((file) => JSON.stringify({ format: 'glossa-settings', version: 1, ...file })),
    );
    fc.assert(
      fc.property(input, (text) => {
        const result = importSettingsFile(text, mine);
        if (result.ok) expect(validateSettings(result.settings).ok).toBe(true);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { titleCaseAcronymsIn } from '../../../src/page-scanning/title-case';

describe('titleCaseAcronymsIn', () => {
  it.each(['', 'en', 'EN', 'en-US', 'en_GB', 'und'])('reads title case in %j', (lang) => {
    expect(titleCaseAcronymsIn(lang)).toBe(true);
  });
  it.each(['pl', 'pl-PL', 'de', 'fr', 'es', 'cs', 'ko', 'zh-Hans', 'ja'])('not in %j', (lang) => {
    expect(titleCaseAcronymsIn(lang)).toBe(false);
  });
});

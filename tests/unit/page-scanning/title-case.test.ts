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

describe('titleCaseAcronymsIn, where no language is declared', () => {
  it('reads title case in English prose', () => {
    expect(titleCaseAcronymsIn('', 'The Thaad battery in Seongju, the Times reported.')).toBe(true);
  });
  it.each([
    'Rok 2018 był rokiem rozmów.',
    'Die Straße nach Süden.',
    'El año de la niña.',
    'Le système a été déployé à Séoul.',
    '사드 배치 Thaad',
  ])('not in %j', (around) => {
    expect(titleCaseAcronymsIn('', around)).toBe(false);
    expect(titleCaseAcronymsIn('en', around)).toBe(true);
  });
});

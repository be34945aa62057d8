import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleCaseIsEnglishWord } from '../../../src/matching/english-words';
import { commonEnglishWords, englishWordsModule } from '../../tools/english-words';

describe('titleCaseIsEnglishWord', () => {
  it('knows the acronyms whose title case is a common word, and not the names', () => {
    for (const acronym of ['WHO', 'US', 'IT', 'SOFA', 'QUAD', 'CAT', 'AIDS'])
      expect(titleCaseIsEnglishWord(acronym), acronym).toBe(true);
    // Names are written capitalised more often than not ("Nato", "Nasa"): the title case is the acronym.
    for (const acronym of ['NATO', 'NASA', 'THAAD', 'ROK', 'USFK', 'OPCON', 'MASGA', 'UNC', 'CSIS'])
      expect(titleCaseIsEnglishWord(acronym), acronym).toBe(false);
  });

  it('asks only of acronyms: letters in capitals, 2 to 7 of them', () => {
    expect(titleCaseIsEnglishWord('who')).toBe(false);
    expect(titleCaseIsEnglishWord('A')).toBe(false);
    expect(titleCaseIsEnglishWord('A2/AD')).toBe(false);
    expect(titleCaseIsEnglishWord('ROK JCS')).toBe(false);
  });

  it('reads a word list that is what its generator makes from SUBTLEXus', () => {
    const file = resolve(process.cwd(), 'src/matching/english-words-data.ts');
    const words = commonEnglishWords();
    expect(words.length).toBeGreaterThan(5000);
    expect(readFileSync(file, 'utf8')).toBe(englishWordsModule(words));
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatcher, MatchFlags } from '../../../src/matching';

describe('what the matcher says about each mention', () => {
  const matcher = compileMatcher([
    {
      id: 'unc',
      aliases: [
        { text: 'UNC', lang: 'en', caseSensitive: true, ambiguous: true },
        { text: 'United Nations Command', lang: 'en', caseSensitive: false },
      ],
    },
    { id: 'thaad', aliases: [{ text: 'THAAD', lang: 'en', caseSensitive: true }] },
  ]);
  const read = (text: string) => {
    const out: string[] = [];
    matcher.scan(text, (start, end, entryId, flags) => {
      const how = [flags & MatchFlags.Titled ? 'titled' : '', flags & MatchFlags.Ambiguous ? 'ambiguous' : '']
        .filter(Boolean)
        .join(',');
      out.push(`${entryId}:${text.slice(start, end)}:${how || 'plain'}`);
    });
    return out;
  };

  it('flags a title-case reading and an alias with other meanings', () => {
    expect(read('THAAD, Thaad, UNC, Unc and the United Nations Command.')).toEqual([
      'thaad:THAAD:plain',
      'thaad:Thaad:titled',
      'unc:UNC:ambiguous',
      'unc:Unc:titled,ambiguous',
      'unc:United Nations Command:plain',
    ]);
  });
});

/**
 * Example-based tests of the matcher: boundaries, case rules, written variants, Korean particles and
 * overlaps, on entries built here (exact expectations), plus a smoke test of the real built-in pack.
 */
import { describe, expect, it } from 'vitest';
import { type Alias, builtinPack } from '../../../src/glossary';
import { aliasKey, compileMatcher, findAll, type MatchableEntry, type Matcher } from '../../../src/matching';

const acronym = (text: string): Alias => ({ text, lang: 'en', caseSensitive: true });
const phrase = (text: string): Alias => ({ text, lang: 'en', caseSensitive: false });
const ko = (text: string): Alias => ({ text, lang: 'ko', caseSensitive: true });
const zh = (text: string): Alias => ({ text, lang: 'zh-Hant', caseSensitive: true });

/** A matcher over entries given as { id: aliases }, in that order. */
function matcherOf(entries: Record<string, Alias[]>): Matcher {
  return compileMatcher(Object.entries(entries).map(([id, aliases]) => ({ id, aliases })));
}

/** The matched substrings with their entry ids, in order. */
function found(matcher: Matcher, text: string): [string, string][] {
  return findAll(matcher, text).map((m) => [text.slice(m.start, m.end), m.entryId]);
}

/** Just the matched substrings. */
function spans(matcher: Matcher, text: string): string[] {
  return findAll(matcher, text).map((m) => text.slice(m.start, m.end));
}

const glossary = matcherOf({
  thaad: [acronym('THAAD'), phrase('Terminal High Altitude Area Defense'), ko('사드')],
  opcon: [
    acronym('OPCON'),
    phrase('operational control'),
    phrase('wartime operational control'),
    phrase('transition of wartime operational control'),
    ko('전작권'),
  ],
  unc: [acronym('UNC'), phrase('UN Command')],
  masga: [acronym('MASGA')],
  rok: [acronym('ROK'), ko('대한민국')],
  us: [acronym('U.S.')],
  usfk: [acronym('USFK'), phrase('U.S. Forces Korea'), ko('주한미군')],
  a2ad: [acronym('A2/AD'), phrase('anti-access/area denial')],
  nos: [phrase("Three No's")],
  sma: [phrase('defense cost-sharing')],
});

describe('compileMatcher: results', () => {
  it('reports [start, end) offsets in UTF-16 code units and the owning entry id', () => {
    const text = 'The THAAD battery';
    expect(findAll(glossary, text)).toEqual([{ start: 4, end: 9, entryId: 'thaad' }]);
  });

  it('scan() reports the same matches as findAll(), in order', () => {
    const text = 'OPCON and THAAD; 사드를 두고 UNC, and the U.S. again: THAAD.';
    const seen: [number, number, string][] = [];
    glossary.scan(text, (start, end, entryId) => seen.push([start, end, entryId]));
    expect(seen).toEqual(findAll(glossary, text).map((m) => [m.start, m.end, m.entryId]));
    expect(seen.map(([, , id]) => id)).toEqual(['opcon', 'thaad', 'thaad', 'unc', 'us', 'thaad']);
  });

  it('gives the same answer when reused, and when calls on other texts come in between', () => {
    const a = 'THAAD, OPCON and UNC';
    const first = findAll(glossary, a);
    findAll(glossary, 'nothing THAAD here but this');
    findAll(glossary, '');
    expect(findAll(glossary, a)).toEqual(first);
    expect(first).toHaveLength(3);
  });

  it('finds every mention in a long text in one pass, in order', () => {
    const text = 'THAAD and wartime operational control. '.repeat(2000);
    const matches = findAll(glossary, text);
    expect(matches).toHaveLength(4000);
    for (let i = 1; i < matches.length; i++) {
      expect(matches[i]?.start).toBeGreaterThanOrEqual(matches[i - 1]?.end as number);
    }
  });

  it('counts the distinct aliases it compiled', () => {
    expect(matcherOf({ a: [acronym('THAAD'), phrase('terminal defense')], b: [ko('사드')] }).size).toBe(3);
    // The same alias twice in one entry compiles once.
    expect(matcherOf({ a: [acronym('THAAD'), acronym('THAAD')] }).size).toBe(1);
  });

  it('finds nothing with no entries, and in an empty text', () => {
    const none = compileMatcher([]);
    expect(none.size).toBe(0);
    expect(findAll(none, 'THAAD')).toEqual([]);
    expect(findAll(glossary, '')).toEqual([]);
  });

  it('ignores aliases that are only separators', () => {
    const matcher = matcherOf({ odd: [phrase(' - '), phrase('/'), acronym('THAAD')] });
    expect(matcher.size).toBe(1);
    expect(found(matcher, 'a - b / c THAAD')).toEqual([['THAAD', 'odd']]);
  });
});

describe('compileMatcher: word boundaries', () => {
  it.each([
    ['UNCLE', 'UNC'],
    ['MASGAX', 'MASGA'],
    ['ROKETS', 'ROK'],
    ['xROK', 'ROK'],
    ['_ROK', 'ROK'],
    ['ROK_', 'ROK'],
    ['3ROK', 'ROK'],
    ['ROK3', 'ROK'],
    ['éROK', 'ROK'],
    ['ROKé', 'ROK'],
    ['ROKд', 'ROK'],
    ['αROK', 'ROK'],
    ['THAADs', 'THAAD'],
    ['preTHAAD', 'THAAD'],
  ])('never finds a term inside a word: %s', (text) => {
    expect(findAll(glossary, text)).toEqual([]);
  });

  it.each([
    ['(ROK)', 'ROK'],
    ['ROK,', 'ROK'],
    ['ROK.', 'ROK'],
    ['"ROK"', 'ROK'],
    ['ROK-led', 'ROK'],
    ['ROK/US', 'ROK'],
    ['ROK’s', 'ROK'],
    ['THAAD\u00A0battery', 'THAAD'],
    ['[UNC]', 'UNC'],
  ])('finds a term next to punctuation and spaces: %s', (text, term) => {
    expect(spans(glossary, text)).toEqual([term]);
  });

  it('finds terms at the very start and end of the text', () => {
    expect(spans(glossary, 'THAAD')).toEqual(['THAAD']);
    expect(spans(glossary, 'THAAD UNC')).toEqual(['THAAD', 'UNC']);
  });

  it('matches a term that ends in a period (U.S.), but not inside a longer abbreviation', () => {
    expect(spans(glossary, 'the U.S. army')).toEqual(['U.S.']);
    expect(spans(glossary, 'the U.S.')).toEqual(['U.S.']);
    expect(spans(glossary, 'U.S.A.')).toEqual([]);
    expect(spans(glossary, 'U.S')).toEqual([]);
    expect(spans(glossary, 'US')).toEqual([]);
    expect(spans(glossary, 'XU.S.')).toEqual([]);
  });

  it('matches terms with digits and slashes, and only as whole words', () => {
    expect(spans(glossary, 'an A2/AD bubble')).toEqual(['A2/AD']);
    expect(spans(glossary, 'XA2/AD')).toEqual([]);
    expect(spans(glossary, 'A2/ADX')).toEqual([]);
    expect(spans(glossary, 'A2/AD2')).toEqual([]);
    expect(spans(glossary, 'BA2AD')).toEqual([]);
  });

  it('takes the left boundary strictly after Hangul, for Latin terms too', () => {
    expect(spans(glossary, '한THAAD')).toEqual([]);
    expect(spans(glossary, '미사드')).toEqual([]);
    expect(spans(glossary, '한 THAAD')).toEqual(['THAAD']);
  });

  it('matches CJK terms inside CJK text, which has no spaces between words', () => {
    const matcher = matcherOf({ thaad: [zh('薩德'), acronym('THAAD')] });
    expect(found(matcher, '美國在韓國部署薩德系統')).toEqual([['薩德', 'thaad']]);
    expect(found(matcher, '薩德(THAAD)')).toEqual([
      ['薩德', 'thaad'],
      ['THAAD', 'thaad'],
    ]);
  });
});

describe('compileMatcher: case', () => {
  it('matches an acronym in capitals and in title case, never in lower or mixed case', () => {
    expect(spans(glossary, 'THAAD Thaad thaad tHAAD THaad ThAAD')).toEqual(['THAAD', 'Thaad']);
    expect(spans(glossary, 'OPCON Opcon opcon OpCon')).toEqual(['OPCON', 'Opcon']);
    expect(spans(glossary, 'USFK Usfk usfk')).toEqual(['USFK', 'Usfk']);
  });

  it('reads an acronym whose title case is a common English word in capitals only', () => {
    const matcher = matcherOf({
      who: [acronym('WHO')],
      us: [acronym('US')],
      sofa: [acronym('SOFA')],
      nato: [acronym('NATO')],
    });
    expect(spans(matcher, 'Who said the WHO? Us and US. Sofa, SOFA. Nato, NATO.')).toEqual([
      'WHO',
      'US',
      'SOFA',
      'Nato',
      'NATO',
    ]);
  });

  it('matches a mixed-case acronym only as written', () => {
    const matcher = matcherOf({ korus: [acronym('KorUS')] });
    expect(spans(matcher, 'KorUS KORUS Korus korus')).toEqual(['KorUS']);
  });

  it('matches a phrase in any case', () => {
    expect(found(glossary, 'Wartime Operational Control')).toEqual([
      ['Wartime Operational Control', 'opcon'],
    ]);
    expect(found(glossary, 'WARTIME OPERATIONAL CONTROL')).toEqual([
      ['WARTIME OPERATIONAL CONTROL', 'opcon'],
    ]);
    expect(found(glossary, 'wArTiMe OpErAtIoNaL cOnTrOl')).toEqual([
      ['wArTiMe OpErAtIoNaL cOnTrOl', 'opcon'],
    ]);
  });

  it('folds case beyond ASCII, and keeps a letter with no one-unit lower case (İ) as it is', () => {
    const matcher = matcherOf({
      a: [phrase('Ökonomie')],
      b: [phrase('İstanbul Process')],
      c: [phrase('Δέλτα')],
    });
    expect(found(matcher, 'ÖKONOMIE ökonomie')).toEqual([
      ['ÖKONOMIE', 'a'],
      ['ökonomie', 'a'],
    ]);
    expect(found(matcher, 'the İstanbul process')).toEqual([['İstanbul process', 'b']]);
    expect(found(matcher, 'ΔΈΛΤΑ')).toEqual([['ΔΈΛΤΑ', 'c']]);
  });

  it('when the longest candidate breaks an acronym’s case rule, a shorter alias at that position still matches', () => {
    const matcher = matcherOf({
      jcs: [acronym('ROK JCS')],
      rok: [acronym('ROK')],
      opcon: [acronym('WARTIME OPCON'), phrase('wartime')],
    });
    expect(found(matcher, 'the ROK jcs')).toEqual([['ROK', 'rok']]);
    expect(found(matcher, 'the ROK JCS')).toEqual([['ROK JCS', 'jcs']]);
    expect(found(matcher, 'Rok Jcs')).toEqual([['Rok Jcs', 'jcs']]);
    expect(found(matcher, 'wartime opcon')).toEqual([['wartime', 'opcon']]);
  });

  it('re-checks a phrase in the same case folding as it was found in (σ/ς, but never ı/I)', () => {
    const matcher = matcherOf({
      long: [acronym('ΛΌΓΟΣ AB'), acronym('XıY ZZ')],
      logos: [phrase('ΛΌΓΟΣ')],
      xiy: [phrase('xıy')],
    });
    // The acronyms fail their case rule, so the phrases are re-checked at the same position.
    expect(found(matcher, 'λόγος ab')).toEqual([['λόγος', 'logos']]);
    expect(found(matcher, 'XıY zz')).toEqual([['XıY', 'xiy']]);
    // The `i` flag never folds dotless ı to ASCII I, so neither does the re-check.
    expect(found(matcher, 'XIY zz')).toEqual([]);
    expect(found(matcher, 'XIY')).toEqual([]);
  });

  it('moves on after a rejected candidate and finds the next mention', () => {
    expect(found(glossary, 'thaad THAAD thaadthaad Thaad')).toEqual([
      ['THAAD', 'thaad'],
      ['Thaad', 'thaad'],
    ]);
    expect(found(glossary, 'unc,UNC')).toEqual([['UNC', 'unc']]);
  });
});

describe('compileMatcher: written variants', () => {
  it.each([
    'A2/AD',
    'A2AD',
    'A2-AD',
    'A2 / AD',
    'A2 /AD',
    'A2 - AD',
    'A2／AD',
    'A2\u2011AD', // non-breaking hyphen
    'A2\u2013AD', // en dash
    'A2\u00A0/\u00A0AD',
  ])('matches A2/AD written as %s', (text) => {
    expect(found(glossary, `an ${text} zone`)).toEqual([[text, 'a2ad']]);
  });

  it('matches A2/AD in title case with any of those separators, never in lower case', () => {
    expect(spans(glossary, 'A2/Ad A2Ad a2/ad a2ad')).toEqual(['A2/Ad', 'A2Ad']);
  });

  it('treats any run of separators around a slash as the slash ("A2 / AD" accepts "A2AD")', () => {
    const matcher = matcherOf({ a2ad: [acronym('A2 / AD')] });
    expect(spans(matcher, 'A2/AD, A2AD, A2 / AD, A2-AD')).toEqual(['A2/AD', 'A2AD', 'A2 / AD', 'A2-AD']);
  });

  it.each([
    "Three No's",
    'Three No’s',
    'Three No‘s',
    'Three Noʼs',
    "three no's",
    "Three\u00A0No's",
    "Three-No's",
  ])('matches "Three No\'s" written as %s', (text) => {
    expect(found(glossary, `the ${text} policy`)).toEqual([[text, 'nos']]);
  });

  it('requires the apostrophe an alias is written with', () => {
    expect(spans(glossary, 'Three Nos')).toEqual([]);
    expect(spans(glossary, 'Three No"s')).toEqual([]);
  });

  it.each([
    'defense cost-sharing',
    'defense cost sharing',
    'defense cost - sharing',
    'defense cost\u2013sharing',
    'defense cost\u2010sharing',
    'defense\u00A0cost\u00A0sharing',
    'defense\u202Fcost-sharing',
    'defense\ncost\tsharing',
    'defense   cost   sharing',
  ])('matches "defense cost-sharing" written as %s', (text) => {
    expect(found(glossary, `(${text})`)).toEqual([[text, 'sma']]);
  });

  it('does not join words that an alias separates ("costsharing"), nor use a slash for a hyphen', () => {
    expect(spans(glossary, 'defense costsharing')).toEqual([]);
    expect(spans(glossary, 'defense cost/sharing')).toEqual([]);
  });

  it('never lets a match end in separators', () => {
    const matcher = matcherOf({ a: [acronym('K-'), phrase('-cost sharing- ')] });
    expect(spans(matcher, 'K- and cost sharing -')).toEqual(['K', 'cost sharing']);
  });

  it('matches an alias with a character outside the BMP only with that very character', () => {
    const matcher = matcherOf({ a: [zh('𠮷野家')] });
    expect(spans(matcher, '𠮷野家')).toEqual(['𠮷野家']);
    // Same high surrogate, another character.
    expect(spans(matcher, '𠮸野家')).toEqual([]);
  });
});

describe('compileMatcher: Korean', () => {
  it.each([
    ['사드를', '사드'],
    ['사드는', '사드'],
    ['사드가', '사드'],
    ['사드의', '사드'],
    ['사드에', '사드'],
    ['사드에서', '사드'],
    ['사드에서는', '사드'],
    ['사드로', '사드'],
    ['사드와', '사드'],
    ['사드도', '사드'],
    ['사드만', '사드'],
    ['사드까지도', '사드'],
    ['전작권은', '전작권'],
    ['전작권을', '전작권'],
    ['전작권이', '전작권'],
    ['전작권으로', '전작권'],
    ['전작권과', '전작권'],
    ['주한미군의', '주한미군'],
    ['주한미군이', '주한미군'],
    ['대한민국에서', '대한민국'],
  ])('matches a term followed by a particle (%s) and leaves the particle out', (text, term) => {
    const [match] = findAll(glossary, `${text} 문제`);
    expect(match?.start).toBe(0);
    expect(`${text} 문제`.slice(match?.start, match?.end)).toBe(term);
  });

  it('matches a Korean term alone, before punctuation, and before Latin text', () => {
    expect(spans(glossary, '사드')).toEqual(['사드']);
    expect(spans(glossary, '(사드)')).toEqual(['사드']);
    expect(spans(glossary, '사드, 전작권.')).toEqual(['사드', '전작권']);
  });

  it('keeps the left boundary strict (미사드) and accepts only particles after a term (사드리)', () => {
    expect(spans(glossary, '미사드')).toEqual([]);
    expect(spans(glossary, '사드리')).toEqual([]);
    expect(spans(glossary, '사드배치')).toEqual([]);
    expect(spans(glossary, '사드를요')).toEqual([]);
    expect(spans(glossary, 'x사드')).toEqual([]);
  });

  it('matches a Latin term followed by a particle, leaving the particle out', () => {
    expect(found(glossary, 'THAAD를 배치')).toEqual([['THAAD', 'thaad']]);
    expect(found(glossary, 'OPCON은')).toEqual([['OPCON', 'opcon']]);
  });

  it('allows up to three stacked particles', () => {
    const matcher = matcherOf({ thaad: [ko('사드')] });
    expect(spans(matcher, '사드에서부터도')).toEqual(['사드']);
    expect(spans(matcher, '사드에서의')).toEqual(['사드']);
    expect(spans(matcher, '사드에서부터도만')).toEqual([]);
  });
});

describe('compileMatcher: overlaps', () => {
  it('prefers the longest alias at one position', () => {
    expect(found(glossary, 'the wartime operational control')).toEqual([
      ['wartime operational control', 'opcon'],
    ]);
    expect(found(glossary, 'the transition of wartime operational control')).toEqual([
      ['transition of wartime operational control', 'opcon'],
    ]);
    expect(found(glossary, 'the operational control')).toEqual([['operational control', 'opcon']]);
  });

  it('takes the leftmost match first, and never overlaps', () => {
    const matcher = matcherOf({
      ab: [phrase('alpha beta')],
      bc: [phrase('beta gamma')],
      c: [phrase('gamma')],
    });
    expect(found(matcher, 'alpha beta gamma')).toEqual([
      ['alpha beta', 'ab'],
      ['gamma', 'c'],
    ]);
    expect(found(matcher, 'beta gamma')).toEqual([['beta gamma', 'bc']]);
  });

  it('finds adjacent mentions', () => {
    expect(spans(glossary, 'THAAD THAAD,THAAD')).toEqual(['THAAD', 'THAAD', 'THAAD']);
  });

  it('prefers the longest alias even when it ends in another script (Hangul, CJK, parenthesis)', () => {
    const matcher = matcherOf({
      usfk: [acronym('USFK')],
      hq: [ko('USFK 사령부')],
      thaad: [ko('사드')],
      thaadFull: [ko('사드(THAAD)')],
      korea: [phrase('Korea')],
      koreaZh: [zh('Korea韓國')],
    });
    expect(found(matcher, 'USFK 사령부를 방문')).toEqual([['USFK 사령부', 'hq']]);
    expect(found(matcher, 'USFK 사령관')).toEqual([['USFK', 'usfk']]);
    expect(found(matcher, '사드(THAAD) 배치')).toEqual([['사드(THAAD)', 'thaadFull']]);
    expect(found(matcher, 'Korea韓國')).toEqual([['Korea韓國', 'koreaZh']]);
  });

  it('prefers the alias that consumes more characters, not the one with more words', () => {
    // "a/b c" has three words but reads "ab c"; "ab c.d" has two and reads further.
    const matcher = matcherOf({ short: [phrase('a/b c')], long: [phrase('ab c.d')] });
    expect(found(matcher, 'ab c.d')).toEqual([['ab c.d', 'long']]);
    expect(found(matcher, 'ab c.e')).toEqual([['ab c', 'short']]);
  });

  it('falls back to a shorter alias when the longer one fails its right boundary', () => {
    expect(found(glossary, 'operational controls')).toEqual([]);
    expect(found(glossary, 'wartime operational controls')).toEqual([]);
    const matcher = matcherOf({ a: [phrase('cost'), phrase('cost sharing')] });
    expect(spans(matcher, 'cost sharingX')).toEqual(['cost']);
  });
});

describe('compileMatcher: entries that claim the same alias', () => {
  it('gives the alias to the earlier entry, whatever separators or case the later one writes', () => {
    const matcher = compileMatcher([
      { id: 'first', aliases: [acronym('A2/AD')] },
      { id: 'second', aliases: [acronym('A2AD'), phrase('a2-ad'), acronym('SECOND')] },
    ]);
    expect(found(matcher, 'A2AD a2-ad SECOND')).toEqual([
      ['A2AD', 'first'],
      ['SECOND', 'second'],
    ]);
  });

  it('does not let a later entry’s case-insensitive alias loosen an earlier entry’s acronym', () => {
    const matcher = compileMatcher([
      { id: 'first', aliases: [acronym('THAAD')] },
      { id: 'second', aliases: [phrase('thaad')] },
    ]);
    expect(found(matcher, 'thaad THAAD')).toEqual([['THAAD', 'first']]);
  });

  it('applies each alias’s own case rule within one entry', () => {
    const matcher = compileMatcher([{ id: 'e', aliases: [acronym('A2/AD'), phrase('a2ad')] }]);
    // "a2ad" is a phrase: any case, but only as one word; "A2/AD" accepts separators, in capitals.
    expect(spans(matcher, 'a2ad A2AD A2/AD A2/Ad')).toEqual(['a2ad', 'A2AD', 'A2/AD', 'A2/Ad']);
    expect(spans(matcher, 'a2/ad a2 ad')).toEqual([]);
  });

  it('accepts any case when one alias of an entry is a case-insensitive spelling of an acronym', () => {
    const matcher = compileMatcher([{ id: 'e', aliases: [acronym('OPCON'), phrase('opcon')] }]);
    expect(spans(matcher, 'OPCON opcon oPcOn')).toEqual(['OPCON', 'opcon', 'oPcOn']);
  });
});

describe('compileMatcher with the built-in pack (smoke test)', () => {
  const matcher = compileMatcher(builtinPack.entries);
  const ownerOf = (alias: string): string | undefined =>
    builtinPack.entries.find((entry) => entry.aliases.some((a) => aliasKey(a.text) === aliasKey(alias)))?.id;

  it('finds THAAD and 사드 as one entry', () => {
    const text = 'China opposed THAAD. 중국은 사드를 반대했다.';
    const matches = found(matcher, text);
    expect(matches.map(([span]) => span)).toEqual(['THAAD', '사드']);
    const [[, first], [, second]] = matches as [[string, string], [string, string]];
    expect(first).toBe(second);
    expect(first).toBe(ownerOf('THAAD'));
  });

  it('finds every alias of the pack when written alone', () => {
    for (const entry of builtinPack.entries) {
      for (const alias of entry.aliases) {
        const matches = findAll(matcher, alias.text);
        expect(matches, alias.text).toEqual([
          { start: 0, end: alias.text.length, entryId: ownerOf(alias.text) as string },
        ]);
      }
    }
  });

  it('finds no acronym of the pack in lower case', () => {
    for (const entry of builtinPack.entries) {
      for (const alias of entry.aliases) {
        if (!alias.caseSensitive || alias.text.toLowerCase() === alias.text) continue;
        const anyCase = builtinPack.entries.some((e) =>
          e.aliases.some((a) => !a.caseSensitive && aliasKey(a.text) === aliasKey(alias.text)),
        );
        if (anyCase) continue;
        const lower = alias.text.toLowerCase();
        const whole = findAll(matcher, lower).filter((m) => m.start === 0 && m.end === lower.length);
        expect(whole, lower).toEqual([]);
      }
    }
  });

  it('never reports overlapping or out-of-order matches on the pack’s own quotes', () => {
    const text = builtinPack.entries.flatMap((entry) => entry.quotes.map((q) => q.text)).join(' ');
    const matches = findAll(matcher, text);
    expect(matches.length).toBeGreaterThan(20);
    let end = 0;
    for (const m of matches) {
      expect(m.start).toBeGreaterThanOrEqual(end);
      expect(m.end).toBeGreaterThan(m.start);
      end = m.end;
    }
  });
});

/** Entries for the type checker: the built-in pack is a valid matcher input. */
const _typecheck: readonly MatchableEntry[] = builtinPack.entries;
void _typecheck;

describe('compileMatcher: where the first characters of two aliases can be the same text', () => {
  const entriesOf = (...texts: string[]): MatchableEntry[] =>
    texts.map((text, i) => ({ id: `e${i}`, aliases: [{ text, lang: 'en', caseSensitive: false }] }));

  it('still finds the longest alias when separator classes overlap', () => {
    const entries = entriesOf('x/y z', 'x y');
    expect(findAll(compileMatcher(entries), 'see x y z here').map((m) => m.entryId)).toEqual(['e0']);
  });

  it('folds σ and ς together, and tells the aliases apart by what follows', () => {
    const matcher = compileMatcher(entriesOf('aσb', 'aςc'));
    expect(findAll(matcher, 'aςb aσc').map((m) => m.entryId)).toEqual(['e0', 'e1']);
  });
});

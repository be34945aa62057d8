import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDefinitions, isShortForm } from '../../../src/page-definitions';

const pairs = (text: string) => findDefinitions(text).map((d) => [d.short, d.long]);

describe('findDefinitions', () => {
  it.each([
    [
      'the Terminal High Altitude Area Defense (THAAD) battery',
      'THAAD',
      'Terminal High Altitude Area Defense',
    ],
    ['its Korea Air and Missile Defense(KAMD) network', 'KAMD', 'Korea Air and Missile Defense'],
    ['Anti-Access/Area Denial (A2/AD) zones', 'A2/AD', 'Anti-Access/Area Denial'],
    [
      'Command, Control, Communications, Computers, Intelligence, Surveillance and Reconnaissance (C4ISR) links',
      'C4ISR',
      'Command, Control, Communications, Computers, Intelligence, Surveillance and Reconnaissance',
    ],
    [
      'tested intercontinental ballistic missiles (ICBMs) again',
      'ICBMs',
      'intercontinental ballistic missiles',
    ],
    ['satellites in low Earth orbit (LEO) are cheap', 'LEO', 'low Earth orbit'],
    ['the Patriot Advanced Capability-3 (PAC-3) interceptor', 'PAC-3', 'Patriot Advanced Capability-3'],
    ['coronavirus disease 2019 (COVID-19) spread', 'COVID-19', 'coronavirus disease 2019'],
    ['The Department of Defense (DoD) said', 'DoD', 'Department of Defense'],
    ['messenger RNA (mRNA) vaccines', 'mRNA', 'messenger RNA'],
    ['the Inflation Reduction Act (IRA, signed in 2022) changed', 'IRA', 'Inflation Reduction Act'],
    ['the Inflation Reduction Act （IRA） changed', 'IRA', 'Inflation Reduction Act'],
    [
      'THAAD (Terminal High Altitude Area Defense) was deployed',
      'THAAD',
      'Terminal High Altitude Area Defense',
    ],
    ['정부는 한국형 미사일방어(KAMD) 체계를 강화한다.', 'KAMD', '한국형 미사일방어'],
    ['전시작전통제권(OPCON) 전환이 논의됐다.', 'OPCON', '전시작전통제권'],
    ['the U.S. Forces Korea (USFK) commander', 'USFK', 'U.S. Forces Korea'],
  ])('%s → %s = %s', (text, short, long) => {
    expect(pairs(text)).toEqual([[short, long]]);
  });

  it('starts a long form after a word that joins it to the sentence, never on the tail of a compound', () => {
    expect(pairs('Funds were cut by the Korea International Cooperation Agency (KOICA) last year.')).toEqual([
      ['KOICA', 'Korea International Cooperation Agency'],
    ]);
    expect(pairs('Sanctions imposed by allied export control regimes (AECR) tightened.')).toEqual([
      ['AECR', 'allied export control regimes'],
    ]);
    // The first letter came from the joining word, and nothing after it spells the name: nothing.
    expect(pairs('They voted on the extension of the United Nations Mission in Haiti (MINUSTAH).')).toEqual(
      [],
    );
    // A name starts where its compound does, never on "-induced".
    expect(pairs('the GABA-induced chloride current (ICl) was blocked')).toEqual([
      ['ICl', 'GABA-induced chloride current'],
    ]);
    expect(pairs('the response to GABA(A) -induced chloride current (ICl) was blocked')).toEqual([]);
  });

  it('reads a short form with a small parenthesis of its own, spelled from words of their own', () => {
    expect(pairs('forced expiratory volume in 1 second (FEV(1)) fell')).toEqual([
      ['FEV(1)', 'forced expiratory volume in 1 second'],
    ]);
    // The letter in parentheses taken from inside a word is a guess: nothing.
    expect(pairs('the mean temperature (T(a)) rose')).toEqual([]);
    // A list or prose nested in parentheses is not a short form.
    expect(pairs('Fructose-2,6-bisphosphate (Fru-2,6-P(2)) levels')).toEqual([]);
    expect(pairs('the ratio (see (a) below) held')).toEqual([]);
  });

  it('finds two definitions in one sentence', () => {
    expect(pairs('The United States (US) and the Republic of Korea (ROK) agreed.')).toEqual([
      ['US', 'United States'],
      ['ROK', 'Republic of Korea'],
    ]);
  });

  it('gives where the whole definition stands in the text', () => {
    const text = 'Seoul fields the Korea Air and Missile Defense (KAMD) network.';
    const [definition] = findDefinitions(text);
    expect(text.slice(definition?.start, definition?.end)).toBe('Korea Air and Missile Defense (KAMD)');
  });

  it.each([
    'It was deployed in 2017 (2017).',
    'The talks were held in Seongju (Seoul).',
    'The plan stalled (see below).',
    'Growth slowed (3.2%).',
    'The company said so (Reuters).',
    'As shown (Figure 2), it rose.',
    'First (a), then (ii), then (IV).',
    'The agency (CIA) said nothing.',
    'USFK (already stretched) moved.',
    'Kim et al. (2021) found (p < 0.05) effects.',
    '중국은 한국(서울)을 방문했다.',
    'No parentheses here, only THAAD and OPCON.',
    'An empty pair () and an unclosed ( one.',
    '"THE GIRL WHO LEAPT THROUGH TIME (2006)" at the cinema.',
  ])('finds nothing in %s', (text) => {
    expect(findDefinitions(text)).toEqual([]);
  });

  // Issue #15: shapes that public gold standards hold and the first rules missed.
  it.each([
    ['Nauru Ocean Minerals Inc. (NOM) applied', 'NOM', 'Nauru Ocean Minerals Inc.'],
    ['a second tribunal, St. Kitts Maritime Court (SKMC), ruled', 'SKMC', 'St. Kitts Maritime Court'],
    ['drinking and subdural haematoma (SDH) were', 'SDH', 'subdural haematoma'],
    ['the Royal Thai Navy (RTN) and', 'RTN', 'Royal Thai Navy'],
    ['cut the value-added tax (vat) again', 'vat', 'value-added tax'],
    ['the Wingless (Wg) gene', 'Wg', 'Wingless'],
    ['a large amount of phosphorus (P) in the soil', 'P', 'phosphorus'],
    ['hydrofluorocarbon-134a (HFC-134a) leaks', 'HFC-134a', 'hydrofluorocarbon-134a'],
    ['U.S. Indo-Pacific Command (USINDOPACOM) said', 'USINDOPACOM', 'U.S. Indo-Pacific Command'],
    ['the Official Secrets (Amendment) Bill (OSAB) passed', 'OSAB', 'Official Secrets (Amendment) Bill'],
    ['the "Digital Silk Road" (DSR) push', 'DSR', 'Digital Silk Road'],
    [
      'run by the UNEP/WMO (World Meteorological Organization) panel',
      'WMO',
      'World Meteorological Organization',
    ],
    ["Japan's Top Runner 21 (TR21) scheme", 'TR21', 'Top Runner 21'],
    ['a type IV pilus (T4P) forms', 'T4P', 'type IV pilus'],
    ['ligands (GDNF, Neurturin [NTN], and Persephin [PSP])', 'NTN', 'Neurturin'],
    ["the Ward Development Committees (WDC's) met", "WDC's", 'Ward Development Committees'],
    ['the PGA (for Professional Golfers Association) said', 'PGA', 'Professional Golfers Association'],
    ['UNDP, WFP, United Nations Children Fund (UNCF) staff', 'UNCF', 'United Nations Children Fund'],
    ['The Quad Leaders Forum, or QLF, met', 'QLF', 'Quad Leaders Forum'],
    [
      'The DATA Act, or Digital Accountability and Transparency Act, applies',
      'DATA Act',
      'Digital Accountability and Transparency Act',
    ],
    ['Here NCG stands for Nuclear Consultative Group, a body', 'NCG', 'Nuclear Consultative Group'],
    ['the Combined Forces Command — CFC — said', 'CFC', 'Combined Forces Command'],
    ['국방부는 한미 통합국방협의체(이하 KIDD)를 열었다.', 'KIDD', '한미 통합국방협의체'],
  ])('finds the definition in %s', (text, short, long) => {
    expect(pairs(text)).toContainEqual([short, long]);
  });

  it.each([
    'The ubiquitin-conjugating enzyme (E2) acts.',
    'kept in a phosphate buffer (pH 7.4) overnight',
    'The plan stalled (sic) again.',
    'He spoke (in Korean) and left.',
    'the talks with Kim (Kim) resumed',
    'Results were summarised (Summary) below.',
    'the harmonic mean, 2PR / (P + R), of both',
    'Three partners (Canada, Mexico and Japan) objected.',
    'Voters chose Lee, or Kim, in the district.',
    'The talks, or what is left of them, resume.',
    'The model stands for nothing in particular.',
    'Option (A) or option (B).',
  ])('finds nothing in %s', (text) => {
    expect(findDefinitions(text)).toEqual([]);
  });

  it('never throws and always returns definitions that stand in the text', () => {
    const pieces = fc.constantFrom(
      '(',
      ')',
      'THAAD',
      'Terminal',
      'High',
      ' ',
      '（',
      '）',
      'a',
      'KAMD',
      '한국',
      '.',
      ',',
      ', or ',
      ' stands for ',
      ' — ',
      '[',
      ']',
      '(이하 ',
      'vat',
      'Wg',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const d of findDefinitions(text)) {
          const span = text.slice(d.start, d.end);
          expect(span).toContain(d.short);
          expect(span).toContain(d.long);
        }
      }),
    );
  });
});

describe('isShortForm', () => {
  it.each(['THAAD', 'A2/AD', 'PAC-3', 'ICBMs', 'DoD', 'mRNA', 'R&D', 'P5+1', 'U.S.', 'USINDOPACOM', "IBC's"])(
    'accepts %s',
    (sf) => {
      expect(isShortForm(sf)).toBe(true);
    },
  );
  it.each([
    'Seoul',
    'Reuters',
    '2017',
    '3.2%',
    'a',
    'ii',
    'IV',
    'see below',
    '한국',
    'ABCDEFGHIJKLMNOP',
    'x',
    'pH 7.5',
    'EC 3.1.1.7',
  ])('refuses %s', (sf) => {
    expect(isShortForm(sf)).toBe(false);
  });
});

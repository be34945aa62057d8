import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPack, CATEGORIES, validatePack } from '../../../src/glossary';
import { aliasKey } from '../../../src/matching';

// `../shared` sits beside the project; tests run from the project root.
const ARTICLE_PATH = resolve(process.cwd(), '../shared/seed/rok-us-alliance-article.txt');
const HAVE_ARTICLE = existsSync(ARTICLE_PATH);
const SOURCE_URL = 'https://www.pubt.io/view/2E84A587369A0F7334002EE35BC6C0A23B5F7B3B';

const TITLE = 'The Future of the ROK-U.S. Alliance: Adapting to a Changing World';
/** The article's headings, in order. Text before the first one stands under the title. */
const HEADINGS = [
  TITLE,
  'The Establishment and Development of the U.S.-ROK Alliance',
  'Shifts in the International Security Environment',
  'Major Security Issues of the ROK-U.S. Alliance Arising from Shifts in the International Security Environment',
  'Desirable Future for the ROK-U.S. Alliance',
  'Conclusion',
];

const entries = builtinPack.entries;
const byId = new Map(entries.map((entry) => [entry.id, entry]));
/** aliasKey → ids of the entries that claim it. */
const claims = new Map<string, string[]>();
for (const entry of entries) {
  for (const key of new Set(entry.aliases.map((alias) => aliasKey(alias.text)))) {
    claims.set(key, [...(claims.get(key) ?? []), entry.id]);
  }
}
/** The entry a piece of page text would be looked up as (by its alias key). */
const ownerOf = (text: string): string | undefined => claims.get(aliasKey(text))?.[0];

/** [label, quote] rows for it.each, e.g. ['opcon quote #2', { text, section }]. */
const allQuotes = entries.flatMap((entry) =>
  entry.quotes.map((quote, i) => [`${entry.id} quote #${i + 1}`, quote] as const),
);

describe.skipIf(!HAVE_ARTICLE)('built-in pack against the source article', () => {
  if (!HAVE_ARTICLE) {
    console.warn(`Skipping the verbatim checks: the source article is missing at ${ARTICLE_PATH}`);
    return;
  }
  const article = readFileSync(ARTICLE_PATH, 'utf8');
  const squash = (text: string) => text.replace(/\s+/g, '');
  const squashed = squash(article);

  /** Where each heading line starts, counted in non-whitespace characters. */
  const headingStarts: { heading: string; at: number }[] = [];
  let offset = 0;
  for (const line of article.split('\n')) {
    const heading = HEADINGS.find((h) => line.trim() === h);
    if (heading) headingStarts.push({ heading, at: squash(article.slice(0, offset)).length });
    offset += line.length + 1;
  }

  it('finds every heading in the article, in order', () => {
    const seen = headingStarts.map((h) => h.heading).filter((h, i, all) => all.indexOf(h) === i);
    expect(seen).toEqual(HEADINGS);
  });

  it.each(allQuotes)('%s stands verbatim in the article, once', (_, { text }) => {
    const at = squashed.indexOf(squash(text));
    expect(at, `not in the article: ${text}`).toBeGreaterThanOrEqual(0);
    expect(squashed.lastIndexOf(squash(text)), 'the quote occurs more than once').toBe(at);
  });

  it.each(allQuotes)('%s names the heading it stands under', (_, { text, section }) => {
    const at = squashed.indexOf(squash(text));
    const under = headingStarts.filter((h) => h.at <= at).pop();
    expect(under?.heading).toBe(section);
  });

  it.each(allQuotes)('%s is whole sentences, tidily spaced', (_, { text }) => {
    expect(text).toBe(text.trim());
    expect(text).not.toMatch(/\s{2,}|\n/);
    expect(text).toMatch(/^["(]?[A-Z0-9]/);
    expect(text).toMatch(/[.?!]"?$/);
  });
});

describe('built-in pack', () => {
  it('validates', () => {
    const result = validatePack(builtinPack);
    expect(result.ok ? [] : result.errors).toEqual([]);
    // Nothing is trimmed or otherwise changed by parsing.
    if (result.ok) expect(result.pack).toEqual(builtinPack);
  });

  it('has at least 30 entries with unique ids', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });

  it('links only to entries that exist, never to itself', () => {
    for (const entry of entries) {
      for (const id of entry.related) {
        expect(byId.has(id), `${entry.id} → ${id}`).toBe(true);
        expect(id).not.toBe(entry.id);
      }
      expect(new Set(entry.related).size).toBe(entry.related.length);
    }
  });

  it('lets no alias be claimed by two entries', () => {
    const shared = [...claims].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });

  it('uses known categories', () => {
    for (const entry of entries) expect(CATEGORIES).toContain(entry.category);
  });

  it('keeps explanations to one or two sentences, without links', () => {
    for (const entry of entries) {
      expect(entry.explanation.length, entry.id).toBeLessThanOrEqual(400);
      expect(sentenceCount(entry.explanation), `${entry.id}: ${entry.explanation}`).toBeLessThanOrEqual(2);
      expect(entry.explanation).not.toMatch(/https?:/);
    }
  });

  it('cites only the known source URL', () => {
    expect(builtinPack.source.url).toBe(SOURCE_URL);
    expect(builtinPack.source).toMatchObject({
      title: TITLE,
      author: 'Kyeongdoo Jeong',
      date: '2025-09-30',
    });
    for (const entry of entries) expect(entry.source?.url ?? SOURCE_URL).toBe(SOURCE_URL);
  });

  it('tags each alias with the language of its script', () => {
    for (const entry of entries) {
      for (const alias of entry.aliases) {
        const expected = /[\uAC00-\uD7A3]/.test(alias.text)
          ? ['ko']
          : /[\u4E00-\u9FFF]/.test(alias.text)
            ? ['zh-Hant', 'zh-Hans']
            : ['en'];
        expect(expected, `${entry.id}: ${alias.text}`).toContain(alias.lang);
      }
    }
  });

  it('makes acronyms case-sensitive', () => {
    for (const entry of entries) {
      for (const alias of entry.aliases) {
        if (/^[A-Z0-9/]+$/.test(alias.text) && /[A-Z].*[A-Z]/.test(alias.text)) {
          expect(alias.caseSensitive, `${entry.id}: ${alias.text}`).toBe(true);
        }
      }
    }
  });

  it('has no case-insensitive English alias that is a lone ordinary word', () => {
    // Single-word phrases match in any case, so each must be a term in its own right.
    const allowed = new Set([
      'decouple',
      'decoupling',
      'derisking',
      'de-risk',
      'de-risking',
      'anti-dumping',
      '"unfriendly"',
      '“unfriendly”',
    ]);
    for (const entry of entries) {
      for (const alias of entry.aliases) {
        if (alias.lang !== 'en' || alias.caseSensitive || /\s/.test(alias.text)) continue;
        expect(allowed, `${entry.id}: ${alias.text}`).toContain(alias.text.toLowerCase());
      }
    }
  });

  it('spells out every abbreviation', () => {
    for (const id of [
      'thaad',
      'a2ad',
      'masga',
      'opcon',
      'usfk',
      'un-command',
      'combined-forces-command',
      'rok-jcs',
      'oecd',
      'csis',
      'rok',
      'defense-cost-sharing',
    ]) {
      expect(byId.get(id)?.expansion, id).toBeTruthy();
    }
  });
});

/** Required terms (from the issue): written form on a page → the entry it must lead to. */
const REQUIRED: [text: string, id: string][] = [
  ['THAAD', 'thaad'],
  ['Terminal High Altitude Area Defense', 'thaad'],
  ["Three No's", 'three-nos'],
  ['Three Nos', 'three-nos'],
  ['A2/AD', 'a2ad'],
  ['A2AD', 'a2ad'],
  ['anti-access/area denial', 'a2ad'],
  ['MASGA', 'masga'],
  ['OPCON', 'opcon'],
  ['wartime operational control', 'opcon'],
  ['operational control', 'opcon'],
  ['OPCON transition', 'opcon'],
  ['USFK', 'usfk'],
  ['U.S. Forces Korea', 'usfk'],
  ['UNC', 'un-command'],
  ['UN Command', 'un-command'],
  ['United Nations Command', 'un-command'],
  ['CFC', 'combined-forces-command'],
  ['Combined Forces Command', 'combined-forces-command'],
  ['JCS', 'rok-jcs'],
  ['ROK Joint Chiefs of Staff', 'rok-jcs'],
  ['ROK Air Force Operations Command', 'rokaf-operations-command'],
  ['ROK-U.S. Mutual Defense Treaty', 'mutual-defense-treaty'],
  ['extended deterrence', 'extended-deterrence'],
  ['nuclear umbrella', 'nuclear-umbrella'],
  ['strategic flexibility', 'strategic-flexibility'],
  ['Indo-Pacific strategy', 'indo-pacific-strategy'],
  ['ROK-U.S.-Japan trilateral', 'rok-us-japan-trilateral'],
  ['ROK-U.S.-Japan security cooperation', 'rok-us-japan-trilateral'],
  ['defense cost-sharing', 'defense-cost-sharing'],
  ['Special Measures Agreement', 'defense-cost-sharing'],
  ['SMA', 'defense-cost-sharing'],
  ['ROK defense budget', 'defense-budget-gdp'],
  ['first island chain', 'first-island-chain'],
  ['second island chain', 'second-island-chain'],
  ['China Dream', 'china-dream'],
  ['decouple', 'decoupling'],
  ['decoupling', 'decoupling'],
  ['derisking', 'derisking'],
  ['de-risking', 'derisking'],
  ['rare earths', 'rare-earths'],
  ['rare earth elements', 'rare-earths'],
  ['rare earth resources', 'rare-earths'],
  ['anti-dumping duties', 'anti-dumping-duties'],
  ['Global FirePower', 'global-firepower'],
  ['offset procedure', 'offset-procedure'],
  ['North Korea-Russia treaty', 'north-korea-russia-treaty'],
  ['"unfriendly"', 'unfriendly-countries'],
  ['unfriendly countries', 'unfriendly-countries'],
  ['structures in the Yellow Sea', 'yellow-sea-structures'],
  ['artificial islands in the South China Sea', 'south-china-sea-artificial-islands'],
  ['Senkaku', 'senkaku'],
  ['security cooperation pact with the Solomon Islands', 'solomon-islands-pact'],
  ['new Cold War', 'new-cold-war'],
  ['non-traditional security threats', 'non-traditional-security-threats'],
  ['OECD', 'oecd'],
  ['Organisation for Economic Co-operation and Development', 'oecd'],
  ['Korea Chair Platform', 'korea-chair-platform'],
  ['ROK', 'rok'],
  ['Republic of Korea', 'rok'],
  ['CSIS', 'csis'],
  ['Center for Strategic and International Studies', 'csis'],
  ['One China', 'one-china-principle'],
  ['Victory Day', 'victory-day'],
  // Korean
  ['사드', 'thaad'],
  ['전시작전통제권', 'opcon'],
  ['전작권', 'opcon'],
  ['주한미군', 'usfk'],
  ['마스가', 'masga'],
  ['반접근/지역거부', 'a2ad'],
  ['확장억제', 'extended-deterrence'],
  ['핵우산', 'nuclear-umbrella'],
  ['방위비 분담금', 'defense-cost-sharing'],
  ['방위비분담특별협정', 'defense-cost-sharing'],
  ['유엔사', 'un-command'],
  ['유엔군사령부', 'un-command'],
  ['한미연합사', 'combined-forces-command'],
  ['연합사', 'combined-forces-command'],
  ['합참', 'rok-jcs'],
  ['합동참모본부', 'rok-jcs'],
  ['제1도련선', 'first-island-chain'],
  ['제2도련선', 'second-island-chain'],
  ['중국몽', 'china-dream'],
  ['한미상호방위조약', 'mutual-defense-treaty'],
  ['경제협력개발기구', 'oecd'],
  ['희토류', 'rare-earths'],
  ['디커플링', 'decoupling'],
  ['디리스킹', 'derisking'],
  ['인도태평양 전략', 'indo-pacific-strategy'],
  ['전략적 유연성', 'strategic-flexibility'],
  // Chinese
  ['中國夢', 'china-dream'],
  ['中国梦', 'china-dream'],
];

describe('built-in pack covers the required terms', () => {
  it.each(REQUIRED)('"%s" leads to %s', (text, id) => {
    expect(byId.has(id), `no entry "${id}"`).toBe(true);
    expect(ownerOf(text)).toBe(id);
  });

  it.each([
    ['사드', 'ko'],
    ['전작권', 'ko'],
    ['中國夢', 'zh-Hant'],
    ['中国梦', 'zh-Hans'],
  ])('tags %s as %s', (text, lang) => {
    const alias = entries.flatMap((entry) => entry.aliases).find((a) => a.text === text);
    expect(alias?.lang).toBe(lang);
  });

  it("keeps THAAD and the Three No's apart, and decoupling apart from derisking", () => {
    expect(ownerOf('THAAD')).not.toBe(ownerOf("Three No's"));
    expect(ownerOf('decoupling')).not.toBe(ownerOf('derisking'));
  });
});

/**
 * Sentences in an explanation. Initials and abbreviations ("U.S.", "D.C.", "e.g.") do not end one;
 * a full stop, question or exclamation mark followed by space or the end (after an optional closing
 * quote or parenthesis) does.
 */
function sentenceCount(text: string): number {
  const masked = text.replace(/\b(?:e\.g|i\.e|etc|vs|No|Mr|Dr|St)\./g, '#').replace(/\b[A-Z]\./g, '#');
  return masked.split(/[.!?]["')”’]?(?=\s|$)/).filter((part) => part.trim()).length;
}

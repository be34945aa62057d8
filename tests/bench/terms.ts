/**
 * Glossaries for the benchmark: the built-in pack, and ~460 synthetic entries that look like a policy
 * glossary (multi-word phrases, many with an acronym), made with a seeded PRNG so every run is the same.
 */

import { builtinPack } from '../../src/glossary/builtin/rok-us-alliance';
import type { Alias } from '../../src/glossary/model';
import type { MatchableEntry } from '../../src/matching';
import { pick, prng } from './util';

/** Every alias text of the built-in pack, as mark.js gets them. */
export const builtinAliasTexts: string[] = [
  ...new Set(builtinPack.entries.flatMap((entry) => entry.aliases.map((alias) => alias.text))),
];

const MODIFIERS = [
  'strategic',
  'regional',
  'maritime',
  'integrated',
  'joint',
  'national',
  'cooperative',
  'collective',
  'conventional',
  'tactical',
  'forward',
  'extended',
  'multilateral',
  'bilateral',
  'trilateral',
  'civil',
  'economic',
  'industrial',
  'technological',
  'advanced',
  'critical',
  'allied',
  'coastal',
  'continental',
  'digital',
  'hybrid',
  'nuclear',
  'space',
  'cyber',
  'undersea',
  'missile',
  'energy',
  'supply chain',
  'defense industrial',
  'host nation',
  'rapid response',
  'early warning',
  'long range',
  'air and missile',
];
const NOUNS = [
  'security',
  'deterrence',
  'defense',
  'readiness',
  'surveillance',
  'reconnaissance',
  'logistics',
  'command',
  'intelligence',
  'resilience',
  'partnership',
  'posture',
  'planning',
  'interoperability',
  'sustainment',
  'procurement',
  'investment',
  'governance',
  'stability',
  'export control',
  'sanctions',
  'mobility',
  'infrastructure',
  'capacity',
  'response',
  'mobilization',
  'innovation',
  'coordination',
  'assistance',
];
const HEADS = [
  'initiative',
  'framework',
  'agreement',
  'dialogue',
  'program',
  'council',
  'directive',
  'review',
  'mechanism',
  'strategy',
  'task force',
  'consultative group',
  'working group',
  'act',
  'architecture',
  'exercise',
  'center',
  'network',
  'roadmap',
  'doctrine',
  'arrangement',
  'commission',
  'fund',
  'office',
];
const PLACES = [
  'Pacific',
  'Indo-Pacific',
  'Northeast Asia',
  'Korean Peninsula',
  'East Asia',
  'Atlantic',
  'Arctic',
  'Southeast Asia',
  'Yellow Sea',
  'East China Sea',
  'Taiwan Strait',
  'Sea of Japan',
  'Baltic',
  'Gulf',
];
/** Capitalised forms that must not become acronyms: they would match ordinary words in title case. */
const STOP = new Set([
  'AND',
  'ARE',
  'BUT',
  'CAN',
  'FOR',
  'HAS',
  'HIS',
  'ITS',
  'NOT',
  'OUR',
  'THE',
  'WAS',
  'WHO',
  'YOU',
  'ALL',
  'ANY',
  'ONE',
  'OUT',
  'SEA',
  'SET',
  'USE',
  'WAR',
  'MAY',
  'NEW',
  'NOW',
  'OLD',
  'SEE',
  'TWO',
  'WAY',
  'DID',
  'GET',
  'HER',
  'HIM',
  'HOW',
  'LET',
  'MAN',
  'SAY',
  'SHE',
  'TOO',
  'ACT',
  'AIM',
  'ART',
  'CAR',
  'DOC',
  'FAN',
]);

const title = (words: string) =>
  words.replace(/(^|[\s-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
const initials = (words: string) =>
  words
    .split(/[\s-]+/)
    .filter((w) => !['and', 'of', 'the'].includes(w.toLowerCase()))
    .map((w) => (w[0] as string).toUpperCase())
    .join('');

const phrase = (text: string): Alias => ({ text, lang: 'en', caseSensitive: false });
const acronym = (text: string): Alias => ({ text, lang: 'en', caseSensitive: true });

/** `count` synthetic entries: phrases of 2–4 words, about 40% with an acronym, a few with a variant. */
export function syntheticEntries(count: number, seed = 0x5eed): MatchableEntry[] {
  const random = prng(seed);
  const out: MatchableEntry[] = [];
  const seenPhrases = new Set<string>();
  const seenAcronyms = new Set<string>(['ROK', 'USFK', 'UNC', 'CFC', 'JCS', 'SMA', 'THAAD', 'OECD', 'CSIS']);
  while (out.length < count) {
    const shape = random();
    let words: string;
    if (shape < 0.35) words = `${pick(random, MODIFIERS)} ${pick(random, NOUNS)}`;
    else if (shape < 0.7) words = `${pick(random, MODIFIERS)} ${pick(random, NOUNS)} ${pick(random, HEADS)}`;
    else if (shape < 0.85) words = `${pick(random, PLACES)} ${pick(random, NOUNS)} ${pick(random, HEADS)}`;
    else words = `${pick(random, NOUNS)} ${pick(random, HEADS)} of the ${pick(random, PLACES)}`;
    const capitalised = random() < 0.5 ? title(words) : words;
    if (seenPhrases.has(capitalised.toLowerCase())) continue;
    seenPhrases.add(capitalised.toLowerCase());
    const aliases: Alias[] = [phrase(capitalised)];
    const short = initials(words);
    if (
      random() < 0.4 &&
      short.length >= 3 &&
      short.length <= 6 &&
      !STOP.has(short) &&
      !seenAcronyms.has(short)
    ) {
      seenAcronyms.add(short);
      aliases.unshift(acronym(short));
    }
    if (random() < 0.15 && words.includes(' ')) aliases.push(phrase(words.replace(' ', '-')));
    out.push({ id: `synthetic-${out.length + 1}`, aliases });
  }
  return out;
}

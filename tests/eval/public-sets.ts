/**
 * Public gold standards for the abbreviation extractor, read from a folder outside the project
 * (`GLOSSA_EVAL_DATA`, by default `../eval-data` beside the checkout), never copied into it:
 *
 * - The four BioC abbreviation corpora of Islamaj Doğan et al., "Finding abbreviations in biomedical
 *   literature: three BioC-compatible modules and four BioC-formatted corpora", Database 2014
 *   (public domain, US Government work): MEDSTRACT, Ab3P, BIOADI and Schwartz & Hearst's own set,
 *   files `medstract_bioc_gold.xml`, `Ab3P_bioc_gold.xml`, `bioadi_bioc_gold.xml`, `SH_bioc_gold.xml`.
 *   Their pairs are linked by relations; each passage is scored on its own.
 * - SDU@AAAI-22 shared task 1, acronym extraction (Veyseh et al. 2022, CC BY-NC-SA 4.0), English
 *   legal (UN documents) and scientific sentences: `sdu/{legal,scientific}-{train,dev}.json`.
 *   It marks acronyms and long forms without linking them; a pair is an acronym and a long form that
 *   stand on either side of one parenthesis ("Long Form (SF)" or "SF (Long Form)"). Its annotators
 *   left many definitions unmarked, so only found pairs whose short form they paired are judged
 *   (the others are counted apart): its precision is that of the long forms.
 *
 * Scores, as the papers give them: a found pair is right (strict) when both forms are exactly the
 * gold ones; lenient when the short form is exact and the long forms differ only at their start (one
 * ends the other: "the Indonesian Armed Forces" for "Indonesian Armed Forces").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDefinitions } from '../../src/page-definitions';

export interface GoldPair {
  short: string;
  long: string;
}

export interface Passage {
  id: string;
  text: string;
  gold: GoldPair[];
  /** Short forms whose pairing the gold does not judge (SDU: not a marked acronym beside a long form). */
  judged?: (short: string) => boolean;
}

export interface PublicSet {
  name: string;
  domain: string;
  passages: Passage[];
}

export interface PublicScore {
  passages: number;
  gold: number;
  found: number;
  unjudged: number;
  strict: { correct: number; precision: number; recall: number; f1: number };
  lenient: { correct: number; precision: number; recall: number; f1: number };
  misses: { id: string; text: string; expected: string; got: string }[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EVAL_DATA = process.env.GLOSSA_EVAL_DATA ?? path.resolve(ROOT, '../eval-data');

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** A BioC collection: each passage's text, and its annotated pairs by their relations. */
export function readBioc(file: string): Passage[] {
  const xml = readFileSync(file, 'utf8');
  const passages: Passage[] = [];
  for (const doc of xml.matchAll(/<document>([\s\S]*?)<\/document>/g)) {
    const docId = /<id>([^<]*)<\/id>/.exec(doc[1] as string)?.[1] ?? '?';
    let n = 0;
    for (const passage of (doc[1] as string).matchAll(/<passage>([\s\S]*?)<\/passage>/g)) {
      const body = passage[1] as string;
      const text = unescapeXml(/<text>([\s\S]*?)<\/text>/.exec(body)?.[1] ?? '');
      const forms = new Map<string, string>();
      for (const a of body.matchAll(/<annotation id="([^"]+)">([\s\S]*?)<\/annotation>/g)) {
        const annotated = /<text>([\s\S]*?)<\/text>/.exec(a[2] as string)?.[1];
        if (annotated !== undefined) forms.set(a[1] as string, unescapeXml(annotated));
      }
      const gold: GoldPair[] = [];
      for (const r of body.matchAll(/<relation id="[^"]+">([\s\S]*?)<\/relation>/g)) {
        const role = (name: string) =>
          new RegExp(`<node refid="([^"]+)" role="${name}"`).exec(r[1] as string)?.[1];
        const short = forms.get(role('ShortForm') ?? '');
        const long = forms.get(role('LongForm') ?? '');
        if (short && long) gold.push({ short, long });
      }
      passages.push({ id: `${docId}.${n++}`, text, gold });
    }
  }
  return passages;
}

interface SduSample {
  text: string;
  acronyms: [number, number][];
  'long-forms': [number, number][];
  ID: string;
}

/** An SDU acronym-extraction file: pairs are an acronym and a long form across one parenthesis. */
export function readSdu(file: string): Passage[] {
  const samples = JSON.parse(readFileSync(file, 'utf8')) as SduSample[];
  return samples.map((sample) => {
    const { text } = sample;
    const gold: GoldPair[] = [];
    const paired = new Set<string>();
    const between = (from: number, to: number) => (from <= to ? text.slice(from, to) : '\u0000');
    for (const [as, ae] of sample.acronyms) {
      for (const [ls, le] of sample['long-forms']) {
        const before = /^\s*[(（]\s*$/.test(between(le, as)) && /^\s*[)）]/.test(text.slice(ae));
        const after = /^\s*[(（]\s*$/.test(between(ae, ls)) && /^\s*[)）]/.test(text.slice(le));
        if (before || after) {
          gold.push({ short: text.slice(as, ae), long: text.slice(ls, le) });
          paired.add(text.slice(as, ae));
        }
      }
    }
    // Judged: a short form the annotators paired, right or wrong. Unjudged: one they marked as an
    // acronym with no long form beside it, or did not mark at all: they left out many definitions
    // ("named entity recognition (NER)" unmarked in sentence after sentence), so a found pair there
    // cannot be called wrong. The BioC corpora, which mark every pair, measure precision in full.
    const judged = (short: string) => paired.has(short);
    return { id: sample.ID, text, gold, judged };
  });
}

/** Every public set present under `dir`, by the files named above. */
export function loadPublicSets(dir = EVAL_DATA): PublicSet[] {
  const sets: PublicSet[] = [];
  const bioc: [string, string][] = [
    ['MEDSTRACT', 'medstract_bioc_gold.xml'],
    ['Ab3P', 'Ab3P_bioc_gold.xml'],
    ['BIOADI', 'bioadi_bioc_gold.xml'],
    ['Schwartz & Hearst', 'SH_bioc_gold.xml'],
  ];
  for (const [name, file] of bioc) {
    const at = path.join(dir, file);
    if (existsSync(at)) sets.push({ name, domain: 'biomedical abstracts', passages: readBioc(at) });
  }
  for (const domain of ['legal', 'scientific']) {
    // The released test files carry no labels.
    for (const split of ['train', 'dev']) {
      const at = path.join(dir, 'sdu', `${domain}-${split}.json`);
      if (existsSync(at))
        sets.push({
          name: `SDU ${domain} ${split}`,
          domain: domain === 'legal' ? 'UN and legal' : 'scientific',
          passages: readSdu(at),
        });
    }
  }
  return sets;
}

const ratio = (a: number, b: number) => (b ? a / b : 1);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Lenient: the same short form, and long forms that differ only at their start. */
function lenientMatch(got: GoldPair, gold: GoldPair): boolean {
  if (got.short !== gold.short) return false;
  const a = got.long.toLowerCase();
  const b = gold.long.toLowerCase();
  return a.endsWith(b) || b.endsWith(a);
}

export function scorePublicSet(set: PublicSet): PublicScore {
  let gold = 0;
  let found = 0;
  let unjudged = 0;
  let strict = 0;
  let lenient = 0;
  let lenientGold = 0;
  const misses: PublicScore['misses'] = [];
  for (const passage of set.passages) {
    const got = findDefinitions(passage.text).map(({ short, long }) => ({ short, long }));
    const judgedGot = passage.judged ? got.filter((d) => passage.judged?.(d.short)) : got;
    unjudged += got.length - judgedGot.length;
    gold += passage.gold.length;
    found += judgedGot.length;
    const strictLeft = [...passage.gold];
    const lenientLeft = [...passage.gold];
    let ok = 0;
    for (const d of judgedGot) {
      const s = strictLeft.findIndex((g) => g.short === d.short && g.long === d.long);
      if (s >= 0) {
        strictLeft.splice(s, 1);
        strict++;
        ok++;
      }
      const l = lenientLeft.findIndex((g) => lenientMatch(d, g));
      if (l >= 0) {
        lenientLeft.splice(l, 1);
        lenient++;
      }
    }
    lenientGold += passage.gold.length;
    if (ok !== passage.gold.length || ok !== judgedGot.length) {
      misses.push({
        id: passage.id,
        text: passage.text,
        expected: passage.gold.map((g) => `${g.short} = ${g.long}`).join('; ') || '—',
        got: judgedGot.map((g) => `${g.short} = ${g.long}`).join('; ') || '—',
      });
    }
  }
  const sp = ratio(strict, found);
  const sr = ratio(strict, gold);
  const lp = ratio(lenient, found);
  const lr = ratio(lenient, lenientGold);
  return {
    passages: set.passages.length,
    gold,
    found,
    unjudged,
    strict: { correct: strict, precision: sp, recall: sr, f1: f1(sp, sr) },
    lenient: { correct: lenient, precision: lp, recall: lr, f1: f1(lp, lr) },
    misses,
  };
}

/**
 * Generated stress pages for the benchmark, made with a seeded PRNG: long articles of plausible English
 * policy-news sentences (with some glossary terms among them), a page of 100k text nodes, and a page
 * whose own script keeps appending paragraphs.
 */
import { pick, prng } from './util';

const SUBJECTS = [
  'The ministry',
  'Officials in Seoul',
  'Analysts in Washington',
  'The defense minister',
  'A senior diplomat',
  'The committee',
  'Lawmakers',
  'The alliance',
  'Military planners',
  'The government',
  'Negotiators',
  'Researchers at the institute',
  'The president',
  'Both capitals',
  'The joint staff',
  'Industry leaders',
];
const VERBS = [
  'said on Tuesday that',
  'argued that',
  'warned that',
  'noted in a statement that',
  'had long insisted that',
  'acknowledged that',
  'told reporters that',
  'concluded that',
  'suggested that',
  'made clear that',
];
const CLAUSES = [
  'the talks would resume next month',
  'the budget would grow by about four percent',
  'cooperation had to adapt to a changing security environment',
  'deterrence depended on credible commitments',
  'the exercise would go ahead as planned',
  'supply chains for semiconductors needed to be diversified',
  'regional tensions were rising faster than expected',
  'the shipbuilding agreement could create thousands of jobs',
  'the transition would take several more years',
  'public support for the alliance remained strong',
  'the region faced threats that no country could meet alone',
  'new sanctions would be coordinated with partners in Europe',
];
const TAILS = [
  'according to people familiar with the discussions',
  'despite objections from the opposition',
  'after months of negotiation',
  'while markets reacted calmly',
  'in a speech at the National Assembly',
  'ahead of the summit in the autumn',
  'as the parliament prepared its annual review',
];
/** Glossary terms as articles write them (built-in pack aliases, in varied case and spelling). */
const TERMS = [
  'THAAD',
  'U.S. Forces Korea',
  'USFK',
  'the UN Command',
  'extended deterrence',
  'the nuclear umbrella',
  'wartime operational control',
  'OPCON transition',
  'the Combined Forces Command',
  'strategic flexibility',
  'the Indo-Pacific strategy',
  'defense cost-sharing',
  'the Special Measures Agreement',
  'the OECD',
  'the first island chain',
  'rare earth elements',
  'anti-dumping duties',
  'the new Cold War',
  'the ROK-U.S. alliance',
  'CSIS',
  'the Senkaku Islands',
  'anti-access/area denial',
  'the MASGA project',
  'secondary batteries',
  'the Mutual Defense Treaty',
  'Terminal High Altitude Area Defense',
];
const TERM_SENTENCES = [
  (t: string) => `Debate over ${t} dominated the hearing.`,
  (t: string) => `Few issues divide experts as sharply as ${t}.`,
  (t: string) => `The report devotes a chapter to ${t} and its costs.`,
  (t: string) => `Critics say ${t} has been misunderstood for years.`,
  (t: string) => `Any change to ${t} would need the approval of both governments.`,
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class SentenceMaker {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = prng(seed);
  }
  sentence(): string {
    const r = this.random;
    if (r() < 0.12) return capitalise(pick(r, TERM_SENTENCES)(pick(r, TERMS)));
    const base = `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, CLAUSES)}`;
    return `${r() < 0.5 ? `${base}, ${pick(r, TAILS)}` : base}.`;
  }
  paragraph(min = 3, max = 7): string {
    const n = min + Math.floor(this.random() * (max - min + 1));
    return Array.from({ length: n }, () => this.sentence()).join(' ');
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  word(): string {
    return pick(this.random, ['policy', 'alliance', 'treaty', 'security', 'budget', 'summit', 'review']);
  }
  term(): string {
    return pick(this.random, TERMS);
  }
}

const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main>${script}</body></html>`;

/** An article of about `chars` characters of text in paragraphs, some with inline markup. */
export function articlePage(chars: number, seed: number): string {
  const maker = new SentenceMaker(seed);
  const parts: string[] = [];
  let total = 0;
  let count = 0;
  while (total < chars) {
    if (count % 25 === 0) {
      const heading = `Section ${count / 25 + 1}: ${capitalise(maker.word())} and ${maker.word()}`;
      parts.push(`<h2>${heading}</h2>`);
      total += heading.length;
    }
    const text = maker.paragraph();
    total += text.length;
    if (maker.chance(0.3)) {
      // Some emphasis and a link, as articles have: splits the paragraph into several text nodes.
      const cut = text.indexOf(' ', text.length >> 1);
      const term = maker.term();
      parts.push(
        `<p>${text.slice(0, cut)} <em>${term}</em> <a href="#n${count}">${text.slice(cut + 1)}</a></p>`,
      );
      total += term.length + 1;
    } else {
      parts.push(`<p>${text}</p>`);
    }
    count++;
  }
  return page(`Stress: ${(chars / 1e6).toFixed(0)} MB of text`, parts.join('\n'));
}

/** `paragraphs` paragraphs of five text nodes each (text, link, text, emphasis, text): 5 × paragraphs nodes. */
export function manyNodesPage(paragraphs: number, seed: number): string {
  const maker = new SentenceMaker(seed);
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(
      `<p>${maker.sentence()} <a href="#p${i}">${maker.chance(0.1) ? maker.term() : maker.word()}</a> and <em>${maker.word()}</em> ${maker.sentence()}</p>`,
    );
  }
  // No whitespace between paragraphs: every text node is one of the five per paragraph (plus the title).
  return page(`Stress: ${paragraphs * 5} text nodes`, parts.join(''));
}

/**
 * A page that starts with `initial` paragraphs and, when `window.__startAppending()` is called, appends
 * `batches` batches of `perBatch` paragraphs, one batch every `intervalMs`. Each appended paragraph has
 * three text nodes. The promise resolves with the number of text nodes added.
 */
export function dynamicPage(
  initial: number,
  batches: number,
  perBatch: number,
  intervalMs: number,
  seed: number,
): string {
  const maker = new SentenceMaker(seed);
  const body = Array.from({ length: initial }, () => `<p>${maker.paragraph()}</p>`).join('\n');
  const pool = Array.from({ length: 200 }, () => [maker.paragraph(1, 3), maker.term(), maker.sentence()]);
  const script = `<script>
const POOL = ${JSON.stringify(pool)};
window.__startAppending = () => new Promise((resolve) => {
  const main = document.querySelector('main');
  let batch = 0, added = 0, n = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < ${perBatch}; i++) {
      const [a, term, b] = POOL[n++ % POOL.length];
      const p = document.createElement('p');
      p.append(a + ' ', Object.assign(document.createElement('strong'), { textContent: term }), ' ' + b);
      main.append(p);
      added += 3;
    }
    if (++batch === ${batches}) { clearInterval(timer); resolve({ added, paragraphs: n }); }
  }, ${intervalMs});
});
</script>`;
  return page('Stress: dynamic appends', body, script);
}

/**
 * `npm run eval:extract`: precision and recall of the abbreviation extractor on the labelled set,
 * overall and by domain, then every case it gets wrong.
 */
import { evaluate, loadCases } from './definitions-eval';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const { overall, byDomain, misses } = evaluate(loadCases());

console.log('Abbreviation definitions: tests/fixtures/abbreviations/definitions.json\n');
console.log('| domain | cases | definitions | found | correct | precision | recall |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [domain, s] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `| ${domain} | ${s.cases} | ${s.expected} | ${s.found} | ${s.correct} | ${percent(s.precision)} | ${percent(s.recall)} |`,
  );
}
const o = overall;
console.log(
  `| **all** | ${o.cases} | ${o.expected} | ${o.found} | ${o.correct} | **${percent(o.precision)}** | **${percent(o.recall)}** |`,
);
console.log(`\nTargets: precision ≥ 97%, recall ≥ 90%.`);
if (misses.length) {
  console.log(`\n${misses.length} cases not exactly right:`);
  for (const miss of misses)
    console.log(`- ${miss.id}: expected ${miss.expected}; got ${miss.got}\n    ${miss.text}`);
}

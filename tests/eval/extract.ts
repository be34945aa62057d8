/**
 * `npm run eval:extract`: precision and recall of the abbreviation extractor on the labelled set,
 * overall and by domain, then on every public gold standard found (see public-sets.ts), then the
 * cases it gets wrong (`--misses` for every public set's too).
 */
import { evaluate, loadCases } from './definitions-eval';
import { EVAL_DATA, loadPublicSets, scorePublicSet } from './public-sets';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const { overall, byDomain, misses } = evaluate(loadCases());
const showPublicMisses = process.argv.includes('--misses');

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
console.log(`\nTargets: precision ≥ 98%, recall ≥ 95%.`);

const sets = loadPublicSets();
if (sets.length === 0) {
  console.log(
    `\nPublic gold standards: none found in ${EVAL_DATA} (set GLOSSA_EVAL_DATA; see tests/eval/public-sets.ts).`,
  );
} else {
  console.log(
    `\nPublic gold standards (${EVAL_DATA}); strict: both forms exact; lenient: long form may differ at its start.\n`,
  );
  console.log(
    '| set | domain | passages | pairs | found | unjudged | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const total = { gold: 0, found: 0, strict: 0, lenient: 0 };
  const scored = sets.map((set) => ({ set, score: scorePublicSet(set) }));
  for (const { set, score } of scored) {
    const { strict: s, lenient: l } = score;
    console.log(
      `| ${set.name} | ${set.domain} | ${score.passages} | ${score.gold} | ${score.found} | ${score.unjudged} | ${percent(s.precision)} | ${percent(s.recall)} | ${percent(s.f1)} | ${percent(l.precision)} | ${percent(l.recall)} | ${percent(l.f1)} |`,
    );
    total.gold += score.gold;
    total.found += score.found;
    total.strict += s.correct;
    total.lenient += l.correct;
  }
  const p = (x: number) => percent(total.found ? x / total.found : 1);
  const r = (x: number) => percent(total.gold ? x / total.gold : 1);
  console.log(
    `| **all** | | | ${total.gold} | ${total.found} | | **${p(total.strict)}** | **${r(total.strict)}** | | **${p(total.lenient)}** | **${r(total.lenient)}** | |`,
  );
  console.log('\nTargets (issue #15): precision ≥ 97%, recall ≥ 85% on every domain.');
  if (showPublicMisses) {
    for (const { set, score } of scored) {
      console.log(`\n## ${set.name}: ${score.misses.length} passages not exactly right`);
      for (const miss of score.misses)
        console.log(`- ${miss.id}: expected ${miss.expected}; got ${miss.got}`);
    }
  }
}
if (misses.length) {
  console.log(`\n${misses.length} labelled cases not exactly right:`);
  for (const miss of misses)
    console.log(`- ${miss.id}: expected ${miss.expected}; got ${miss.got}\n    ${miss.text}`);
}

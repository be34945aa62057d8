/**
 * Scores the abbreviation extractor against the labelled set in tests/fixtures/abbreviations: a
 * definition counts as found when both its short and its long form are exactly right.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDefinitions } from '../../src/page-definitions';

export interface LabelledCase {
  id: string;
  domain: string;
  text: string;
  expected: { short: string; long: string }[];
  note?: string;
}

export interface Score {
  cases: number;
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  overall: Score;
  byDomain: Map<string, Score>;
  misses: { id: string; text: string; expected: string; got: string }[];
}

export const DATASET = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/abbreviations/definitions.json',
);

export function loadCases(file = DATASET): LabelledCase[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { cases: LabelledCase[] }).cases;
}

const key = (d: { short: string; long: string }) => `${d.short} = ${d.long}`;

function emptyScore(): Score {
  return { cases: 0, expected: 0, found: 0, correct: 0, precision: 1, recall: 1 };
}

function finish(score: Score): Score {
  score.precision = score.found ? score.correct / score.found : 1;
  score.recall = score.expected ? score.correct / score.expected : 1;
  return score;
}

export function evaluate(cases: LabelledCase[]): Evaluation {
  const overall = emptyScore();
  const byDomain = new Map<string, Score>();
  const misses: Evaluation['misses'] = [];
  for (const item of cases) {
    const got = findDefinitions(item.text).map((d) => key(d));
    const expected = item.expected.map(key);
    const correct = got.filter((g) => expected.includes(g)).length;
    for (const score of [overall, byDomain.get(item.domain) ?? emptyScore()]) {
      score.cases++;
      score.expected += expected.length;
      score.found += got.length;
      score.correct += correct;
      if (score !== overall) byDomain.set(item.domain, score);
    }
    if (correct !== expected.length || correct !== got.length) {
      misses.push({
        id: item.id,
        text: item.text,
        expected: expected.join('; ') || '—',
        got: got.join('; ') || '—',
      });
    }
  }
  finish(overall);
  for (const score of byDomain.values()) finish(score);
  return { overall, byDomain, misses };
}

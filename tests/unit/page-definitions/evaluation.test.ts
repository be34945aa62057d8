import { describe, expect, it } from 'vitest';
import { evaluate, loadCases } from '../../eval/definitions-eval';

describe('the extractor on the labelled set (tests/fixtures/abbreviations)', () => {
  const cases = loadCases();
  const { overall, byDomain } = evaluate(cases);

  it('has at least 150 definition sentences across news, defense, science and Korean, and negatives', () => {
    expect(cases.filter((c) => c.expected.length > 0).length).toBeGreaterThanOrEqual(150);
    expect([...byDomain.keys()].sort()).toEqual(['defense', 'korean', 'negative', 'news', 'science']);
    expect(byDomain.get('negative')?.cases).toBeGreaterThanOrEqual(50);
  });

  it('meets the targets: precision ≥ 97%, recall ≥ 90% (npm run eval:extract shows the misses)', () => {
    expect(overall.precision).toBeGreaterThanOrEqual(0.97);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing in the negatives', () => {
    expect(byDomain.get('negative')?.found).toBe(0);
  });
});

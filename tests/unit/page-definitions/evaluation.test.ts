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

  it('meets the targets: precision ≥ 98%, recall ≥ 95% (npm run eval:extract shows the misses)', () => {
    expect(overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('has a case for every shape of issue #15 (definitions without parentheses, dots, numbers, …)', () => {
    const shapes = cases.filter((c) => c.note?.startsWith('issue #15 shape'));
    expect(shapes.length).toBeGreaterThanOrEqual(30);
    expect(shapes.some((c) => c.domain === 'korean')).toBe(true);
  });

  it('finds nothing in the negatives', () => {
    expect(byDomain.get('negative')?.found).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { badgeFor, type FrameReport, tabTerms, withFrameReport } from '../../../src/toolbar';

const report = (
  terms: Record<string, number>,
  at: number,
  timeOrigin = 1000,
  enabled = true,
): FrameReport => ({
  enabled,
  terms: Object.entries(terms).map(([entryId, count]) => ({ entryId, count })),
  timeOrigin,
  receivedAt: at,
});

describe('tab terms', () => {
  it('adds up the frames of a tab; each term points at the first frame that has it', () => {
    let state = withFrameReport(undefined, 0, report({ thaad: 2, opcon: 1 }, 2000));
    state = withFrameReport(state, 5, report({ thaad: 3, usfk: 1 }, 2100, 1500));
    expect(tabTerms(state)).toEqual([
      { entryId: 'thaad', count: 5, frameId: 0 },
      { entryId: 'opcon', count: 1, frameId: 0 },
      { entryId: 'usfk', count: 1, frameId: 5 },
    ]);
    expect(badgeFor(state)).toEqual({ text: '3', icon: 'on' });
  });

  it('a frame’s new report replaces its old one', () => {
    let state = withFrameReport(undefined, 0, report({ thaad: 2 }, 2000));
    state = withFrameReport(state, 0, report({ opcon: 1 }, 2500));
    expect(tabTerms(state).map((t) => t.entryId)).toEqual(['opcon']);
  });

  it('a new page in the top frame drops frames of the old page, and keeps frames of the new one', () => {
    let state = withFrameReport(undefined, 0, report({ thaad: 1 }, 2000, 1000));
    state = withFrameReport(state, 3, report({ usfk: 1 }, 2100, 1100));
    // Navigation starts at 5000; a frame of the new page reports before its top frame does.
    state = withFrameReport(state, 7, report({ masga: 1 }, 5200, 5100));
    state = withFrameReport(state, 0, report({ opcon: 1 }, 5300, 5000));
    expect(Object.keys(state).sort()).toEqual(['0', '7']);
    expect(tabTerms(state).map((t) => t.entryId)).toEqual(['masga', 'opcon']);
  });

  it('shows an empty badge and the off icon where Glossa is off for the site', () => {
    const state = withFrameReport(undefined, 0, report({}, 2000, 1000, false));
    expect(badgeFor(state)).toEqual({ text: '', icon: 'off' });
    expect(badgeFor(undefined)).toEqual({ text: '', icon: 'on' });
  });

  it('ignores frames that are off and terms counted zero', () => {
    let state = withFrameReport(undefined, 0, report({ thaad: 0 }, 2000));
    state = withFrameReport(state, 2, report({ opcon: 4 }, 2000, 1000, false));
    expect(tabTerms(state)).toEqual([]);
  });
});

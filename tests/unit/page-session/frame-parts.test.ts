/** The smaller parts of a frame's life: its reports, first-mention marks, and whether it starts at all. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../../src/page-scanning';
import { precedes } from '../../../src/page-scanning/mention-order';
import { FirstMentions } from '../../../src/page-session/first-mentions';
import {
  FRAME_TEXT_WORTH_SCANNING,
  startWhenWorthScanning,
  textAtLeast,
} from '../../../src/page-session/frame-boot';
import { type FrameReport, FrameReporter } from '../../../src/page-session/frame-reporter';

describe('FrameReporter', () => {
  it('sends what changed, never the same twice', () => {
    const sent: FrameReport[] = [];
    const reporter = new FrameReporter(true, async (report) => void sent.push(report));
    reporter.report({ enabled: true, terms: [] });
    reporter.report({ enabled: true, terms: [] });
    reporter.report({ enabled: true, terms: [{ entryId: 'thaad', count: 2 }] });
    reporter.report({ enabled: true, terms: [{ entryId: 'thaad', count: 2 }] });
    reporter.report({ enabled: false, terms: [] });
    expect(sent.map((r) => [r.enabled, r.terms.length])).toEqual([
      [true, 0],
      [true, 1],
      [false, 0],
    ]);
  });

  it('keeps a subframe with nothing to say silent, and says "nothing now" once it said something', () => {
    const sent: FrameReport[] = [];
    const reporter = new FrameReporter(false, async (report) => void sent.push(report));
    reporter.report({ enabled: true, terms: [] });
    expect(sent).toEqual([]);
    reporter.report({ enabled: true, terms: [{ entryId: 'opcon', count: 1 }] });
    reporter.report({ enabled: true, terms: [] });
    expect(sent.map((r) => r.terms.length)).toEqual([1, 0]);
  });

  it('sends again after a report that failed (the background was restarting)', async () => {
    let fail = true;
    const sent: FrameReport[] = [];
    const reporter = new FrameReporter(true, async (report) => {
      if (fail) throw new Error('no receiver');
      sent.push(report);
    });
    reporter.report({ enabled: true, terms: [] });
    await Promise.resolve();
    await Promise.resolve();
    fail = false;
    reporter.report({ enabled: true, terms: [] });
    expect(sent).toHaveLength(1);
  });
});

describe('FirstMentions', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  /** Mentions of `entryId` at each text node of the body, in document order. */
  function mentionsIn(html: string, entryOf: (i: number) => string): Mention[] {
    document.body.innerHTML = html;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out: Mention[] = [];
    for (
      let node = walker.nextNode() as Text | null, i = 0;
      node;
      node = walker.nextNode() as Text | null, i++
    ) {
      out.push({
        entryId: entryOf(i),
        startNode: node,
        startOffset: 0,
        endNode: node,
        endOffset: 1,
        nodes: [node],
      });
    }
    return out;
  }

  it('marks the first mention of each entry in document order, whatever order they come in', () => {
    const [a, b, c, d] = mentionsIn('<p>a</p><p>b</p><p>c</p><p>d</p>', (i) =>
      i % 2 ? 'y' : 'x',
    ) as Mention[];
    const firsts = new FirstMentions();
    expect(firsts.added([c as Mention, d as Mention])).toEqual({ mark: [c, d], unmark: [] });
    // Earlier mentions found later (a rescan above): they take the marks.
    const changes = firsts.added([b as Mention, a as Mention]);
    expect(new Set(changes.mark)).toEqual(new Set([a, b]));
    expect(new Set(changes.unmark)).toEqual(new Set([c, d]));
    expect(firsts.marked.get('x')).toBe(a);
    expect(precedes(a as Mention, c as Mention)).toBe(true);
    expect(precedes(c as Mention, a as Mention)).toBe(false);
  });

  it('hands the mark on when the first mention leaves, and drops the entry with its last', () => {
    const [a, b, c] = mentionsIn('<p>a</p><p>b</p><p>c</p>', () => 'x') as Mention[];
    const firsts = new FirstMentions();
    firsts.added([a as Mention, b as Mention, c as Mention]);
    const rest = [b, c] as Mention[];
    expect(firsts.removed([a as Mention], () => rest)).toEqual({ mark: [b], unmark: [a] });
    expect(firsts.removed([c as Mention], () => [b as Mention])).toEqual({ mark: [], unmark: [] });
    expect(firsts.removed([b as Mention], () => [])).toEqual({ mark: [], unmark: [b] });
    expect(firsts.marked.size).toBe(0);
  });
});

describe('startWhenWorthScanning', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const line = 'Sponsored: the offers of the week.';
  const paragraph = 'A paragraph of real text. '.repeat(10);

  it('counts text outside scripts and styles, up to what it needs', () => {
    document.body.innerHTML = `<p>${line}</p><script>${'x'.repeat(500)}</script>`;
    expect(textAtLeast(document, FRAME_TEXT_WORTH_SCANNING)).toBe(false);
    document.body.innerHTML = `<p>${paragraph}</p>`;
    expect(textAtLeast(document, FRAME_TEXT_WORTH_SCANNING)).toBe(true);
  });

  it('starts the top frame at once, whatever it holds', () => {
    document.body.innerHTML = '';
    const start = vi.fn();
    startWhenWorthScanning(window, document, start);
    expect(start).toHaveBeenCalledOnce();
  });

  it('keeps a frame with a line idle, and starts it once a paragraph arrives (looking at most once a second)', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<p>${line}</p>`;
    const start = vi.fn();
    // A frame: its top is another window.
    const frame = { top: {} } as unknown as Window;
    startWhenWorthScanning(frame, document, start);
    expect(start).not.toHaveBeenCalled();
    document.body.append(document.createTextNode(' more'));
    await vi.advanceTimersByTimeAsync(1100);
    expect(start).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = paragraph;
    document.body.append(p);
    await vi.advanceTimersByTimeAsync(500);
    expect(start).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(start).toHaveBeenCalledOnce();
  });
});

/**
 * whenIdle() while a sliced scan is paused. The pause between slices is the seam: yieldToPage is
 * replaced by a promise the test resolves, so a scan can be held between two slices for as long as the
 * test needs, while the page changes and the incremental rescan runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageScanner } from '../../../src/page-scanning';
import { matcher, Recorder, sleep } from './fixtures';

const gate = vi.hoisted(() => {
  let waiting: (() => void)[] = [];
  return {
    yieldToPage: () => new Promise<void>((resolve) => waiting.push(resolve)),
    /** Lets every paused scan take its next slice. */
    release() {
      const now = waiting;
      waiting = [];
      for (const resolve of now) resolve();
    },
    get paused() {
      return waiting.length;
    },
  };
});

vi.mock('../../../src/page-scanning/yield-to-page', () => ({ yieldToPage: gate.yieldToPage }));

let scanner: PageScanner | undefined;

beforeEach(() => {
  performance.clearMeasures();
});

afterEach(() => {
  scanner?.stop();
  gate.release();
});

describe('PageScanner.whenIdle', () => {
  it('waits for a paused full scan even when a rescan of a change finishes meanwhile', async () => {
    let html = '';
    for (let i = 0; i < 2000; i++) html += `<p>THAAD ${i}</p>`;
    document.body.innerHTML = `<main>${html}</main>`;
    const recorder = new Recorder();
    scanner = new PageScanner(document, {
      matcher,
      added: recorder.added,
      removed: recorder.removed,
      sliceMs: 0,
    });
    let started = false;
    void scanner.start().then(() => {
      started = true;
    });
    expect(gate.paused).toBe(1);

    // The page changes; its rescan (one small paragraph) runs while the full scan is held.
    const p = document.createElement('p');
    p.textContent = 'UNC';
    document.body.append(p);
    await sleep(140);
    expect(performance.getEntriesByName('glossa:rescan', 'measure').length).toBeGreaterThan(0);

    let idle = false;
    const waiting = scanner.whenIdle().then(() => {
      idle = true;
    });
    await sleep(20);
    expect(idle).toBe(false);
    expect(started).toBe(false);

    // Let the full scan run to its end.
    while (!started) {
      gate.release();
      await sleep(0);
    }
    await waiting;
    expect(idle).toBe(true);
    expect(scanner.mentions.size).toBe(2001);
    expect(recorder.errors).toEqual([]);
  });

  it('resolves at once when nothing is under way', async () => {
    document.body.innerHTML = '<p>THAAD</p>';
    scanner = new PageScanner(document, { matcher, added: () => {}, removed: () => {} });
    await scanner.whenIdle();
    await scanner.start();
    let idle = false;
    await scanner.whenIdle().then(() => {
      idle = true;
    });
    expect(idle).toBe(true);
  });

  it('lets a scan stopped between slices end without touching the store again', async () => {
    let html = '';
    for (let i = 0; i < 2000; i++) html += `<p>THAAD ${i}</p>`;
    document.body.innerHTML = html;
    const recorder = new Recorder();
    scanner = new PageScanner(document, {
      matcher,
      added: recorder.added,
      removed: recorder.removed,
      sliceMs: 0,
    });
    const run = scanner.start();
    expect(gate.paused).toBe(1);
    const partial = scanner.mentions.size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(2000);
    scanner.stop();
    gate.release();
    await run;
    await scanner.whenIdle();
    expect(scanner.mentions.size).toBe(0);
    expect(recorder.live.size).toBe(0);
    expect(recorder.errors).toEqual([]);
    expect(performance.getEntriesByName('glossa:scan', 'measure')).toEqual([]);
  });
});

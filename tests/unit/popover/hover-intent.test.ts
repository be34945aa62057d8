import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../../src/popover';

describe('HoverIntent', () => {
  let shown: string[];
  let hidden: number;
  let intent: HoverIntent<string>;

  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    hidden = 0;
    intent = new HoverIntent<string>({
      showDelay: 300,
      hideDelay: 300,
      show: (target) => shown.push(target),
      hide: () => hidden++,
    });
  });

  it('shows only after the pointer rests on a mention for the delay', () => {
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(299);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['thaad']);
    expect(intent.current).toBe('thaad');
  });

  it('shows nothing when the pointer merely passes over a mention', () => {
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(150);
    intent.pointerAt(null);
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([]);
  });

  it('restarts the delay when the pointer moves to another mention', () => {
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(200);
    intent.pointerAt('opcon');
    vi.advanceTimersByTime(200);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(shown).toEqual(['opcon']);
  });

  it('hides shortly after the pointer leaves the mention and the popover', () => {
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(300);
    intent.pointerAt(null);
    vi.advanceTimersByTime(299);
    expect(hidden).toBe(0);
    vi.advanceTimersByTime(1);
    expect(hidden).toBe(1);
    expect(intent.current).toBeNull();
  });

  it('stays open while the pointer travels into the popover', () => {
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(300);
    intent.pointerAt(null);
    vi.advanceTimersByTime(100);
    intent.pointerInPopover(true);
    vi.advanceTimersByTime(2000);
    expect(hidden).toBe(0);
    intent.pointerInPopover(false);
    vi.advanceTimersByTime(300);
    expect(hidden).toBe(1);
  });

  it('keeps a pinned popover whatever the pointer does, until reset', () => {
    intent.pin('thaad');
    intent.pointerAt(null);
    intent.pointerAt('opcon');
    vi.advanceTimersByTime(5000);
    expect(shown).toEqual([]);
    expect(hidden).toBe(0);
    expect(intent.isPinned).toBe(true);
    intent.reset();
    expect(hidden).toBe(1);
    expect(intent.isPinned).toBe(false);
  });

  it('returning to the shown mention cancels a pending hide', () => {
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(300);
    intent.pointerAt(null);
    vi.advanceTimersByTime(200);
    intent.pointerAt('thaad');
    vi.advanceTimersByTime(1000);
    expect(hidden).toBe(0);
    expect(shown).toEqual(['thaad']);
  });
});

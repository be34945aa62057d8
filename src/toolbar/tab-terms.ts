/**
 * What each tab mentions, frame by frame, as the content scripts report it: the toolbar badge counts
 * the distinct terms, and the popup lists them. Pure state, no extension APIs; the background keeps it
 * in `storage.session` so that a restarted service worker still knows.
 */
import type { FrameTermCount, TermCount } from '../messaging';

export interface FrameReport {
  enabled: boolean;
  terms: TermCount[];
  /** `performance.timeOrigin` of the frame's document: when its navigation began (epoch ms). */
  timeOrigin: number;
  /** When the background received the report (epoch ms). */
  receivedAt: number;
}

/** frameId → its latest report. */
export type TabState = Record<string, FrameReport>;

/**
 * The tab's state after a frame's report. A new top-frame document (a navigation) drops every subframe
 * that last reported before that navigation began: those frames belonged to the previous page.
 */
export function withFrameReport(state: TabState | undefined, frameId: number, report: FrameReport): TabState {
  const next: TabState = { ...(state ?? {}) };
  const previousTop = next['0'];
  if (frameId === 0 && previousTop && previousTop.timeOrigin !== report.timeOrigin) {
    for (const [id, frame] of Object.entries(next)) {
      if (id !== '0' && frame.receivedAt < report.timeOrigin) delete next[id];
    }
  }
  next[String(frameId)] = report;
  return next;
}

/** Every frame's terms, with the frame that holds each (its first frame in frame order). */
export function tabTerms(state: TabState | undefined): FrameTermCount[] {
  const byEntry = new Map<string, FrameTermCount>();
  const frames = Object.entries(state ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  for (const [frameId, report] of frames) {
    if (!report.enabled) continue;
    for (const { entryId, count, term } of report.terms) {
      const known = byEntry.get(entryId);
      if (known) known.count += count;
      else if (count > 0)
        byEntry.set(entryId, { entryId, count, frameId: Number(frameId), ...(term ? { term } : {}) });
    }
  }
  return [...byEntry.values()].sort((a, b) => b.count - a.count || a.entryId.localeCompare(b.entryId));
}

export interface BadgeState {
  /** The badge text: the number of distinct terms, or '' for none. */
  text: string;
  /** The icon: 'off' where Glossa is off for the tab's site (or paused). */
  icon: 'on' | 'off';
}

export function badgeFor(state: TabState | undefined): BadgeState {
  const top = state?.['0'];
  const enabled = top ? top.enabled : true;
  const distinct = enabled ? tabTerms(state).length : 0;
  return {
    text: distinct > 0 ? (distinct > 999 ? '999+' : String(distinct)) : '',
    icon: enabled ? 'on' : 'off',
  };
}

/**
 * The background's side of the toolbar: keeps each tab's frame reports (in `storage.session`, so a
 * service worker restarted by the browser still knows them), sets the badge and the icon, and answers
 * the popup's question "what does this tab mention".
 */
import { browser } from 'wxt/browser';
import { handleMessages, type Sender } from '../messaging';
import { iconPaths } from './icon-paths';
import { badgeFor, type TabState, tabTerms, withFrameReport } from './tab-terms';

const BADGE_COLOR = '#1d3557';
const keyOf = (tabId: number) => `tab-terms:${tabId}`;

/** Reports of one tab are applied one after another: each is a read-modify-write of its state. */
const queues = new Map<number, Promise<unknown>>();
function serialised<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(tabId, tail);
  void tail.then(() => {
    if (queues.get(tabId) === tail) queues.delete(tabId);
  });
  return run;
}

async function readTab(tabId: number): Promise<TabState | undefined> {
  const key = keyOf(tabId);
  const stored = await browser.storage.session.get(key);
  const value = stored[key];
  return value && typeof value === 'object' ? (value as TabState) : undefined;
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const badge = badgeFor(state);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setIcon({ tabId, path: iconPaths(badge.icon) }),
  ]);
}

export function startTabTracking(): void {
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => {});
  handleMessages({
    'frame-terms': (report, sender: Sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return null;
      const frameId = sender.frameId ?? 0;
      return serialised(tabId, async () => {
        const next = withFrameReport(await readTab(tabId), frameId, {
          enabled: report.enabled,
          terms: report.terms,
          timeOrigin: report.timeOrigin,
          receivedAt: Date.now(),
        });
        await browser.storage.session.set({ [keyOf(tabId)]: next });
        // The tab may have closed meanwhile; its badge then does not matter.
        await showBadge(tabId, next).catch(() => {});
        return null;
      });
    },
    'tab-terms': ({ tabId }) => serialised(tabId, async () => ({ terms: tabTerms(await readTab(tabId)) })),
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void serialised(tabId, () => browser.storage.session.remove(keyOf(tabId)));
  });
}

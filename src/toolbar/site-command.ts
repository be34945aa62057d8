/**
 * The keyboard command (Alt+Shift+G by default, rebindable in the browser's shortcut settings) that
 * switches Glossa for the current tab's site. The background does not know the tab's address (no
 * `tabs` permission): it asks the tab's top frame for its site, and switches that site's setting.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';
import { updateSettings } from '../settings/settings-store';
import { withSiteEnabled } from '../settings/site-rules';
import { TOGGLE_SITE_COMMAND } from './commands';

/** Switches Glossa for the site of a tab's top frame; resolves with whether it is on now. */
export async function toggleSiteOfTab(tabId: number): Promise<{ enabled: boolean; error?: string }> {
  const page = await sendToTab(tabId, { type: 'page-info' }, 0);
  // The switch flips what the reader sees: off → on also lifts a global pause.
  const enabled = !page.enabled;
  const result = await updateSettings((current) => ({
    paused: enabled ? false : current.paused,
    sites: withSiteEnabled(current, page.host, enabled).sites,
  }));
  return result.ok ? { enabled } : { enabled: !enabled, error: result.errors.join(' ') };
}

export function startSiteCommand(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command !== TOGGLE_SITE_COMMAND) return;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // Pages where content scripts cannot run (browser pages, stores) have nothing to switch.
      await toggleSiteOfTab(tab.id);
    })().catch(() => {});
  });
}

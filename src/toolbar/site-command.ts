/**
 * The keyboard command (Alt+Shift+G by default, rebindable in the browser's shortcut settings) that
 * switches Glossa for the current tab's site. The background does not know the tab's address (no
 * `tabs` permission), so it asks the tab's top frame to flip its own site.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';
import { TOGGLE_SITE_COMMAND } from './commands';

export function startSiteCommand(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command !== TOGGLE_SITE_COMMAND) return;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      // Pages where content scripts cannot run (browser pages, stores) have nothing to switch.
      await sendToTab(tab.id, { type: 'toggle-site' }, 0);
    })().catch(() => {});
  });
}

/**
 * The background's part of "Open every PDF in Glossa's reader" (off by default). The page script in
 * the browser's PDF viewer says that its tab shows a PDF (Chromium runs content scripts there; Firefox
 * does not run them in its own viewer, so there the popup and the link menu open the reader). The
 * tab then goes to the reader, once per PDF per tab: Back shows the browser's viewer and stays.
 */
import { browser } from 'wxt/browser';
import { handleMessages } from '../messaging/channel';
import { isEnabledFor, loadSettings } from '../settings';
import { readerAddress, shouldOpenInReader } from './reader-address';

/** Per tab, the PDF last sent to the reader (session storage: a restarted worker still knows). */
const openedKey = (tabId: number) => `reader-opened:${tabId}`;

export function startReaderAutoOpen(): void {
  handleMessages({
    'pdf-shown': async (_request, sender) => {
      const tabId = sender.tab?.id;
      const url = sender.url;
      if (tabId === undefined || sender.frameId !== 0 || !url) return null;
      const { settings } = await loadSettings();
      if (!settings.openPdfsInReader) return null;
      const key = openedKey(tabId);
      const openedBefore = (await browser.storage.session.get(key))[key];
      const open = shouldOpenInReader({
        url,
        wanted: settings.openPdfsInReader,
        enabledFor: (host) => isEnabledFor(settings, host),
        openedBefore: typeof openedBefore === 'string' ? openedBefore : undefined,
      });
      if (!open) return null;
      await browser.storage.session.set({ [key]: url });
      const reader = readerAddress((path) => browser.runtime.getURL(path as '/popup.html'), url);
      await browser.tabs.update(tabId, { url: reader });
      return null;
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(openedKey(tabId));
  });
}

/** The popup's services in the extension: the current tab over messaging, settings in storage. */
import { browser } from 'wxt/browser';
import { savePersonalEntry } from '../glossary';
import { sendToBackground, sendToTab } from '../messaging';
import { looksLikePdfUrl, readerAddress } from '../pdf-reader/reader-address';
import { loadSettings, updateSettings, watchSettings, withSiteEnabled } from '../settings';
import type { PopupServices } from './popup-services';

async function currentTabId(): Promise<number | undefined> {
  // Without the `tabs` permission the tab comes without its URL; its id is all the popup needs.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function extensionPopupServices(): PopupServices {
  return {
    async pageInfo() {
      const tabId = await currentTabId();
      if (tabId === undefined) return null;
      try {
        return await sendToTab(tabId, { type: 'page-info' }, 0);
      } catch {
        return null;
      }
    },
    async pageTerms() {
      const tabId = await currentTabId();
      if (tabId === undefined) return [];
      return (await sendToBackground({ type: 'tab-terms', tabId })).terms;
    },
    async revealTerm(term) {
      const tabId = await currentTabId();
      if (tabId === undefined) return false;
      try {
        return (await sendToTab(tabId, { type: 'reveal-term', entryId: term.entryId }, term.frameId)).found;
      } catch {
        return false;
      }
    },
    loadSettings: async () => (await loadSettings()).settings,
    async setSiteEnabled(host, enabled) {
      let removed: string[] = [];
      const result = await updateSettings((current) => {
        const change = withSiteEnabled(current, host, enabled);
        removed = change.removed;
        return { sites: change.sites };
      });
      return result.ok ? { removed } : { error: result.errors.join(' ') };
    },
    async setPaused(paused) {
      const result = await updateSettings(() => ({ paused }));
      return result.ok ? {} : { error: result.errors.join(' ') };
    },
    watchSettings,
    copyText: (text) => navigator.clipboard.writeText(text),
    async pageSelection() {
      const tabId = await currentTabId();
      if (tabId === undefined) return { text: '', title: '', url: '' };
      try {
        return await sendToTab(tabId, { type: 'page-selection' }, 0);
      } catch {
        return { text: '', title: '', url: '' };
      }
    },
    saveEntry: savePersonalEntry,
    openOptions: () => void browser.runtime.openOptionsPage(),
    async pdfInTab() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined || !tab.url || !/^(https?|file):/.test(tab.url)) return null;
      if (looksLikePdfUrl(tab.url)) return tab.url;
      // An address without .pdf may still be one (a report served by a script): ask the document.
      try {
        const [result] = await browser.scripting.executeScript({
          target: { tabId: tab.id },
          func: () => document.contentType,
        });
        return result?.result === 'application/pdf' ? tab.url : null;
      } catch {
        return null;
      }
    },
    async openInReader(url) {
      const tabId = await currentTabId();
      const address = readerAddress((path) => browser.runtime.getURL(path as '/popup.html'), url);
      if (tabId === undefined) await browser.tabs.create({ url: address });
      else await browser.tabs.update(tabId, { url: address });
    },
    close: () => window.close(),
  };
}

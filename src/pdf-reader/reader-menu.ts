/**
 * The background's part of the reader: a context-menu item on links to PDFs ("Open PDF in Glossa's
 * reader"), which opens the reader on that address in a new tab beside the page.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { readerAddress } from './reader-address';

const MENU_ID = 'glossa-open-pdf';
/** Links whose path ends in .pdf (the browser matches these patterns case-sensitively). */
const PDF_LINKS = [
  '*://*/*.pdf',
  '*://*/*.pdf?*',
  '*://*/*.pdf#*',
  '*://*/*.PDF',
  '*://*/*.PDF?*',
  '*://*/*.PDF#*',
];

export function startReaderMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // Menu items outlive the worker; made once when the extension is installed or updated.
  browser.runtime.onInstalled.addListener(() => {
    menus.create(
      { id: MENU_ID, title: t('menu_openPdfInReader'), contexts: ['link'], targetUrlPatterns: PDF_LINKS },
      () => {
        // A second create after an update reports a duplicate id: the item is there, which is all we need.
        void browser.runtime.lastError;
      },
    );
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
    const url = readerAddress((path) => browser.runtime.getURL(path as '/popup.html'), info.linkUrl);
    void browser.tabs.create({
      url,
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    });
  });
}

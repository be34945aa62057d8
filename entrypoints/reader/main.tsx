import '@/src/ui/extension-page.css';
import '@/src/highlighting/highlights.css';
import '@/src/pdf-reader/reader.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { configurePdfJs, ReaderApp, readerTheme } from '@/src/pdf-reader';
import { loadSettings } from '@/src/settings';

const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage().startsWith('ko') ? 'ko' : 'en';
  const resources = configurePdfJs((path) => browser.runtime.getURL(path as '/options.html'));
  const file = new URLSearchParams(location.search).get('file') ?? undefined;
  void loadSettings().then(({ settings }) => {
    const theme = readerTheme(settings.theme);
    if (theme) document.documentElement.dataset.theme = theme;
  });
  render(<ReaderApp resources={resources} {...(file ? { initialUrl: file } : {})} />, root);
}

import '@/src/ui/extension-page.css';
import '@/src/popup/popup.css';
import { render } from 'preact';
import { libraryFor, loadLibrary, watchLibrary } from '@/src/glossary';
import { extensionPopupServices, PopupApp } from '@/src/popup';
import { loadSettings } from '@/src/settings';

const services = extensionPopupServices();

/** Renders with the reader's glossaries as they are now; again when they change (a term added). */
async function draw(root: HTMLElement) {
  const [{ settings }, { packs }] = await Promise.all([loadSettings(), loadLibrary()]);
  const library = libraryFor(packs, settings);
  render(<PopupApp library={library} services={services} />, root);
}

const root = document.getElementById('app');
if (root) {
  void draw(root);
  watchLibrary(() => void draw(root));
}

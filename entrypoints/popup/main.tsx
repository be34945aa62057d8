import '@/src/popup/popup.css';
import { render } from 'preact';
import { builtinPack, loadLibrary, orderPacks, resolveLibrary } from '@/src/glossary';
import { extensionPopupServices, PopupApp } from '@/src/popup';
import { loadSettings } from '@/src/settings';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const [{ settings }, { packs }] = await Promise.all([loadSettings(), loadLibrary()]);
  const library = resolveLibrary(
    orderPacks(packs, settings.packOrder, builtinPack.id),
    settings.disabledPacks,
    builtinPack.id,
  );
  render(<PopupApp library={library} services={extensionPopupServices()} />, root);
}

void main();

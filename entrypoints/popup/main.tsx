import '@/src/popup/popup.css';
import { render } from 'preact';
import { builtinPack } from '@/src/glossary';
import { extensionPopupServices, PopupApp } from '@/src/popup';

const root = document.getElementById('app');
if (root) render(<PopupApp pack={builtinPack} services={extensionPopupServices()} />, root);

export { PopupApp } from './popup-app';
export { extensionPopupServices } from './popup-services';
export type { PopupServices } from './services';

export { extensionPopupServices } from './extension-popup-services';
export { PopupApp } from './popup-app';
export type { PopupServices } from './popup-services';

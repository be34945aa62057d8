export { PopupApp, type PopupAppProps } from './popup-app';
export { extensionPopupServices } from './popup-services';
export type { PopupServices } from './services';

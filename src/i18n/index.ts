export { t, uiLanguage } from './translate';

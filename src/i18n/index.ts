export { t } from './translate';

export { type MessageKey, t } from './translate';

export { OptionsApp } from './options-app';

export { OptionsApp, type OptionsAppProps } from './options-app';

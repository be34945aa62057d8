export { ContentSession, type ContentSessionOptions, changesSession, hasText } from './content-session';
export { FirstMentions, precedes } from './first-mentions';
export { type FrameReport, FrameReporter } from './frame-reporter';
export { PageSession, type PageSessionOptions, pageSource } from './page-session';
export { loadPopoverModule } from './popover-loader';

export { ContentSession, type ContentSessionOptions, changesSession } from './content-session';
export { FirstMentions } from './first-mentions';
export { FRAME_TEXT_WORTH_SCANNING, startWhenWorthScanning, textAtLeast } from './frame-boot';
export { type FrameReport, FrameReporter } from './frame-reporter';
export { PageSession, type PageSessionOptions, pageSource } from './page-session';
export { loadPopoverModule } from './popover-loader';

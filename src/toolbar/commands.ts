/** The keyboard command that switches Glossa for the current site (declared in wxt.config.ts). */
export const TOGGLE_SITE_COMMAND = 'toggle-site';

/**
 * The `chrome` namespace as code evaluated in the extension's service worker sees it (typed with
 * WXT's browser types). Functions passed to `worker.evaluate` are serialised, so they call this
 * inline: `(globalThis as unknown as ChromeGlobal).chrome`.
 */
import type { browser } from 'wxt/browser';

export interface ChromeGlobal {
  chrome: typeof browser;
}

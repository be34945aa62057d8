/**
 * The background's side of loading the popover on demand: a frame asks, and the popover's script is
 * injected into that frame's isolated world (the world of Glossa's content script). Needs the
 * `scripting` permission and host access to the page (README, "Permissions").
 */
import { browser } from 'wxt/browser';
import { handleMessages } from '../messaging/channel';

/** Where the build puts the popover's script (entrypoints/popover.ts). */
export const POPOVER_SCRIPT = '/popover.js';

export function startPopoverInjection(): void {
  handleMessages({
    'load-popover': async (_request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false };
      // The document that asked, where the browser tells (Chrome): never a page the frame moved on to.
      const documentId = (sender as { documentId?: string }).documentId;
      const target = documentId
        ? { tabId, documentIds: [documentId] }
        : { tabId, frameIds: [sender.frameId ?? 0] };
      try {
        // WXT types the paths of entrypoints it has built; this one is declared above.
        await browser.scripting.executeScript({ target, files: [POPOVER_SCRIPT as never] });
        return { ok: true };
      } catch (error) {
        console.debug('[Glossa] could not load the popover into a frame:', error);
        return { ok: false };
      }
    },
  });
}

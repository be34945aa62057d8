/**
 * Glossa's script in every page and frame (listed in the manifest by wxt.config.ts, not by WXT's
 * content-script wrapper, which announces itself to the page with a postMessage and a DOM event).
 * It only wires src/page-session to the browser: the prepared glossary from storage, messages from
 * the popup and the background, and the popover's code on demand.
 */
import { readSnapshot } from '@/src/glossary-snapshot/read-snapshot';
import { supportsHighlights } from '@/src/highlighting/highlight-layer';
import { handleMessages, sendToBackground } from '@/src/messaging/channel';
import { toSavedEntry } from '@/src/page-definitions/saved-entry';
import { ContentSession } from '@/src/page-session/content-session';
import { loadPopoverModule } from '@/src/page-session/popover-loader';

export default defineUnlistedScript({
  globalName: false,
  main() {
    const session = new ContentSession({
      win: window,
      doc: document,
      readSnapshot,
      requestSnapshot: async () => {
        await sendToBackground({ type: 'snapshot-needed' });
      },
      sendReport: (report) =>
        sendToBackground({ type: 'frame-terms', ...report, timeOrigin: performance.timeOrigin }),
      loadPopover: () => loadPopoverModule(async () => (await sendToBackground({ type: 'load-popover' })).ok),
      save: async (entry) =>
        (await sendToBackground({ type: 'save-entry', entry: toSavedEntry(entry, new Date()) })).ok,
    });
    const started = session.start().catch((error) => console.debug('[Glossa]', error));
    handleMessages({
      'page-info': async () => {
        await started;
        return { host: session.host, enabled: session.enabled, highlights: supportsHighlights() };
      },
      'reveal-term': ({ entryId }) => ({ found: session.reveal(entryId) }),
      'page-selection': () => ({
        text: (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
        title: document.title.slice(0, 500),
        url: /^https?:$/.test(location.protocol) ? location.href.slice(0, 4000) : '',
      }),
      'snapshot-changed': ({ stamp }) => {
        session.snapshotChanged(stamp);
        return null;
      },
    });
  },
});

/**
 * Glossa's script in every page and frame (listed in the manifest by wxt.config.ts, not by WXT's
 * content-script wrapper, which announces itself to the page with a postMessage and a DOM event).
 * It only wires src/page-session to the browser: the prepared glossary from storage, messages from
 * the popup and the background, and the popover's code on demand.
 */
import { readSnapshot } from '@/src/glossary-snapshot/read-snapshot';
import { sendFromPage } from '@/src/messaging/page-channel';
import { ContentSession } from '@/src/page-session/content-session';
import { showsPdf, startWhenWorthScanning } from '@/src/page-session/frame-boot';
import { answerPageMessages } from '@/src/page-session/page-messages';
import { loadPopoverModule } from '@/src/page-session/popover-loader';
import { saveFromPage } from '@/src/page-session/save-from-page';

export default defineUnlistedScript({
  globalName: false,
  main() {
    const scriptStart = performance.now();
    // The browser's PDF viewer: the background may open the PDF in Glossa's reader (a setting).
    if (showsPdf(window, document)) void sendFromPage({ type: 'pdf-shown' }).catch(() => {});
    startWhenWorthScanning(window, document, () => start(scriptStart));
  },
});

/** Glossa in this frame: the session, and the messages it answers. */
function start(scriptStart: number): void {
  const session = new ContentSession({
    scriptStart,
    win: window,
    doc: document,
    readSnapshot,
    requestSnapshot: async () => {
      await sendFromPage({ type: 'snapshot-needed' });
    },
    sendReport: (report) =>
      sendFromPage({ type: 'frame-terms', ...report, timeOrigin: performance.timeOrigin }),
    loadPopover: () => loadPopoverModule(async () => (await sendFromPage({ type: 'load-popover' })).ok),
    save: saveFromPage,
  });
  const started = session.start().catch((error) => console.debug('[Glossa]', error));
  answerPageMessages(session, started, window);
}

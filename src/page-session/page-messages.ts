/** What a frame answers: the popup's questions, and the background's news of a new snapshot. */
import { supportsHighlights } from '../highlighting/highlight-layer';
import { handlePageMessages } from '../messaging/page-channel';
import type { ContentSession } from './content-session';

/**
 * @param reveal how "show on page" finds a term (a PDF reader first goes to the page it is on); the
 *   session's own mentions otherwise
 */
export function answerPageMessages(
  session: ContentSession,
  started: Promise<void>,
  win: Window,
  reveal: (entryId: string) => boolean | Promise<boolean> = (entryId) => session.reveal(entryId),
): () => void {
  const doc = win.document;
  return handlePageMessages({
    'page-info': async () => {
      await started;
      return { host: session.host, enabled: session.enabled, highlights: supportsHighlights() };
    },
    'reveal-term': async ({ entryId }) => ({ found: await reveal(entryId) }),
    'page-selection': () => ({
      text: (win.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
      title: doc.title.slice(0, 500),
      url: /^https?:$/.test(win.location.protocol) ? win.location.href.slice(0, 4000) : '',
    }),
    'snapshot-changed': ({ stamp }) => {
      session.snapshotChanged(stamp);
      return null;
    },
  });
}

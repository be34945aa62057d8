import { startLibraryMessages } from '@/src/glossary/library-messages';
import { startSnapshotKeeper } from '@/src/glossary-snapshot/snapshot-keeper';
import { startReaderAutoOpen } from '@/src/pdf-reader/reader-auto-open';
import { startReaderMenu } from '@/src/pdf-reader/reader-menu';
import { startPopoverInjection } from '@/src/popover/inject-popover';
import { startSiteCommand, startTabTracking, toggleSiteOfTab } from '@/src/toolbar';

export default defineBackground(() => {
  startTabTracking();
  startSiteCommand();
  startSnapshotKeeper();
  startPopoverInjection();
  startLibraryMessages();
  startReaderMenu();
  startReaderAutoOpen();
  // What the Alt+Shift+G command does, reachable from the worker's own console (and tests): the
  // worker's global scope is not reachable from any page.
  Object.assign(globalThis, { glossaToggleSiteOfTab: toggleSiteOfTab });
});

import '@/src/highlighting/highlights.css';
import {
  builtinPack,
  loadLibrary,
  compiledGlossaryCache as matcherCache,
  orderPacks,
  type ResolvedLibrary,
  resolveLibrary,
  savePersonalEntry,
  watchLibrary,
} from '@/src/glossary';
import { supportsHighlights } from '@/src/highlighting';
import { handleMessages, sendToBackground } from '@/src/messaging';
import {
  isEnabledFor,
  loadSettings,
  type Settings,
  siteHostOf,
  updateSettings,
  watchSettings,
  withSiteEnabled,
} from '@/src/settings';
import { PageSession } from './page-session';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin frames too, including about:blank and srcdoc frames a page writes into.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main() {
    const host = siteHostOf(window);
    let settings: Settings = (await loadSettings()).settings;
    let session: PageSession | null = null;
    /** Bumped on every change that restarts the session: a session started for older data is dropped. */
    let generation = 0;
    let lastReport = '';
    let restartTimer: ReturnType<typeof setTimeout> | undefined;

    const report = () => {
      const enabled = session !== null;
      const terms = session ? session.termCounts() : [];
      // A frame with nothing to say (an ad, an empty widget) sends nothing; the top frame always
      // reports, since the toolbar icon follows it.
      if (window !== window.top && lastReport === '' && terms.length === 0) return;
      const key = JSON.stringify([enabled, terms]);
      if (key === lastReport) return;
      lastReport = key;
      sendToBackground({ type: 'frame-terms', enabled, terms, timeOrigin: performance.timeOrigin }).catch(
        () => {
          // The background may be restarting (extension update): the next change reports again.
          lastReport = '';
        },
      );
    };

    const libraryFor = async (current: Settings): Promise<ResolvedLibrary> => {
      const { packs } = await loadLibrary();
      return resolveLibrary(
        orderPacks(packs, current.packOrder, builtinPack.id),
        current.disabledPacks,
        builtinPack.id,
      );
    };

    const apply = async () => {
      const mine = ++generation;
      clearTimeout(restartTimer);
      session?.stop();
      session = null;
      if (isEnabledFor(settings, host)) {
        const library = await libraryFor(settings);
        if (mine !== generation) return;
        const started = await PageSession.start({
          doc: document,
          library,
          settings,
          onTermsChanged: report,
          save: async (entry) => (await savePersonalEntry(entry)).ok,
          matcherCache,
        });
        if (mine !== generation) {
          started.stop();
          return;
        }
        session = started;
      }
      report();
    };

    /** Restarts with new data, but not under an open popover: it waits until the reader is done. */
    const restart = () => {
      clearTimeout(restartTimer);
      if (session?.busy) {
        restartTimer = setTimeout(restart, 500);
        return;
      }
      void apply().catch((error) => console.debug('[Glossa]', error));
    };

    handleMessages({
      'page-info': () => ({ host, enabled: isEnabledFor(settings, host), highlights: supportsHighlights() }),
      'reveal-term': ({ entryId }) => ({ found: session?.reveal(entryId) ?? false }),
      'page-selection': () => ({
        text: (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
        title: document.title.slice(0, 500),
        url: /^https?:$/.test(location.protocol) ? location.href.slice(0, 4000) : '',
      }),
      'toggle-site': async () => {
        // The switch flips what the reader sees: off → on also lifts a global pause.
        const enabled = !isEnabledFor(settings, host);
        const result = await updateSettings((current) => ({
          paused: enabled ? false : current.paused,
          sites: withSiteEnabled(current, host, enabled).sites,
        }));
        return result.ok ? { enabled } : { enabled: !enabled, error: result.errors.join(' ') };
      },
    });
    // Every tab of the site follows a switch at once: settings live in storage, and all listen.
    watchSettings((next) => {
      const before = settings;
      settings = next;
      // Another site added to the list changes nothing here: no rescan of every open tab.
      if (!changesSession(before, next, host)) return;
      // Switching off is immediate, popover or not.
      if (!isEnabledFor(next, host)) void apply().catch((error) => console.debug('[Glossa]', error));
      else restart();
    });
    watchLibrary(() => {
      if (isEnabledFor(settings, host)) restart();
    });
    await apply();
  },
});

/** Whether new settings change what Glossa does on this page. */
function changesSession(before: Settings, after: Settings, host: string): boolean {
  if (isEnabledFor(before, host) !== isEnabledFor(after, host)) return true;
  const siteFields = new Set<string>(['paused', 'siteMode', 'sites']);
  return (Object.keys(after) as (keyof Settings)[]).some(
    (key) => !siteFields.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

import '@/src/highlighting/highlights.css';
import { builtinPack } from '@/src/glossary';
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
    /** Bumped on every settings change: a session still compiling for older settings is dropped. */
    let generation = 0;
    let lastReport = '';

    const report = () => {
      const enabled = session !== null;
      const terms = session ? [...session.counts()].map(([entryId, count]) => ({ entryId, count })) : [];
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

    const apply = async (next: Settings) => {
      settings = next;
      const mine = ++generation;
      session?.stop();
      session = null;
      if (isEnabledFor(settings, host)) {
        const started = await PageSession.start({
          doc: document,
          pack: builtinPack,
          settings,
          onTermsChanged: report,
        });
        if (mine !== generation) {
          started.stop();
          return;
        }
        session = started;
      }
      report();
    };

    handleMessages({
      'page-info': () => ({ host, enabled: isEnabledFor(settings, host), highlights: supportsHighlights() }),
      'reveal-term': ({ entryId }) => ({ found: session?.reveal(entryId) ?? false }),
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
      // Another site added to the list changes nothing here: no rescan of every open tab.
      if (!changesSession(settings, next, host)) {
        settings = next;
        return;
      }
      void apply(next).catch((error) => console.debug('[Glossa]', error));
    });
    await apply(settings);
  },
});

/** Whether new settings change what Glossa does on this page. */
function changesSession(before: Settings, after: Settings, host: string): boolean {
  if (isEnabledFor(before, host) !== isEnabledFor(after, host)) return true;
  const siteFields = new Set<string>(['paused', 'siteMode', 'sites']);
  return (Object.keys(after) as (keyof Settings)[]).some(
    (key) => !siteFields.has(key) && before[key] !== after[key],
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PERSONAL_PACK_ID, type ResolvedLibrary } from '../glossary';
import type { FrameTermCount, PageInfo } from '../messaging';
import { GlossarySearch } from '../search';
import { isEnabledFor, type Settings } from '../settings';
import { formatCitation } from '../ui';
import { AddTermForm } from './add-term-form';
import { EntryDetail } from './entry-detail';
import { OpenInReader } from './open-in-reader';
import { type PageState, PageTerms } from './page-terms';
import type { PopupServices } from './popup-services';
import { optionId, RESULTS_ID, SearchResults } from './search-results';
import { SiteSwitches } from './site-switches';
import { strings } from './strings';

export interface PopupAppProps {
  /** The entries of the reader's enabled glossaries, in priority order. */
  library: ResolvedLibrary;
  services: PopupServices;
}

/**
 * The toolbar popup: search the whole glossary (focused on open), see what the page mentions, and
 * switch Glossa for this site or everywhere. Works on pages where Glossa cannot run, minus the page.
 */
export function PopupApp({ library, services }: PopupAppProps) {
  const search = useMemo(() => new GlossarySearch(library.entries), [library]);
  const entries = library.byId;
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [terms, setTerms] = useState<FrameTermCount[]>([]);
  const [notice, setNotice] = useState('');
  const [adding, setAdding] = useState<{ text: string; title: string; url: string } | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    let live = true;
    void services.loadSettings().then((loaded) => live && setSettings(loaded));
    void services
      .pageInfo()
      .then((info) => live && setPage(info))
      .catch(() => live && setPage(null));
    void services
      .pageTerms()
      .then((found) => live && setTerms(found))
      .catch(() => {});
    void services
      .pdfInTab()
      .then((url) => live && setPdf(url))
      .catch(() => {});
    const unwatch = services.watchSettings((next) => {
      setSettings(next);
      // The page answers again once it has applied the switch (marks gone or back).
      setTimeout(() => void services.pageTerms().then((found) => live && setTerms(found)), 600);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [services]);

  const hits = useMemo(() => search.search(query, query.trim() ? 30 : 100), [search, query]);
  const pageCounts = useMemo(() => new Map(terms.map((term) => [term.entryId, term.count])), [terms]);
  const host = page ? page.host : null;
  const siteEnabled = settings && host !== null ? isEnabledFor({ ...settings, paused: false }, host) : true;
  const enabledHere = settings && host !== null ? isEnabledFor(settings, host) : false;
  const pageState: PageState =
    page === undefined
      ? { kind: 'loading' }
      : page === null
        ? { kind: 'unavailable' }
        : !enabledHere
          ? { kind: 'off' }
          : { kind: 'ready', terms };

  const open = (entryId: string) => {
    setStatus('');
    setOpenId(entryId);
  };
  const back = () => {
    setOpenId(null);
    setStatus('');
    // Back where the reader was: the search box, with the entry still the active result.
    setTimeout(() => input.current?.focus());
  };
  const reveal = async (term: FrameTermCount) => {
    if (await services.revealTerm(term)) services.close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => (Math.min(index, hits.length - 1) + step + hits.length) % hits.length);
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActiveIndex(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      setActiveIndex(Math.max(0, hits.length - 1));
    } else if (event.key === 'Enter') {
      const hit = hits[Math.min(activeIndex, hits.length - 1)];
      if (hit) {
        event.preventDefault();
        open(hit.entry.id);
      }
    } else if (event.key === 'Escape' && query) {
      // Escape clears the search first; a second Escape closes the popup (the browser does that).
      event.preventDefault();
      setQuery('');
      setActiveIndex(0);
    }
  };

  useEffect(() => {
    const active = hits[activeIndex];
    if (active) document.getElementById(optionId(active.entry.id))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, hits]);

  const saveResult = (result: { error?: string; removed?: string[] }) => {
    if (result.error) setNotice(strings.saveFailed(result.error));
    else if (result.removed?.length) setNotice(strings.removedPatterns(result.removed));
    else setNotice('');
  };

  const openEntry = openId ? entries.get(openId) : undefined;
  const active = hits[Math.min(activeIndex, hits.length - 1)];
  return (
    <main class="popup">
      <header class="top">
        <h1 class="brand">{strings.title}</h1>
        <div class="row">
          <button
            type="button"
            class="link-button"
            onClick={() => void services.pageSelection().then((selection) => setAdding(selection))}
          >
            {strings.addTerm}
          </button>
          <button type="button" class="link-button" onClick={services.openOptions}>
            {strings.options}
          </button>
        </div>
      </header>
      {settings && (
        <SiteSwitches
          host={host}
          siteEnabled={siteEnabled}
          paused={settings.paused}
          onSiteChange={(enabled) =>
            host !== null && void services.setSiteEnabled(host, enabled).then(saveResult)
          }
          onPauseChange={(paused) => void services.setPaused(paused).then(saveResult)}
        />
      )}
      {pdf && (
        <OpenInReader
          onOpen={() =>
            void services.openInReader(pdf).then(
              () => services.close(),
              () => {},
            )
          }
        />
      )}
      {notice && (
        <p class="note" role="status">
          {notice}
        </p>
      )}
      {page && !page.highlights && <p class="note">{strings.noHighlights}</p>}
      {adding ? (
        <AddTermForm
          selection={adding}
          takenIds={
            new Set(
              library.entries
                .filter((entry) => entry.packId === PERSONAL_PACK_ID)
                .map((entry) => entry.localId),
            )
          }
          onSave={services.saveEntry}
          onDone={(message) => {
            setAdding(null);
            setNotice(message);
            setTimeout(() => input.current?.focus());
          }}
          onCancel={() => {
            setAdding(null);
            setTimeout(() => input.current?.focus());
          }}
        />
      ) : openEntry ? (
        <EntryDetail
          entry={openEntry}
          source={openEntry.source}
          related={openEntry.related.flatMap((id) => entries.get(id) ?? [])}
          pageCount={enabledHere ? (pageCounts.get(openEntry.id) ?? 0) : 0}
          status={status}
          onBack={back}
          onRelated={open}
          onCopy={() => {
            const quote = openEntry.quotes[0];
            if (!quote) return;
            services
              .copyText(formatCitation(quote, openEntry.source))
              .then(() => setStatus(strings.copied))
              .catch(() => setStatus(strings.copyFailed));
          }}
          onShowOnPage={() => {
            const term = terms.find((t) => t.entryId === openEntry.id);
            if (term) void reveal(term);
          }}
        />
      ) : (
        <>
          <div class="search">
            <input
              ref={input}
              type="text"
              class="search-input"
              // biome-ignore lint/a11y/noRedundantRoles: without a datalist a text input is a textbox (HTML-AAM); the role tells assistive technology about the listbox it drives
              role="combobox"
              aria-label={strings.searchLabel}
              aria-expanded={hits.length > 0}
              aria-controls={RESULTS_ID}
              aria-autocomplete="list"
              // Preact's typing asks a combobox input for its datalist; this one controls a listbox.
              list={undefined}
              aria-activedescendant={active ? optionId(active.entry.id) : undefined}
              placeholder={strings.searchPlaceholder}
              value={query}
              autocomplete="off"
              spellcheck={false}
              onInput={(event) => {
                setQuery((event.target as HTMLInputElement).value);
                setActiveIndex(0);
              }}
              onKeyDown={onKeyDown}
            />
          </div>
          {!query.trim() && <PageTerms state={pageState} entry={(id) => entries.get(id)} onReveal={reveal} />}
          <section class="section" aria-label={strings.results}>
            {!query.trim() && (
              <h2 class="section-title">
                {strings.results} · {strings.resultCount(search.size)}
              </h2>
            )}
            <SearchResults
              hits={hits}
              query={query}
              activeIndex={Math.min(activeIndex, hits.length - 1)}
              pageCounts={enabledHere ? pageCounts : new Map()}
              onOpen={open}
              onActivate={setActiveIndex}
            />
          </section>
        </>
      )}
    </main>
  );
}

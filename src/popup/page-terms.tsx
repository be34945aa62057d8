import type { GlossaryEntry } from '../glossary';
import type { FrameTermCount } from '../messaging';
import { strings } from './strings';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'off' }
  | { kind: 'ready'; terms: FrameTermCount[] };

export interface PageTermsProps {
  state: PageState;
  entry(id: string): GlossaryEntry | undefined;
  onReveal(term: FrameTermCount): void;
}

/** "On this page": the terms the current tab mentions, most mentioned first; each one goes there. */
export function PageTerms(props: PageTermsProps) {
  const { state } = props;
  let body: preact.ComponentChild;
  if (state.kind === 'loading') body = <p class="note">{strings.pageLoading}</p>;
  else if (state.kind === 'unavailable') body = <p class="note">{strings.cannotRun}</p>;
  else if (state.kind === 'off') return null;
  else if (state.terms.length === 0) body = <p class="note">{strings.nothingOnPage}</p>;
  else {
    body = (
      <ul class="page-terms">
        {state.terms.map((term) => {
          // A term the page defines itself has no glossary entry, only its name.
          const name = props.entry(term.entryId)?.term ?? term.term;
          if (!name) return null;
          return (
            <li key={term.entryId}>
              <button type="button" class="page-term" onClick={() => props.onReveal(term)}>
                <span class="page-term-name">{name}</span>
                <span class="page-term-count" aria-hidden="true">
                  {term.count}
                </span>
                <span class="visually-hidden">{strings.mentionsOnPage(term.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section class="section" aria-labelledby="glossa-on-page">
      <h2 id="glossa-on-page" class="section-title">
        {strings.onThisPage}
      </h2>
      {body}
    </section>
  );
}

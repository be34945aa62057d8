import type { SearchHit } from '../search';
import { strings } from './strings';

export const RESULTS_ID = 'glossa-results';
export const optionId = (entryId: string) => `glossa-result-${entryId}`;

export interface SearchResultsProps {
  hits: readonly SearchHit[];
  query: string;
  activeIndex: number;
  /** Mentions on the current page per entry id, shown beside a result. */
  pageCounts: ReadonlyMap<string, number>;
  onOpen(entryId: string): void;
  onActivate(index: number): void;
}

/**
 * The results as a listbox driven from the search box (combobox pattern): focus stays in the box,
 * arrow keys move `aria-activedescendant`, Enter opens the active entry.
 */
export function SearchResults(props: SearchResultsProps) {
  const { hits, query, activeIndex, pageCounts } = props;
  if (hits.length === 0) {
    return (
      <p class="empty" role="status">
        {strings.noResults(query)}
      </p>
    );
  }
  return (
    <div id={RESULTS_ID} class="results" role="listbox" aria-label={strings.results}>
      {hits.map((hit, index) => {
        const count = pageCounts.get(hit.entry.id) ?? 0;
        return (
          // Keyboard use goes through the search box (aria-activedescendant); a click opens too.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox handles the keys for every option
          <div
            key={hit.entry.id}
            id={optionId(hit.entry.id)}
            role="option"
            // Focus stays in the search box (aria-activedescendant); options are never tabbed to.
            tabIndex={-1}
            aria-selected={index === activeIndex}
            class={index === activeIndex ? 'result active' : 'result'}
            onClick={() => props.onOpen(hit.entry.id)}
            onMouseMove={() => index !== activeIndex && props.onActivate(index)}
          >
            <span class="result-term">{hit.entry.term}</span>
            {hit.entry.expansion && <span class="result-expansion">{hit.entry.expansion}</span>}
            {hit.alias && hit.alias !== hit.entry.term && (
              <span class="result-alias">{strings.matchedAlias(hit.alias)}</span>
            )}
            {count > 0 && <span class="result-count">{strings.mentionsOnPage(count)}</span>}
          </div>
        );
      })}
    </div>
  );
}

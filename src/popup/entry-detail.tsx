import { useEffect, useRef } from 'preact/hooks';
import type { GlossaryEntry, Source } from '../glossary';
import { AttributionLine, QuoteBlock, RelatedTerms } from '../ui';
import { strings } from './strings';

export interface EntryDetailProps {
  entry: GlossaryEntry;
  source: Source;
  related: readonly GlossaryEntry[];
  /** Mentions on the current page (0: none, or the page cannot be read). */
  pageCount: number;
  status: string;
  onBack(): void;
  onRelated(id: string): void;
  onCopy(): void;
  onShowOnPage(): void;
}

/** One entry in full: the explanation, the verbatim quotes, where they come from, related terms. */
export function EntryDetail(props: EntryDetailProps) {
  const { entry, source } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the entry's name, so a screen reader starts reading there.
  useEffect(() => heading.current?.focus(), [entry.id]);
  return (
    <article class="detail" aria-labelledby="glossa-detail-term">
      <button type="button" class="back" onClick={props.onBack}>
        ← {strings.back}
      </button>
      <header class="detail-head">
        <h2 id="glossa-detail-term" class="detail-term" tabIndex={-1} ref={heading}>
          {entry.term}
        </h2>
        <span class="category">{entry.category}</span>
        {entry.expansion && <p class="expansion">{entry.expansion}</p>}
      </header>
      <p class="explanation">{entry.explanation}</p>
      {entry.quotes.map((quote) => (
        <QuoteBlock key={quote.text} quote={quote} />
      ))}
      <AttributionLine source={source} />
      <RelatedTerms entries={props.related} onSelect={props.onRelated} />
      <div class="detail-actions">
        {props.pageCount > 0 && (
          <button type="button" class="action" onClick={props.onShowOnPage}>
            {strings.showOnPage} ({strings.mentionsOnPage(props.pageCount)})
          </button>
        )}
        <button type="button" class="action" onClick={props.onCopy}>
          {strings.copyCitation}
        </button>
      </div>
      <p class="status" role="status" aria-live="polite">
        {props.status}
      </p>
    </article>
  );
}

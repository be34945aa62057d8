import type { GlossaryEntry, Source } from '../glossary';
import { AttributionLine, QuoteBlock, RelatedTerms } from '../ui';
import { MentionNav } from './mention-nav';
import { strings } from './strings';

export interface PopoverCardProps {
  entry: GlossaryEntry;
  source: Source;
  related: readonly GlossaryEntry[];
  /** Mentions of this entry on the page, and which one the popover stands on (1-based; 0: none). */
  mentionCount: number;
  mentionIndex: number;
  pinned: boolean;
  theme: 'light' | 'dark';
  /** Text announced politely (e.g. "Citation copied"). */
  status: string;
  onClose(): void;
  onRelated(id: string): void;
  onStep(direction: 1 | -1): void;
  onCopy(): void;
  /**
   * 'page' for an abbreviation the page defines itself: titled with its long form, quoting the
   * defining sentence, and with "Save to my glossary".
   */
  origin?: 'glossary' | 'page';
  /** The page's own definition of a glossary term, shown under the explanation. */
  alsoDefined?: { long: string; sentence: string };
  onSave?(): void;
}

/**
 * The popover's content. All text is rendered as text: nothing from a glossary or a page becomes HTML.
 * Hovering, it is a tooltip (referenced from nothing, since the page is never changed); pinned, it is a
 * labelled dialog that holds focus.
 */
export function PopoverCard(props: PopoverCardProps) {
  const { entry, source, pinned } = props;
  const fromPage = props.origin === 'page';
  const className = `card theme-${props.theme}${pinned ? ' pinned' : ''}`;
  const title = fromPage ? (entry.expansion ?? entry.term) : entry.term;
  const label = strings.explanationOf(fromPage ? `${entry.term}, ${title}` : entry.term);
  const content = (
    <>
      <header class="head">
        <div class="title-row">
          <h2 class="term">{title}</h2>
          <span class={fromPage ? 'origin' : 'category'}>
            {fromPage ? `${entry.term} · ${strings.definedOnThisPage}` : entry.category}
          </span>
          {pinned && (
            <button
              type="button"
              class="close"
              aria-label={strings.close}
              title={strings.close}
              onClick={props.onClose}
            >
              ×
            </button>
          )}
        </div>
        {entry.expansion && !fromPage && <p class="expansion">{entry.expansion}</p>}
      </header>
      <div class="body">
        {!fromPage && <p class="explanation">{entry.explanation}</p>}
        {entry.quotes.map((quote) => (
          <QuoteBlock key={quote.text} quote={quote} />
        ))}
        <AttributionLine source={source} />
        {props.alsoDefined && (
          <div class="also-defined">
            <p class="also-defined-label">
              {strings.alsoDefinedOnPage} “{props.alsoDefined.long}”
            </p>
            <blockquote>{props.alsoDefined.sentence}</blockquote>
          </div>
        )}
        <RelatedTerms entries={props.related} onSelect={props.onRelated} />
      </div>
      <footer class="foot">
        <MentionNav count={props.mentionCount} index={props.mentionIndex} onStep={props.onStep} />
        {props.onSave && (
          <button type="button" class="copy save" onClick={props.onSave}>
            {strings.saveToGlossary}
          </button>
        )}
        <button type="button" class="copy" onClick={props.onCopy}>
          {strings.copyCitation}
        </button>
      </footer>
      <p class="status" role="status" aria-live="polite">
        {props.status}
      </p>
    </>
  );
  return pinned ? (
    <div class={className} role="dialog" aria-label={label} tabIndex={-1} data-entry={entry.id}>
      {content}
    </div>
  ) : (
    <div class={className} role="tooltip" aria-label={label} data-entry={entry.id}>
      {content}
    </div>
  );
}

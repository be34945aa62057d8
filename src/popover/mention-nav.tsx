import { strings } from './strings';

/** "N mentions on this page", with buttons to the previous and next one. */
export function MentionNav(props: { count: number; index: number; onStep(direction: 1 | -1): void }) {
  const { count, index } = props;
  if (count === 0) return <span class="count">{strings.notOnPage}</span>;
  return (
    <div class="nav">
      <span class="count">
        {strings.mentionsOnPage(count)}
        {index > 0 && count > 1 && <span class="position"> ({strings.mentionOf(index, count)})</span>}
      </span>
      <button
        type="button"
        class="step"
        aria-label={strings.previousMention}
        title={strings.previousMention}
        disabled={count < 2 && index > 0}
        onClick={() => props.onStep(-1)}
      >
        ‹
      </button>
      <button
        type="button"
        class="step"
        aria-label={strings.nextMention}
        title={strings.nextMention}
        disabled={count < 2 && index > 0}
        onClick={() => props.onStep(1)}
      >
        ›
      </button>
    </div>
  );
}

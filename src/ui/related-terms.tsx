import type { GlossaryEntry } from '../glossary';
import { t } from '../i18n';

/** Buttons that switch the popover to a related entry. */
export function RelatedTerms(props: { entries: readonly GlossaryEntry[]; onSelect(id: string): void }) {
  if (props.entries.length === 0) return null;
  return (
    <nav class="related" aria-label={t('popover_related')}>
      <span class="related-label">{t('popover_related')}:</span>
      {props.entries.map((entry) => (
        <button type="button" key={entry.id} class="chip" onClick={() => props.onSelect(entry.id)}>
          {entry.term}
        </button>
      ))}
    </nav>
  );
}

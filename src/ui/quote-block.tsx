import type { Quote } from '../glossary';
import { t } from '../i18n';

/** One verbatim passage of the source, with the section it stands under. */
export function QuoteBlock({ quote }: { quote: Quote }) {
  return (
    <figure class="quote">
      <blockquote>{quote.text}</blockquote>
      {quote.section && <figcaption>{t('popover_section', quote.section)}</figcaption>}
    </figure>
  );
}

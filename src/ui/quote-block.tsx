import type { Quote } from '../glossary';
import { strings } from './strings';

/** One verbatim passage of the source, with the section it stands under. */
export function QuoteBlock({ quote }: { quote: Quote }) {
  return (
    <figure class="quote">
      <blockquote>{quote.text}</blockquote>
      {quote.section && <figcaption>{strings.section(quote.section)}</figcaption>}
    </figure>
  );
}

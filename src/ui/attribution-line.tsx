import type { Source } from '../glossary';
import { attribution } from './citation';
import { strings } from './strings';

/** Who wrote the quoted words, where and when; a link only where the source record has a URL. */
export function AttributionLine({ source }: { source: Source }) {
  return (
    <p class="attribution">
      — {attribution(source)}
      {source.url && (
        <>
          {' · '}
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {strings.openSource}
            <span class="visually-hidden"> {strings.opensInNewTab}</span>
          </a>
        </>
      )}
    </p>
  );
}

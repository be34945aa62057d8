import type { Source } from '../glossary';
import { t } from '../i18n';
import { attribution } from './citation';

/** Who wrote the quoted words, where and when; a link only where the source record has a URL. */
export function AttributionLine({ source }: { source: Source }) {
  return (
    <p class="attribution">
      — {attribution(source)}
      {source.url && (
        <>
          {' · '}
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {t('popover_openSource')}
            <span class="visually-hidden"> {t('popover_opensInNewTab')}</span>
          </a>
        </>
      )}
    </p>
  );
}

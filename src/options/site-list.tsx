import { useId, useState } from 'preact/hooks';
import { parseHostPattern, type SiteMode } from '../settings';
import { strings } from './strings';

export interface SiteListProps {
  mode: SiteMode;
  sites: readonly string[];
  /** Saves a new list; resolves with an error message when it could not be saved. */
  onChange(sites: string[]): Promise<string | undefined>;
}

/** The site list: add a host pattern (checked as it is added) and remove any. */
export function SiteList(props: SiteListProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parseHostPattern(draft);
    if (!parsed.ok) {
      setError(strings.siteRefused(parsed.reason, draft.trim()));
      return;
    }
    if (props.sites.includes(parsed.pattern)) {
      setError(strings.alreadyListed(parsed.pattern));
      return;
    }
    const failure = await props.onChange([...props.sites, parsed.pattern]);
    if (failure) setError(failure);
    else {
      setError('');
      setDraft('');
    }
  };
  const heading = props.mode === 'except' ? strings.siteListExcept : strings.siteListOnly;
  return (
    <div class="field">
      <h3 id={`${id}-heading`} class="subheading">
        {heading}
      </h3>
      {props.sites.length === 0 ? (
        <p class="help">{strings.siteListEmpty}</p>
      ) : (
        <ul class="site-list" aria-labelledby={`${id}-heading`}>
          {props.sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                class="remove"
                aria-label={strings.remove(site)}
                onClick={() => void props.onChange(props.sites.filter((s) => s !== site))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for={id}>{strings.addSite}</label>
        <div class="row">
          <input
            id={id}
            class="text-field"
            type="text"
            value={draft}
            autocomplete="off"
            spellcheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
            onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
          />
          <button type="submit">{strings.add}</button>
        </div>
        <p id={`${id}-help`} class="help">
          {strings.addSiteHelp}
        </p>
        {error && (
          <p id={`${id}-error`} class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

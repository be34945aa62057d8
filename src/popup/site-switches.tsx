import { strings } from './strings';

export interface SiteSwitchesProps {
  /** The site of the current tab; null where Glossa cannot run (no site switch then). */
  host: string | null;
  /** Glossa's site rules allow this site (the pause aside). */
  siteEnabled: boolean;
  paused: boolean;
  onSiteChange(enabled: boolean): void;
  onPauseChange(paused: boolean): void;
}

/** The site switch ("On for news.example.com") and the global pause, as ARIA switches. */
export function SiteSwitches(props: SiteSwitchesProps) {
  const { host, siteEnabled, paused } = props;
  const name = host || strings.thisFile;
  return (
    <div class="switches">
      {host !== null && (
        <button
          type="button"
          role="switch"
          class="switch site-switch"
          aria-checked={siteEnabled}
          onClick={() => props.onSiteChange(!siteEnabled)}
        >
          <span class="track" aria-hidden="true" />
          <span class="switch-label">{siteEnabled ? strings.siteOn(name) : strings.siteOff(name)}</span>
        </button>
      )}
      <button
        type="button"
        role="switch"
        class="switch pause-switch"
        aria-checked={paused}
        onClick={() => props.onPauseChange(!paused)}
      >
        <span class="track" aria-hidden="true" />
        <span class="switch-label">{strings.pauseAll}</span>
      </button>
      {paused && <p class="note">{strings.pausedNote}</p>}
    </div>
  );
}

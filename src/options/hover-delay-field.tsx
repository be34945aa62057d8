import { useEffect, useId, useState } from 'preact/hooks';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS } from '../settings';
import { strings } from './strings';

/** The hover delay in milliseconds; a value out of range is explained, not saved. */
export function HoverDelayField(props: { value: number; onChange(value: number): void }) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState('');
  useEffect(() => setText(String(props.value)), [props.value]);
  // Reads the field itself, not state: a change event can arrive before the re-render of its input.
  const commit = (raw: string) => {
    const value = Number(raw);
    if (
      raw.trim() === '' ||
      !Number.isInteger(value) ||
      value < HOVER_DELAY_MIN_MS ||
      value > HOVER_DELAY_MAX_MS
    ) {
      setError(strings.hoverDelayInvalid(HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS));
      return;
    }
    setError('');
    if (value !== props.value) props.onChange(value);
  };
  return (
    <div class="field">
      <label for={id}>{strings.hoverDelay}</label>
      <input
        id={id}
        class="text-field"
        type="number"
        inputMode="numeric"
        min={HOVER_DELAY_MIN_MS}
        max={HOVER_DELAY_MAX_MS}
        step={50}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        onInput={(event) => setText((event.target as HTMLInputElement).value)}
        onChange={(event) => commit((event.target as HTMLInputElement).value)}
      />
      <p id={`${id}-help`} class="help">
        {strings.hoverDelayHelp(HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS)}
      </p>
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

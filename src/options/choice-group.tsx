import { useId } from 'preact/hooks';

export interface ChoiceGroupProps<T extends string> {
  legend: string;
  help?: string;
  value: T;
  choices: Readonly<Record<T, string>>;
  onChange(value: T): void;
}

/** A setting with a few named values, as a group of radio buttons with its explanation. */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const name = useId();
  const helpId = `${name}-help`;
  return (
    <fieldset class="field" aria-describedby={props.help ? helpId : undefined}>
      <legend>{props.legend}</legend>
      {(Object.keys(props.choices) as T[]).map((value) => (
        <label key={value} class="choice">
          <input
            type="radio"
            name={name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {props.choices[value]}
        </label>
      ))}
      {props.help && (
        <p id={helpId} class="help">
          {props.help}
        </p>
      )}
    </fieldset>
  );
}

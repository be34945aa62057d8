import { useId } from 'preact/hooks';

export interface FilePickerProps {
  label: string;
  help: string;
  /** What the last file did, announced. */
  result: { ok: boolean; messages: string[] } | null;
  onText(text: string): void | Promise<void>;
}

/** Chooses a JSON file and hands its text on; what came of it is shown and announced below. */
export function FilePicker(props: FilePickerProps) {
  const id = useId();
  const onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await props.onText(await file.text());
  };
  return (
    <div class="field">
      <label class="button" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="visually-hidden"
        type="file"
        accept="application/json,.json"
        aria-describedby={`${id}-help`}
        onChange={onFile}
      />
      <p id={`${id}-help`} class="help">
        {props.help}
      </p>
      <div role="status" class={props.result && !props.result.ok ? 'error' : 'help'}>
        {props.result && (
          <ul class="messages">
            {props.result.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

import { useId } from 'preact/hooks';

/** What reading a chosen file did: whether it worked, and the lines to show. */
export type FileResultValue = { ok: boolean; messages: string[] } | null;

export interface FilePickerProps {
  label: string;
  help: string;
  /** What the last file did, announced. */
  result: FileResultValue;
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
      <FileResult result={props.result} />
    </div>
  );
}

/** What the last file did, in a live region: screen readers hear it, errors are shown as such. */
export function FileResult({ result }: { result: FileResultValue }) {
  return (
    <div role="status" class={result && !result.ok ? 'error' : 'help'}>
      {result && (
        <ul class="messages">
          {result.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useId, useState } from 'preact/hooks';
import { strings } from './strings';

export interface SettingsTransferProps {
  onExport(): void;
  /** Reads a chosen file; resolves with the message to show and whether it worked. */
  onImport(text: string): Promise<{ ok: boolean; messages: string[] }>;
}

/** Export to a JSON file, import from one; what an import did (or why it did nothing) is announced. */
export function SettingsTransfer(props: SettingsTransferProps) {
  const id = useId();
  const [result, setResult] = useState<{ ok: boolean; messages: string[] } | null>(null);
  const onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setResult({ ok: false, messages: [strings.importFailed, String(error)] });
      return;
    }
    setResult(await props.onImport(text));
  };
  return (
    <div class="field">
      <div class="row">
        <button type="button" onClick={props.onExport}>
          {strings.export}
        </button>
        <label class="button" for={id}>
          {strings.import}
        </label>
        <input
          id={id}
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={onFile}
        />
      </div>
      <div role="status" class={result && !result.ok ? 'error' : 'help'}>
        {result && (
          <ul class="messages">
            {result.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

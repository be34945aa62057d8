import { useId, useState } from 'preact/hooks';
import { FileResult, type FileResultValue } from './file-picker';
import { strings } from './strings';

export interface SettingsTransferProps {
  onExport(): void;
  /** Reads a chosen file; resolves with the message to show and whether it worked. */
  onImport(text: string): Promise<NonNullable<FileResultValue>>;
}

/** Export to a JSON file, import from one; what an import did (or why it did nothing) is announced. */
export function SettingsTransfer(props: SettingsTransferProps) {
  const id = useId();
  const [result, setResult] = useState<FileResultValue>(null);
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
      <FileResult result={result} />
    </div>
  );
}

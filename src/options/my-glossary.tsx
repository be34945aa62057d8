import { useId, useState } from 'preact/hooks';
import { aliasFor, type GlossaryEntry } from '../glossary';
import { attribution } from '../ui';
import { strings } from './strings';

export interface MyGlossaryProps {
  entries: readonly GlossaryEntry[];
  /** Saves an edited entry; resolves with an error message if it was refused. */
  onSave(entry: GlossaryEntry): Promise<string | undefined>;
  onDelete(entry: GlossaryEntry): void;
}

/** The reader's own entries: each with its quote and source, editable and deletable. */
export function MyGlossary(props: MyGlossaryProps) {
  const [editing, setEditing] = useState<string | null>(null);
  if (props.entries.length === 0) return <p class="help">{strings.myGlossaryEmpty}</p>;
  return (
    <ul class="my-glossary">
      {props.entries.map((entry) => (
        <li key={entry.id} class="my-entry">
          {editing === entry.id ? (
            <EntryEditor
              entry={entry}
              onCancel={() => setEditing(null)}
              onSave={async (edited) => {
                const error = await props.onSave(edited);
                if (!error) setEditing(null);
                return error;
              }}
            />
          ) : (
            <>
              <p class="my-term">
                <strong>{entry.term}</strong>
                {entry.expansion && ` — ${entry.expansion}`}
              </p>
              <p class="help">{entry.explanation}</p>
              {entry.source && <p class="help">{strings.from(attribution(entry.source))}</p>}
              <div class="row">
                <button type="button" onClick={() => setEditing(entry.id)}>
                  {strings.edit(entry.term)}
                </button>
                <button type="button" onClick={() => props.onDelete(entry)}>
                  {strings.delete(entry.term)}
                </button>
              </div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function EntryEditor(props: {
  entry: GlossaryEntry;
  onSave(entry: GlossaryEntry): Promise<string | undefined>;
  onCancel(): void;
}) {
  const id = useId();
  const { entry } = props;
  const [explanation, setExplanation] = useState(entry.explanation);
  const [aliases, setAliases] = useState(
    entry.aliases
      .map((alias) => alias.text)
      .filter((text) => text !== entry.term)
      .join(', '),
  );
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const others = aliases
      .split(',')
      .map((text) => text.trim())
      .filter(Boolean);
    const first = entry.aliases.find((alias) => alias.text === entry.term) ?? {
      text: entry.term,
      lang: 'en',
      caseSensitive: true,
    };
    const edited: GlossaryEntry = {
      ...entry,
      explanation: explanation.trim(),
      aliases: [
        first,
        ...others
          .filter((text) => text !== entry.term)
          .map((text) => entry.aliases.find((alias) => alias.text === text) ?? aliasFor(text)),
      ],
    };
    setError((await props.onSave(edited)) ?? '');
  };
  return (
    <form class="editor" onSubmit={submit} aria-label={strings.edit(entry.term)}>
      <label for={`${id}-explanation`}>{strings.explanationLabel}</label>
      <textarea
        id={`${id}-explanation`}
        class="text-field"
        rows={3}
        maxLength={400}
        value={explanation}
        onInput={(event) => setExplanation((event.target as HTMLTextAreaElement).value)}
      />
      <label for={`${id}-aliases`}>{strings.aliasesLabel}</label>
      <input
        id={`${id}-aliases`}
        class="text-field"
        type="text"
        value={aliases}
        onInput={(event) => setAliases((event.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit">{strings.save}</button>
        <button type="button" onClick={props.onCancel}>
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { aliasFor, entryIdFor, type GlossaryEntry, personalPack, validatePack } from '../glossary';
import { strings } from './strings';

export interface AddTermFormProps {
  /** Prefill: the text selected on the page becomes the quote, the page the source. */
  selection: { text: string; title: string; url: string };
  /** Ids already in My glossary: a new entry gets one of its own. */
  takenIds: ReadonlySet<string>;
  onSave(entry: GlossaryEntry): Promise<{ ok: true; message: string } | { ok: false; errors: string[] }>;
  onDone(message: string): void;
  onCancel(): void;
}

/**
 * Adds a term to My glossary. The explanation is the reader's own; the quote must be copied from a
 * source and the source named, so that a personal entry, like every other, says where it comes from.
 */
export function AddTermForm(props: AddTermFormProps) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState({
    term: '',
    expansion: '',
    explanation: '',
    aliases: '',
    quote: props.selection.text,
    title: props.selection.title,
    url: props.selection.url,
  });
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => first.current?.focus(), []);
  const field = (name: keyof typeof fields) => ({
    id: `${id}-${name}`,
    value: fields[name],
    onInput: (event: Event) => setFields({ ...fields, [name]: (event.target as HTMLInputElement).value }),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    const entry = toEntry(fields, props.takenIds);
    // The same checks as an import: every problem named before anything is written.
    const checked = validatePack(personalPack([entry]));
    if (!checked.ok) {
      setErrors(checked.errors.map(readable));
      return;
    }
    const saved = await props.onSave(entry);
    if (saved.ok) props.onDone(saved.message);
    else setErrors(saved.errors);
  };

  return (
    <form class="add-term" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="section-title">
        {strings.addTerm}
      </h2>
      <label for={`${id}-term`}>{strings.termLabel}</label>
      <input ref={first} class="text-field" type="text" required {...field('term')} />
      <label for={`${id}-expansion`}>{strings.expansionLabel}</label>
      <input class="text-field" type="text" {...field('expansion')} />
      <label for={`${id}-explanation`}>{strings.explanationLabel}</label>
      <textarea class="text-field" rows={2} maxLength={400} required {...field('explanation')} />
      <label for={`${id}-aliases`}>{strings.aliasesLabel}</label>
      <input class="text-field" type="text" {...field('aliases')} />
      <label for={`${id}-quote`}>{strings.quoteLabel}</label>
      <textarea class="text-field" rows={3} required {...field('quote')} />
      <label for={`${id}-title-field`}>{strings.sourceTitleLabel}</label>
      <input
        class="text-field"
        type="text"
        required
        id={`${id}-title-field`}
        value={fields.title}
        onInput={(event) => setFields({ ...fields, title: (event.target as HTMLInputElement).value })}
      />
      <label for={`${id}-url`}>{strings.sourceUrlLabel}</label>
      <input class="text-field" type="url" {...field('url')} />
      {errors.length > 0 && (
        <ul class="errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div class="detail-actions">
        <button type="submit" class="action">
          {strings.saveTerm}
        </button>
        <button type="button" class="action" onClick={props.onCancel}>
          {strings.cancel}
        </button>
      </div>
    </form>
  );
}

function toEntry(
  fields: Record<'term' | 'expansion' | 'explanation' | 'aliases' | 'quote' | 'title' | 'url', string>,
  taken: ReadonlySet<string>,
): GlossaryEntry {
  const term = fields.term.trim();
  // Room for a "-2" suffix within the 64 characters of an id.
  const base = entryIdFor(term, 56);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const spellings = [term, ...fields.aliases.split(',').map((text) => text.trim())].filter(
    (text, index, all) => text && all.indexOf(text) === index,
  );
  const url = fields.url.trim();
  return {
    id,
    term,
    ...(fields.expansion.trim() ? { expansion: fields.expansion.trim() } : {}),
    aliases: spellings.map(aliasFor),
    category: 'concept',
    explanation: fields.explanation.trim(),
    quotes: [{ text: fields.quote.replace(/\s+/g, ' ').trim() }],
    related: [],
    source: {
      title: fields.title.trim(),
      ...(url ? { url } : {}),
      date: new Date().toISOString().slice(0, 10),
    },
  };
}

/** `entry "x" (#1): quotes[0].text: must not be empty` → `quotes[0].text: must not be empty`. */
function readable(error: string): string {
  return error.replace(/^entry (?:"[^"]*" )?\(#1\): /, '').replace(/^entry #1: /, '');
}

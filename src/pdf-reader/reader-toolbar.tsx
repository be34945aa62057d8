import { useEffect, useRef, useState } from 'preact/hooks';
import type { FindState, ZoomValue } from './pdf-viewer';
import { strings } from './strings';

export interface ReaderToolbarProps {
  pageNumber: number;
  pageCount: number;
  /** The zoom as PDF.js reports it: a preset ('auto', 'page-width', 'page-fit') or '' and a scale. */
  zoomPreset: string;
  scale: number;
  find: FindState | null;
  /** Bumped by Ctrl+F: the find field takes the focus. */
  findFocus: number;
  onOpenFile(file: File): void;
  /** `done`: the reader pressed Enter (the document takes the focus back, to scroll and hover). */
  onPage(pageNumber: number, done?: boolean): void;
  onZoom(value: ZoomValue | 'in' | 'out'): void;
  onFind(query: string, again: boolean, previous: boolean): void;
  onFindClose(): void;
}

const PRESETS = [
  { value: 'auto', label: () => strings.zoomAuto },
  { value: 'page-width', label: () => strings.zoomWidth },
  { value: 'page-fit', label: () => strings.zoomFit },
] as const;
const SCALES = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** The reader's tools: open a file, the page, the zoom, find in the document. */
export function ReaderToolbar(props: ReaderToolbarProps) {
  const [page, setPage] = useState(String(props.pageNumber));
  const [query, setQuery] = useState('');
  const findField = useRef<HTMLInputElement>(null);
  useEffect(() => setPage(String(props.pageNumber)), [props.pageNumber]);
  useEffect(() => {
    if (props.findFocus > 0) findField.current?.select();
  }, [props.findFocus]);

  const zoomValue = props.zoomPreset || String(props.scale);
  const customScale = !props.zoomPreset && !SCALES.includes(props.scale);
  const findText = !props.find?.query
    ? ''
    : props.find.total > 0
      ? strings.findCount(props.find.current, props.find.total)
      : strings.findNone;

  return (
    <header class="reader-toolbar">
      <h1 class="visually-hidden">{strings.title}</h1>
      <label class="open-file">
        <span>{strings.open}</span>
        <input
          type="file"
          accept="application/pdf,.pdf"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) props.onOpenFile(file);
            input.value = '';
          }}
        />
      </label>
      <form
        class="page-field"
        onSubmit={(event) => {
          event.preventDefault();
          props.onPage(Number(page), true);
        }}
      >
        <label>
          {strings.page}{' '}
          <input
            type="number"
            min={1}
            max={Math.max(1, props.pageCount)}
            value={page}
            disabled={props.pageCount === 0}
            onInput={(event) => setPage(event.currentTarget.value)}
            onBlur={() => props.onPage(Number(page))}
          />
        </label>{' '}
        <span>{strings.pageOf(props.pageCount)}</span>
      </form>
      <fieldset class="zoom">
        <legend class="visually-hidden">{strings.zoom}</legend>
        <button
          type="button"
          onClick={() => props.onZoom('out')}
          aria-label={strings.zoomOut}
          title={strings.zoomOut}
        >
          −
        </button>
        <select
          aria-label={strings.zoom}
          value={zoomValue}
          onChange={(event) => {
            const value = event.currentTarget.value;
            props.onZoom(Number.isFinite(Number(value)) ? Number(value) : (value as ZoomValue));
          }}
        >
          {PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label()}
            </option>
          ))}
          {SCALES.map((scale) => (
            <option key={scale} value={String(scale)}>
              {Math.round(scale * 100)}%
            </option>
          ))}
          {customScale && <option value={String(props.scale)}>{Math.round(props.scale * 100)}%</option>}
        </select>
        <button
          type="button"
          onClick={() => props.onZoom('in')}
          aria-label={strings.zoomIn}
          title={strings.zoomIn}
        >
          +
        </button>
      </fieldset>
      <search class="find">
        <input
          ref={findField}
          type="search"
          aria-label={strings.find}
          placeholder={strings.find}
          value={query}
          onInput={(event) => {
            const next = event.currentTarget.value;
            setQuery(next);
            props.onFind(next, false, false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              props.onFind(query, true, event.shiftKey);
            } else if (event.key === 'Escape') {
              setQuery('');
              props.onFind('', false, false);
              props.onFindClose();
            }
          }}
        />
        <button
          type="button"
          aria-label={strings.findPrevious}
          title={strings.findPrevious}
          onClick={() => props.onFind(query, true, true)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={strings.findNext}
          title={strings.findNext}
          onClick={() => props.onFind(query, true, false)}
        >
          ↓
        </button>
        <output class="find-count" aria-live="polite">
          {findText}
        </output>
      </search>
    </header>
  );
}

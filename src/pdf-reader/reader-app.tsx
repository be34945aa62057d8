import { useEffect, useRef, useState } from 'preact/hooks';
import { idle, looksScanned, type PageText, readDocumentText } from './document-text';
import {
  type configurePdfJs,
  fileNameOf,
  type OpenPdf,
  openPdf,
  type PdfInput,
  PdfOpenError,
  pdfTitle,
} from './pdf-document';
import { type FindState, ReaderView } from './pdf-viewer';
import { type ReaderDocument, type ReaderGlossa, startReaderGlossa } from './reader-glossa';
import { ReaderToolbar } from './reader-toolbar';
import { strings } from './strings';

export interface ReaderAppProps {
  /** The PDF's address from the reader's own address (`?file=`), if any. */
  initialUrl?: string;
  resources: ReturnType<typeof configurePdfJs>;
}

type Status =
  | { kind: 'empty' }
  | { kind: 'loading'; name: string }
  | { kind: 'ready' }
  | { kind: 'error'; message: string };

interface Shown {
  title: string;
  url?: string;
  host: string;
}

/** Glossa's PDF reader: PDF.js's viewer with Glossa on its text layer. */
export function ReaderApp(props: ReaderAppProps) {
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<ReaderView | null>(null);
  const current = useRef<{ opened: OpenPdf; glossa: ReaderGlossa; closed: boolean } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'empty' });
  const [shown, setShown] = useState<Shown | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [pageCount, setPageCount] = useState(0);
  const [zoom, setZoom] = useState({ scale: 1, preset: 'auto' });
  const [find, setFind] = useState<FindState | null>(null);
  const [findFocus, setFindFocus] = useState(0);
  const [enabled, setEnabled] = useState(true);
  const [scanned, setScanned] = useState(false);
  const [dragging, setDragging] = useState(false);

  const open = async (input: PdfInput) => {
    const viewer = view.current;
    if (!viewer) return;
    closeCurrent();
    const name = 'url' in input ? fileNameOf(input.url) : input.name;
    setStatus({ kind: 'loading', name });
    setScanned(false);
    setFind(null);
    let file: OpenPdf;
    try {
      file = await openPdf(input, props.resources);
    } catch (error) {
      const problem = error instanceof PdfOpenError ? error : new PdfOpenError('unreadable', String(error));
      setStatus({ kind: 'error', message: strings.problem(problem.problem, problem.detail) });
      setShown(null);
      setPageCount(0);
      return;
    }
    const { pdf } = file;
    const url = 'url' in input && /^https?:/.test(input.url) ? input.url : undefined;
    const host = url ? new URL(url).hostname : '';
    const title = await pdfTitle(pdf, name);
    const document: ReaderDocument = { host, title, ...(url ? { url } : {}) };
    window.document.title = `${title} — ${strings.title}`;
    viewer.show(pdf);
    setShown({ title, host, ...(url ? { url } : {}) });
    setPageCount(pdf.numPages);
    setPageNumber(1);
    setStatus({ kind: 'ready' });
    const root = container.current;
    if (!root) return;
    const glossa = startReaderGlossa(window, document, {
      root,
      goToPage: (page) => view.current?.goToPage(page),
      onEnabled: setEnabled,
    });
    const opened = { opened: file, glossa, closed: false };
    current.current = opened;
    const pages: PageText[] = [];
    void readDocumentText(
      pdf,
      (page) => {
        pages.push(page);
        glossa.addPageText(page);
      },
      () => idle(window),
      () => opened.closed,
    ).then(() => {
      if (opened.closed) return;
      glossa.textDone();
      setScanned(looksScanned(pages));
    });
  };

  const closeCurrent = () => {
    const previous = current.current;
    if (!previous) return;
    previous.closed = true;
    previous.glossa.stop();
    void previous.opened.close();
    current.current = null;
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    view.current = new ReaderView(element, {
      onPageChange: setPageNumber,
      onScaleChange: (scale, preset) => setZoom({ scale, preset }),
      onFind: setFind,
      onTextLayer: () => {},
    });
    if (props.initialUrl) void open({ url: props.initialUrl });
    element.focus();
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        setFindFocus((n) => n + 1);
      } else if (event.key === '=' || event.key === '+') {
        event.preventDefault();
        view.current?.zoomIn();
      } else if (event.key === '-') {
        event.preventDefault();
        view.current?.zoomOut();
      } else if (event.key === '0') {
        event.preventDefault();
        view.current?.zoom('auto');
      }
    };
    // A PDF dropped anywhere on the page opens (read here, sent nowhere).
    const onDragOver = (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = () => setDragging(false);
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files?.[0];
      if (file) void openFileRef.current(file);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      closeCurrent();
    };
  }, []);

  const openFile = async (file: File) => {
    if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) {
      setStatus({ kind: 'error', message: strings.notPdf });
      return;
    }
    history.replaceState(null, '', location.pathname);
    await open({ data: new Uint8Array(await file.arrayBuffer()), name: file.name });
  };
  const openFileRef = useRef(openFile);
  openFileRef.current = openFile;

  return (
    <div class={`reader${dragging ? ' dragging' : ''}`}>
      <ReaderToolbar
        pageNumber={pageNumber}
        pageCount={pageCount}
        zoomPreset={zoom.preset}
        scale={zoom.scale}
        find={find}
        findFocus={findFocus}
        onOpenFile={(file) => void openFile(file)}
        onPage={(page, done) => {
          view.current?.goToPage(page);
          // Focus in a field counts as typing, which holds popovers back: the document takes it again.
          if (done) container.current?.focus();
        }}
        onZoom={(value) => {
          if (value === 'in') view.current?.zoomIn();
          else if (value === 'out') view.current?.zoomOut();
          else view.current?.zoom(value);
        }}
        onFind={(query, again, previous) => view.current?.find(query, again, previous)}
        onFindClose={() => container.current?.focus()}
      />
      <div class="reader-notes">
        {shown && (
          <p class="document-line">
            <span class="document-title">{shown.title}</span>
            {shown.url && (
              <>
                {' · '}
                <a href={shown.url} rel="noopener noreferrer">
                  {strings.original}: {shown.host}
                </a>
              </>
            )}
          </p>
        )}
        {status.kind === 'empty' && <p class="intro">{strings.intro}</p>}
        {status.kind === 'loading' && <p role="status">{strings.loading(status.name)}</p>}
        {status.kind === 'error' && (
          <p class="error" role="alert">
            {status.message}
          </p>
        )}
        {status.kind === 'ready' && !enabled && shown && (
          <p class="notice" role="status">
            {strings.siteOff(shown.host || strings.document)}
          </p>
        )}
        {status.kind === 'ready' && scanned && (
          <p class="notice" role="status">
            {strings.scanned}
          </p>
        )}
      </div>
      {/* PDF.js positions its viewer absolutely inside this container (see reader.css). */}
      <main class="viewer-area">
        <div
          class="viewer-container"
          ref={container}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling document must take the focus, for the keyboard
          tabIndex={0}
        >
          <div class="pdfViewer" />
        </div>
      </main>
    </div>
  );
}

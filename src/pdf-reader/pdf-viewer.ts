/**
 * PDF.js's viewer component on a container of the reader page: continuous scrolling, the text layer
 * (selectable, copyable, and what Glossa marks), zoom, page numbers and find-in-document through its
 * find controller, which searches every page's text, rendered or not. Only the rendered pages are in
 * the DOM; PDF.js adds and removes their text layers as the reader scrolls.
 */
import 'pdfjs-dist/web/pdf_viewer.css';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import {
  EventBus,
  LinkTarget,
  PDFFindController,
  PDFLinkService,
  PDFViewer,
} from 'pdfjs-dist/web/pdf_viewer.mjs';

export type ZoomValue = 'auto' | 'page-width' | 'page-fit' | number;

export interface FindState {
  query: string;
  /** 0 when nothing matched. */
  total: number;
  current: number;
}

export interface ReaderViewEvents {
  onPageChange(pageNumber: number): void;
  onScaleChange(scale: number, preset: string): void;
  onFind(state: FindState): void;
  /** A page's text layer is in the DOM (rendered). */
  onTextLayer(pageNumber: number): void;
}

export class ReaderView {
  private readonly eventBus = new EventBus();
  private readonly linkService: PDFLinkService;
  private readonly findController: PDFFindController;
  private readonly viewer: PDFViewer;
  private query = '';

  constructor(container: HTMLDivElement, events: ReaderViewEvents) {
    this.linkService = new PDFLinkService({
      eventBus: this.eventBus,
      externalLinkTarget: LinkTarget.BLANK,
      externalLinkRel: 'noopener noreferrer nofollow',
    });
    this.findController = new PDFFindController({ eventBus: this.eventBus, linkService: this.linkService });
    this.viewer = new PDFViewer({
      container,
      viewer: container.firstElementChild as HTMLDivElement,
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      // Text layer on; no forms, no scripting, no editing (annotationMode 1: links and the like only).
      textLayerMode: 1,
      annotationMode: 1,
      annotationEditorMode: -1,
      // PDF.js's autolinker scans every rendered page's text for URLs on the main thread (~50 ms a
      // page of a text-heavy report on a 2-core machine, measured with V8's profiler): links the PDF
      // itself defines still work; plain-text addresses stay text.
      enableAutoLinking: false,
    });
    this.linkService.setViewer(this.viewer);
    this.eventBus.on('pagesinit', () => {
      this.viewer.currentScaleValue = 'auto';
    });
    this.eventBus.on('pagechanging', (event: { pageNumber: number }) =>
      events.onPageChange(event.pageNumber),
    );
    this.eventBus.on('scalechanging', (event: { scale: number; presetValue?: string }) =>
      events.onScaleChange(event.scale, event.presetValue ?? ''),
    );
    this.eventBus.on('textlayerrendered', (event: { pageNumber: number }) =>
      events.onTextLayer(event.pageNumber),
    );
    const onCount = (event: { matchesCount?: { current: number; total: number } }) => {
      const count = event.matchesCount ?? { current: 0, total: 0 };
      events.onFind({ query: this.query, total: count.total, current: count.current });
    };
    this.eventBus.on('updatefindmatchescount', onCount);
    this.eventBus.on('updatefindcontrolstate', onCount);
  }

  show(pdf: PDFDocumentProxy): void {
    this.viewer.setDocument(pdf);
    this.linkService.setDocument(pdf, null);
    this.findController.setDocument(pdf);
  }

  get pageCount(): number {
    return this.viewer.pagesCount;
  }

  get pageNumber(): number {
    return this.viewer.currentPageNumber;
  }

  goToPage(pageNumber: number): void {
    const page = Math.min(Math.max(1, Math.round(pageNumber)), this.viewer.pagesCount || 1);
    this.linkService.goToPage(page);
  }

  zoom(value: ZoomValue): void {
    this.viewer.currentScaleValue = String(value);
  }

  zoomIn(): void {
    this.viewer.increaseScale();
  }

  zoomOut(): void {
    this.viewer.decreaseScale();
  }

  /** Finds `query` (again: the next match; `previous`: the one before), highlighting every match. */
  find(query: string, again: boolean, previous = false): void {
    this.query = query;
    this.eventBus.dispatch('find', {
      source: this,
      type: again ? 'again' : '',
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
  }

  /** The page the text layer `node` belongs to (1-based), if it is in one. */
  static pageOf(node: Node): number | undefined {
    const element = node instanceof Element ? node : node.parentElement;
    const page = element?.closest<HTMLElement>('.page[data-page-number]');
    const number = Number(page?.dataset.pageNumber);
    return Number.isFinite(number) && number > 0 ? number : undefined;
  }
}

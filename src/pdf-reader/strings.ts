/** Every string Glossa's PDF reader shows, translated through the browser's i18n (assets/locales). */
import { t } from '../i18n';
import type { PdfProblem } from './pdf-document';

export const strings = {
  title: t('reader_title'),
  open: t('reader_open'),
  intro: t('reader_intro'),
  toolbar: t('reader_toolbar'),
  page: t('reader_page'),
  pageOf: (count: number) => t('reader_pageOf', count),
  zoom: t('reader_zoom'),
  zoomIn: t('reader_zoomIn'),
  zoomOut: t('reader_zoomOut'),
  zoomAuto: t('reader_zoomAuto'),
  zoomWidth: t('reader_zoomWidth'),
  zoomFit: t('reader_zoomFit'),
  find: t('reader_find'),
  findNext: t('reader_findNext'),
  findPrevious: t('reader_findPrevious'),
  findCount: (current: number, total: number) => t('reader_findCount', current, total),
  findNone: t('reader_findNone'),
  original: t('reader_original'),
  document: t('reader_document'),
  loading: (name: string) => t('reader_loading', name),
  scanned: t('reader_scanned'),
  siteOff: (host: string) => t('reader_siteOff', host),
  notPdf: t('reader_notPdf'),
  problem: (problem: PdfProblem, detail: string): string => {
    switch (problem) {
      case 'encrypted':
        return t('reader_encrypted');
      case 'damaged':
        return t('reader_damaged');
      case 'not-found':
        return t('reader_notFound', detail);
      default:
        return t('reader_unreadable', detail);
    }
  },
};

import { strings } from './strings';

/** Shown when the tab displays a PDF in the browser's viewer, where no extension can explain it. */
export function OpenInReader(props: { onOpen(): void }) {
  return (
    <section class="section pdf-offer" aria-label={strings.pdfHere}>
      <p class="note">{strings.pdfHere}</p>
      <button type="button" class="primary" onClick={props.onOpen}>
        {strings.openInReader}
      </button>
    </section>
  );
}

/**
 * The hostile pages the end-to-end tests (Chromium and Firefox) and the benchmark generate: one
 * source, so that what is measured is what is tested.
 */

/** Enough ordinary text for a frame or a block to be worth reading; it names no term. */
export const PARAGRAPH =
  'A paragraph of ordinary reporting text, long enough for a frame or a block to be worth reading, about nothing in particular.';

/**
 * A mutation storm: a clock rewritten every animation frame (naming OPCON) and a feed that appends
 * and removes 400 paragraphs a second (naming USFK and the UNC). `window.stopStorm()` ends it, the
 * feed emptied and the clock settled on "Settled: OPCON.".
 */
export function stormPage(): string {
  return `<!doctype html><meta charset="utf-8"><p>${PARAGRAPH} THAAD.</p><p id="clock">0</p><div id="feed"></div>
  <script>
    let frames = 0, running = true;
    const clock = document.getElementById('clock'), feed = document.getElementById('feed');
    const tick = () => { clock.textContent = 'Live ' + (++frames) + ' OPCON ' + performance.now().toFixed(1); if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const churn = setInterval(() => {
      for (let i = 0; i < 20; i++) { const p = document.createElement('p'); p.textContent = 'Item ' + i + ' about USFK and the UNC.'; feed.append(p); }
      while (feed.childElementCount > 100) feed.firstElementChild.remove();
    }, 50);
    window.stopStorm = () => { running = false; clearInterval(churn); feed.replaceChildren(); clock.textContent = 'Settled: OPCON.'; };
  </script>`;
}

/**
 * A giant: a table of 100,000 rows naming THAAD and OPCON (200,000 mentions), then a last paragraph
 * (`#end`) naming MASGA.
 */
export function giantPage(rows = 100_000): string {
  return `<!doctype html><meta charset="utf-8"><table id="t"></table><p id="end">${PARAGRAPH} At the very end: MASGA.</p>
  <script>
    const t = document.getElementById('t'), rows = [];
    for (let i = 0; i < ${rows}; i++) rows.push('<tr><td>' + i + '</td><td>THAAD and OPCON</td></tr>');
    t.innerHTML = rows.join('');
  </script>`;
}

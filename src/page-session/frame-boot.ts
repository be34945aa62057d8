/**
 * Whether Glossa starts in a frame at all. Most frames a reader opens hold little or no text (ads,
 * widgets, trackers, embedded players): such a subframe stays idle, touching no extension API, until it
 * holds text worth scanning. The top frame always starts (it reports to the toolbar button).
 */

/** A subframe starts once it holds at least this much text (outside scripts and styles). */
export const FRAME_TEXT_WORTH_SCANNING = 200;

/** How often an idle frame looks again for text, at most. */
const RECHECK_MS = 1000;

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Calls `start` now in the top frame or a frame with text worth scanning, else once such text
 * arrives. An idle frame watches cheaply: the first change after a check disconnects the observer, and
 * the next check comes a second later at the earliest (a frame that churns its DOM pays one check a
 * second, not one per change).
 */
export function startWhenWorthScanning(win: Window, doc: Document, start: () => void): void {
  if (win === win.top || textAtLeast(doc, FRAME_TEXT_WORTH_SCANNING)) {
    start();
    return;
  }
  const observer = new MutationObserver(() => {
    observer.disconnect();
    setTimeout(() => {
      if (textAtLeast(doc, FRAME_TEXT_WORTH_SCANNING)) start();
      else observer.observe(doc, OBSERVE);
    }, RECHECK_MS);
  });
  observer.observe(doc, OBSERVE);
}

/** Does the document hold at least `chars` characters of text outside scripts and styles? Stops there. */
export function textAtLeast(doc: Document, chars: number): boolean {
  const body = doc.body;
  if (!body) return false;
  // All the text, scripts included, in one native call: most idle frames end here.
  if ((body.textContent?.length ?? 0) < chars) return false;
  const walker = doc.createTreeWalker(body, 0x4 /* SHOW_TEXT */);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const tag = (node.parentNode as Element | null)?.localName;
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    total += (node as Text).data.trim().length;
    if (total >= chars) return true;
  }
  return false;
}

/** Whether this is a tab's top document showing a PDF in the browser's own viewer. */
export function showsPdf(win: Window, doc: Document): boolean {
  return win === win.top && doc.contentType === 'application/pdf';
}

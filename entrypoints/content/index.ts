import '@/src/highlighting/highlights.css';
import { builtinPack, type GlossaryEntry, sourceOf } from '@/src/glossary';
import { HighlightLayer } from '@/src/highlighting';
import { compileMatcher } from '@/src/matching';
import { PageScanner, yieldToPage } from '@/src/page-scanning';
import { PopoverController } from '@/src/popover';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin frames too, including about:blank and srcdoc frames a page writes into.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main() {
    // Compiling the glossary (and V8 compiling its regex) is a task of its own, before the scan's slices.
    const matcher = compileMatcher(builtinPack.entries);
    matcher.warmUp();
    await yieldToPage();
    const entries = new Map<string, GlossaryEntry>(builtinPack.entries.map((entry) => [entry.id, entry]));
    const shadowRoots: ShadowRoot[] = [];
    const layer = new HighlightLayer('underline');
    const scanner = new PageScanner(document, {
      matcher,
      added: (mentions) => layer.added(mentions),
      removed: (mentions) => layer.removed(mentions),
      onShadowRoot: (root) => {
        shadowRoots.push(root);
        layer.styleShadowRoot(root);
      },
    });
    const popover = new PopoverController({
      doc: document,
      mentions: scanner.mentions,
      entry: (id) => entries.get(id),
      sourceOf: (entry) => sourceOf(builtinPack, entry),
      setActive: (mention) => layer.setActive(mention),
      shadowRoots: () => shadowRoots,
    });
    popover.start();
    // The page shares the highlight registry and may clear it (CSS.highlights.clear()): look again
    // when the reader comes back to the tab or moves the pointer, at most once a second.
    let lastCheck = Number.NEGATIVE_INFINITY;
    const restoreMarks = () => {
      const now = performance.now();
      if (now - lastCheck < 1000) return;
      lastCheck = now;
      layer.ensureRegistered();
    };
    document.addEventListener('pointermove', restoreMarks, { passive: true });
    document.addEventListener('visibilitychange', restoreMarks);
    void scanner.start();
  },
});

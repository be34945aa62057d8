import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinPack, sourceOf } from '../../../src/glossary';
import { compileMatcher } from '../../../src/matching';
import { PageScanner } from '../../../src/page-scanning';
import { PopoverController } from '../../../src/popover';
import type { SurfaceCallbacks } from '../../../src/popover/popover-controller';
import { createPopoverSurface } from '../../../src/popover/popover-surface';

/** The controller's shadow root is closed; tests keep a handle on it by watching attachShadow. */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** The built-in pack's entries, as the popover reads them. */
const packEntries = new Map(
  builtinPack.entries.map((entry) => [entry.id, { ...entry, source: sourceOf(builtinPack, entry) }]),
);

/** The popover's code at hand at once, with the pack's entries (in the extension it loads on demand). */
const packSurface = (callbacks: SurfaceCallbacks) =>
  createPopoverSurface({
    doc: document,
    theme: 'page',
    glossaryEntry: (id) => packEntries.get(id),
    pageEntry: () => undefined,
    alsoDefined: () => undefined,
    ...callbacks,
  });

/** A scan of the document with the built-in pack, started. */
async function scanWithPack(): Promise<PageScanner> {
  const scanner = new PageScanner(document, {
    matcher: compileMatcher(builtinPack.entries),
    added: () => {},
    removed: () => {},
  });
  await scanner.start();
  return scanner;
}

const press = (target: EventTarget, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }),
  );

describe('PopoverController keyboard use', () => {
  let scanner: PageScanner;
  let controller: PopoverController;
  let roots: ShadowRoot[];
  let active: unknown[];

  beforeEach(async () => {
    document.body.innerHTML = `
      <p>First <button id="before">a button</button> mention of THAAD here.</p>
      <p>Then OPCON, and THAAD again.</p>
      <input id="field" value="THAAD in a field">`;
    roots = captureShadowRoots();
    active = [];
    scanner = await scanWithPack();
    controller = new PopoverController({
      doc: document,
      mentions: scanner.mentions,
      loadSurface: packSurface,
      // happy-dom's dispatched events are untrusted; in a browser only the reader's are trusted.
      isTrusted: () => true,
      setActive: (mention) => active.push(mention),
      shadowRoots: () => [],
    });
    controller.start();
  });

  afterEach(() => {
    controller.stop();
    scanner.stop();
    document.body.innerHTML = '';
  });

  const dialog = () => roots[0]?.querySelector('[role="dialog"]') ?? null;

  it('adds nothing to the page until a popover opens', () => {
    expect(document.querySelector('glossa-popover')).toBeNull();
    expect(scanner.mentions.size).toBe(3);
  });

  it('opens the next mention as a focused dialog with Alt+Shift+ArrowDown', () => {
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    press(before, 'ArrowDown', { altKey: true, shiftKey: true });
    expect(document.querySelectorAll('glossa-popover')).toHaveLength(1);
    expect(dialog()?.querySelector('.term')?.textContent).toBe('THAAD');
    expect(roots[0]?.activeElement).toBe(dialog());
    expect(active.at(-1)).toBe(scanner.mentions.list()[0]);
    // The next press moves on, in document order, across entries.
    press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
    expect(dialog()?.getAttribute('data-entry')).toBe('opcon');
    press(document.body, 'ArrowUp', { altKey: true, shiftKey: true });
    expect(dialog()?.querySelector('.term')?.textContent).toBe('THAAD');
  });

  it('closes on Escape and gives focus back to where it was', () => {
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    press(before, 'ArrowDown', { altKey: true, shiftKey: true });
    expect(dialog()).not.toBeNull();
    press(document.querySelector('glossa-popover') as Element, 'Escape');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(before);
    expect(active.at(-1)).toBeNull();
  });

  it('keeps Tab inside the pinned popover, reaching every control', () => {
    press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
    const root = roots[0] as ShadowRoot;
    const host = document.querySelector('glossa-popover') as Element;
    const controls = [...root.querySelectorAll<HTMLElement>('button:not(:disabled), a[href]')];
    expect(controls.length).toBeGreaterThan(3);
    const reached = new Set<Element | null>();
    for (let i = 0; i < controls.length + 1; i++) {
      press(host, 'Tab');
      reached.add(root.activeElement);
    }
    for (const control of controls) expect(reached.has(control)).toBe(true);
    expect(document.activeElement).toBe(host);
  });

  it('never reacts to the shortcut while the reader types in a field', () => {
    const field = document.getElementById('field') as HTMLInputElement;
    field.focus();
    const event = new KeyboardEvent('keydown', {
      key: 'ArrowDown',
      altKey: true,
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    field.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(document.querySelector('glossa-popover')).toBeNull();
  });

  it('a related term switches the open popover to that entry', () => {
    press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
    const chip = roots[0]?.querySelector<HTMLButtonElement>('.related button');
    const term = chip?.textContent;
    chip?.click();
    expect(dialog()?.querySelector('.term')?.textContent).toBe(term);
  });

  it('steps between the mentions of the shown entry with the popover’s buttons', () => {
    press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
    expect(dialog()?.querySelector('.count')?.textContent).toBe('2 mentions on this page (1 of 2)');
    roots[0]?.querySelector<HTMLButtonElement>('[aria-label="Next mention"]')?.click();
    expect(dialog()?.querySelector('.count')?.textContent).toBe('2 mentions on this page (2 of 2)');
    const thaads = scanner.mentions.list().filter((mention) => mention.entryId === 'thaad');
    expect(active.at(-1)).toBe(thaads[1]);
  });
});

describe('PopoverController when the popover’s code fails to load', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('tries again on the reader’s next action, and then explains', async () => {
    document.body.innerHTML = '<p>A mention of THAAD here.</p>';
    const roots = captureShadowRoots();
    const scanner = await scanWithPack();
    // The first load is refused (the background could not inject it), the second finds nothing, the
    // third works: as when the service worker is starting on a fresh browser.
    const outcomes: ('reject' | 'null' | 'ok')[] = ['reject', 'null', 'ok'];
    let loads = 0;
    const controller = new PopoverController({
      doc: document,
      mentions: scanner.mentions,
      loadSurface: async (callbacks) => {
        const outcome = outcomes[loads++];
        if (outcome === 'reject') throw new Error('Could not establish connection');
        if (outcome === 'null') return null;
        return packSurface(callbacks);
      },
      isTrusted: () => true,
      setActive: () => {},
      shadowRoots: () => [],
    });
    controller.start();
    const dialog = () => roots[0]?.querySelector('[role="dialog"]') ?? null;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    try {
      press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
      await settle();
      expect(loads).toBe(1);
      expect(controller.isPinned).toBe(false);
      expect(document.querySelector('glossa-popover')).toBeNull();
      press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
      await settle();
      expect(loads).toBe(2);
      expect(controller.isPinned).toBe(false);
      press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
      await settle();
      expect(loads).toBe(3);
      expect(controller.isPinned).toBe(true);
      expect(dialog()?.querySelector('.term')?.textContent).toBe('THAAD');
      // Loaded once, it is kept: the next opening loads nothing.
      press(document.body, 'Escape');
      press(document.body, 'ArrowDown', { altKey: true, shiftKey: true });
      expect(dialog()?.querySelector('.term')?.textContent).toBe('THAAD');
      expect(loads).toBe(3);
    } finally {
      controller.stop();
      scanner.stop();
      vi.restoreAllMocks();
    }
  });
});

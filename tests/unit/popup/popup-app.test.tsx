import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinPack, resolveLibrary } from '../../../src/glossary';
import type { FrameTermCount, PageInfo } from '../../../src/messaging';
import { PopupApp, type PopupServices } from '../../../src/popup';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';

function fakeServices(overrides: Partial<PopupServices> = {}, page: PageInfo | null = null) {
  let settings: Settings = { ...DEFAULT_SETTINGS, sites: [] };
  const watchers = new Set<(s: Settings) => void>();
  const terms: FrameTermCount[] = [
    { entryId: 'usfk', count: 8, frameId: 0 },
    { entryId: 'thaad', count: 2, frameId: 3 },
  ];
  const services: PopupServices = {
    pageInfo: vi.fn(async () => page),
    pageTerms: vi.fn(async () => (page ? terms : [])),
    revealTerm: vi.fn(async () => true),
    loadSettings: vi.fn(async () => settings),
    setSiteEnabled: vi.fn(async (host: string, enabled: boolean) => {
      settings = { ...settings, sites: enabled ? [] : [host] };
      for (const watcher of watchers) watcher(settings);
      return { removed: [] };
    }),
    setPaused: vi.fn(async (paused: boolean) => {
      settings = { ...settings, paused };
      for (const watcher of watchers) watcher(settings);
      return {};
    }),
    watchSettings: (callback) => {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    copyText: vi.fn(async () => {}),
    pageSelection: vi.fn(async () => ({ text: '', title: '', url: '' })),
    saveEntry: vi.fn(async () => ({ ok: true as const, message: 'Saved.' })),
    openOptions: vi.fn(),
    pdfInTab: vi.fn(async () => null),
    openInReader: vi.fn(async () => {}),
    close: vi.fn(),
    ...overrides,
  };
  return services;
}

const page: PageInfo = { host: 'news.example.com', enabled: true, highlights: true };
const library = resolveLibrary([builtinPack], [], builtinPack.id);

describe('PopupApp', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  async function mount(services: PopupServices) {
    await act(async () => {
      render(<PopupApp library={library} services={services} />, container);
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
  const searchBox = () => container.querySelector('input.search-input') as HTMLInputElement;
  const options = () => [...container.querySelectorAll('[role="option"]')];
  async function type(text: string) {
    await act(async () => {
      searchBox().value = text;
      searchBox().dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  async function press(key: string) {
    await act(async () => {
      (document.activeElement ?? searchBox()).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true }),
      );
    });
  }

  it('offers the reader for a tab that shows a PDF, and opens it there', async () => {
    const pdfUrl = 'https://www.example.org/reports/alliance.pdf';
    const services = fakeServices({ pdfInTab: vi.fn(async () => pdfUrl) });
    await mount(services);
    const button = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Open in Glossa’s reader',
    );
    expect(container.textContent).toContain('This tab shows a PDF.');
    await act(async () => {
      button?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(services.openInReader).toHaveBeenCalledWith(pdfUrl);
    expect(services.close).toHaveBeenCalled();
  });

  it('offers no reader when the tab shows no PDF', async () => {
    await mount(fakeServices());
    expect(container.textContent).not.toContain('This tab shows a PDF.');
  });

  it('focuses the search box on open and lists the whole glossary', async () => {
    await mount(fakeServices({}, page));
    expect(document.activeElement).toBe(searchBox());
    expect(options()).toHaveLength(builtinPack.entries.length);
  });

  it('ranks results as the reader types; the active one is announced through the combobox', async () => {
    await mount(fakeServices({}, page));
    await type('thad');
    const first = options()[0] as HTMLElement;
    expect(first.textContent).toContain('THAAD');
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(first.id);
    await type('전작권');
    expect(options()[0]?.textContent).toContain('OPCON');
    expect(options()[0]?.textContent).toContain('matched “전작권”');
  });

  it('moves with the arrow keys (wrapping) and opens the active entry with Enter', async () => {
    await mount(fakeServices({}, page));
    await type('island');
    await press('ArrowDown');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    await press('ArrowUp');
    await press('ArrowUp');
    expect(options().at(-1)?.getAttribute('aria-selected')).toBe('true');
    await press('ArrowDown');
    const chosen = options()[0]?.querySelector('.result-term')?.textContent;
    await press('Enter');
    const heading = container.querySelector('h2.detail-term');
    expect(heading?.textContent).toBe(chosen);
    expect(document.activeElement).toBe(heading);
  });

  it('shows an entry in full: explanation, verbatim quote, attribution; Back returns to the search', async () => {
    await mount(fakeServices({}, page));
    await type('THAAD');
    await press('Enter');
    const thaad = builtinPack.entries.find((entry) => entry.id === 'thaad');
    const detail = container.querySelector('.detail') as HTMLElement;
    expect(detail.textContent).toContain(thaad?.explanation);
    expect(detail.querySelector('blockquote')?.textContent).toBe(thaad?.quotes[0]?.text);
    expect(detail.querySelector('.attribution')?.textContent).toContain('Kyeongdoo Jeong');
    expect(detail.textContent).toContain('Show on this page (2 mentions on this page)');
    await act(async () => (container.querySelector('button.back') as HTMLButtonElement).click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(document.activeElement).toBe(searchBox());
    expect(searchBox().value).toBe('THAAD');
  });

  it('Escape clears the search first', async () => {
    await mount(fakeServices({}, page));
    await type('masga');
    await press('Escape');
    expect(searchBox().value).toBe('');
  });

  it('lists the terms on this page; choosing one reveals it in its frame and closes the popup', async () => {
    const services = fakeServices({}, page);
    await mount(services);
    const buttons = [...container.querySelectorAll('button.page-term')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.querySelector('.page-term-name')?.textContent)).toEqual(['USFK', 'THAAD']);
    await act(async () => buttons[1]?.click());
    expect(services.revealTerm).toHaveBeenCalledWith({ entryId: 'thaad', count: 2, frameId: 3 });
    expect(services.close).toHaveBeenCalled();
  });

  it('labels the site switch with the host, and flips it', async () => {
    const services = fakeServices({}, page);
    await mount(services);
    const site = container.querySelector('.site-switch') as HTMLButtonElement;
    expect(site.getAttribute('role')).toBe('switch');
    expect(site.getAttribute('aria-checked')).toBe('true');
    expect(site.textContent).toBe('On for news.example.com');
    await act(async () => site.click());
    expect(services.setSiteEnabled).toHaveBeenCalledWith('news.example.com', false);
    expect(site.getAttribute('aria-checked')).toBe('false');
    expect(site.textContent).toBe('Off for news.example.com');
    // Off here: no "On this page" list.
    expect(container.querySelector('.page-terms')).toBeNull();
  });

  it('has a global pause beside the site switch', async () => {
    const services = fakeServices({}, page);
    await mount(services);
    const pause = container.querySelector('.pause-switch') as HTMLButtonElement;
    expect(pause.getAttribute('aria-checked')).toBe('false');
    await act(async () => pause.click());
    expect(services.setPaused).toHaveBeenCalledWith(true);
    expect(container.textContent).toContain('Paused: Glossa is off on every site');
  });

  it('says plainly where Glossa cannot run, and search still works', async () => {
    await mount(fakeServices({}, null));
    expect(container.textContent).toContain('Glossa cannot run on this page');
    expect(container.querySelector('.site-switch')).toBeNull();
    await type('사드');
    expect(options()[0]?.textContent).toContain('THAAD');
  });

  it('copies a citation of the first quote, and says so', async () => {
    const services = fakeServices({}, page);
    await mount(services);
    await type('OPCON');
    await press('Enter');
    const copy = [...container.querySelectorAll('button.action')].find(
      (b) => b.textContent === 'Copy citation',
    );
    await act(async () => (copy as HTMLButtonElement).click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    const opcon = builtinPack.entries.find((entry) => entry.id === 'opcon');
    expect(services.copyText).toHaveBeenCalledWith(expect.stringContaining(`“${opcon?.quotes[0]?.text}”`));
    expect(container.querySelector('.status')?.textContent).toBe('Citation copied');
  });
});

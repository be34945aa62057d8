import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../src/options';
import { DEFAULT_SETTINGS, exportSettingsFile, loadSettings } from '../../../src/settings';

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('OptionsApp', () => {
  let container: HTMLElement;
  const download = vi.fn();
  beforeEach(() => {
    fakeBrowser.reset();
    download.mockReset();
    container = document.createElement('div');
    document.body.appendChild(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  async function mount(highlightsSupported = true) {
    await act(async () => {
      render(<OptionsApp highlightsSupported={highlightsSupported} download={download} />, container);
    });
    await settle();
  }
  const radio = (label: string) =>
    [...container.querySelectorAll('label.choice')]
      .find((l) => l.textContent === label)
      ?.querySelector('input') as HTMLInputElement | undefined;
  const stored = async () => (await fakeBrowser.storage.sync.get('settings')).settings;

  it('shows every setting with its current value', async () => {
    await mount();
    const legends = [...container.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual([
      'Open explanations',
      'Mark terms on the page',
      'Which mentions to mark',
      'Explanation colours',
      'Where Glossa runs',
    ]);
    expect(radio('When the pointer rests on a term')?.checked).toBe(true);
    expect(radio('Dotted underline')?.checked).toBe(true);
    expect(container.textContent).toContain('Hover delay');
    expect(container.textContent).toContain('Find terms written in Korean');
    expect(container.textContent).toContain('Skip code blocks');
  });

  it('saves a choice at once', async () => {
    await mount();
    await act(async () => radio('Only when I click a term')?.click());
    await settle();
    expect((await loadSettings()).settings.trigger).toBe('click');
    expect(container.querySelector('.status')?.textContent).toBe('Saved.');
  });

  it('explains an out-of-range hover delay and saves nothing', async () => {
    await mount();
    const input = container.querySelector('input[type="number"]') as HTMLInputElement;
    await act(async () => {
      input.value = '5000';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Type a whole number from 0 to 2000.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toBeUndefined();
  });

  async function addSite(text: string) {
    const input = container.querySelector('.add-site input') as HTMLInputElement;
    await act(async () => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (container.querySelector('.add-site') as HTMLFormElement).dispatchEvent(
        new Event('submit', { bubbles: true, cancelable: true }),
      );
    });
    await settle();
  }

  it('adds and removes sites; an invalid entry is refused with a message', async () => {
    await mount();
    await addSite('news.*.com');
    expect(container.querySelector('.add-site [role="alert"]')?.textContent).toMatch(/may only come first/);
    expect(await stored()).toBeUndefined();
    await addSite('https://News.Example.com/world');
    await addSite('*.blocked.org');
    expect([...container.querySelectorAll('.site')].map((s) => s.textContent)).toEqual([
      'news.example.com',
      '*.blocked.org',
    ]);
    expect((await loadSettings()).settings.sites).toEqual(['news.example.com', '*.blocked.org']);
    await addSite('news.example.com');
    expect(container.querySelector('.add-site [role="alert"]')?.textContent).toBe(
      'news.example.com is already in the list.',
    );
    const remove = container.querySelector(
      'button[aria-label="Remove news.example.com"]',
    ) as HTMLButtonElement;
    await act(async () => remove.click());
    await settle();
    expect((await loadSettings()).settings.sites).toEqual(['*.blocked.org']);
  });

  it('exports the settings as a Glossa settings file', async () => {
    await mount();
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Export settings');
    await act(async () => button?.click());
    expect(download).toHaveBeenCalledWith(
      'glossa-settings.json',
      expect.stringContaining('"glossa-settings"'),
    );
    expect(JSON.parse(download.mock.calls[0]?.[1]).settings).toEqual(DEFAULT_SETTINGS);
  });

  async function importText(text: string) {
    const input = container.querySelector(
      'section[aria-labelledby="section-transfer"] input[type="file"]',
    ) as HTMLInputElement;
    const file = new File([text], 'settings.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await settle();
  }

  it('imports a valid file, and refuses a broken one without changing anything', async () => {
    await mount();
    await addSite('keep.example.com');
    const before = await stored();
    await importText('{"format":"glossa-settings","version":1,"settings":{"theme":"blue"}}');
    expect(container.textContent).toContain('Nothing was imported:');
    expect(container.textContent).toContain('settings.theme: must be one of page, light, dark.');
    expect(await stored()).toEqual(before);

    await importText(exportSettingsFile({ ...DEFAULT_SETTINGS, theme: 'dark', sites: ['a.example.com'] }));
    expect(container.textContent).toContain(`Imported ${Object.keys(DEFAULT_SETTINGS).length} settings.`);
    expect((await loadSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      sites: ['a.example.com'],
    });
    expect(radio('Always dark')?.checked).toBe(true);
  });

  it('lists stored settings that could not be read, and says which defaults replaced them', async () => {
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 'soon', sites: ['keep.example.com'] } });
    await mount();
    const alert = container.querySelector('.warning') as HTMLElement;
    expect(alert.textContent).toMatch(/hoverDelayMs: .*using the default/);
    expect([...container.querySelectorAll('.site')].map((s) => s.textContent)).toEqual(['keep.example.com']);
  });

  it('says so where the browser cannot mark terms', async () => {
    await mount(false);
    expect(container.textContent).toContain('This browser lacks the CSS Custom Highlight API');
  });
});

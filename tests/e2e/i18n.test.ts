/**
 * Korean when the browser's language is Korean: the popup, the options page, the popover and the
 * glossary library's messages speak it, and dates are written as Korean writes them (English is
 * covered by every other test).
 */
import { describe, expect, it } from 'vitest';
import ko from '../../assets/locales/ko.json';
import { openToolbarPopup } from './support/extension-pages';
import { openScanned, useBrowserAndServer, waitForPopover } from './support/glossa-page';
import { hoverText } from './support/text';

const hangul = /\p{Script=Hangul}/u;
const message = (key: keyof typeof ko, ...values: string[]) =>
  ko[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');

describe('Glossa in Korean', () => {
  const env = useBrowserAndServer({ debuggingPort: true, args: ['--lang=ko'] });

  it('has a Korean message for every interface string', () => {
    for (const [key, value] of Object.entries(ko)) {
      // The name, and the popup's title (the name again), stay Glossa.
      if (key === 'extName' || key === 'popup_title' || key === 'languageTag') continue;
      expect(value.message, key).toMatch(hangul);
    }
  });

  it('shows the popup, the options page and the popover in Korean', async () => {
    const page = await openScanned(env.browser, env.server.url('/fixtures/settings.html'));
    const popup = await openToolbarPopup(env.browser, page);
    expect(await popup.locator('.site-switch').innerText()).toBe(message('popup_siteOn', '127.0.0.1'));
    expect(await popup.locator('.search-input').getAttribute('aria-label')).toBe(
      message('popup_searchLabel'),
    );
    await popup.locator('.search-input').fill('사드');
    expect(await popup.locator('[role="option"] .result-term').first().innerText()).toBe('THAAD');
    await popup.close();

    const options = await env.browser.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    expect(await options.locator('main.options h1').innerText()).toBe(message('options_title'));
    await options.close();

    await hoverText(page, 'THAAD');
    const view = await waitForPopover(page);
    expect(view.label).toBe(message('popover_explanationOf', 'THAAD'));
    // The source's date as Korean writes it.
    expect(view.texts.join(' ')).toContain('2025년 9월 30일');
    await page.close();
  });

  it('says in Korean why a glossary file was not imported', async () => {
    const options = await env.browser.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await options.getByLabel(message('options_importPack')).setInputFiles({
      name: 'pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"id": "broken",'),
    });
    const section = options.locator('section[aria-labelledby="section-glossaries"]');
    // The reason names the parser's own error after it, in the browser's words.
    const notJson = message('library_notJson', '').split('(')[0] as string;
    await expect.poll(() => section.innerText()).toContain(notJson);
    expect(notJson).toMatch(hangul);
    // A pack that breaks a rule of the format: the rule, in Korean.
    const empty = { schemaVersion: 1, id: 'empty', name: 'Empty', version: '1.0.0', languages: ['en'] };
    await options.getByLabel(message('options_importPack')).setInputFiles({
      name: 'empty.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...empty, source: { title: 'Empty' }, entries: [] })),
    });
    await expect.poll(() => section.innerText()).toContain(message('pack_needsEntry'));
    await options.close();
  });
});

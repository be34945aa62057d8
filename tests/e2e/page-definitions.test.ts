/**
 * Terms a page defines for itself, and the reader's own glossary, in Chromium: a later mention of a
 * defined abbreviation explains itself with the defining sentence; a glossary term the page defines too
 * says so; a saved term appears on another page and in the popup's search.
 */
import { describe, expect, it } from 'vitest';
import type { ChromeGlobal } from './support/chrome-api';
import { openToolbarPopup } from './support/extension-pages';
import {
  clickPopoverButton,
  markedTexts,
  openScanned,
  useBrowserAndServer,
  waitForPopover,
} from './support/glossa-page';
import { hoverText } from './support/text';

describe('terms a page defines, and My glossary', () => {
  const env = useBrowserAndServer({ debuggingPort: true });
  const page = () => openScanned(env.browser, env.server.url('/fixtures/definitions.html'));
  const resetStorage = () =>
    env.browser.serviceWorker?.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      await chrome.storage.local.clear();
      await chrome.storage.sync.clear();
    });

  it('marks the mentions after a definition, not before it or inside it, and nothing for asides', async () => {
    await resetStorage();
    const tab = await page();
    await expect
      .poll(() => markedTexts(tab))
      .toEqual(['KAMD', 'PAC-3', 'KAMD', 'Terminal High Altitude Area Defense', 'THAAD']);
    await tab.close();
  });

  it('explains a later mention with its long form and the defining sentence, from this page', async () => {
    await resetStorage();
    const tab = await page();
    await hoverText(tab, 'KAMD now');
    const view = await waitForPopover(tab);
    expect(view.label).toBe('Explanation of KAMD, Korea Air and Missile Defense');
    const text = view.texts.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Korea Air and Missile Defense');
    expect(text).toContain('KAMD · defined on this page');
    expect(text).toContain(
      'Seoul is expanding its Korea Air and Missile Defense (KAMD) network, and the army fields the Patriot Advanced Capability-3 (PAC-3) interceptor.',
    );
    expect(text).toContain('Missile defence notes');
    await tab.close();
  });

  it('adds the page’s own definition to a glossary term it already knows', async () => {
    await resetStorage();
    const tab = await page();
    await hoverText(tab, 'THAAD');
    const view = await waitForPopover(tab);
    expect(view.label).toBe('Explanation of THAAD');
    const text = view.texts.join(' ');
    expect(text).toContain('Also defined on this page:');
    expect(text).toContain('The Terminal High Altitude Area Defense (THAAD) battery in Seongju remains.');
    await tab.close();
  });

  it('saves a page term to My glossary: it is found on another page and in search', async () => {
    await resetStorage();
    const tab = await page();
    await hoverText(tab, 'PAC-3 units');
    await waitForPopover(tab);
    await clickPopoverButton(tab, 'Save to my glossary');
    await expect
      .poll(async () => (await waitForPopover(tab)).texts.join(' '))
      .toContain('Saved to My glossary');

    const other = await openScanned(env.browser, env.server.url('/fixtures/settings.html'));
    await other.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Two PAC-3 batteries arrived.';
      document.querySelector('main')?.prepend(p);
    });
    await expect.poll(() => markedTexts(other)).toContain('PAC-3');
    await hoverText(other, 'PAC-3');
    const view = await waitForPopover(other);
    expect(view.texts.join(' ')).toContain('Patriot Advanced Capability-3');
    expect(view.texts.join(' ')).toContain('Missile defence notes');

    const popup = await openToolbarPopup(env.browser, other);
    await popup.locator('.search-input').fill('pac');
    expect(await popup.locator('[role="option"] .result-term').first().innerText()).toBe('PAC-3');
    await popup.close();
    await other.close();
    await tab.close();
  });
});

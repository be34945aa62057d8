/**
 * Interface strings through the browser's i18n (`_locales/<lang>/messages.json`, built from
 * assets/locales): the browser picks the reader's language, Korean or English. Where the i18n API is
 * missing or has no message (unit tests, a key not yet translated), the English text is used.
 */
import { browser } from 'wxt/browser';
import english from '../../assets/locales/en.json';

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const values = substitutions.map(String);
  let text = '';
  try {
    // WXT types getMessage by the locales it knows of at type time; ours are generated at build time.
    const getMessage = browser.i18n?.getMessage as
      | ((name: string, substitutions?: string[]) => string)
      | undefined;
    text = getMessage?.(key, values) ?? '';
  } catch {
    // No i18n in this context (a test): English below.
  }
  if (text) return text;
  return english[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

/**
 * The interface's language (a BCP 47 tag), for dates: the language of the messages the browser
 * chose. Not `getUILanguage()`, which may name another language than the messages are in (measured
 * in Chromium 156 started with --lang=ko: Korean messages, "en-US" from getUILanguage), and the date
 * must read as the sentence around it does.
 */
export function uiLanguage(): string {
  return t('languageTag');
}

/**
 * The background's answers about the reader's glossaries: "Save to my glossary" from a popover. The
 * entry is checked with the glossary's own schema before anything is written (savePersonalEntry).
 */

import { t } from '../i18n';
import { handleMessages } from '../messaging/channel';
import { savePersonalEntry } from './library-store';
import type { GlossaryEntry } from './model';

export function startLibraryMessages(): void {
  handleMessages({
    'save-entry': async ({ entry }) => {
      if (typeof entry !== 'object' || entry === null || typeof (entry as { id?: unknown }).id !== 'string') {
        return { ok: false, errors: [t('library_notAnEntry')] };
      }
      const result = await savePersonalEntry(entry as GlossaryEntry);
      if (result.ok) return { ok: true, message: result.message };
      return { ok: false, errors: result.errors, ...(result.refused ? { refused: true } : {}) };
    },
  });
}

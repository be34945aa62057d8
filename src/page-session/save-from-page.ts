/**
 * "Save to my glossary" from a page or the reader: the entry goes to the background as a saved
 * entry (dated today), and the answer becomes what the popover tells the reader.
 */
import type { LibraryEntry } from '../glossary/library';
import { sendFromPage } from '../messaging/page-channel';
import { toSavedEntry } from '../page-definitions/saved-entry';
import type { SaveOutcome } from '../popover/popover-contract';

export async function saveFromPage(entry: LibraryEntry): Promise<SaveOutcome> {
  const answer = await sendFromPage({ type: 'save-entry', entry: toSavedEntry(entry, new Date()) });
  return answer.ok ? 'saved' : answer.refused ? 'refused' : 'failed';
}

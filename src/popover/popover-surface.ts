/**
 * The popover's code, on the popover's side of the contract (popover-contract.ts): the card, where it
 * stands, and what its buttons do. Loaded into a frame only when the frame first shows a popover.
 */
import { h } from 'preact';
import type { GlossaryEntry } from '../glossary/model';
import { formatCitation } from '../ui';
import { PopoverCard } from './popover-card';
import type {
  PopoverSurface,
  SaveOutcome,
  ShownEntry,
  SurfaceOptions,
  SurfaceView,
} from './popover-contract';
import { PopoverHost } from './popover-host';
import { strings } from './strings';
import { pageTheme, type Theme } from './theme';

interface Shown {
  view: SurfaceView;
  entry: ShownEntry;
  related: ShownEntry[];
  theme: Theme;
  status: string;
}

export function createPopoverSurface(options: SurfaceOptions): PopoverSurface {
  const host = new PopoverHost(options.doc);
  let shown: Shown | null = null;
  /** Bumped by every show and hide: an entry read for an older view is not shown. */
  let generation = 0;

  const lookup = (id: string) => options.pageEntry(id) ?? options.glossaryEntry(id);

  const render = (place: boolean) => {
    if (!shown) return;
    const { view, entry, related, theme, status } = shown;
    const fromPage = options.pageEntry(entry.id) !== undefined;
    const card = h(PopoverCard, {
      origin: fromPage ? 'page' : 'glossary',
      alsoDefined: fromPage ? undefined : options.alsoDefined(entry.id),
      onSave: fromPage && options.save ? () => void saveEntry(entry) : undefined,
      entry: entry as GlossaryEntry,
      source: entry.source,
      related: related as GlossaryEntry[],
      mentionCount: view.mentionCount,
      mentionIndex: view.mentionIndex,
      pinned: view.pinned,
      theme,
      status,
      onClose: options.onClose,
      onRelated: options.onRelated,
      onStep: options.onStep,
      onCopy: () => void copyCitation(entry),
    });
    if (place) host.show(card, { range: view.anchor, pointer: view.pointer });
    else host.update(card);
  };

  const setStatus = (entry: ShownEntry, status: string) => {
    if (shown?.entry !== entry) return;
    shown = { ...shown, status };
    render(false);
  };

  const saveEntry = async (entry: ShownEntry) => {
    let outcome: SaveOutcome = 'failed';
    try {
      outcome = (await options.save?.(entry.id)) ?? 'failed';
    } catch {
      outcome = 'failed';
    }
    const status = {
      saved: strings.savedToGlossary,
      refused: strings.saveRefused,
      failed: strings.saveFailed,
    };
    setStatus(entry, status[outcome]);
  };

  const copyCitation = async (entry: ShownEntry) => {
    const quote = entry.quotes[0];
    if (!quote) return;
    let status: string = strings.copied;
    try {
      await navigator.clipboard.writeText(formatCitation(quote, entry.source));
    } catch {
      status = strings.copyFailed;
    }
    setStatus(entry, status);
  };

  const showWith = (view: SurfaceView, place: boolean, entry: ShownEntry, related: ShownEntry[]) => {
    const theme = options.theme === 'page' ? pageTheme(view.near) : options.theme;
    const status = shown && shown.entry.id === entry.id && !place ? shown.status : '';
    shown = { view, entry, related, theme, status };
    render(place);
    return true;
  };

  return {
    show(view, place) {
      const mine = ++generation;
      // Entries at hand show at once (the same task); entries read from storage show when read.
      const finish = (entry: ShownEntry, related: ShownEntry[]) =>
        mine === generation && showWith(view, place, entry, related);
      const found = lookup(view.entryId);
      if (found instanceof Promise) {
        return found.then(async (entry) => (entry ? finish(entry, await relatedOf(entry, lookup)) : false));
      }
      if (!found) return false;
      const related = relatedOf(found, lookup);
      return related instanceof Promise
        ? related.then((list) => finish(found, list))
        : finish(found, related);
    },
    prefetch(entryId) {
      const found = lookup(entryId);
      const read = (entry: ShownEntry | undefined) => {
        if (entry) void Promise.resolve(relatedOf(entry, lookup)).catch(() => undefined);
      };
      if (found instanceof Promise) void found.then(read, () => undefined);
      else read(found);
    },
    hide() {
      generation++;
      shown = null;
      host.hide();
    },
    contains: (target) => host.contains(target),
    focusCard: () => host.focusCard(),
    focusables: () => host.focusables(),
    activeElement: () => host.activeElement(),
    followFullscreen: () => host.followFullscreen(),
    destroy() {
      generation++;
      shown = null;
      host.destroy();
    },
  };
}

/** The entry's related entries that exist; a promise only if some lookup is one. */
function relatedOf(
  entry: ShownEntry,
  lookup: (id: string) => ShownEntry | undefined | Promise<ShownEntry | undefined>,
): ShownEntry[] | Promise<ShownEntry[]> {
  const found = entry.related.map(lookup);
  const present = (list: (ShownEntry | undefined)[]) => list.filter((e): e is ShownEntry => e !== undefined);
  if (found.some((e) => e instanceof Promise)) return Promise.all(found).then(present);
  return present(found as (ShownEntry | undefined)[]);
}

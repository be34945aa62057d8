/**
 * Renders the real PopoverCard with the real popover CSS on a plain test page, where axe-core can
 * reach it (in the extension it lives in a closed shadow root that no page script can open).
 */
import { render } from 'preact';
import { builtinPack } from '../../../src/glossary/builtin/rok-us-alliance';
import { sourceOf } from '../../../src/glossary/model';
import { PopoverCard } from '../../../src/popover/popover-card';

declare global {
  interface Window {
    renderCard(options: { id: string; pinned: boolean; theme: 'light' | 'dark' }): void;
  }
}

window.renderCard = ({ id, pinned, theme }) => {
  const entry = builtinPack.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  const frame = document.querySelector('.frame') as HTMLElement;
  const related = entry.related.flatMap((r) => builtinPack.entries.filter((e) => e.id === r));
  render(
    <PopoverCard
      entry={entry}
      source={sourceOf(builtinPack, entry)}
      related={related}
      mentionCount={3}
      mentionIndex={2}
      pinned={pinned}
      theme={theme}
      status=""
      onClose={() => {}}
      onRelated={() => {}}
      onStep={() => {}}
      onCopy={() => {}}
    />,
    frame,
  );
};

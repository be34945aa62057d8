/**
 * The popover's code: injected by the background into a frame's isolated world the first time the
 * frame shows a popover (src/page-session/popover-loader.ts). It hands its module to the page side
 * of Glossa through that world's global object.
 */
import { snapshotEntries } from '@/src/glossary-snapshot/snapshot-entries';
import { POPOVER_MODULE, type PopoverModule } from '@/src/popover/popover-contract';
import { createPopoverSurface } from '@/src/popover/popover-surface';

export default defineUnlistedScript({
  globalName: false,
  main() {
    const module: PopoverModule = { createSurface: createPopoverSurface, snapshotEntries };
    (globalThis as unknown as Record<symbol, PopoverModule>)[POPOVER_MODULE] = module;
  },
});

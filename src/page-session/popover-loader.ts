/**
 * Brings the popover's code into this frame the first time it is needed. The background injects it
 * (`scripting.executeScript`) into this content script's isolated world, where it puts its module on
 * the world's global object; page scripts live in another world and never see it. No file is made
 * web-accessible, so a page cannot probe for Glossa by loading one.
 */
import { POPOVER_MODULE, type PopoverModule } from '../popover/popover-contract';

type Global = Record<symbol, PopoverModule | undefined>;

let loading: Promise<PopoverModule | null> | null = null;

/** The popover module, loading it through `inject` (at most once at a time; again after a failure). */
export function loadPopoverModule(inject: () => Promise<boolean>): Promise<PopoverModule | null> {
  const present = (globalThis as unknown as Global)[POPOVER_MODULE];
  if (present) return Promise.resolve(present);
  loading ??= inject().then(
    (ok) => {
      const module = ok ? ((globalThis as unknown as Global)[POPOVER_MODULE] ?? null) : null;
      if (!module) {
        loading = null;
        console.debug('[Glossa] the popover did not load:', ok ? 'injected, but no module' : 'refused');
      }
      return module;
    },
    (error) => {
      loading = null;
      console.debug('[Glossa] the popover did not load:', error);
      return null;
    },
  );
  return loading;
}

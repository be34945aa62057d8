/**
 * The popover's own code (card, placement, buttons), made on first use and at most once. The page
 * script carries only the contract; `load` may give the surface at once (tests, the reader) or after
 * its chunk has loaded. A load that fails (the background could not inject the script, a message was
 * lost while the service worker started) is forgotten, so the reader's next hover or click tries
 * again: one failure must not leave the page without explanations until it is reloaded.
 */
import type { PopoverSurface } from './popover-contract';

export class LazySurface {
  private made: PopoverSurface | null = null;
  private loading: Promise<PopoverSurface | null> | null = null;
  private destroyed = false;

  constructor(private readonly load: () => PopoverSurface | Promise<PopoverSurface | null>) {}

  /** The surface if it is at hand now (loaded before, or made at once), else null. */
  get current(): PopoverSurface | null {
    return this.made;
  }

  /** The surface, loading it the first time; null when it could not load or was destroyed meanwhile. */
  get(): Promise<PopoverSurface | null> {
    if (this.made) return Promise.resolve(this.made);
    if (this.destroyed) return Promise.resolve(null);
    if (!this.loading) {
      const made = this.load();
      if (made instanceof Promise) {
        const loading: Promise<PopoverSurface | null> = made
          .catch(() => null)
          .then((surface) => {
            // Switched off while it loaded: what arrives late is thrown away, not shown.
            if (this.destroyed) surface?.destroy();
            else this.made = surface;
            if (!this.made && this.loading === loading) this.loading = null;
            return this.made;
          });
        this.loading = loading;
      } else {
        this.made = made;
        this.loading = Promise.resolve(made);
      }
    }
    return this.loading;
  }

  /** Takes the popover off the page for good (Glossa switched off for the site). */
  destroy(): void {
    this.destroyed = true;
    this.made?.destroy();
    this.made = null;
    this.loading = null;
  }
}

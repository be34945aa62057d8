/**
 * Light or dark, following the page rather than only the OS (as Yomitan does, PR #1086): a dark page
 * gets a dark popover even on a light system. Reads computed styles only when a popover opens.
 */
export type Theme = 'light' | 'dark';

export function pageTheme(near: Element | null): Theme {
  const view = near?.ownerDocument.defaultView ?? window;
  for (let el: Element | null = near; el; el = el.parentElement) {
    const rgba = parseColor(view.getComputedStyle(el).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4 ? 'dark' : 'light';
  }
  const doc = near?.ownerDocument ?? document;
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  if (scheme === 'dark') return 'dark';
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches && scheme !== 'light' ? 'dark' : 'light';
}

/** [r, g, b, alpha] from "rgb(…)" / "rgba(…)", as computed styles write colours. */
export function parseColor(value: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!match) return null;
  let alpha = match[4] === undefined ? 1 : Number.parseFloat(match[4]);
  if (match[4]?.endsWith('%')) alpha /= 100;
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
}

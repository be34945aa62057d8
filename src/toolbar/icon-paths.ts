/** Where the build puts the icons rendered from assets/icon/glossa.svg (see assets/icon/render-icons.ts). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export type IconVariant = 'on' | 'off';

/** `{ "16": "icons/16.png", … }`, as manifests and `action.setIcon` take it. */
export function iconPaths(variant: IconVariant): Record<string, string> {
  const prefix = variant === 'off' ? 'off-' : '';
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/${prefix}${size}.png`]));
}

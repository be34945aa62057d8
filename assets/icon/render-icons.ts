/**
 * Renders every icon the extension needs from the one source, `glossa.svg`: the sizes the stores and
 * browsers ask for, and a grey variant shown in the toolbar where Glossa is off for the site. Runs at
 * build time (wxt.config.ts); the PNGs are build output, never committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES } from '../../src/toolbar/icon-paths';

/** The same drawing, desaturated and faded: "off" must read at 16 px without a second design. */
function offVariant(svg: string): string {
  const open = svg.match(/<svg[^>]*>/)?.[0];
  if (!open) throw new Error('glossa.svg has no <svg> element');
  const body = svg.slice(svg.indexOf(open) + open.length, svg.lastIndexOf('</svg>'));
  const filter = '<defs><filter id="off"><feColorMatrix type="saturate" values="0"/></filter></defs>';
  return `${open}${filter}<g filter="url(#off)" opacity="0.55">${body}</g></svg>`;
}

/** Writes icons/{size}.png and icons/off-{size}.png under `outDir`; returns their relative paths. */
export function renderIcons(sourceSvg: string, outDir: string): string[] {
  const svg = readFileSync(sourceSvg, 'utf8');
  const variants = { '': svg, 'off-': offVariant(svg) };
  const written: string[] = [];
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  for (const [prefix, source] of Object.entries(variants)) {
    for (const size of ICON_SIZES) {
      const png = new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
      const relative = `icons/${prefix}${size}.png`;
      writeFileSync(join(outDir, relative), png);
      written.push(relative);
    }
  }
  return written;
}

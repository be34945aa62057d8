/**
 * axe-core on the popover's content, in Chromium with the real CSS: no serious or critical violation,
 * hovering (tooltip) or pinned (dialog), in the light and the dark theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, launchBrowser } from './support/browser';
import { repoRoot, type StaticServer, startServer } from './support/server';

const require = createRequire(import.meta.url);

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

describe('popover accessibility (axe-core)', () => {
  let browser: LaunchedBrowser;
  let server: StaticServer;
  let url: string;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [path.join(repoRoot, 'tests/e2e/harness/popover-card.entry.tsx')],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'silent',
    });
    const css = readFileSync(path.join(repoRoot, 'src/popover/popover.css'), 'utf8');
    server = await startServer();
    server.register('/harness.js', bundle.outputFiles[0]?.text ?? '', { 'content-type': 'text/javascript' });
    server.register('/axe.js', readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'), {
      'content-type': 'text/javascript',
    });
    url = server.register(
      '/popover.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Popover</title><style>${css}</style></head>
       <body><main><div class="frame"></div></main><script src="/axe.js"></script><script src="/harness.js"></script></body></html>`,
    );
    browser = await launchBrowser({ withExtension: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const pinned of [false, true]) {
      it(`${pinned ? 'pinned dialog' : 'hover tooltip'}, ${theme} theme`, async () => {
        const page = await browser.newPage();
        await page.goto(url);
        for (const id of ['thaad', 'opcon', 'a2ad', 'china-dream']) {
          await page.evaluate((options) => window.renderCard(options), { id, pinned, theme });
          // Let the 120 ms fade-in finish: axe measures contrast on what is painted.
          await page.waitForTimeout(200);
          const result = (await page.evaluate(() =>
            (window as unknown as { axe: { run(context: Element): Promise<unknown> } }).axe.run(
              document.querySelector('.card') as Element,
            ),
          )) as AxeResult;
          const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(
            serious.map(
              (v) => `${id}: ${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
            ),
          ).toEqual([]);
        }
        await page.close();
      });
    }
  }
});

/**
 * `npm start` (= `wxt build && tsx scripts/start.ts`): opens the seed article in a Chromium-family
 * browser with the freshly built extension loaded, served from 127.0.0.1. Requests that would leave
 * loopback are blocked, as in the end-to-end tests.
 *
 *   npm start                                   a window; stops when you close the browser
 *   npm start -- --headless --screenshot x.png  hovers the first "THAAD", saves a screenshot, exits
 *
 * CHROME_PATH picks the browser; otherwise the first one found of the usual install paths.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './e2e/support/browser';
import { articlePath, hasShared, startServer } from './e2e/support/server';
import { hoverText } from './e2e/support/text';

const browserCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const usage = `Usage: npm start -- [--headless] [--screenshot FILE] [--term TEXT]
  --headless         run without a window (needs --screenshot, or stops with Ctrl-C)
  --screenshot FILE  hover the first "THAAD" in the article, wait for the popover, save a PNG and exit
  --term TEXT        the text to hover for the screenshot (default THAAD)
Environment: CHROME_PATH=/path/to/chrome picks the browser.`;

function fail(message: string): never {
  console.error(`start: ${message}`);
  process.exit(1);
}

function findBrowser(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) fail(`CHROME_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = browserCandidates.find((candidate) => existsSync(candidate));
  if (!found) {
    fail(
      `no Chromium-family browser found (looked for ${browserCandidates.join(', ')}).\n` +
        'Install Chromium or Google Chrome (Debian: apt-get install -y chromium), or set CHROME_PATH.',
    );
  }
  return found;
}

async function main(): Promise<void> {
  let values: { headless?: boolean; screenshot?: string; term?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        headless: { type: 'boolean' },
        screenshot: { type: 'string' },
        term: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }

  const headless = values.headless ?? false;
  const term = values.term ?? 'THAAD';
  // npm runs scripts from the package root; resolve the file against where the user typed the command.
  const invokedFrom = process.env.INIT_CWD ?? process.cwd();
  const screenshot = values.screenshot ? path.resolve(invokedFrom, values.screenshot) : undefined;

  if (!hasShared())
    fail(`the seed article is missing (${articlePath}): ../shared must sit beside the project.`);
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail(
      'no display (DISPLAY/WAYLAND_DISPLAY unset): add --headless, e.g. npm start -- --headless --screenshot glossa.png',
    );
  }
  const executablePath = findBrowser();

  const server = await startServer();
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    browser = await launchBrowser({ withExtension: true, headless, executablePath, handleSignals: false });
  } catch (error) {
    await server.close();
    fail((error as Error).message);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await browser.close();
      await server.close();
    })();
    return stopping;
  };
  // Our own signal handlers (Playwright's are off): close the browser, remove the profile, stop the server.
  const exitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const signal of Object.keys(exitCodes) as (keyof typeof exitCodes)[]) {
    process.on(signal, () => {
      void stop().then(() => process.exit(exitCodes[signal]));
    });
  }

  try {
    const page = await browser.newPage();
    const articleUrl = server.url('/article.html');
    await page.goto(articleUrl);
    await page.waitForLoadState('load');
    console.log(`Glossa ${browser.extensionId} loaded from .output/chrome-mv3 in ${executablePath}`);
    console.log(`Article: ${articleUrl}`);

    if (screenshot) {
      // Give the content script its idle-time start, then point at the term like a reader would.
      await page.waitForTimeout(500);
      const box = await hoverText(page, term);
      await page.waitForTimeout(1_000);
      await page.screenshot({ path: screenshot });
      console.log(
        `Hovered "${term}" at (${Math.round(box.centerX)}, ${Math.round(box.centerY)}); screenshot: ${screenshot}`,
      );
      if (browser.blockedRequests.length > 0) {
        console.log(`Blocked ${browser.blockedRequests.length} request(s) leaving loopback:`);
        for (const url of browser.blockedRequests) console.log(`  ${url}`);
      }
      await stop();
      return;
    }

    console.log(
      headless ? 'Running headless; press Ctrl-C to stop.' : 'Close the browser (or press Ctrl-C) to stop.',
    );
    await new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
    await stop();
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

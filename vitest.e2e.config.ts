import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/chrome-mv3) in Debian's Chromium.
// One file at a time: two cores, and each file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A poll waits for something the browser will do (a mark, a page number, a popover): a liveness
    // bound, not a latency one. Vitest's default of 1 s was missed in CI by the PDF reader's page
    // number after End (PDF.js draws each page it scrolls past, 50–175 ms apiece on two busy cores).
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', ['json', { outputFile: '.reports/e2e.json' }]],
  },
});

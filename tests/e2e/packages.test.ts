/**
 * The packages a store receives: the Chrome and Firefox builds, their manifests (least privilege, the
 * Firefox specifics), `web-ext lint` on the Firefox build, and `npm run zip`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/server';

interface Manifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_scripts?: { matches: string[] }[];
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[] };
    };
    gecko_android?: { strict_min_version?: string };
  };
}

const output = path.join(repoRoot, '.output');
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(output, dir, 'manifest.json'), 'utf8')) as Manifest;
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};

/** Files under src/ and entrypoints/ whose text contains `needle`. */
/**
 * The lines `web-ext lint` flags as UNSAFE_VAR_ASSIGNMENT that have been read and found safe, each
 * with the words the README uses for it.
 */
const REVIEWED_UNSAFE_LINES: { name: string; pattern: RegExp; readme: string }[] = [
  // Preact's dangerouslySetInnerHTML path, which no Glossa component takes.
  { name: 'Preact', pattern: /\.innerHTML=\w+\.__html/, readme: 'dangerouslySetInnerHTML.__html' },
  // PDF.js's viewer translating its own bundled strings through a <template>, then sanitising.
  { name: 'PDF.js strings', pattern: /`template`\);\w+\.innerHTML=\w+/, readme: 'PDF.js translates' },
  // PDF.js loading its own worker script on the main thread when a Worker cannot start.
  { name: 'PDF.js worker', pattern: /import\(this\.workerSrc\)/, readme: 'workerSrc' },
  // PDF.js's sandbox for scripts inside PDFs, which the reader never enables.
  { name: 'PDF.js scripting', pattern: /QuickJSSandbox/, readme: 'QuickJSSandbox' },
  // PDF.js's worker loading the JavaScript fallback of its own bundled image decoders.
  { name: 'PDF.js decoders', pattern: /WasmImage[\s\S]*import\(/, readme: 'WasmImage' },
];

function sourcesUsing(needle: string): string[] {
  const found: string[] = [];
  for (const top of ['src', 'entrypoints']) {
    for (const entry of readdirSync(path.join(repoRoot, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (readFileSync(file, 'utf8').includes(needle)) found.push(path.relative(repoRoot, file));
    }
  }
  return found;
}

describe('the store packages', () => {
  beforeAll(() => {
    // The Chrome build is npm test's own; Firefox is built here, into its own folder.
    run('npx', ['wxt', 'build', '-b', 'firefox']);
  }, 120_000);

  it.each(['chrome-mv3', 'firefox-mv3'])(
    '%s asks for nothing beyond what a reviewed feature needs',
    (dir) => {
      const manifest = readManifest(dir);
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.version).toBe(version);
      // Reviewed, each with its reason in the README ("Permissions"): storage (settings, glossaries),
      // unlimitedStorage (the glossary prepared for pages), scripting and host access (the popover's
      // code, injected into a frame when it is first needed). A new one must be added here on purpose.
      expect(manifest.permissions).toEqual(['storage', 'scripting', 'unlimitedStorage', 'contextMenus']);
      expect(manifest.optional_permissions).toBeUndefined();
      expect(manifest.host_permissions).toEqual(['<all_urls>']);
      expect(manifest.optional_host_permissions).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.content_scripts?.map((script) => script.matches)).toEqual([['<all_urls>']]);
      expect(manifest.commands?.['toggle-site']?.suggested_key?.default).toBe('Alt+Shift+G');
    },
  );

  it('gives Firefox its id, the version with the Highlight API, no data collection, and Android', () => {
    const settings = readManifest('firefox-mv3').browser_specific_settings;
    expect(settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(settings?.gecko?.strict_min_version).toBe('140.0');
    expect(settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(settings?.gecko_android?.strict_min_version).toBe('142.0');
    expect(readManifest('chrome-mv3').browser_specific_settings).toBeUndefined();
  });

  it('passes web-ext lint with no errors; each warning left is one the README explains', () => {
    let json: string;
    try {
      json = run('npx', [
        'web-ext',
        'lint',
        '--source-dir',
        path.join(output, 'firefox-mv3'),
        '--output',
        'json',
      ]);
    } catch (error) {
      // web-ext exits non-zero on errors; its report is still on stdout.
      json = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(json.slice(json.indexOf('{'))) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string; line?: number; column?: number }[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const warning of report.warnings) {
      expect(readme, `README explains ${warning.code} (${warning.file})`).toContain(warning.code);
      if (warning.code === 'UNSAFE_VAR_ASSIGNMENT') {
        // Each one is a line reviewed and explained in the README; a new one fails here.
        const lines = readFileSync(path.join(output, 'firefox-mv3', warning.file ?? ''), 'utf8').split('\n');
        const line = lines[(warning.line ?? 1) - 1] ?? '';
        const at = warning.column ?? 0;
        const around = line.slice(Math.max(0, at - 200), at + 200);
        const use = REVIEWED_UNSAFE_LINES.find((reviewed) => reviewed.pattern.test(around));
        expect(use?.name, `${warning.file}:${warning.line}:${at} ${around}`).toBeDefined();
        expect(readme, `README explains ${use?.name}`).toContain(use?.readme ?? '-');
        if (use?.name === 'Preact') expect(sourcesUsing('dangerouslySetInnerHTML')).toEqual([]);
        if (use?.name === 'PDF.js scripting') expect(sourcesUsing('PDFScriptingManager')).toEqual([]);
      }
    }
  });

  it('`npm run zip` makes the Chrome zip, the Firefox zip and its sources zip, versioned', () => {
    run('npm', ['run', 'zip', '--silent']);
    for (const name of [
      `glossa-${version}-chrome.zip`,
      `glossa-${version}-firefox.zip`,
      `glossa-${version}-sources.zip`,
    ]) {
      expect(existsSync(path.join(output, name)), name).toBe(true);
    }
  }, 180_000);
});

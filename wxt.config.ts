import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { renderIcons } from './assets/icon/render-icons';
import { TOGGLE_SITE_COMMAND } from './src/toolbar/commands';
import { iconPaths } from './src/toolbar/icon-paths';

const LOCALES = ['en', 'ko'] as const;

/** PDF.js's run-time resources, as public files under pdfjs/ (its scripting engine left out). */
function pdfJsResources(root: string): { absoluteSrc: string; relativeDest: string }[] {
  const files: { absoluteSrc: string; relativeDest: string }[] = [];
  for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
    for (const name of readdirSync(resolve(root, dir))) {
      if (dir === 'wasm' && !/^(jbig2|openjpeg|qcms_bg)\.wasm$/.test(name)) continue;
      if (name.startsWith('LICENSE')) continue;
      files.push({ absoluteSrc: resolve(root, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
    }
  }
  files.push({ absoluteSrc: resolve(root, 'LICENSE'), relativeDest: 'pdfjs/LICENSE' });
  return files;
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Manifest V3 for Firefox too (WXT defaults Firefox to V2): one manifest shape, one service model.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: {
      // Content scripts run on every page: keep them lean. GLOSSA_NO_MINIFY=1 keeps function names for
      // a CPU profile (the benchmark's numbers come from the minified build).
      minify: !process.env.GLOSSA_NO_MINIFY,
      sourcemap: false,
    },
  }),
  hooks: {
    // The page script runs in every frame: it gets the browser's own API object instead of the
    // polyfill (src/platform/native-browser.ts says why). Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'glossa-page')) return;
      viteConfig.resolve ??= {};
      viteConfig.resolve.alias = {
        ...(viteConfig.resolve.alias as Record<string, string>),
        'webextension-polyfill': resolve(import.meta.dirname, 'src/platform/native-browser.ts'),
      };
    },
    // Every icon is rendered from assets/icon/glossa.svg at build time (on and off variants).
    'build:publicAssets': (wxt, files) => {
      const outDir = resolve(wxt.config.wxtDir, 'icons-rendered');
      for (const relativeDest of renderIcons(resolve(wxt.config.root, 'assets/icon/glossa.svg'), outDir)) {
        files.push({ absoluteSrc: resolve(outDir, relativeDest), relativeDest });
      }
      // How mentions look, as the manifest's content-script CSS (an inline <style> would be blocked by
      // strict page CSPs, and a page can read adopted sheets).
      files.push({
        absoluteSrc: resolve(wxt.config.root, 'src/highlighting/highlights.css'),
        relativeDest: 'highlights.css',
      });
      // What PDF.js loads at run time, inside the extension (the reader fetches nothing else): CMaps
      // for CJK text, the standard fonts, its wasm image decoders and colour profiles.
      files.push(...pdfJsResources(resolve(wxt.config.root, 'node_modules/pdfjs-dist')));
      // Interface strings: assets/locales/<lang>.json is the browser's messages.json for <lang>.
      for (const lang of LOCALES) {
        files.push({
          absoluteSrc: resolve(wxt.config.root, `assets/locales/${lang}.json`),
          relativeDest: `_locales/${lang}/messages.json`,
        });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and glossaries. unlimitedStorage: the glossary prepared for pages is a second,
    // page-shaped copy of the reader's glossaries (up to 9 MB), past storage.local's 10 MB.
    // scripting + host access: the popover's code is injected into a frame only when it is needed.
    // contextMenus: "Open PDF in Glossa's reader" on links to PDFs.
    permissions: ['storage', 'scripting', 'unlimitedStorage', 'contextMenus'],
    host_permissions: ['<all_urls>'],
    // The PDF reader's image decoders (JPEG 2000, JBIG2) are WebAssembly; nothing else is loosened.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    // Listed here rather than by WXT's content-script entrypoint, whose wrapper announces the script
    // to the page (a postMessage and a DOM event): see entrypoints/glossa-page.ts.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['glossa-page.js'],
        css: ['highlights.css'],
        // Same-origin frames too, including about:blank and srcdoc frames a page writes into.
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      },
    ],
    icons: iconPaths('on'),
    action: { default_title: 'Glossa', default_icon: iconPaths('on') },
    commands: {
      [TOGGLE_SITE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandToggleSite__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'glossa@glossa-reader.org',
              // The CSS Custom Highlight API ships in Firefox 140.
              strict_min_version: '140.0',
              // Firefox's built-in data consent (2025): Glossa collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { renderIcons } from './assets/icon/render-icons';
import { TOGGLE_SITE_COMMAND } from './src/toolbar/commands';
import { iconPaths } from './src/toolbar/icon-paths';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: {
      // Content scripts run on every page: keep them lean and readable in stack traces.
      minify: true,
      sourcemap: false,
    },
  }),
  hooks: {
    // Every icon is rendered from assets/icon/glossa.svg at build time (on and off variants).
    'build:publicAssets': (wxt, files) => {
      const outDir = resolve(wxt.config.wxtDir, 'icons-rendered');
      for (const relativeDest of renderIcons(resolve(wxt.config.root, 'assets/icon/glossa.svg'), outDir)) {
        files.push({ absoluteSrc: resolve(outDir, relativeDest), relativeDest });
      }
    },
  },
  manifest: {
    name: 'Glossa',
    description:
      'Explains the acronyms and terms of news and policy analysis in the words of a source article. No network, nothing leaves the browser.',
    permissions: ['storage'],
    icons: iconPaths('on'),
    action: { default_title: 'Glossa', default_icon: iconPaths('on') },
    commands: {
      [TOGGLE_SITE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Switch Glossa on or off for this site',
      },
    },
  },
});

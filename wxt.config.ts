import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
  manifest: {
    name: 'Glossa',
    description:
      'Explains the acronyms and terms of news and policy analysis in the words of a source article. No network, nothing leaves the browser.',
    permissions: ['storage'],
    action: { default_title: 'Glossa' },
  },
});

/**
 * The extension API of the page script (entrypoints/glossa-page.ts) without Mozilla's
 * webextension-polyfill: wxt.config.ts puts this module in the polyfill's place for that one script.
 *
 * Why: the polyfill is CommonJS, and importing it into an ES module copies its exports, which are the
 * browser's own `browser` object on every browser Glossa supports (Firefox, and Chrome, whose MV3 APIs
 * return promises). Copying reads every property of that object, and each read makes Chrome build the
 * bindings of one API (app, storage, i18n…): 0.4 ms in every frame, measured with the benchmark's
 * profiler, for a frame that may never use them. What is left is what WXT's own `wxt/browser` does
 * without the polyfill.
 */
type Api = typeof import('webextension-polyfill');

let api: Api | undefined;
const resolveApi = (): Api => {
  const scope = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome?: unknown };
  api ??= (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;
  return api;
};

/**
 * Looked up on first use, not when the script loads: even reading `browser.runtime` makes Chrome build
 * the API's bindings, which an idle frame never needs.
 */
export default new Proxy({} as Api, {
  get: (_target, key) => Reflect.get(resolveApi(), key),
  has: (_target, key) => Reflect.has(resolveApi(), key),
});

// Browser (and bundler) entry point: the ES-module flavours of the core. A page starts with the
// lite core (no Linked Data, no date filters: its first download stays small) and loads the full
// one when `loadFullCore()` is called (a bundler makes that import a chunk of its own).
import createLiteCore from './hooksmith-core-lite.mjs';
import { instantiate } from './hooksmith.mjs';

export { HooksmithError, Hooksmith, Webhook } from './hooksmith.mjs';

const fullCoreFactory = () => import('./hooksmith-core.mjs').then((glue) => glue.default);

/** Loads the Wasm core and resolves to the API object. `moduleArgs` go to Emscripten
 * (e.g. `locateFile` when the .wasm is served from elsewhere). `fullCore: true` starts with the
 * full core, for a page that knows it needs Linked Data or dates (one download instead of two). */
export default async function createHooksmith(moduleArgs = {}, { fullCore = false } = {}) {
  if (fullCore) return instantiate(await fullCoreFactory(), moduleArgs);
  return instantiate(createLiteCore, moduleArgs, fullCoreFactory);
}

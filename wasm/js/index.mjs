// Browser (and bundler) entry point: the ES-module flavours of the core. A page starts with the
// lite core (no Linked Data, no date filters: its first download stays small) and loads the full
// one when `loadFullCore()` is called (a bundler makes that import a chunk of its own).
import createLiteCore from './hooksmith-core-lite.mjs';
import { instantiate } from './hooksmith.mjs';

export { HooksmithError, Hooksmith, Webhook } from './hooksmith.mjs';

/** Loads the Wasm core and resolves to the API object. `moduleArgs` go to Emscripten
 * (e.g. `locateFile` when the .wasm is served from elsewhere). */
export default function createHooksmith(moduleArgs = {}) {
  return instantiate(createLiteCore, moduleArgs, () => import('./hooksmith-core.mjs').then((glue) => glue.default));
}

// Browser (and bundler) entry point: the ES-module flavour of the core.
import createHooksmithCore from './hooksmith-core.mjs';
import { instantiate } from './hooksmith.mjs';

export { HooksmithError, Hooksmith, Webhook } from './hooksmith.mjs';

/** Loads the Wasm core and resolves to the API object. `moduleArgs` go to Emscripten
 * (e.g. `locateFile` when the .wasm is served from elsewhere). */
export default function createHooksmith(moduleArgs = {}) {
  return instantiate(createHooksmithCore, moduleArgs);
}

// Node entry point: the CommonJS flavour, given its .wasm bytes directly because Node's global
// fetch cannot load file paths (Emscripten 3.1.6).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { instantiate } from './hooksmith.mjs';

export { HooksmithError, Hooksmith, Webhook } from './hooksmith.mjs';

const require = createRequire(import.meta.url);
const createHooksmithCore = require('./hooksmith-core-node.cjs');

export default function createHooksmith(moduleArgs = {}) {
  const wasmBinary = readFileSync(new URL('./hooksmith-core-node.wasm', import.meta.url));
  return instantiate(createHooksmithCore, { wasmBinary, ...moduleArgs });
}

// wasm/layout.mjs reorders the web flavour's functions for gzip. The browser suite shows the
// reordered module behaves; this checks what that cannot: that the layout keeps every function,
// import and export, and that the same input gives the same bytes (reproducible builds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import binaryen from 'binaryen';
import { layoutForGzip, reorderFunctions } from '../../wasm/layout.mjs';

const wasm = new URL('../../build/wasm/dist/hooksmith-core.wasm', import.meta.url);
if (!existsSync(wasm)) throw new Error('build/wasm/dist is missing: run scripts/build.sh wasm');
const features = binaryen.Features.MVP | binaryen.Features.ExceptionHandling;

function shape(bytes) {
  const module = new WebAssembly.Module(bytes);
  const describe = (list) => list.map((entry) => `${entry.module ?? ''}.${entry.name}:${entry.kind}`).sort();
  return { imports: describe(WebAssembly.Module.imports(module)), exports: describe(WebAssembly.Module.exports(module)) };
}

function functionNames(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    const names = [];
    for (let i = 0; i < module.getNumFunctions(); i++) names.push(binaryen.getFunctionInfo(module.getFunctionByIndex(i)).name);
    return names;
  } finally {
    module.dispose();
  }
}

test('layout: same functions, imports and exports; the same bytes every time', () => {
  const input = readFileSync(wasm);
  const once = layoutForGzip(input, features, false);
  const twice = layoutForGzip(input, features, false);
  assert.deepEqual(Buffer.from(once), Buffer.from(twice));
  assert.deepEqual(shape(once), shape(input));
  assert.equal(functionNames(once).length, functionNames(input).length);
});

// The module's functions shuffled (a fixed seed): an order that has nothing to do with what the
// bodies look like. (Reversing would not do: the reverse of a chain is a chain.)
function shuffled(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(features);
    const infos = [];
    for (let i = 0; i < module.getNumFunctions(); i++) infos.push(binaryen.getFunctionInfo(module.getFunctionByIndex(i)));
    const order = infos.filter((f) => !f.module);
    let seed = 12345;
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    reorderFunctions(module, order);
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

test('layout: it is what makes the module compress better', () => {
  const scrambled = shuffled(readFileSync(wasm));
  const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;
  // Measured: 171 178 bytes shuffled, 161 185 laid out. A layout that no longer groups alike
  // bodies gains nothing.
  const laidOut = gzipped(layoutForGzip(scrambled, features, false));
  assert.ok(laidOut < gzipped(scrambled) - 2000, `gzip: ${gzipped(scrambled)} shuffled, ${laidOut} laid out`);
});

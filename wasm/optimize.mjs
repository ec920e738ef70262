// A second `wasm-opt -Oz` over the web flavour's .wasm, with a current Binaryen (npm, pinned in
// package-lock.json). Emscripten 3.1.6 runs its own Binaryen (version 108) at link time; version
// 132 finds ~1.4 KB gzipped more in the same module (docs/performance.md, "Wasm size"). A second
// pass with version 108 finds almost nothing, and more passes with 132 nothing more. Then the
// functions are laid out for gzip (layout.mjs): −4.0 KB more; and -Oz once more: −0.75 KB.
//   node wasm/optimize.mjs FILE.wasm [--no-layout]     (rewrites FILE.wasm in place)
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readLeb, sections } from './sections.mjs';

const file = process.argv[2];
const layout = !process.argv.includes('--no-layout');
if (!file || !existsSync(file)) {
  console.error(`optimize: ${file ?? '(no file given)'} is missing (usage: node wasm/optimize.mjs FILE.wasm)`);
  process.exit(2);
}

let wasmOpt;
try {
  const require = createRequire(import.meta.url);
  wasmOpt = require.resolve('binaryen/bin/wasm-opt');
} catch {
  console.error('optimize: Binaryen is not installed: run scripts/setup.sh (it runs npm ci from the lock file)');
  process.exit(2);
}

// A module linked with --profiling-funcs (bench/wasm_functions.py) keeps its function names: is
// there a custom section called "name"?
function hasNameSection(bytes) {
  for (const { id, start } of sections(bytes)) {
    if (id !== 0) continue;
    const [length, nameStart] = readLeb(bytes, start);
    if (bytes.toString('latin1', nameStart, nameStart + length) === 'name') return true;
  }
  return false;
}

// The module is rewritten through temporaries and replaced by one rename at the end: a failed
// step leaves the linked module as it was and nothing beside it (make deletes the failed link's
// target, so the next build links and optimizes again).
const temporary = `${file}.optimizing`;
const laidOut = `${file}.laid-out`;
const keepNames = hasNameSection(readFileSync(file));
// input → output by `wasm-opt -Oz`.
function optimize(input, output) {
  const args = [
    wasmOpt, input, '-Oz',
    // Exactly the features Emscripten 3.1.6 emits (the MVP and native exceptions): nothing newer
    // may appear in the output.
    '--mvp-features', '--enable-exception-handling',
    ...(keepNames ? ['--debuginfo'] : []),
    '-o', output,
  ];
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`wasm-opt failed on ${input} (exit ${run.status ?? run.signal})`);
}
const before = statSync(file).size;
try {
  optimize(file, temporary);
  if (layout) {
    const { layoutForGzip } = await import('./layout.mjs');
    const { default: binaryen } = await import('binaryen');
    const features = binaryen.Features.MVP | binaryen.Features.ExceptionHandling;
    writeFileSync(laidOut, layoutForGzip(readFileSync(temporary), features, keepNames));
    // On the laid-out module a second -Oz finds ~1 KB raw more (before the layout it found
    // nothing): some of Binaryen's passes depend on function order. It keeps the order.
    optimize(laidOut, temporary);
  }
  renameSync(temporary, file);
} catch (error) {
  console.error(`optimize: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const leftover of [temporary, laidOut]) if (existsSync(leftover)) unlinkSync(leftover);
}
if (!process.exitCode) console.log(`optimize: ${file}: ${before} -> ${statSync(file).size} bytes`);

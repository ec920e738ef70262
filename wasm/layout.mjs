// The order of a module's functions, chosen for gzip. gzip finds repeats only within its last
// 32 KB, and the linker lays functions out in an order that has nothing to do with what they
// look like: placing each body next to the one most like it lets gzip copy more of it from the
// body before. On the web flavour: −4.0 KB gzipped (docs/performance.md, "Wasm size"). The raw
// module grows by ~10 KB — the functions called most no longer get the one-byte indices — which
// gzip absorbs. Behaviour is untouched: Binaryen rewrites every call and table entry by name.
import binaryen from 'binaryen';
import { readLeb, sections } from './sections.mjs';

// How alike two bodies are: MinHash over their byte 4-grams, 128 hashes each.
const kHashes = 128;
const kGram = 4;
const seeds = Array.from({ length: kHashes }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 0) | 1);

function signature(body) {
  const minima = new Uint32Array(kHashes).fill(0xffffffff);
  for (let at = 0; at + kGram <= body.length; at++) {
    let gram = 2166136261;
    for (let j = 0; j < kGram; j++) gram = Math.imul(gram ^ body[at + j], 16777619);
    for (let k = 0; k < kHashes; k++) {
      const hash = Math.imul(gram ^ seeds[k], 0x85ebca6b) >>> 0;
      if (hash < minima[k]) minima[k] = hash;
    }
  }
  return minima;
}

function likeness(a, b) {
  let same = 0;
  for (let k = 0; k < kHashes; k++) if (a[k] === b[k]) same++;
  return same;
}

// The bodies of the code section, in module order.
function functionBodies(bytes) {
  const code = [...sections(bytes)].find((section) => section.id === 10);
  if (!code) return [];
  const bodies = [];
  let [count, at] = readLeb(bytes, code.start);
  for (; count > 0; count--) {
    const [length, start] = readLeb(bytes, at);
    bodies.push(bytes.subarray(start, start + length));
    at = start + length;
  }
  return bodies;
}

// A greedy chain: start at the largest body, then always the unplaced body most like the last one
// (ties: module order, so the result is the same on every machine).
function chainByLikeness(functions) {
  const left = new Set(functions);
  let current = functions.reduce((a, b) => (b.body.length > a.body.length ? b : a));
  const order = [];
  while (current) {
    left.delete(current);
    order.push(current);
    let next = null, best = -1;
    for (const candidate of left) {
      const score = likeness(current.signature, candidate.signature);
      if (score > best) { best = score; next = candidate; }
    }
    current = next;
  }
  return order;
}

// Lays out a Binaryen module's functions (binaryen.getFunctionInfo results, imports excluded) in
// the given order. A module lists its functions in the order they were added: re-adding each one,
// in the new order, lays them out so. The bodies stay in the module's arena when a function is removed.
export function reorderFunctions(module, infos) {
  for (const info of infos) {
    module.removeFunction(info.name);
    module.addFunction(info.name, info.params, info.results, info.vars, info.body);
  }
}

// `bytes` (a module Binaryen has just optimized, with the given features) with its functions
// reordered. `keepNames`: keep the name section (a --profiling-funcs build).
export function layoutForGzip(bytes, features, keepNames) {
  const bodies = functionBodies(bytes);
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(features);
    const functions = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
      if (!info.module) functions.push({ info });  // imports have no body
    }
    if (functions.length !== bodies.length) {
      throw new Error(`layout: ${functions.length} functions but ${bodies.length} bodies`);
    }
    functions.forEach((f, i) => { f.body = bodies[i]; f.signature = signature(bodies[i]); });
    reorderFunctions(module, chainByLikeness(functions).map((f) => f.info));
    if (!module.validate()) throw new Error('layout: the reordered module does not validate');
    binaryen.setDebugInfo(keepNames);
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

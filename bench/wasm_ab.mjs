#!/usr/bin/env node
// A/B of Node flavours in one process (docs/performance-history.md, "Session 7: bulk memory and SIMD …"): each DIST's node.mjs is loaded,
// the workload compiled, and the builds are timed alternately on the same contexts, ROUNDS
// times each after 5 warm-ups. Short alternating runs and the best of them resist a loaded
// machine better than one long run per process.
//
// usage: node bench/wasm_ab.mjs many|text CONTEXTS.jsonl ROUNDS DIST...
//   many  await hook.renderMany(lines)      text  hook.render(line) for each line
// Prints per DIST the min, first quartile and median wall µs per webhook.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const [mode, contextsPath, roundsText, ...dists] = process.argv.slice(2);
if (!['many', 'text'].includes(mode) || !(Number(roundsText) >= 1) || dists.length === 0) {
  console.error('usage: node bench/wasm_ab.mjs many|text CONTEXTS.jsonl ROUNDS DIST...');
  process.exit(2);
}
const workload = JSON.parse(readFileSync(new URL('workload.json', import.meta.url), 'utf8'));
const lines = readFileSync(contextsPath, 'utf8').split('\n').filter((line) => line.length > 0);
const hooks = [];
for (const dist of dists) {
  // The query makes each DIST its own module instance even where paths resolve alike.
  const { default: create } = await import(`${pathToFileURL(`${dist}/node.mjs`).href}?${hooks.length}`);
  hooks.push((await create()).compile(workload));
}
async function once(hook) {
  const start = performance.now();
  if (mode === 'many') {
    if ((await hook.renderMany(lines)).length !== lines.length) throw new Error('renderMany lost results');
  } else {
    for (let i = 0; i < lines.length; i++) hook.render(lines[i]);
  }
  return ((performance.now() - start) * 1000) / lines.length;
}
for (const hook of hooks) for (let k = 0; k < 5; k++) await once(hook);
const times = hooks.map(() => []);
for (let r = 0; r < Number(roundsText); r++) for (let i = 0; i < hooks.length; i++) times[i].push(await once(hooks[i]));
times.forEach((runs, i) => {
  const s = runs.sort((a, b) => a - b);
  console.log(`${dists[i]}  min ${s[0].toFixed(3)}  p25 ${s[s.length >> 2].toFixed(3)}  median ${s[s.length >> 1].toFixed(3)}`);
});

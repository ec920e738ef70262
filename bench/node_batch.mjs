#!/usr/bin/env node
// The JavaScript contenders of the benchmark (issue 8), one per process so that JIT state does not
// leak between them. Each reads the context lines as JSON text and produces [url, body] per line.
//
// usage: node bench/node_batch.mjs MODE WORKLOAD.json CONTEXTS.jsonl OUT.jsonl REPEATS [NODE_ENTRY]
//   MODE nunjucks     nunjucks with the workload's templates; body = JSON.stringify in data order
//        wasm-object  hooksmith Wasm: hook.render(JSON.parse(line)) (the JS-object API)
//        wasm-text    hooksmith Wasm: hook.render(line) (JSON text handed through untouched)
//        wasm-many    hooksmith Wasm: await hook.renderMany(lines.map(JSON.parse)) (the batch API)
//        wasm-many-text  hooksmith Wasm: await hook.renderMany(lines) (the batch API on JSON texts)
//   NODE_ENTRY       the built dist/node.mjs (wasm modes only)
// Prints one JSON line: {"name", "count", "runs", "cpu_runs"}: wall and process-CPU µs per webhook.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const [mode, workloadPath, contextsPath, outPath, repeatsText, nodeEntry] = process.argv.slice(2);
const repeats = Number(repeatsText);
if (!mode || !outPath || !(repeats >= 1)) {
  console.error('usage: node bench/node_batch.mjs MODE WORKLOAD.json CONTEXTS.jsonl OUT.jsonl REPEATS [NODE_ENTRY]');
  process.exit(2);
}
const workload = JSON.parse(readFileSync(workloadPath, 'utf8'));
const lines = readFileSync(contextsPath, 'utf8').split('\n').filter((line) => line.length > 0);

async function nunjucksContender() {
  const { default: nunjucks } = await import('nunjucks');
  // Jinja2's defaults: no autoescaping; undefined prints nothing (missing: "jinja").
  const env = new nunjucks.Environment(null, { autoescape: false });
  const url = nunjucks.compile(workload.url, env);
  const fields = workload.data.map((field) => [field.key, nunjucks.compile(field.value, env)]);
  return {
    name: `nunjucks ${JSON.parse(readFileSync(new URL('../node_modules/nunjucks/package.json', import.meta.url), 'utf8')).version}`,
    run() {
      const out = new Array(lines.length);
      for (let i = 0; i < lines.length; i++) {
        const context = JSON.parse(lines[i]);
        const body = {};
        for (const [key, template] of fields) body[key] = template.render(context);
        out[i] = [url.render(context), JSON.stringify(body)];
      }
      return out;
    },
  };
}

async function wasmContender() {
  if (!nodeEntry) throw new Error('wasm modes need the path of dist/node.mjs');
  const { default: createHooksmith } = await import(pathToFileURL(nodeEntry).href);
  const hs = await createHooksmith();
  const hook = hs.compile(workload);
  const toPair = (request) => [request.url, request.body];
  if (mode === 'wasm-object') {
    return {
      name: 'hooksmith Wasm, render(object)',
      run() {
        const out = new Array(lines.length);
        for (let i = 0; i < lines.length; i++) out[i] = toPair(hook.render(JSON.parse(lines[i])));
        return out;
      },
    };
  }
  if (mode === 'wasm-text') {
    return {
      name: 'hooksmith Wasm, render(JSON text)',
      run() {
        const out = new Array(lines.length);
        for (let i = 0; i < lines.length; i++) out[i] = toPair(hook.render(lines[i]));
        return out;
      },
    };
  }
  if (mode === 'wasm-many' || mode === 'wasm-many-text') {
    const objects = mode === 'wasm-many';
    return {
      name: `hooksmith Wasm, renderMany(${objects ? 'objects' : 'JSON texts'})`,
      async run() {
        const results = await hook.renderMany(objects ? lines.map((line) => JSON.parse(line)) : lines);
        return results.map((result) => {
          if (result.error) throw new Error(`renderMany: ${result.error.kind}: ${result.error.message}`);
          return toPair(result.request);
        });
      },
    };
  }
  throw new Error(`unknown mode ${mode}`);
}

const contender = mode === 'nunjucks' ? await nunjucksContender() : await wasmContender();
await contender.run();  // warm-up: JIT, Wasm tier-up, allocator
const runs = [];
const cpuRuns = [];  // process CPU (user + system, all threads: GC and JIT included)
let result;
for (let r = 0; r < repeats; r++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  result = await contender.run();
  const cpu = process.cpuUsage(cpuStart);
  cpuRuns.push((cpu.user + cpu.system) / lines.length);
  runs.push(((performance.now() - start) * 1000) / lines.length);
}
writeFileSync(outPath, result.map((pair) => JSON.stringify(pair)).join('\n') + '\n');
console.log(JSON.stringify({ name: contender.name, count: lines.length, runs, cpu_runs: cpuRuns }));

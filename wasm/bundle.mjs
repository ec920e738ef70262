// Bundles the browser entry point (index.mjs: the JS API and the Emscripten glue) into one
// minified ES module, dist/index.min.mjs, which is what a page loads. Nine small modules each
// gzipped on their own cost ~23 KB; one minified file ~12 KB (docs/performance.md, "Wasm size").
//   node wasm/bundle.mjs DIST_DIR
import { existsSync } from 'node:fs';
import path from 'node:path';

const dist = process.argv[2];
if (!dist || !existsSync(path.join(dist, 'index.mjs'))) {
  console.error(`bundle: ${dist ?? '(no folder given)'}/index.mjs is missing (usage: node wasm/bundle.mjs DIST_DIR)`);
  process.exit(2);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('bundle: esbuild is not installed: run scripts/setup.sh (it runs npm ci from the lock file)');
  process.exit(2);
}

await esbuild.build({
  entryPoints: [path.join(dist, 'index.mjs')],
  outfile: path.join(dist, 'index.min.mjs'),
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  // The glue finds hooksmith-core.wasm next to itself through import.meta.url, which bundling
  // keeps: the .wasm stays beside index.min.mjs.
  target: 'es2022',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});

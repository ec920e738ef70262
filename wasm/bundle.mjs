// Bundles the browser entry point (index.mjs: the JS API and the lite core's Emscripten glue) into one
// minified ES module, dist/index.min.mjs, which is what a page loads. Nine small modules each
// gzipped on their own cost ~23 KB; one minified file ~12 KB (docs/performance.md, "Wasm size").
// esbuild bundles and minifies; terser then drops what esbuild keeps — the glue's functions that
// nothing calls, inside the factory function where esbuild does not look: −1.1 KB gzipped.
//   node wasm/bundle.mjs DIST_DIR
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dist = process.argv[2];
if (!dist || !existsSync(path.join(dist, 'index.mjs'))) {
  console.error(`bundle: ${dist ?? '(no folder given)'}/index.mjs is missing (usage: node wasm/bundle.mjs DIST_DIR)`);
  process.exit(2);
}

let esbuild, terser;
try {
  esbuild = await import('esbuild');
  terser = await import('terser');
} catch {
  console.error('bundle: esbuild or terser is not installed: run scripts/setup.sh (it runs npm ci from the lock file)');
  process.exit(2);
}

const outfile = path.join(dist, 'index.min.mjs');
const bundled = await esbuild.build({
  entryPoints: [path.join(dist, 'index.mjs')],
  outfile,
  write: false,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  // The glue finds hooksmith-core.wasm next to itself through import.meta.url, which bundling
  // keeps: the .wasm stays beside index.min.mjs.
  target: 'es2022',
  // The full core's glue stays a file of its own, imported when a page calls loadFullCore():
  // the first download is the lite core's glue only.
  external: ['./hooksmith-core.mjs'],
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
const output = (suffix) => bundled.outputFiles.find((file) => file.path.endsWith(suffix)).text;
// Safe options only: nothing that assumes getters are pure or rewrites comparisons.
const minified = await terser.minify(output('.mjs'), {
  module: true,
  ecma: 2020,
  compress: { passes: 3 },
  mangle: true,
  sourceMap: { content: output('.map'), url: 'index.min.mjs.map' },
});
writeFileSync(outfile, minified.code);
writeFileSync(`${outfile}.map`, minified.map);

// Runs the shared JS suite against the Node flavour of the built package.
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { suite } from './suite.mjs';

const entry = new URL('../../build/wasm/dist/node.mjs', import.meta.url);
if (!existsSync(entry)) throw new Error('build/wasm/dist is missing: run scripts/build.sh wasm');
const { default: createHooksmith } = await import(entry);
const hs = await createHooksmith();

for (const { name, fn } of suite) test(`node: ${name}`, () => fn(hs));

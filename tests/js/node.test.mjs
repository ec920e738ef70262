// Runs the shared JS suite against the Node flavour of the built package.
import { test, before, after } from 'node:test';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createEchoHandler } from '../../web-demo/server.mjs';
import { suiteEnv } from './env.mjs';
import { suite } from './suite.mjs';

const entry = new URL('../../build/wasm/dist/node.mjs', import.meta.url);
if (!existsSync(entry)) throw new Error('build/wasm/dist is missing: run scripts/build.sh wasm');
const { default: createHooksmith } = await import(entry);
const hs = await createHooksmith();

let receiver;
let env;
before(async () => {
  receiver = createServer(createEchoHandler().handler);
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  env = suiteEnv(`http://127.0.0.1:${receiver.address().port}/`);
});
after(() => new Promise((resolve) => receiver.close(resolve)));

for (const { name, fn } of suite) test(`node: ${name}`, () => fn(hs, env));

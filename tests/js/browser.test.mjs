// Runs the shared JS suite inside headless Chromium against the ES-module (web) flavour.
import { test, before, after } from 'node:test';
import { startDemoServers } from '../../web-demo/server.mjs';
import { launchChromium } from './chromium.mjs';
import { suiteEnv } from './env.mjs';
import { suite } from './suite.mjs';

let servers;
let browser;
let results;

before(async () => {
  servers = await startDemoServers({ port: 0, echoPort: 0 });
  browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.addInitScript((env) => { window.hooksmithEnv = env; }, suiteEnv(servers.echoUrl, { inBrowser: true }));
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(new URL('tests/js/browser.html', servers.url).href);
  await page.waitForFunction(() => window.hooksmithResults !== undefined, null, { timeout: 60000 });
  results = new Map((await page.evaluate(() => window.hooksmithResults)).map((r) => [r.name, r]));
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

test('chromium: the module loads', () => {
  const failure = results.get('load the module');
  if (failure) throw new Error(failure.error);
});

for (const { name } of suite) {
  test(`chromium: ${name}`, () => {
    const result = results.get(name);
    if (!result) throw new Error('did not run in the page');
    if (!result.ok) throw new Error(result.error);
  });
}

// Runs the shared JS suite inside headless Chromium against the ES-module (web) flavour, twice:
// the minified bundle a page loads (index.min.mjs) and the modules a bundler imports (index.mjs).
import { test, before, after } from 'node:test';
import { startDemoServers } from '../../web-demo/server.mjs';
import { launchChromium } from './chromium.mjs';
import { suiteEnv } from './env.mjs';
import { suite } from './suite.mjs';

const ENTRIES = ['index.min.mjs', 'index.mjs'];
// What browser.html checks around the suite: the lite core a page starts with, and its loader.
const PAGE_CHECKS = ['a page starts with the lite core', 'createHooksmith with fullCore starts with the full core',
                     'a failed full-core load leaves the lite core running, and can be retried'];

let servers;
let browser;
const results = new Map();

before(async () => {
  servers = await startDemoServers({ port: 0, echoPort: 0 });
  browser = await launchChromium();
  for (const entry of ENTRIES) {
    const page = await browser.context.newPage();
    await page.addInitScript((env) => { window.hooksmithEnv = env; }, suiteEnv(servers.echoUrl, { inBrowser: true }));
    page.on('pageerror', (error) => console.error(`page error (${entry}):`, error));
    const url = new URL('tests/js/browser.html', servers.url);
    url.searchParams.set('entry', entry);
    await page.goto(url.href);
    await page.waitForFunction(() => window.hooksmithResults !== undefined, null, { timeout: 60000 });
    results.set(entry, new Map((await page.evaluate(() => window.hooksmithResults)).map((r) => [r.name, r])));
    await page.close();
  }
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

for (const entry of ENTRIES) {
  test(`chromium (${entry}): the module loads`, () => {
    const failure = results.get(entry).get('load the module');
    if (failure) throw new Error(failure.error);
  });

  for (const check of PAGE_CHECKS) {
    test(`chromium (${entry}): ${check}`, () => {
      const result = results.get(entry).get(check);
      if (!result?.ok) throw new Error(result?.error ?? 'did not run in the page');
    });
  }

  for (const { name } of suite) {
    test(`chromium (${entry}): ${name}`, () => {
      const result = results.get(entry).get(name);
      if (!result) throw new Error('did not run in the page');
      if (!result.ok) throw new Error(result.error);
    });
  }
}

// End-to-end: the dashboard demo page in headless Chromium, served as the README's demo command serves it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServers } from '../../web-demo/server.mjs';
import { launchChromium } from '../js/chromium.mjs';

let servers;
let browser;
let page;
const pageErrors = [];

before(async () => {
  servers = await startDemoServers({ port: 0, echoPort: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(servers.url);
  await page.locator('#status', { hasText: 'Wasm core loaded.' }).waitFor({ timeout: 60000 });
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

test('e2e: the page shows a template rendered by the Wasm core', async () => {
  assert.equal(await page.locator('#output').textContent(), 'Hi Mary, your red shoes ships to US.');
  assert.deepEqual(await page.locator('#variables li').allTextContents(),
                   ["userAttribute['First name']", 'parameter.item', 'userAttribute.country']);
});

test('e2e: editing the template updates the preview', async () => {
  await page.fill('#template', '{{ userId }} bought {{ parameter.price * 2 }}');
  await page.locator('#output', { hasText: 'user-42 bought 39.98' }).waitFor();
});

test('e2e: a syntax error is shown with its position', async () => {
  await page.fill('#template', '{% if userId %}open');
  await page.locator('#error', { hasText: 'syntax error at 1:' }).waitFor();
  assert.equal(await page.locator('#output').textContent(), '');
});

test('e2e: user data is shown as text, never as HTML', async () => {
  await page.fill('#context', JSON.stringify({ userAttribute: { 'First name': '<img src=x onerror="window.pwned=1">' } }));
  await page.fill('#template', "{{ userAttribute['First name'] }}");
  await page.locator('#output', { hasText: '<img src=x' }).waitFor();
  assert.equal(await page.locator('#output img').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(pageErrors, []);
});

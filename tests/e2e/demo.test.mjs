// End-to-end: the dashboard demo page in headless Chromium, served as the README's demo command
// serves it (static site + echo receiver on another origin, so CORS is real).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServers } from '../../web-demo/server.mjs';
import { launchChromium } from '../js/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT = path.join(root, 'build/e2e/demo.png');
const XSS = '<img src=x onerror=alert(1)>';

let servers;
let browser;
let page;
const pageErrors = [];
const dialogs = [];
const requested = [];  // the paths the page fetched, in order

before(async () => {
  // The page loads the built package (web-demo/server.mjs serves it; HOOKSMITH_DIST overrides).
  const dist = process.env.HOOKSMITH_DIST ? path.resolve(process.env.HOOKSMITH_DIST) : path.join(root, 'build/wasm/dist');
  for (const file of ['hooksmith-core-lite.wasm', 'hooksmith-core.wasm']) {
    if (!existsSync(path.join(dist, file))) throw new Error(`${dist}/${file} is missing: run scripts/build.sh wasm`);
  }
  servers = await startDemoServers({ port: 0, echoPort: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

// Every test starts from the example: the page's own "Reset example" (reloading the Wasm module
// for each test would cost seconds each).
let loaded = false;
beforeEach(async () => {
  if (!loaded) {
    await page.goto(servers.url);
    await page.locator('#status', { hasText: 'Wasm core loaded.' }).waitFor({ timeout: 30000 });
    loaded = true;
  } else {
    await page.click('#reset');
  }
  await page.locator('#preview-state', { hasText: 'ready to send' }).waitFor();
});

const text = (selector) => page.locator(selector).textContent();

async function waitForText(selector, expected, timeout = 5000) {
  await page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent.includes(want),
                             [selector, expected], { timeout });
}

/** The previewed headers as [name, value] pairs, as the page shows them. */
async function previewHeaders() {
  return page.locator('#preview-headers tr').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('th').textContent, row.querySelector('td').textContent]));
}

const dataValue = (n) => page.getByLabel(`Value template of data pair ${n}`, { exact: true });
const dataKey = (n) => page.getByLabel(`Key of data pair ${n}`, { exact: true });

test('e2e: the default webhook previews for the first sample user', async () => {
  // The page's first download is the lite core; the full one waits until a config needs it.
  assert.ok(requested.includes('/dist/hooksmith-core-lite.wasm'), requested.join(' '));
  assert.equal(requested.includes('/dist/hooksmith-core.wasm'), false, 'the full core is not loaded up front');
  assert.equal(await text('#preview-method'), 'POST');
  assert.equal(await text('#preview-url'), 'https://api.example.com/users/u-20417?src=spring%20sale');
  assert.equal(await text('#body-exact'),
               '{"first_name":"Mary","country":"US","sessions":42,"total":39.98,"vip":true,' +
               '"greeting":"Hi Mary, your red shoes is waiting!"}');
  const headers = await previewHeaders();
  assert.deepEqual(headers.map(([name]) => name), ['Content-Type', 'Authorization', 'X-Campaign']);
  assert.equal(headers[1][1].includes('c2hvcDpzM2NyZXQ='), false, 'Authorization is masked by default');
  // Basic auth decoded, password masked until revealed.
  assert.equal(await text('#basic-user'), 'shop');
  assert.notEqual(await text('#basic-password'), 's3cret');
  await page.click('#basic-reveal');
  await waitForText('#basic-password', 's3cret');
  // Variables the webhook reads; this user has all of them.
  const variables = await page.locator('#variables li').allTextContents();
  assert.ok(variables.includes("userAttribute['First name']"), variables.join(' | '));
  assert.ok(variables.includes('parameter.source'));
  assert.equal(await page.locator('#variables li.lacking').count(), 0);
  // Exports: masked unless revealed.
  const curl = await text('#export-curl');
  assert.match(curl, /^curl /);
  assert.ok(!curl.includes('c2hvcDpzM2NyZXQ='));
  assert.match(await text('#export-http'), /^POST \/users\/u-20417\?src=spring%20sale HTTP\/1\.1\n/);
  await page.check('#reveal');
  await waitForText('#export-curl', 'c2hvcDpzM2NyZXQ=');  // base64("shop:s3cret")
  // CORS: a JSON body with Authorization and a custom header is preflighted.
  assert.match(await text('#cors-mode'), /preflight/);
  assert.match((await page.locator('#cors-reasons li').allTextContents()).join('\n'), /Authorization/i);
});

test('e2e: editing the URL and a data value updates the preview', async () => {
  await page.fill('#url', 'https://hooks.example.org/v2/{{ userId }}/{{ country | lower }}');
  await waitForText('#preview-url', 'https://hooks.example.org/v2/u-20417/us');
  assert.equal(await page.locator('#basic-auth').isHidden(), true, 'no credentials, no Basic auth');
  assert.deepEqual((await previewHeaders()).map(([name]) => name), ['Content-Type', 'X-Campaign']);
  await dataValue(6).fill("Dear {{ userAttribute['First name'] | upper }}");
  await waitForText('#body-exact', '"greeting":"Dear MARY"');
  await dataKey(6).fill('salutation');
  await waitForText('#body-exact', '"salutation":"Dear MARY"');
  // The readable view is the same JSON, indented.
  assert.match(await text('#body-pretty'), /\n {2}"salutation": "Dear MARY"\n\}$/);

  // A raw body template replaces the data pairs; any content type is allowed with it.
  await page.check('#body-mode-raw');
  await page.selectOption('#content-type', 'text/plain');
  await page.fill('#body', 'Order for {{ userId }}:\n{{ parameter.qty }} × {{ parameter.item }}');
  await waitForText('#body-exact', 'Order for u-20417:\n2 × red shoes');
  assert.equal((await previewHeaders())[0][1], 'text/plain');
  assert.match(await text('#body-size'), /^33 bytes/);  // '×' is two bytes in UTF-8
  await page.check('#body-mode-data');
  await page.selectOption('#content-type', 'application/json');
  await waitForText('#body-exact', '"salutation":"Dear MARY"');

  // Config errors are marked at their control: a key given twice marks both keys…
  await dataKey(2).fill('first_name');
  await waitForText('#preview-state', 'config error');
  assert.equal(await dataKey(1).getAttribute('aria-invalid'), 'true');
  assert.equal(await dataKey(2).getAttribute('aria-invalid'), 'true');
  assert.match(await text('#preview-problem-title'), /^data\.first_name — config error: /);
  await dataKey(2).fill('country');
  await waitForText('#preview-state', 'ready to send');
  // …and a header name that is not an HTTP token marks that name.
  await page.getByLabel('Name of header 1', { exact: true }).fill('X Campaign');
  await waitForText('#preview-state', 'config error');
  assert.equal(await page.getByLabel('Name of header 1', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#header-rows .field-error').textContent(), /config error: .*not a valid header name/);
});

test('e2e: picking other users updates the preview and explains suppression', async () => {
  await page.selectOption('#user-select', { label: 'Jürgen Müller — new user, DE (float 1.0 kept)' });
  await waitForText('#body-exact', '"first_name":"Jürgen"');
  // 89.0 * 1 is a float in Jinja: 89.0, which the number field writes back compactly.
  assert.match(await text('#body-exact'), /"total":89\.0,/);
  assert.equal(await text('#preview-url'), 'https://api.example.com/users/u-90311?src=newsletter/de');
  assert.match(await text('#body-size'), /^\d+ bytes, UTF-8$/);

  await page.selectOption('#user-select', { label: 'Anonymous visitor — no First name (suppressed)' });
  await waitForText('#preview-state', 'suppressed');
  assert.match(await text('#preview-problem-title'), /Suppressed/);
  assert.match(await text('#preview-problem-detail'), /^Reason: .*userAttribute\['First name'\].* — in data\.first_name at line 1, column 4\.$/);
  assert.equal(await page.locator('#stale-note').isVisible(), true);
  assert.match(await text('#preview-problem-hint'), /default/);
  const lacking = await page.locator('#variables li.lacking').allTextContents();
  assert.deepEqual(lacking.map((name) => name.replace('✗ ', '')), ["userAttribute['First name']"]);
  // The field that caused it is marked.
  assert.equal(await dataValue(1).getAttribute('aria-invalid'), 'true');

  // The "jinja" policy prints nothing instead.
  await page.selectOption('#missing', 'jinja');
  await waitForText('#preview-state', 'ready to send');
  assert.match(await text('#body-exact'), /^\{"first_name":"","country":"GB"/);
});

test('e2e: the echo receiver gets exactly the previewed request', async () => {
  await page.selectOption('#user-select', { label: 'Jürgen Müller — new user, DE (float 1.0 kept)' });
  await page.click('#use-echo');
  const echo = new URL(servers.echoUrl);
  await waitForText('#preview-url', `http://${echo.host}/users/u-90311`);
  await page.check('#reveal');  // compare real header values, not masked ones
  await waitForText('#preview-headers', 'Basic ');
  const method = await text('#preview-method');
  const url = await text('#preview-url');
  const headers = await previewHeaders();
  const body = await text('#body-exact');
  assert.equal(url, `http://${echo.host}/users/u-90311?src=newsletter/de`);

  const before = servers.received.length;
  await page.click('#send');
  await waitForText('#send-summary', 'delivered', 15000);
  assert.equal(servers.received.length, before + 1, 'exactly one request arrived');
  const got = servers.received.at(-1);
  assert.equal(got.method, method);
  assert.equal(new URL(got.url, servers.echoUrl).href, url);
  assert.deepEqual(Buffer.from(got.bodyBase64, 'base64'), Buffer.from(body, 'utf8'));
  const receivedHeader = (name) => got.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  for (const [name, value] of headers) {
    assert.deepEqual(receivedHeader(name), [value], `header ${name}`);
  }
  assert.deepEqual(receivedHeader('Authorization'), ['Basic ' + Buffer.from('shop:s3cret').toString('base64')]);
  assert.deepEqual(receivedHeader('Host'), [echo.host]);

  // The page shows the attempt: status, the receiver's headers and body.
  assert.equal(await page.locator('#attempts > li').count(), 1);
  assert.match(await text('#attempts > li .badge'), /HTTP 200/);
  assert.match(await text('#attempts > li .response-body'), new RegExp(`"id": ${got.id}`));
  assert.match(await page.getByRole('table', { name: 'Response headers of attempt 1' }).textContent(), /x-echo-id/i);
});

// Standard Webhooks v1, computed here independently of the library.
function standardSignature(secret, id, timestamp, body) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

test('e2e: a signed webhook previews and arrives with a valid signature', async () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';  // the spec's published test secret
  await page.check('#signing-enabled');
  await page.fill('#signing-secret', secret);
  await page.fill('#signing-id', 'msg_{{ userId }}');
  await page.click('#use-echo');
  await page.check('#reveal');
  await waitForText('#preview-headers', 'webhook-signature');
  const headers = Object.fromEntries(await previewHeaders());
  const body = await text('#body-exact');
  assert.equal(headers['webhook-id'], 'msg_u-20417');
  assert.match(headers['webhook-timestamp'], /^\d{10}$/);
  assert.equal(headers['webhook-signature'], standardSignature(secret, 'msg_u-20417', headers['webhook-timestamp'], body));
  assert.match(await text('#signing-note'), /Signed preview/);
  // The secret is masked in the config view unless revealed.
  await page.uncheck('#reveal');
  assert.ok(!(await page.inputValue('#config-json')).includes('MfKQ9r8'));

  await page.click('#send');
  await waitForText('#send-summary', 'delivered', 15000);
  const got = servers.received.at(-1);
  const header = (name) => got.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  assert.equal(header('webhook-id'), 'msg_u-20417');
  assert.equal(got.body, body);
  assert.equal(header('webhook-signature'), standardSignature(secret, 'msg_u-20417', header('webhook-timestamp'), got.body));
});

test('e2e: GET puts the data into the query string; exports can be copied', async () => {
  await page.selectOption('#method', 'GET');
  await waitForText('#preview-method', 'GET');
  const url = await text('#preview-url');
  assert.equal(url, 'https://api.example.com/users/u-20417?src=spring%20sale&first_name=Mary&country=US' +
                    '&sessions=42&total=39.98&vip=True&greeting=Hi+Mary%2C+your+red+shoes+is+waiting%21');
  assert.deepEqual((await previewHeaders()).map(([name]) => name), ['Authorization', 'X-Campaign']);
  assert.match(await text('#body-pretty'), /^No body: a GET sends its data in the query string\.\n/);
  assert.equal(await text('#body-exact'), '');

  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(servers.url).origin });
  await page.click('#copy-curl');
  await waitForText('#copy-status', 'copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await text('#export-curl'));
  assert.match(copied, /^curl .*'https:\/\/api\.example\.com\/users\/u-20417\?src=spring%20sale&first_name=Mary/s);
  await page.click('#copy-http');
  await waitForText('#copy-status', 'HTTP request copied');
  const http = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(http, /^GET \/users\/u-20417\?src=spring%20sale&first_name=Mary.* HTTP\/1\.1\r\nHost: api\.example\.com\r\n/);
});

test('e2e: a failing receiver shows every attempt and the retry decisions', async () => {
  await page.click('#use-echo');
  await page.fill('#url', new URL('/status?echo_status=503&echo_retry_after=0', servers.echoUrl).href);
  await waitForText('#preview-url', 'echo_status=503');
  const before = servers.received.length;
  await page.click('#send');
  await waitForText('#send-summary', 'not delivered', 15000);
  assert.equal(servers.received.length, before + 3, 'the interactive policy makes 3 attempts');
  const attempts = page.locator('#attempts > li');
  assert.equal(await attempts.count(), 3);
  for (let i = 0; i < 3; i++) {
    assert.match(await attempts.nth(i).locator('.attempt-head').textContent(), new RegExp(`Attempt ${i + 1}HTTP 503`));
    assert.match(await attempts.nth(i).getByRole('table', { name: `Response headers of attempt ${i + 1}` }).textContent(), /retry-after0/i);
  }
  assert.match(await text('#send-summary'), /not delivered after 3 attempts/);
});

test('e2e: a template error is shown at its field and line:column', async () => {
  // On line 2 the '|' is at column 13 and the unknown filter's name starts at column 15.
  await dataValue(6).fill('Hi {{ userId }},\n  {{ userId | no_such_filter }}');
  await waitForText('#preview-state', 'syntax error');
  const title = await text('#preview-problem-title');
  assert.match(title, /^data\.greeting — syntax error at 2:\d+: /);
  assert.match(title, /no_such_filter/);
  const column = Number(/at 2:(\d+)/.exec(title)[1]);
  assert.ok(column === 13 || column === 15, `column ${column} points at the filter (| at 13, name at 15)`);
  assert.equal(await dataValue(6).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#data-rows tr:nth-child(6) .field-error').textContent(), new RegExp(`syntax error at 2:${column}`));
  // The excerpt shows the line with a caret under the column.
  const [line, caret] = (await text('#preview-problem-excerpt')).split('\n');
  assert.equal(line, '  {{ userId | no_such_filter }}');
  assert.equal(caret.indexOf('^'), column - 1);
  // The last good request stays visible, dimmed; no variables lost.
  assert.equal(await page.locator('#preview-request.stale').count(), 1);

  // A syntax error in the URL template, with a position on line 1.
  await dataValue(6).fill('ok');
  await page.fill('#url', 'https://api.example.com/{% if userId %}x');
  await waitForText('#preview-problem-title', 'url — syntax error at 1:');
  assert.equal(await page.locator('#url').getAttribute('aria-invalid'), 'true');
  // Bad context JSON is reported at the context field.
  await page.fill('#url', 'https://api.example.com/{{ userId }}');
  await page.fill('#context', '{"userId": "u-1",}');
  await waitForText('#preview-state', 'input error');
  assert.equal(await page.locator('#context').getAttribute('aria-invalid'), 'true');
  // The library's message for context JSON carries the position in its text (not as line/column).
  assert.match(await text('#context-error'), /^input error.*line 1, column 18/);
});

test('e2e: the XSS profile stays text everywhere', async () => {
  await page.selectOption('#user-select', { label: 'Mallory — values that look like HTML' });
  await waitForText('#body-exact', XSS);
  await page.click('#use-echo');
  await page.click('#send');
  await waitForText('#send-summary', 'delivered', 15000);
  assert.ok((await text('#attempts')).includes(XSS));
  await page.locator('#batch-size').fill('30');
  await page.click('#batch-run');
  await waitForText('#batch-summary', 'Done');
  await page.waitForTimeout(200);  // give any injected handler a chance to fire
  assert.equal(await page.locator('img, script:not([type="module"]), svg').count(), 0);
  assert.ok((await page.inputValue('#context')).includes(XSS));
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

test('e2e: batch preview of 10 000 users completes with the right summary', async () => {
  // The audience's documented rules (users.js): index % 13 == 0 lacks 'First name' (suppressed);
  // otherwise index % 29 == 0 has price "19,99" (the number field rejects it); the rest render.
  const total = 10000;
  let suppressed = 0;
  let errors = 0;
  for (let i = 0; i < total; i++) {
    if (i % 13 === 0) suppressed++;
    else if (i % 29 === 0) errors++;
  }
  const sent = total - suppressed - errors;
  assert.equal(await page.inputValue('#batch-size'), String(total));
  await page.click('#batch-run');
  await waitForText('#batch-summary', 'Done', 30000);
  const summary = page.locator('#batch-summary');
  assert.equal(await summary.getAttribute('data-sent'), String(sent));
  assert.equal(await summary.getAttribute('data-suppressed'), String(suppressed));
  assert.equal(await summary.getAttribute('data-errors'), String(errors));
  assert.match(await summary.textContent(), new RegExp(`sent ${sent}, suppressed ${suppressed}, errors ${errors}`));
  assert.equal(await page.locator('#batch-progress').evaluate((node) => node.value === node.max && node.max === 10000), true);
  const reasons = await page.locator('#batch-reasons li').allTextContents();
  assert.ok(reasons.some((line) => line.startsWith(`${suppressed} × suppressed — userAttribute['First name'] missing`)), reasons.join('\n'));
  assert.ok(reasons.some((line) => line.startsWith(`${errors} × error — data.total, config error — e.g. `)), reasons.join('\n'));
  // The table's first rows: user 0 suppressed, users 1… sent.
  const rows = page.locator('#batch-rows tr');
  assert.equal(await rows.count(), 25);
  assert.equal(await rows.nth(0).locator('.badge').textContent(), 'suppressed');
  assert.equal(await rows.nth(1).locator('.badge').textContent(), 'sent');
  assert.match(await rows.nth(1).textContent(), /u-100001/);
});

test('e2e: config JSON loads into the editor and masks secrets', async () => {
  await page.locator('#config-details summary').click();
  const shown = await page.inputValue('#config-json');
  assert.ok(shown.includes('****') && !shown.includes('s3cret'), 'masked by default');
  // Applying masked JSON is refused: it would replace the password with ****.
  await page.click('#config-apply');
  await waitForText('#config-error', 'masked secrets');

  const config = {
    method: 'put', url: 'https://crm.example.com/contacts/{{ userId }}',
    contentType: 'application/x-www-form-urlencoded',
    data: [{ key: 'name', value: "{{ userAttribute['First name'] }}" }, { key: 'city', value: '{{ city }}' }],
  };
  await page.fill('#config-json', JSON.stringify(config));
  await page.click('#config-apply');
  await waitForText('#preview-method', 'PUT');
  assert.equal(await page.inputValue('#method'), 'PUT');
  assert.equal(await page.inputValue('#url'), config.url);
  assert.equal(await page.locator('#data-rows tr').count(), 2);
  assert.equal(await page.locator('#header-rows tr').count(), 0);
  await waitForText('#body-exact', 'name=Mary&city=San+Francisco');
  assert.equal(await text('#body-pretty'), 'name = Mary\ncity = San Francisco');
  // PUT is not a simple method: preflight, and the panel says why.
  assert.match(await text('#cors-mode'), /preflight/);
  assert.match(await text('#cors-reasons'), /PUT/);
  // A POST form without custom headers or credentials is a simple request.
  await page.selectOption('#method', 'POST');
  await waitForText('#cors-mode', 'simple');
  // Seen from an https dashboard, a plain-http receiver is mixed content: blocked, with the fix.
  await page.fill('#cors-origin', 'https://dashboard.example.com');
  await page.fill('#url', 'http://crm.example.com/contacts/{{ userId }}');
  await waitForText('#cors-mode', 'blocked');
  assert.match(await text('#cors-reasons'), /mixed content.*use https:\/\//);
  // Loopback is trustworthy: allowed from https pages.
  await page.fill('#url', 'http://127.0.0.1:9/contacts/{{ userId }}');
  await waitForText('#cors-mode', 'simple');

  // "Save as file" writes the editor's config with its real secrets; "Open file…" loads one.
  await page.fill('#url', 'https://crm:pa55@crm.example.com/contacts/{{ userId }}');
  await waitForText('#preview-url', 'https://crm.example.com/contacts/u-20417');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#config-save')]);
  assert.equal(download.suggestedFilename(), 'webhook.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.url, 'https://crm:pa55@crm.example.com/contacts/{{ userId }}');
  assert.equal(saved.method, 'POST');
  assert.deepEqual(saved.data, config.data);
  await page.setInputFiles('#config-file', {
    name: 'other.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...saved, method: 'PATCH', missing: 'jinja' })),
  });
  await waitForText('#preview-method', 'PATCH');
  assert.equal(await page.inputValue('#missing'), 'jinja');
  assert.equal(await page.inputValue('#url'), saved.url, 'the file\'s password is kept, not masked');

  // A config the library rejects is not loaded, and says why.
  await page.fill('#config-json', JSON.stringify({ ...config, colour: 'red' }));
  await page.click('#config-apply');
  await waitForText('#config-error', 'Not loaded: ');
  assert.equal(await page.inputValue('#method'), 'PATCH');
});

test('e2e: Linked Data — the example fetches each user\'s quote, previews it, and sends it byte for byte', async () => {
  const linkedLog = async () => (await fetch(new URL('__linked', servers.echoUrl))).json();
  // What the preview must show is what the receiver serves for Mary's FavoriteStock (ACME).
  const quote = await (await fetch(new URL('linked/stock/ACME', servers.echoUrl))).json();
  const fetchedBefore = (await linkedLog()).length;
  await page.click('#linked-example');
  await waitForText('#preview-state', 'ready to send', 10000);
  // Linked Data is not in the lite core: the page loaded the full one for it.
  assert.ok(requested.includes('/dist/hooksmith-core.wasm'), 'the full core was loaded');
  assert.equal(await page.getByLabel('Name of source 1', { exact: true }).inputValue(), 'stock');
  const body = await text('#body-exact');
  assert.equal(JSON.parse(body).price, quote.price);
  assert.equal(JSON.parse(body).symbol, 'ACME');
  assert.equal(await text('#preview-url'), `${servers.echoUrl}hooks/stock/u-20417`);
  assert.equal(await page.locator('#linked-fetches > li').count(), 1);
  assert.match(await text('#linked-fetches > li'), /HTTP 200/);
  assert.match(await text('#linked-fetches > li'), new RegExp(`GET ${servers.echoUrl}linked/stock/ACME`));
  assert.match(await text('#linked-fetches > li pre'), /"price": 123\.45/);
  const fetched = (await linkedLog()).slice(fetchedBefore).filter((entry) => entry.url === '/linked/stock/ACME');
  assert.equal(fetched.length, 1, 'the preview fetched the source once');
  assert.equal(fetched[0].headers.find(([name]) => name.toLowerCase() === 'x-api-key')?.[1], 'demo-key');

  // Sent: the receiver gets the previewed bytes.
  const before = servers.received.length;
  await page.click('#send');
  await waitForText('#send-summary', 'delivered', 15000);
  assert.equal(servers.received.length, before + 1);
  const got = servers.received.at(-1);
  assert.equal(new URL(got.url, servers.echoUrl).href, await text('#preview-url'));
  assert.deepEqual(Buffer.from(got.bodyBase64, 'base64'), Buffer.from(body, 'utf8'));

  // A user whose symbol the source does not know: suppressed, with the source and status named.
  await page.selectOption('#user-select', { label: 'Mallory — values that look like HTML' });
  await waitForText('#preview-state', 'suppressed', 10000);
  assert.match(await text('#preview-problem-detail'), /stock.*404|404.*stock/);
  assert.match(await text('#linked-fetches > li'), /HTTP 404/);
  assert.match(await text('#linked-fetches > li'), /linked\/stock\/%3Cimg/);

  // Editing the source: a failing URL suppresses everyone; a batch fetches each URL once.
  const url = page.getByLabel('URL of source 1', { exact: true });
  await page.selectOption('#user-select', { label: 'Mary Doe — returning customer, US' });
  await url.fill(`${servers.echoUrl}linked/stock/{}?status=503`);
  await waitForText('#preview-state', 'suppressed', 10000);
  assert.match(await text('#preview-problem-detail'), /503/);
  await url.fill(`${servers.echoUrl}linked/stock/{}?batch=1`);
  await waitForText('#preview-state', 'ready to send', 10000);
  const batchBefore = (await linkedLog()).length;
  await page.locator('#batch-size').fill('200');
  await page.click('#batch-run');
  await waitForText('#batch-summary', 'Done', 30000);
  const batchFetches = (await linkedLog()).slice(batchBefore).filter((entry) => entry.url.endsWith('?batch=1'));
  assert.equal(batchFetches.length, 5, 'five distinct symbols, five fetches for 200 users');

  // A source the core refuses is reported under the sources table.
  await url.fill('ftp://quotes.example/{}');
  await waitForText('#linked-error', 'linkedData.stock.url');
  assert.equal(await text('#preview-state'), 'config error');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

test('e2e: screenshot of the page after a send and a batch', async () => {
  await page.click('#use-echo');
  await page.click('#send');
  await waitForText('#send-summary', 'delivered', 15000);
  await page.locator('#batch-size').fill('300');
  await page.click('#batch-run');
  await waitForText('#batch-summary', 'Done', 30000);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  assert.deepEqual(pageErrors, []);
});

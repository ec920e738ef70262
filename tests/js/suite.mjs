// The JS suite of the Wasm module. It runs in Node (node.test.mjs) and in headless Chromium
// (browser.test.mjs) against the flavour each environment loads. Each test gets the module and
// `env`: {echoUrl, cases (render-cases.json), cliResults (the native CLI's output for them)}.
import * as assert from './assert.mjs';
import { SPEC_CONFIG, SPEC_REQUEST } from './spec-example.mjs';
import { linkedDataSuite } from './linked-data.suite.mjs';

export const suite = [];
const test = (name, fn) => suite.push({ name, fn });

test('renderTemplate personalizes with a Leanplum attribute', (hs) => {
  const out = hs.renderTemplate("Hi {{ userAttribute['First name'] }}!", { userAttribute: { 'First name': 'Mary' } });
  assert.equal(out, 'Hi Mary!');
});

test('renderTemplate keeps 1.0 distinct from 1 when the context is JSON text', (hs) => {
  assert.equal(hs.renderTemplate('{{ a }} {{ b }}', '{"a": 1.0, "b": 1}'), '1.0 1');
});

test('renderTemplate uses Python value semantics', (hs) => {
  assert.equal(hs.renderTemplate('{{ 7 / 2 }} {{ -7 // 2 }} {{ [1, "a", none] }}'), "3.5 -4 [1, 'a', None]");
});

test('suppress is the default missing policy and names the variable', (hs) => {
  const error = assert.throws(() => hs.renderTemplate("{{ userAttribute['First name'] }}", { userAttribute: {} }));
  assert.equal(error.name, 'HooksmithError');
  assert.equal(error.kind, 'missing');
  assert.equal(error.variable, "userAttribute['First name']");
});

test('missing: jinja prints nothing for undefined', (hs) => {
  assert.equal(hs.renderTemplate('[{{ nope }}]', {}, { missing: 'jinja' }), '[]');
});

test('syntax errors carry kind, line and column', (hs) => {
  const error = assert.throws(() => hs.renderTemplate('line one\n{% if x %}never closed'));
  assert.equal(error.kind, 'syntax');
  assert.equal(error.line, 2);
  assert.ok(error.column >= 1, 'column is 1-based');
});

test('malformed context JSON is an input error', (hs) => {
  const error = assert.throws(() => hs.renderTemplate('{{ a }}', '{"a": '));
  assert.equal(error.kind, 'input');
});

test('templateVariables lists the context paths a template reads', (hs) => {
  assert.deepEqual(hs.templateVariables("{{ userId }}/{{ parameter.item | urlencode }}/{% for t in tags %}{{ t }}{% endfor %}"),
                   ['userId', 'parameter.item', 'tags']);
});

test('the module survives a hostile template and renders normally afterwards', (hs) => {
  const error = assert.throws(() => hs.renderTemplate('{{ ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + ' }}'));
  assert.equal(error.kind, 'limit');
  assert.equal(hs.renderTemplate('{{ 1 + 1 }}'), '2');
});

// --- webhooks -------------------------------------------------------------------------------

const MARY = { userId: 42, messageId: '5724036847910912', userAttribute: { 'First name': 'Mary' },
               parameter: { source: 'spring sale', price: 19.99, qty: 2 } };

function withHook(hs, config, fn) {
  const hook = hs.compile(config);
  try { return fn(hook); } finally { hook.delete(); }
}

test('compile + render: the spec example, byte for byte', (hs) => {
  withHook(hs, SPEC_CONFIG, (hook) => {
    assert.deepEqual(hook.render(MARY), SPEC_REQUEST);
    assert.deepEqual(hook.variables(), ['userId', 'parameter.source', "userAttribute['First name']", 'parameter.price', 'parameter.qty', 'messageId']);
    assert.equal(hook.method, 'POST');
    assert.equal(hook.isSigned, false);
  });
});

test('compile accepts JSON text and reports config errors with the field', (hs) => {
  const error = assert.throws(() => hs.compile('{"url": "https://x.example/", "colour": "red"}'));
  assert.equal(error.kind, 'config');
  assert.equal(error.field, 'colour');
  const syntax = assert.throws(() => hs.compile({ url: 'https://x.example/{{ userId ' }));
  assert.equal(syntax.kind, 'syntax');
  assert.equal(syntax.field, 'url');
  assert.equal(syntax.line, 1);
});

test('render: a suppressed user is a missing error naming field and variable', (hs) => {
  withHook(hs, SPEC_CONFIG, (hook) => {
    const error = assert.throws(() => hook.render({ ...MARY, userAttribute: {} }));
    assert.equal(error.kind, 'missing');
    assert.equal(error.field, 'data.first_name');
    assert.equal(error.variable, "userAttribute['First name']");
  });
});

test('report: the variables a user lacks, and an http warning', (hs) => {
  withHook(hs, { ...SPEC_CONFIG, url: 'http://hooks.example.com/{{ userId }}' }, (hook) => {
    const report = hook.report({ ...MARY, userAttribute: {} });
    assert.deepEqual(report.absentVariables, ["userAttribute['First name']"]);
    assert.equal(report.warnings.length, 1);
    assert.deepEqual(hook.report(MARY).absentVariables, []);
  });
});

test('renderMany: per-user results in order with progress', async (hs) => {
  const hook = hs.compile(SPEC_CONFIG);
  try {
    const contexts = Array.from({ length: 1200 }, (_, i) => (i % 3 === 0 ? { ...MARY, userAttribute: {} } : { ...MARY, userId: i }));
    const progress = [];
    const results = await hook.renderMany(contexts, { onProgress: (done, total) => progress.push([done, total]), chunkSize: 500 });
    assert.equal(results.length, 1200);
    assert.equal(results[0].error.kind, 'missing');
    assert.equal(results[1].request.url, 'https://api.example.com/users/1?src=spring%20sale');
    assert.deepEqual(progress, [[500, 1200], [1000, 1200], [1200, 1200]]);
    assert.equal(results.filter((r) => r.error).length, 400);
  } finally {
    hook.delete();
  }
});

test('exports mask credentials unless revealed', (hs) => {
  const curl = hs.toCurl(SPEC_REQUEST);
  assert.ok(curl.startsWith('curl '));
  assert.ok(!curl.includes('dXNlcjpzZWNyZXQ='));
  assert.ok(hs.toCurl(SPEC_REQUEST, { reveal: true }).includes('dXNlcjpzZWNyZXQ='));
  const http = hs.toHttp(SPEC_REQUEST);
  assert.ok(http.startsWith('POST /users/42?src=spring%20sale HTTP/1.1\r\nHost: api.example.com\r\n'));
  assert.ok(http.endsWith('\r\n\r\n' + SPEC_REQUEST.body));
  assert.ok(!http.includes('dXNlcjpzZWNyZXQ='));
  assert.ok(!JSON.stringify(hs.maskRequest(SPEC_REQUEST)).includes('dXNlcjpzZWNyZXQ='));
});

test('analyzeCors: JSON with Authorization needs a preflight; a plain form POST is simple', (hs) => {
  const json = hs.analyzeCors(SPEC_REQUEST, 'https://dashboard.example.com');
  assert.equal(json.mode, 'preflight');
  assert.ok(json.reasons.length >= 2);
  const form = hs.analyzeCors({ method: 'POST', url: 'https://hooks.example.com/f', headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: 'a=1' },
                             'https://dashboard.example.com');
  assert.equal(form.mode, 'simple');
});

test('retry policies resolve from presets', (hs) => {
  const interactive = hs.retryPolicy('interactive');
  assert.equal(interactive.maxAttempts, 3);
  assert.deepEqual(interactive.delaysMs, [1000, 2000]);
  assert.equal(hs.retryPolicy('leanplum').maxAttempts, 51);
  assert.equal(assert.throws(() => hs.retryPolicy('forever')).kind, 'config');
});

test('the native CLI and the Wasm module render the shared table identically', (hs, env) => {
  assert.equal(env.cases.length, env.cliResults.length, 'one CLI result per case');
  env.cases.forEach((c, i) => {
    const cli = env.cliResults[i];
    let wasm;
    try {
      const hook = hs.compile(c.config);
      try { wasm = { request: hook.render(c.context, { id: c.id, timestamp: c.timestamp ?? 1700000000 }) }; } finally { hook.delete(); }
    } catch (error) {
      if (error.name !== 'HooksmithError') throw error;
      wasm = { error: { kind: error.kind, field: error.field } };
    }
    if (cli.error) {
      assert.deepEqual(wasm.error, { kind: cli.error.kind, field: cli.error.field }, c.name);
    } else {
      assert.deepEqual(wasm, cli, c.name);
    }
  });
});

test('a deleted webhook says so instead of crashing', (hs) => {
  const hook = hs.compile(SPEC_CONFIG);
  hook.delete();
  hook.delete();
  assert.equal(assert.throws(() => hook.render(MARY)).kind, 'input');
});

test('rendering 100 000 times does not grow the Wasm heap', (hs) => {
  const hook = hs.compile(SPEC_CONFIG);
  try {
    const text = JSON.stringify(MARY);
    for (let i = 0; i < 1000; i++) hook.render(text);
    const before = hs.memoryUsage();
    for (let i = 0; i < 100000; i++) hook.render(text);
    const after = hs.memoryUsage();
    assert.equal(after.heapBytes, before.heapBytes, 'heap size');
    assert.ok(after.allocatedBytes - before.allocatedBytes < 4096, `allocated grew by ${after.allocatedBytes - before.allocatedBytes} bytes`);
  } finally {
    hook.delete();
  }
});

// --- sending to the local echo receiver --------------------------------------------------------

async function received(env) {
  return (await fetch(new URL('__received', env.echoUrl))).json();
}

test('send: the receiver gets exactly the rendered method, URL, headers and body', async (hs, env) => {
  const echo = new URL(env.echoUrl);
  const config = {
    method: 'PUT',
    url: `http://marketer:p%40ss@${echo.host}/hooks/{{ userId }}?item={{ parameter.item | urlencode }}`,
    data: [{ key: 'name', value: "{{ userAttribute['First name'] }}" }, { key: 'emoji', value: '\u2764\ufe0f "quoted"' }],
    headers: [{ name: 'X-Campaign', value: 'spring-{{ userId }}' }],
    signing: { scheme: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  };
  const hook = hs.compile(config);
  try {
    const context = { userId: 'u-7', userAttribute: { 'First name': 'Zoë' }, parameter: { item: 'red shoes #1' } };
    const result = await hook.send(context, { id: 'msg_fixed' });
    assert.equal(result.ok, true, result.summary);
    assert.equal(result.attempts.length, 1);
    const sent = result.attempts[0].request;
    assert.ok(!sent.url.includes('@'), 'no credentials reach fetch');
    const log = await received(env);
    const got = log.find((entry) => entry.id === Number(result.headers.find(([n]) => n.toLowerCase() === 'x-echo-id')[1]));
    assert.equal(got.method, 'PUT');
    assert.equal(new URL(got.url, env.echoUrl).href, sent.url);
    assert.equal(got.body, sent.body);
    const header = (name) => got.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    for (const [name, value] of sent.headers) assert.equal(header(name), value, name);
    assert.equal(header('authorization'), 'Basic ' + btoa('marketer:p@ss'));
    assert.equal(header('webhook-id'), 'msg_fixed');
    if (env.inBrowser) {
      // Cross-origin PUT with JSON and Authorization: the browser must have asked first.
      const preflights = await (await fetch(new URL('__preflights', env.echoUrl))).json();
      const asked = preflights.find((p) => p.url === new URL(sent.url).pathname + new URL(sent.url).search);
      assert.ok(asked, 'a CORS preflight reached the receiver');
      assert.equal(asked.method, 'PUT');
      for (const name of ['authorization', 'content-type', 'x-campaign', 'webhook-signature']) {
        assert.ok(asked.headers.split(',').map((h) => h.trim()).includes(name), `preflight lists ${name}`);
      }
    }
  } finally {
    hook.delete();
  }
});

test('send: a redirect is reported, not followed', async (hs, env) => {
  const hook = hs.compile({ url: new URL('moved?echo_status=302', env.echoUrl).href, data: [] });
  try {
    const result = await hook.send({});
    assert.equal(result.ok, false);
    assert.equal(result.attempts.length, 1, 'redirects are final');
    // Browsers hide a manual redirect behind an opaqueredirect (status 0); Node shows the 302.
    assert.equal(result.status, env.inBrowser ? 0 : 302);
    assert.ok(/redirect.*not followed/.test(result.attempts[0].decision.reason), result.attempts[0].decision.reason);
  } finally {
    hook.delete();
  }
});

test('send: a refused connection is retried per policy and reported', async (hs, env) => {
  const hook = hs.compile({ url: 'http://127.0.0.1:9/unreachable', data: [] });
  try {
    const result = await hook.send({}, { retry: { preset: 'interactive', delaysMs: [10, 20] } });
    assert.equal(result.ok, false);
    assert.equal(result.attempts.length, 3);
    assert.equal(result.attempts[1].delayMs, 10);
    assert.equal(result.attempts[2].delayMs, 20);
    assert.ok(result.attempts.every((a) => /network error/.test(a.error)));
  } finally {
    hook.delete();
  }
});

// A page starts with the lite core (browser.test.mjs checks that both entries do); everything
// above ran on it in Chromium. Here it meets what it leaves out, then loads the full core, which
// the Linked Data cases below and the rest of the run use. In Node the full core is all there is.
test('the lite core says what it leaves out; loadFullCore loads the full one once', async (hs) => {
  const DATE = '{{ 1614265330000 | datetimeformat("%Y-%m-%d") }}';
  const LINKED = { url: 'https://example.com/', linkedData: [{ name: 'menu', url: 'https://example.com/menu' }] };
  const simple = hs.compile({ url: 'https://example.com/{{ userId }}' });
  try {
    if (!hs.fullCoreLoaded) {
      const linked = assert.throws(() => hs.compile(LINKED));
      assert.equal(linked.kind, 'unavailable');
      assert.equal(linked.field, 'linkedData');
      assert.ok(linked.message.includes('await hooksmith.loadFullCore()'), linked.message);
      hs.compile({ ...LINKED, linkedData: [] }).delete();  // no sources: nothing left out
      assert.equal(assert.throws(() => hs.compile({ ...LINKED, linkedData: 5 })).kind, 'config');
      const date = assert.throws(() => hs.renderTemplate(`x\n  ${DATE}`));
      assert.equal(date.kind, 'unavailable');
      assert.equal(date.line, 2);
      assert.equal(date.column, 22);
      // Inside an if branch too, where Jinja2 defers an unknown filter to render time.
      assert.equal(assert.throws(() => hs.renderTemplate(`{% if false %}${DATE}{% endif %}`)).kind, 'unavailable');
      // Named at run time: a render error of the same kind.
      assert.equal(assert.throws(() => hs.renderTemplate("{{ [0] | map('date') | list }}")).kind, 'unavailable');
      assert.equal(hs.renderTemplate("{{ 'date' is filter }}"), 'True');
    }
    await Promise.all([hs.loadFullCore(), hs.loadFullCore()]);
    assert.equal(hs.fullCoreLoaded, true);
    assert.equal(hs.renderTemplate(DATE), '2021-02-25');
    hs.compile(LINKED).delete();
    // A webhook compiled by the lite core keeps working on it, the Linked Data entry points too.
    assert.equal(simple.render({ userId: 'u1' }).url, 'https://example.com/u1');
    const seen = [];
    const resolved = await simple.renderResolved({ userId: 'u2' }, { onFetches: (fetches) => seen.push(fetches) });
    assert.equal(resolved.url, 'https://example.com/u2');
    assert.deepEqual(seen, [[]]);
    const many = await simple.renderManyResolved([{ userId: 'u3' }, '{bad']);
    assert.equal(many[0].request.url, 'https://example.com/u3');
    assert.deepEqual(many[0].fetches, []);
    assert.equal(many[1].error.kind, 'input');
    assert.deepEqual(many[1].fetches, []);
  } finally {
    simple.delete();
  }
});

suite.push(...linkedDataSuite);

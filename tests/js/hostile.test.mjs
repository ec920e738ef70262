// The hostile-input catalog (docs/reliability.md) through the Wasm module in Node: each input gets
// its typed error (or its exact output), quickly, and afterwards the module still renders a normal
// webhook byte for byte — it did not abort, and its heap and stack are intact.
// Also: secrets never reach error messages, exports or the native CLI's stderr/stdout unless revealed.
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEC_CONFIG, SPEC_REQUEST } from './spec-example.mjs';

const entry = new URL('../../build/wasm/dist/node.mjs', import.meta.url);
// HOOKSMITH_SKIP_WASM=1 runs only the native CLI checks (for a machine without the Wasm build).
const SKIP_WASM = process.env.HOOKSMITH_SKIP_WASM === '1';
if (!SKIP_WASM && !existsSync(entry)) throw new Error('build/wasm/dist is missing: run scripts/build.sh wasm');
const createHooksmith = SKIP_WASM ? null : (await import(entry)).default;
// Each test gets a fresh module, so that a module killed by one input (the finding) does not
// hide the results of the other tests; within a test every input shares the module.
let hs = null;

const QUICK_MS = 5000;

const MARY = '{"userId": "42", "messageId": 5724036847910912, "userAttribute": {"First name": "Mary"},'
  + ' "parameter": {"source": "spring sale", "price": 19.99, "qty": 2}}';

let specHook = null;
beforeEach(async () => {
  if (SKIP_WASM) return;
  try { specHook?.delete(); } catch { /* the previous test's module may be the one an input killed */ }
  hs = await createHooksmith();
  specHook = hs.compile(SPEC_CONFIG);
});

/** The module still works: a fresh compile and the long-lived handle both render the spec example. */
function assertHealthy() {
  const fresh = hs.compile(SPEC_CONFIG);
  try {
    assert.deepEqual(fresh.render(MARY), SPEC_REQUEST);
  } finally {
    fresh.delete();
  }
  assert.deepEqual(specHook.render(MARY), SPEC_REQUEST);
  assert.equal(hs.renderTemplate("{{ 'a' ~ 1 }}|{{ [1, 'b', none] }}"), "a1|[1, 'b', None]");
}

function timed(fn) {
  const start = performance.now();
  let result;
  let error;
  try {
    result = fn();
  } catch (caught) {
    error = caught;
  }
  const ms = performance.now() - start;
  assert.ok(ms < QUICK_MS, `took ${Math.round(ms)} ms`);
  return { result, error };
}

/** Requires a HooksmithError of `kind` (and `field` when given), then the health check. */
function expectError(fn, kind, field) {
  const { result, error } = timed(fn);
  assert.ok(error, `expected a ${kind} error, got ${JSON.stringify(result)?.slice(0, 200)}`);
  assert.equal(error.name, 'HooksmithError', String(error?.stack ?? error));
  assert.equal(error.kind, kind, error.message.slice(0, 300));
  if (field !== undefined) assert.equal(error.field, field, error.message.slice(0, 300));
  assertHealthy();
  return error;
}

function expectOutput(fn, expected) {
  const { result, error } = timed(fn);
  assert.ok(!error, `unexpected error: ${error?.kind}: ${error?.message?.slice(0, 300)}`);
  assert.deepEqual(result, expected);
  assertHealthy();
}

/** Either the exact output or one of the allowed error kinds; never a crash. */
function expectBounded(fn, kinds) {
  const { error } = timed(fn);
  if (error) {
    assert.equal(error.name, 'HooksmithError', String(error?.stack ?? error));
    assert.ok(kinds.includes(error.kind), `${error.kind}: ${error.message.slice(0, 300)}`);
  }
  assertHealthy();
}

const render = (template, context = '{}') => () => hs.renderTemplate(template, context, { missing: 'jinja' });
const webhook = (config, context = '{}') => () => {
  const hook = hs.compile(config);
  try {
    return hook.render(context, { timestamp: 1614265330 });
  } finally {
    hook.delete();
  }
};
const urlConfig = (url) => ({ url });
const headerConfig = (value) => ({ url: 'https://x.test/', headers: [{ name: 'X-A', value }] });
const bodyConfig = (body, contentType = 'text/plain') => ({ url: 'https://x.test/', contentType, body });
const dataConfig = (value, type = 'string', contentType = 'application/json') => (
  { url: 'https://x.test/', contentType, data: [{ key: 'x', value, type }] });
const r = (s, n) => s.repeat(n);
const wtest = (name, fn) => test(name, { skip: SKIP_WASM && 'HOOKSMITH_SKIP_WASM=1' }, fn);

wtest('wasm hostile: the module starts healthy', () => assertHealthy());

wtest('wasm hostile: 2 MiB templates are limit errors', () => {
  expectError(render('x'.repeat(2 << 20)), 'limit');
  expectError(webhook(urlConfig('https://x.test/' + 'a'.repeat(2 << 20))), 'limit', 'url');
  expectError(webhook(bodyConfig('a'.repeat(2 << 20))), 'limit', 'body');
  expectOutput(render('x'.repeat(1 << 20)), 'x'.repeat(1 << 20));
});

wtest('wasm hostile: 10 000-deep nesting is a limit error', () => {
  const n = 10000;
  for (const source of [
    `{{ ${r('(', n)}1${r(')', n)} }}`, `{{ ${r('[', n)}${r(']', n)} }}`, `{{ ${r("{'a': ", n)}1${r('}', n)} }}`,
    `${r('{% if true %}', n)}x${r('{% endif %}', n)}`, `${r('{% for i in [1] %}', n)}x${r('{% endfor %}', n)}`,
    `{{ ${r('-', n)}1 }}`, `{{ ${r('not ', n)}1 }}`, `{{ 1${r(' + 1', n)} }}`, `{{ 1${r('|abs', n)} }}`,
    `{{ x${r('.a', n)} }}`, `{{ ${r('dict(a=', n)}1${r(')', n)} }}`,
  ]) {
    expectError(render(source), 'limit');
  }
  expectError(webhook(headerConfig(`{{ ${r('(', n)}1${r(')', n)} }}`)), 'limit', 'headers.X-A');
});

wtest('wasm hostile: deep evaluation (macro recursion x nesting) fits the Wasm stack', () => {
  for (const depth of [10, 50, 150, 190]) {
    const body = r('[', depth) + 'f(n - 1)' + r(']', depth);
    expectBounded(render(`{% macro f(n) %}{% if n > 0 %}{{ ${body} }}{% endif %}{% endmacro %}{{ f(99) }}`), ['limit']);
    const minus = r('-', depth) + 'f(n - 1)';
    expectBounded(render(`{% macro f(n) %}{% if n > 0 %}{{ ${minus} }}{% else %}1{% endif %}{% endmacro %}{{ f(99) }}`),
                  ['limit', 'render']);
    const calls = r('dict(a=', depth) + 'f(n - 1)' + r(')', depth);
    expectBounded(render(`{% macro f(n) %}{% if n > 0 %}{{ ${calls} }}{% endif %}{% endmacro %}{{ f(99) }}`), ['limit']);
    const ifs = r('{% if true %}', depth) + '{{ f(n - 1) }}' + r('{% endif %}', depth);
    expectBounded(render(`{% macro f(n) %}{% if n > 0 %}${ifs}{% endif %}{% endmacro %}{{ f(99) }}`), ['limit']);
  }
});

wtest('wasm hostile: values nested 100 000 deep by a loop', () => {
  const builds = [
    '{% set ns = namespace(x=[]) %}{% for i in range(99999) %}{% set ns.x = [ns.x] %}{% endfor %}',
    "{% set ns = namespace(x={}) %}{% for i in range(99999) %}{% set ns.x = {'a': ns.x} %}{% endfor %}",
  ];
  for (const build of builds) {
    for (const use of ['', '{{ ns.x | length }}', '{{ ns.x }}', '{{ ns.x == ns.x }}', '{{ ns.x | tojson | length }}',
                       '{{ ns.x in [ns.x] }}', '{{ [ns.x, ns.x] | sort | length }}']) {
      expectBounded(render(build + use), ['limit', 'render']);
    }
  }
});

wtest('wasm hostile: huge ranges and 10^10 loop iterations are limit errors', () => {
  expectError(render('{{ range(10**9) | length }}'), 'limit');
  expectError(render('{% for i in range(10**9) %}{% endfor %}'), 'limit');
  expectError(render('{{ range(-9223372036854775807, 9223372036854775807) | length }}'), 'limit');
  expectError(render('{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}'), 'limit');
  expectError(webhook(dataConfig('{{ range(10**9) | length }}', 'number')), 'limit', 'data.x');
});

wtest('wasm hostile: recursive macros are limit errors', () => {
  expectError(render('{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}'), 'limit');
  expectError(render('{% macro f() %}{{ caller() if caller }}{% call f() %}x{% endcall %}{% endmacro %}{{ f() }}'), 'limit');
  // 2^22 calls printing nothing (f(40) would freeze the page for weeks): needs a call budget.
  expectError(render('{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(22) }}'),
              'limit');
});

wtest('wasm hostile: adversarial substring search is not quadratic', () => {
  expectBounded(render("{{ ('a' * 300000 ~ 'b') in ('a' * 600000) }}"), ['limit']);
  expectBounded(render("{{ ('a' * 600000).count('a' * 300000 ~ 'b') }}"), ['limit']);
});

wtest('wasm hostile: 50 MiB output attempts are limit errors', () => {
  expectError(render("{{ 'x' * 50000000 }}"), 'limit');
  expectError(render("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"), 'limit');
  expectError(render("{{ ('x' * 1000000) | replace('x', 'x' * 1000000) }}"), 'limit');
  expectError(render("{{ 'x' | center(1000000000) }}"), 'limit');
  expectError(render("{{ '{:>1000000000}'.format(1) }}"), 'limit');
  expectError(render("{{ '%1000000000d' % 1 }}"), 'limit');
  expectError(render("{{ ('a\\n' * 500000) | indent(1000) }}"), 'limit');
  expectError(render("{% set ns = namespace(s='x' * 1000000) %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}"),
              'limit');
  expectError(webhook(bodyConfig("{{ 'x' * 50000000 }}")), 'limit', 'body');
});

wtest('wasm hostile: integers beyond 64 bits', () => {
  expectError(render('{{ 123456789012345678901234567890 }}'), 'render');
  expectError(render('{{ 9223372036854775807 + 1 }}'), 'render');
  expectError(render('{{ (-9223372036854775807 - 1) // -1 }}'), 'render');
  expectOutput(render('{{ (-9223372036854775807 - 1) % -1 }}'), '0');
  expectOutput(render('{{ n }}', '{"n": 123456789012345678901234567890}'), '1.2345678901234568e+29');
  expectOutput(render('{{ n }}', '{"n": 18446744073709551615}'), '1.8446744073709552e+19');
  expectOutput(webhook(dataConfig('{{ n }}', 'number'), '{"n": 123456789012345678901234567890}'),
               { method: 'POST', url: 'https://x.test/', headers: [['Content-Type', 'application/json']],
                 body: '{"x":1.2345678901234568e+29}' });
  expectError(webhook(dataConfig('{{ 123456789012345678901234567890 }}', 'number')), 'render', 'data.x');
});

wtest('wasm hostile: invalid UTF-8 in configs and contexts is an input error', () => {
  // JS strings cannot carry invalid UTF-8; lone surrogates are the closest (JSON.stringify escapes them).
  expectError(render('{{ a }}', '{"a": "\\udc00"}'), 'input');
  expectError(render('{{ a }}', '{"\\ud800": 1}'), 'input');
  expectError(webhook('{"url": "https://x.test/\\udc00"}'), 'input');
  expectBounded(render('{{ a }}', { a: '\udc00' }), ['input']);
  expectBounded(() => hs.renderTemplate('x\udc00y{{ 1 }}'), ['input', 'syntax']);
  expectBounded(webhook({ url: 'https://x.test/\ud800' }), ['input', 'config']);
});

wtest('wasm hostile: NUL bytes are ordinary characters where the wire allows them', () => {
  expectOutput(render('a\0b{{ v }}', '{"v": "\\u0000"}'), 'a\0b\0');
  expectOutput(webhook(dataConfig('{{ v }}'), '{"v": "a\\u0000b"}'),
               { method: 'POST', url: 'https://x.test/', headers: [['Content-Type', 'application/json']],
                 body: '{"x":"a\\u0000b"}' });
  expectOutput(webhook(bodyConfig('a\0b')),
               { method: 'POST', url: 'https://x.test/', headers: [['Content-Type', 'text/plain']], body: 'a\0b' });
  expectError(webhook(headerConfig('a\0b')), 'config', 'headers.X-A');
});

wtest('wasm hostile: CR/LF in header values are config errors', () => {
  expectError(webhook(headerConfig('a\r\nX-Injected: 1')), 'config', 'headers.X-A');
  expectError(webhook(headerConfig('{{ v }}'), '{"v": "1\\r\\nX-Evil: 1"}'), 'config', 'headers.X-A');
  expectError(webhook(headerConfig('{{ v }}'), '{"v": "\\n"}'), 'config', 'headers.X-A');
});

wtest('wasm hostile: javascript:/file: URLs, empty hosts, absurd ports are config errors', () => {
  for (const url of ['javascript:alert(1)', '  JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'file:///etc/passwd',
                     'data:text/html,x', 'https://', 'https:///', 'https://:443/', 'https://user:pw@/', 'https://?q',
                     'https://x.test:65536/', 'https://x.test:99999999999999999999/', 'https://x.test:-1/',
                     'https://x\0y.test/', 'https://é.test/']) {
    expectError(webhook(urlConfig('{{ u }}'), JSON.stringify({ u: url })), 'config', 'url');
  }
  expectOutput(() => webhook(urlConfig('{{ u }}'), JSON.stringify({ u: 'https://x.test:0/a\r\nb' }))().url,
               'https://x.test:0/ab');
});

wtest('wasm hostile: deeply nested JSON context is a limit error; 512 levels work', () => {
  expectError(render('{{ a }}', `{"a": ${r('[', 10000)}${r(']', 10000)}}`), 'limit');
  expectError(render('{{ a }}', `{"a": ${r('{"a": ', 10000)}1${r('}', 10000)}}`), 'limit');
  expectError(webhook(dataConfig('{{ v }}'), `{"v": ${r('[', 10000)}${r(']', 10000)}}`), 'limit');
  const atLimit = `{"a": ${r('[', 511)}${r(']', 511)}}`;
  expectOutput(render('{{ a }}', atLimit), r('[', 511) + r(']', 511));
  expectOutput(render('{{ a == a }}|{{ a | tojson | length }}', atLimit), 'True|1022');
  expectError(webhook(dataConfig("{{ '[' * 10000 }}{{ ']' * 10000 }}", 'json')), 'limit', 'data.x');
});

wtest('wasm hostile: duplicate JSON keys: the last wins in a context', () => {
  expectOutput(render('{{ a }}|{{ d }}', '{"a": 1, "a": 2, "d": {"x": 1, "y": 2, "x": 3}}'), "2|{'x': 3, 'y': 2}");
  expectError(webhook('{"url": "https://a.test/", "url": "https://b.test/"}'), 'config', 'url');
});

wtest('wasm hostile: malformed templates are syntax errors', () => {
  for (const source of ['{{', '{%', '{{ 1 +', '{% if %}', '{% endif %}', "{{ 'unterminated }}", '{# open',
                        '{{ [1, 2 }}', '{% macro %}', '{{ 1 | }}', "{{ '\\x' }}"]) {
    expectError(render(source), 'syntax');
  }
});

wtest('wasm hostile: the heap does not grow across repeated hostile inputs', () => {
  const hostile = [
    render(`{{ ${r('(', 10000)}1${r(')', 10000)} }}`), render("{{ 'x' * 50000000 }}"),
    render('{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}'), render('{{ a }}', `{"a": ${r('[', 10000)}${r(']', 10000)}}`),
    webhook(headerConfig('{{ v }}'), '{"v": "1\\r\\n"}'), webhook(urlConfig('javascript:alert(1)')),
  ];
  const runAll = () => { for (const fn of hostile) { try { fn(); } catch { /* typed errors expected */ } } };
  for (let i = 0; i < 3; i++) runAll();  // warm up: allocator pools, caches
  const before = hs.memoryUsage().allocatedBytes;
  for (let i = 0; i < 20; i++) runAll();
  const after = hs.memoryUsage().allocatedBytes;
  assert.ok(after - before < 1 << 20, `allocated bytes grew by ${after - before}`);
  assertHealthy();
});

// --- secrets --------------------------------------------------------------------------------------

const PASSWORD = 'Pw-s3cr3t-XYZ';
const SECRET_B64 = 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BASIC = Buffer.from(`user:${PASSWORD}`).toString('base64');
const leaks = (text) => text.includes(PASSWORD) || text.includes(SECRET_B64) || text.includes(BASIC);
const SECRET_CONFIG = {
  url: `https://user:${PASSWORD}@api.example.com/users/{{ userId }}`,
  data: [{ key: 'id', value: '{{ userId }}' }],
  signing: { scheme: 'standard-webhooks', secret: `whsec_${SECRET_B64}` },
};

wtest('wasm secrets: exports mask unless revealed', () => {
  const hook = hs.compile(SECRET_CONFIG);
  try {
    const request = hook.render({ userId: '42' }, { id: 'msg_1', timestamp: 1614265330 });
    assert.ok(!leaks(hs.toCurl(request)));
    assert.ok(!leaks(hs.toHttp(request)));
    assert.ok(!leaks(JSON.stringify(hs.maskRequest(request))));
    assert.ok(!leaks(hook.configJson()));
    assert.ok(hs.toCurl(request, { reveal: true }).includes(BASIC));
    assert.ok(hook.configJson({ reveal: true }).includes(PASSWORD));
    assert.ok(hook.configJson({ reveal: true }).includes(SECRET_B64));
  } finally {
    hook.delete();
  }
});

wtest('wasm secrets: error messages never quote a password or a signing secret', () => {
  const cases = [
    () => webhook({ ...SECRET_CONFIG, url: `https://user:${PASSWORD}@x.test:99999/` }, '{}')(),
    () => webhook(urlConfig('{{ u }}'), JSON.stringify({ u: `javascript://user:${PASSWORD}@x.test/` }))(),
    () => webhook(urlConfig(`https://user:${PASSWORD}@x.test/{{ `))(),
    () => webhook(urlConfig(`https://user:${PASSWORD}@x.test/{{ nope }}`))(),
    () => webhook({ url: `https://user:${PASSWORD}@x.test/`, headers: [{ name: 'Authorization', value: 'Bearer t' }] })(),
    () => webhook({ url: 'https://x.test/', signing: { secret: `whsec_${PASSWORD}!` } })(),
    () => webhook({ url: 'https://x.test/', signing: { secret: SECRET_B64 } })(),
    () => webhook(`{"url": "https://user:${PASSWORD}@x.test/", `)(),
    () => webhook(`{"url": "https://x.test/", "signing": {"secret": "whsec_${SECRET_B64}`)(),
    () => hs.compile(SECRET_CONFIG).render({ userId: '1' }),
  ];
  for (const fn of cases) {
    const { error } = timed(fn);
    assert.ok(error, 'expected an error');
    assert.ok(!leaks(error.message) && !leaks(error.detail ?? '') && !leaks(error.field ?? ''), error.message);
  }
  assertHealthy();
});

const CLI = process.env.HOOKSMITH_CLI ?? new URL('../../build/native/bin/hooksmith', import.meta.url).pathname;

test('cli secrets: stderr and masked output never show the password or the signing secret', { skip: !existsSync(CLI) && 'the native CLI is not built' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hooksmith-hostile-'));
  const file = (name, text) => { const path = join(dir, name); writeFileSync(path, text); return path; };
  const context = file('context.json', '{"userId": "42"}');
  const good = file('good.json', JSON.stringify(SECRET_CONFIG));
  const badPort = file('bad-port.json', JSON.stringify({ ...SECRET_CONFIG, url: `https://user:${PASSWORD}@x.test:99999/` }));
  const badJson = file('bad-json.json', `{"url": "https://user:${PASSWORD}@x.test/", `);
  const badSecret = file('bad-secret.json', JSON.stringify({ url: 'https://x.test/', signing: { secret: `whsec_${PASSWORD}!` } }));
  const run = (args) => spawnSync(CLI, args, { encoding: 'utf8' });

  for (const config of [badPort, badJson, badSecret]) {
    const result = run(['render', config, context, '--timestamp', '1614265330']);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(!leaks(result.stderr) && !leaks(result.stdout), result.stderr);
  }
  for (const format of ['http', 'curl']) {
    const masked = run(['render', good, context, '--format', format, '--timestamp', '1614265330']);
    assert.equal(masked.status, 0, masked.stderr);
    assert.ok(!leaks(masked.stdout) && !leaks(masked.stderr));
    const revealed = run(['render', good, context, '--format', format, '--timestamp', '1614265330', '--reveal']);
    assert.ok(revealed.stdout.includes(BASIC));
  }
  const sent = run(['send', good, context, '--stub', '503,200', '--timestamp', '1614265330']);
  assert.equal(sent.status, 0, sent.stderr);
  assert.ok(!leaks(sent.stdout) && !leaks(sent.stderr), sent.stdout);
});

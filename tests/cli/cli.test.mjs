// The `hooksmith` CLI contract (README): outputs, exit codes and the jsonl streams.
// Run by ctest with HOOKSMITH_CLI pointing at the built binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CLI = process.env.HOOKSMITH_CLI;
if (!CLI) throw new Error('set HOOKSMITH_CLI to the hooksmith binary (ctest does)');
const fixture = (name) => new URL(`fixtures/${name}`, import.meta.url).pathname;
const CONFIG = fixture('spec-config.json');
const MARY = fixture('mary.json');
const NAMELESS = fixture('nameless.json');

function run(args, input = '') {
  const result = spawnSync(CLI, args, { input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SPEC_REQUEST = {
  method: 'POST',
  url: 'https://api.example.com/users/42?src=spring%20sale',
  headers: [['Content-Type', 'application/json'], ['Authorization', 'Basic dXNlcjpzZWNyZXQ='],
            ['X-Campaign', '5724036847910912']],
  body: '{"first_name":"Mary","total":39.98}',
};

test('render: the spec example as JSON, exact and unmasked', () => {
  const { code, stdout } = run(['render', CONFIG, MARY]);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), SPEC_REQUEST);
});

test('render --format http: CRLF lines, Host and Content-Length, credentials masked', () => {
  const { code, stdout } = run(['render', CONFIG, MARY, '--format', 'http']);
  assert.equal(code, 0);
  const [head, body] = stdout.split('\r\n\r\n');
  const lines = head.split('\r\n');
  assert.equal(lines[0], 'POST /users/42?src=spring%20sale HTTP/1.1');
  assert.ok(lines.includes('Host: api.example.com'));
  assert.ok(lines.includes(`Content-Length: ${Buffer.byteLength(SPEC_REQUEST.body)}`));
  assert.ok(!stdout.includes('dXNlcjpzZWNyZXQ='), 'Basic credentials are masked');
  assert.equal(body, SPEC_REQUEST.body);
  assert.ok(run(['render', CONFIG, MARY, '--format', 'http', '--reveal']).stdout.includes('Basic dXNlcjpzZWNyZXQ='));
});

test('render --format curl: a shell command with the credentials masked', () => {
  const { code, stdout } = run(['render', CONFIG, MARY, '--format', 'curl']);
  assert.equal(code, 0);
  assert.match(stdout, /^curl /);
  assert.ok(stdout.includes("'https://api.example.com/users/42?src=spring%20sale'"));
  assert.ok(!stdout.includes('dXNlcjpzZWNyZXQ='));
});

test('render: a suppressed user exits 3 and names the variable', () => {
  const { code, stdout, stderr } = run(['render', CONFIG, NAMELESS]);
  assert.equal(code, 3);
  assert.equal(stdout, '');
  assert.match(stderr, /^missing: .*userAttribute\['First name'\].*\(data\.first_name/);
});

test('render: typed errors exit 1 with kind, field and position on stderr', () => {
  const broken = JSON.stringify({ url: 'https://x.example/{% if userId %}' });
  const { code, stderr } = run(['render', '-', MARY], broken);
  assert.equal(code, 1);
  assert.match(stderr, /^syntax: .*\(url at 1:\d+\)\n$/);
  const unknown = run(['render', '-', MARY], JSON.stringify({ url: 'https://x.example/', colour: 'red' }));
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^config: .*\(colour\)/);
  assert.equal(run(['render', fixture('absent.json'), MARY]).code, 1);
  assert.equal(run(['render', CONFIG, MARY, '--format', 'xml']).code, 1);
});

test('render --jsonl: one output line per input line, in order, errors included', () => {
  const config = JSON.parse(readFileSync(CONFIG, 'utf8'));
  const mary = JSON.parse(readFileSync(MARY, 'utf8'));
  const lines = [
    JSON.stringify({ config, context: mary, id: 'msg_1', timestamp: 1614265330 }),
    '{"config": {"url": ',
    JSON.stringify({ config, context: { ...mary, userAttribute: {} } }),
    '[1, 2]',
    JSON.stringify({ config: { url: 'javascript:alert(1)' }, context: {} }),
    JSON.stringify({ config, context: mary }),
  ];
  const { code, stdout } = run(['render', '--jsonl'], lines.join('\n') + '\n');
  assert.equal(code, 0);
  const out = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(out.length, lines.length);
  assert.deepEqual(out[0], { request: SPEC_REQUEST });
  assert.equal(out[1].error.kind, 'input');
  assert.equal(out[2].error.kind, 'missing');
  assert.equal(out[2].error.field, 'data.first_name');
  assert.equal(out[3].error.kind, 'input');
  assert.equal(out[4].error.kind, 'config');
  assert.equal(out[4].error.field, 'url');
  assert.deepEqual(out[5], { request: SPEC_REQUEST });
});

test('render --jsonl --config: the config once, one context per line, same output lines', () => {
  const mary = readFileSync(MARY, 'utf8').trim();
  const lines = [
    JSON.stringify(JSON.parse(mary)),
    '{"userId": 42, "userAttribute": ',
    JSON.stringify({ ...JSON.parse(mary), userAttribute: {} }),
    '[1, 2]',
    '',
    mary.replace(/\n/g, ' ') + '\r',
    '{"userId": 42, "messageId": 7, "userAttribute": {"First name": "Zo\\u00eb \\"Z\\" \\ud83d\\ude00\\n"}, "parameter": {"source": "a/b", "price": 1e-7, "qty": 3}}',
  ];
  const { code, stdout } = run(['render', '--jsonl', '--config', CONFIG, '--timestamp', '1614265330'], lines.join('\n'));
  assert.equal(code, 0);
  const out = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(out.length, lines.length - 1, 'blank lines are skipped');
  assert.deepEqual(out[0], { request: SPEC_REQUEST });
  assert.equal(out[1].error.kind, 'input');
  assert.match(out[1].error.message, /line 1, column 33/);
  assert.equal(out[2].error.kind, 'missing');
  assert.equal(out[2].error.field, 'data.first_name');
  assert.equal(out[3].error.kind, 'input');
  assert.deepEqual(out[4], { request: SPEC_REQUEST });
  // Escapes in the output lines are exactly what the per-line mode (nlohmann's dump) writes.
  assert.ok(out[5].request, 'the escapes line renders');
  const config = JSON.parse(readFileSync(CONFIG, 'utf8'));
  const reference = run(['render', '--jsonl'], JSON.stringify({ config, context: lines[6], timestamp: 1614265330 }) + '\n');
  assert.equal(stdout.trimEnd().split('\n')[5], reference.stdout.trimEnd());
  assert.equal(JSON.parse(JSON.parse(reference.stdout).request.body).first_name, 'Zo\u00eb "Z" \u{1F600}\n');
});

// The batch mode reads stdin and writes stdout in blocks (native/cli/render_batch.cpp): lines
// longer than a block, many of them, and every kind of escape must come out byte for byte as
// the per-line mode (nlohmann's dump) writes them.
test('render --jsonl --config: long lines, many lines and escapes, byte for byte as the per-line mode', () => {
  const config = JSON.parse(readFileSync(CONFIG, 'utf8'));
  const mary = JSON.parse(readFileSync(MARY, 'utf8'));
  const names = ['x'.repeat(200000), 'q"\\/'.repeat(30000), '\u00e9\u{1F600}\u2028\u0001\u007f\t'.repeat(5000), 'Mary', ''];
  const contexts = [];
  for (let i = 0; i < 100; i++) {
    contexts.push(i % 30 === 7 ? '{"userId": ' : JSON.stringify({ ...mary, userId: i, userAttribute: { 'First name': names[i % names.length] } }));
  }
  const big = (args, input) => spawnSync(CLI, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const batch = big(['render', '--jsonl', '--config', CONFIG, '--timestamp', '1614265330'], contexts.join('\n') + '\n');
  assert.equal(batch.status, 0);
  const perLine = big(['render', '--jsonl'],
    contexts.map((context) => JSON.stringify({ config, context, timestamp: 1614265330 })).join('\n') + '\n');
  assert.equal(perLine.status, 0);
  assert.equal(batch.stdout.split('\n').length, contexts.length + 1);
  assert.ok(batch.stdout === perLine.stdout, 'the batch output equals the per-line output byte for byte');
  const lines = batch.stdout.split('\n');
  for (const i of [0, 1, 2]) assert.equal(JSON.parse(JSON.parse(lines[i]).request.body).first_name, names[i], `line ${i}`);
  assert.equal(JSON.parse(lines[7]).error.kind, 'input');
});

test('render --jsonl --config --envelope: per-line context, id and timestamp', () => {
  const mary = JSON.parse(readFileSync(MARY, 'utf8'));
  const signed = fixture('signed-config.json');
  const lines = [
    JSON.stringify({ context: mary, id: 'msg_1', timestamp: 1614265330 }),
    JSON.stringify({ context: JSON.stringify(mary) }),
    JSON.stringify({ context: mary, colour: 'red' }),
    JSON.stringify({ context: mary, timestamp: 'soon' }),
    '{"context": {"userId": 42,}}',
    JSON.stringify({ timestamp: 1614265330, context: mary }) + ' x',
  ];
  const { code, stdout } = run(['render', '--jsonl', '--config', CONFIG, '--envelope'], lines.join('\n') + '\n');
  assert.equal(code, 0);
  const out = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(out.length, lines.length);
  assert.deepEqual(out[0], { request: SPEC_REQUEST });
  assert.deepEqual(out[1], { request: SPEC_REQUEST });
  for (const i of [2, 3, 4, 5]) assert.equal(out[i].error.kind, 'input', `line ${i}`);
  assert.match(out[4].error.message, /line 1, column 15/, "the position is inside the context text");
  // A signed config: --id/--timestamp are the defaults, an envelope's id and timestamp win.
  const envelope = [JSON.stringify({ context: mary }), JSON.stringify({ context: mary, id: 'msg_x', timestamp: 1700000000 })];
  const batch = run(['render', '--jsonl', '--config', signed, '--envelope', '--id', 'msg_p5jXN8AQM9LWM0D4loKWxJek',
                     '--timestamp', '1614265330'], envelope.join('\n'));
  const perLine = (id, timestamp) => JSON.parse(run(['render', signed, MARY, '--id', id, '--timestamp', String(timestamp)]).stdout);
  const [first, second] = batch.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).request);
  assert.deepEqual(first, perLine('msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330));
  assert.deepEqual(second, perLine('msg_x', 1700000000));
  assert.notDeepEqual(first.headers, second.headers);
});

test('render --jsonl --config: a bad config or misplaced options exit 1 before reading lines', () => {
  const bad = run(['render', '--jsonl', '--config', fixture('absent.json')], '{}\n');
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, '');
  assert.equal(run(['render', '--jsonl', '--envelope'], '').code, 1);
  assert.equal(run(['render', '--jsonl', '--config', '-'], readFileSync(CONFIG, 'utf8')).code, 1);
  assert.equal(run(['render', '--jsonl', '--config', CONFIG, '--format', 'http'], '').code, 1);
  assert.equal(run(['render', CONFIG, MARY, '--config', CONFIG]).code, 1);
});

test('template --jsonl: outputs and typed errors, suppress by default', () => {
  const lines = [
    { template: "Hi {{ userAttribute['First name'] }}", context: { userAttribute: { 'First name': 'Mary' } } },
    { template: '{{ nope }}', context: {} },
    { template: '[{{ nope }}]', context: {}, missing: 'jinja' },
    { template: '{{ 1.0 }} {{ a }}', context: '{"a": 1.0}' },
    { template: 'a\n{% for %}', context: {} },
    { template: '{{ 1/0 }}' },
  ].map((line) => JSON.stringify(line));
  const { code, stdout } = run(['template', '--jsonl'], lines.join('\n'));
  assert.equal(code, 0);
  const out = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(out[0], { output: 'Hi Mary' });
  assert.equal(out[1].error.kind, 'missing');
  assert.deepEqual(out[2], { output: '[]' });
  assert.deepEqual(out[3], { output: '1.0 1.0' });
  assert.equal(out[4].error.kind, 'syntax');
  assert.equal(out[4].error.line, 2);
  assert.equal(out[5].error.kind, 'render');
  assert.equal(out.length, 6);
});

test('send: retries over the stub transport and reports every attempt', () => {
  const { code, stdout } = run(['send', CONFIG, MARY, '--stub', '503,429+30,timeout,200', '--timestamp', '1614265330']);
  assert.equal(code, 0);
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[0], /^attempt 1: after 0 s, status 503/);
  assert.match(lines[1], /^attempt 2: after 1 min, status 429 \(Retry-After: 30\)/);
  assert.match(lines[2], /^attempt 3: after 30 s, timeout/);
  assert.match(lines[3], /^attempt 4: after 4 min, status 200/);
  assert.match(lines[4], /^delivered on attempt 4/);
});

test('send: exit 2 when not delivered, 3 when suppressed', () => {
  assert.equal(run(['send', CONFIG, MARY, '--stub', '404']).code, 2);
  assert.equal(run(['send', CONFIG, MARY, '--stub', '503,503,503', '--policy', 'interactive']).code, 2);
  assert.equal(run(['send', CONFIG, MARY, '--stub', '']).code, 2, 'an empty script refuses every attempt');
  assert.equal(run(['send', CONFIG, NAMELESS, '--stub', '200']).code, 3);
  assert.equal(run(['send', CONFIG, MARY, '--stub', 'soon']).code, 1);
});

test('--help works for every command', () => {
  for (const command of [[], ['render'], ['template'], ['send']]) {
    const { code, stdout } = run([...command, '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /usage: hooksmith/);
  }
});

test('render --answers: linked data answers go into the context; without them the user is suppressed', () => {
  const args = ['render', fixture('linked-config.json'), fixture('linked-user.json')];
  const resolved = run([...args, '--answers', fixture('linked-answers.json')]);
  assert.equal(resolved.code, 0);
  assert.equal(JSON.parse(resolved.stdout).body, '{"price":187.25}');
  const unresolved = run(args);
  assert.equal(unresolved.code, 3);
  assert.match(unresolved.stderr, /needs linked data 'stockquote' for parameter 'AAPL'/);
  const failed = run([...args, '--answers', '-'],
                     '[{"source": "stockquote", "parameter": "AAPL", "status": 404, "body": ""}]');
  assert.equal(failed.code, 3);
  assert.match(failed.stderr, /could not be fetched: HTTP 404/);
  const line = JSON.stringify({ config: JSON.parse(readFileSync(fixture('linked-config.json'), 'utf8')),
                                context: { userId: 7, userAttribute: { FavoriteStock: 'AAPL' } },
                                answers: JSON.parse(readFileSync(fixture('linked-answers.json'), 'utf8')) });
  const stream = run(['render', '--jsonl'], line + '\n');
  assert.equal(JSON.parse(stream.stdout.trim()).request.body, '{"price":187.25}');
  assert.equal(run(['render', '--jsonl', '--answers', fixture('linked-answers.json')]).code, 1);
});

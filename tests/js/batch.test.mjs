// renderMany's batch path (wasm/js/batch.mjs) in Node: one Wasm call per chunk must give exactly
// what render() gives per user, for every kind of context, and keep progress, yielding and abort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SPEC_CONFIG, SPEC_REQUEST } from './spec-example.mjs';

const entry = new URL('../../build/wasm/dist/node.mjs', import.meta.url);
if (!existsSync(entry)) throw new Error('build/wasm/dist is missing: run scripts/build.sh wasm');
const hs = await (await import(entry)).default();

const MARY_TEXT = '{"userId": "42", "messageId": 5724036847910912, "userAttribute": {"First name": "Mary"},'
  + ' "parameter": {"source": "spring sale", "price": 19.99, "qty": 2}}';

/** What render() says for one context: {request} or {error} with the fields a batch result carries. */
function renderOne(hook, context, options) {
  try {
    return { request: hook.render(context, options) };
  } catch (error) {
    const info = { kind: error.kind, message: error.detail };
    for (const key of ['field', 'variable', 'line', 'column']) if (error[key] !== undefined) info[key] = error[key];
    return { error: info };
  }
}

function withHook(config, fn) {
  const hook = hs.compile(config);
  return Promise.resolve(fn(hook)).finally(() => hook.delete());
}

test('batch results equal render() per context, for texts, objects, newlines and bad inputs', () =>
  withHook({ ...SPEC_CONFIG, data: [...SPEC_CONFIG.data, { key: 'note', value: '{{ note }}' }], missing: 'jinja' }, async (hook) => {
    const contexts = [
      MARY_TEXT,
      JSON.parse(MARY_TEXT),
      JSON.stringify(JSON.parse(MARY_TEXT), null, 2),              // raw newlines: rendered on its own
      { ...JSON.parse(MARY_TEXT), note: 'quote " backslash \\ tab \t nl \n ctrl \u0001 é 😀 \u2028' },
      '{"userId": ',                                               // malformed JSON text
      42,                                                          // not an object
      '',                                                          // empty text
      '{"userId": 1.0, "parameter": {"price": 1.0, "qty": 3}}',  // 1.0 stays a float in a text
      null,
      { userId: 'x', parameter: { source: 'a/b?c', price: 'not a number', qty: 2 } },
    ];
    const expected = contexts.map((context) => renderOne(hook, context));
    const results = await hook.renderMany(contexts, { chunkSize: 4 });
    assert.deepEqual(results, expected);
    assert.deepEqual(results[0].request, { ...SPEC_REQUEST, body: '{"first_name":"Mary","total":39.98,"note":""}' });
    assert.equal(results[4].error.kind, 'input');
    assert.equal(results[5].error.kind, 'input');
    assert.ok(results.some((r) => r.error?.field), 'a render error names its field');
  }));

test('batch results equal render() with id and timestamp on a signed webhook', () =>
  withHook({ ...SPEC_CONFIG, signing: { scheme: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } }, async (hook) => {
    const options = { id: 'msg_fixed', timestamp: 1700000000 };
    const contexts = Array.from({ length: 7 }, (_, i) => ({ ...JSON.parse(MARY_TEXT), userId: i }));
    assert.deepEqual(await hook.renderMany(contexts, { ...options, chunkSize: 3 }), contexts.map((c) => renderOne(hook, c, options)));
    const [unsigned] = await hook.renderMany([MARY_TEXT]);
    assert.equal(unsigned.error.kind, renderOne(hook, MARY_TEXT).error.kind, 'no timestamp: the same error as render()');
  }));

test('a non-finite timestamp is an input error, not undefined behaviour', () =>
  withHook(SPEC_CONFIG, async (hook) => {
    assert.throws(() => hook.render(MARY_TEXT, { timestamp: Infinity }), { kind: 'input' });
    await assert.rejects(hook.renderMany([MARY_TEXT], { timestamp: NaN }), { kind: 'input' });
  }));

test('progress after every chunk; the event loop runs during a long batch; abort stops it', () =>
  withHook(SPEC_CONFIG, async (hook) => {
    const contexts = Array.from({ length: 20000 }, (_, i) => ({ ...JSON.parse(MARY_TEXT), userId: i }));
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 1);
    const progress = [];
    try {
      const results = await hook.renderMany(contexts, { chunkSize: 1000, onProgress: (done, total) => progress.push([done, total]) });
      assert.equal(results.length, 20000);
      assert.equal(results[19999].request.url, 'https://api.example.com/users/19999?src=spring%20sale');
    } finally {
      clearInterval(timer);
    }
    assert.deepEqual(progress, Array.from({ length: 20 }, (_, i) => [(i + 1) * 1000, 20000]));
    assert.ok(ticks > 0, 'a timer fired while the batch ran: it yielded');

    const controller = new AbortController();
    let calls = 0;
    await assert.rejects(hook.renderMany(contexts, {
      chunkSize: 100,
      signal: controller.signal,
      onProgress: () => { calls += 1; if (calls === 3) controller.abort(); },
    }), { name: 'AbortError' });
    assert.equal(calls, 3);
  }));

// The core splits a chunk at its newlines, 16 bytes a step in a SIMD build (wasm/bindings.cpp,
// line_end): texts of every length from 0 to 40 bytes, side by side in one chunk, put a newline
// at every offset of a block and several in one block.
test('every line of a chunk ends where it should, whatever its length', () =>
  withHook({ ...SPEC_CONFIG, missing: 'jinja' }, async (hook) => {
    const texts = Array.from({ length: 38 }, (_, n) => `{"userId":"${'x'.repeat(n)}"}`);  // 13 to 50 bytes
    for (let n = 0; n <= 40; n++) texts.push(n < 2 ? ' '.repeat(n) : '{}'.padEnd(n, ' '));  // 0 to 40 bytes
    const expected = texts.map((text) => renderOne(hook, text));
    assert.deepEqual(await hook.renderMany(texts, { chunkSize: texts.length }), expected);
    assert.deepEqual(await hook.renderMany(texts, { chunkSize: 7 }), expected);
  }));

test('a deleted webhook rejects renderMany', async () => {
  const hook = hs.compile(SPEC_CONFIG);
  hook.delete();
  await assert.rejects(hook.renderMany([MARY_TEXT]), { kind: 'input' });
});

// Results come back as decoded text sliced by UTF-16 lengths (wasm/js/results.mjs): a wrong
// length would shift every later string of the block (headers are ASCII: the core refuses others).
test('strings of every width survive the result block, one context and many', () =>
  withHook({ ...SPEC_CONFIG, headers: [{ name: 'X-User', value: '{{ userId | urlencode }}' }],
    data: [...SPEC_CONFIG.data, { key: 'note', value: '{{ note }}' }] }, async (hook) => {
    const notes = ['', 'ascii', 'é', '😀😀', 'mixed é 😀 \u2028 中文 \u0000 end', "ctrl \u0001 quote \" backslash \\", 'x'.repeat(70000)];
    const contexts = notes.map((note, i) => ({ ...JSON.parse(MARY_TEXT), userId: `u${i}😀`, note }));
    const check = (request, i) => {
      assert.equal(JSON.parse(request.body).note, notes[i], `note ${i}`);
      assert.equal(request.url, `https://api.example.com/users/u${i}%F0%9F%98%80?src=spring%20sale`);
      assert.deepEqual(request.headers.at(-1), ['X-User', `u${i}%F0%9F%98%80`]);
    };
    contexts.forEach((context, i) => check(hook.render(context), i));
    const results = await hook.renderMany(contexts, { chunkSize: 3 });
    results.forEach((result, i) => check(result.request, i));
  }));

test('a bad timestamp fails the whole batch even when the batch holds one context', () =>
  withHook(SPEC_CONFIG, async (hook) => {
    await assert.rejects(hook.renderMany([MARY_TEXT, MARY_TEXT], { timestamp: Infinity, chunkSize: 1 }), { kind: 'input' });
  }));

// A chunk's request strings are decoded a window (≤ 32 KiB of UTF-8) at a time (wasm/results.hpp):
// requests of every width, errors between them and one request larger than a window must all
// land in the right window at the right offset.
test('a chunk spanning many decode windows gives render()\'s results', () =>
  withHook({ ...SPEC_CONFIG, data: [...SPEC_CONFIG.data, { key: 'note', value: '{{ note }}' }], missing: 'jinja' }, async (hook) => {
    const notes = ['ascii', 'é'.repeat(300), '😀'.repeat(200), 'x'.repeat(40000), 'mixed é 😀 \u2028 中文', ''];
    const contexts = [];
    for (let i = 0; i < 600; i++) {
      if (i % 97 === 13) contexts.push('{"userId": ');  // an error record between requests
      else contexts.push({ ...JSON.parse(MARY_TEXT), userId: `u${i}`, note: notes[i % notes.length] });
    }
    const expected = contexts.map((context) => renderOne(hook, context));
    assert.deepEqual(await hook.renderMany(contexts, { chunkSize: 500 }), expected);
    assert.deepEqual(await hook.renderMany(contexts, { chunkSize: 7 }), expected);
  }));

// A string equal to the one at its place in the previous request of the chunk comes back as
// "the same again" (ResultRecords::kSame): runs of equal and unequal urls, bodies and header
// values (equal lengths with other bytes too), with errors between them, must not mix places up.
test('strings repeated from request to request come back right', () =>
  withHook({ ...SPEC_CONFIG, headers: [{ name: 'X-A', value: '{{ a }}' }, { name: 'X-B', value: '{{ b }}' }],
    data: [...SPEC_CONFIG.data, { key: 'note', value: '{{ note }}' }], missing: 'jinja' }, async (hook) => {
    const contexts = [];
    for (let i = 0; i < 120; i++) {
      if (i % 11 === 5) { contexts.push('{"userId": '); continue; }
      contexts.push({ ...JSON.parse(MARY_TEXT), userId: `u${i % 3 === 0 ? i : 7}`, a: i % 4 < 2 ? 'same' : `v${i % 10}`,
        b: i % 5 === 0 ? '' : 'é😀', note: i % 7 < 3 ? 'n' : `${i % 10}` });
    }
    const expected = contexts.map((context) => renderOne(hook, context));
    for (const chunkSize of [500, 6, 1]) assert.deepEqual(await hook.renderMany(contexts, { chunkSize }), expected);
  }));

// A long batch (~4 MB of requests: many decode windows per chunk, chunks of every size) with
// non-ASCII strings, errors and repeated strings among ASCII ones: each result lands in its slot.
test('a batch of several MB gives render()\'s results, ASCII or not, at any chunk size', () =>
  withHook({ ...SPEC_CONFIG, headers: [{ name: 'X-A', value: '{{ a }}' }],
    data: [...SPEC_CONFIG.data, { key: 'note', value: '{{ note }}' }], missing: 'jinja' }, async (hook) => {
    const contexts = [];
    for (let i = 0; i < 9000; i++) {
      if (i % 997 === 3) { contexts.push('{"userId": '); continue; }
      const note = i % 1500 === 700 ? `é😀 ${i}` : `${i % 4 === 0 ? 'same' : i} ${'n'.repeat(380)}`;
      contexts.push({ ...JSON.parse(MARY_TEXT), userId: `u${i}`, a: i % 3 === 0 ? 'x' : `${i % 10}`, note });
    }
    const expected = contexts.map((context) => renderOne(hook, context));
    const bytes = expected.reduce((sum, r) => sum + (r.request ? r.request.url.length + r.request.body.length : 0), 0);
    assert.ok(bytes > 3.5e6, `${bytes} bytes of requests`);
    for (const chunkSize of [500, 7]) assert.deepEqual(await hook.renderMany(contexts, { chunkSize }), expected);
  }));

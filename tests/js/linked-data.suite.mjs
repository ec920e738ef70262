// Linked Data cases of the shared JS suite (Node and headless Chromium): real fetches from the
// echo receiver's sample sources (web-demo/linked-data-routes.mjs), counted and timed there.
import * as assert from './assert.mjs';

export const linkedDataSuite = [];
const test = (name, fn) => linkedDataSuite.push({ name, fn });

// Each test tags its source URLs, so the receiver's log can be filtered to that test's fetches.
let tagCounter = 0;
const uniqueTag = (what) => `${what}-${Date.now().toString(36)}-${tagCounter++}`;

function stockConfig(env, { query = '', extra = {}, sourceHeaders } = {}) {
  // Not new URL(): it would percent-encode the {} placeholder.
  const source = { name: 'stock', url: `${env.echoUrl}linked/stock/{}${query}`, method: 'GET' };
  if (sourceHeaders) source.headers = sourceHeaders;
  return {
    method: 'POST',
    url: `${env.echoUrl}hooks/{{ userId }}`,
    data: [
      { key: 'user', value: '{{ userId }}' },
      { key: 'symbol', value: "{{ userAttribute['FavoriteStock'] }}" },
      { key: 'price', value: "{{ linkedData.stock[userAttribute['FavoriteStock']]['price'] }}", type: 'number' },
    ],
    linkedData: [source],
    ...extra,
  };
}

const user = (userId, symbol) => ({ userId, userAttribute: { FavoriteStock: symbol } });

async function linkedLog(env, tag) {
  const log = await (await fetch(new URL('__linked', env.echoUrl))).json();
  return log.filter((entry) => entry.url.includes(`tag=${tag}`));
}

async function withHook(hs, config, fn) {
  const hook = hs.compile(config);
  try { return await fn(hook); } finally { hook.delete(); }
}

test('linked data: sources are listed, and render says to use renderResolved', (hs, env) => withHook(hs, stockConfig(env), (hook) => {
  assert.deepEqual(hook.linkedDataSources.map((s) => [s.name, s.method]), [['stock', 'GET']]);
  assert.ok(hook.linkedDataSources[0].url.endsWith('/linked/stock/{}'));
  const error = assert.throws(() => hook.render(user('u-1', 'ACME')));
  assert.equal(error.kind, 'missing');
  assert.ok(error.message.includes("'stock'"), error.message);
  assert.ok(error.message.includes('renderResolved'), error.message);
}));

test('linked data: renderResolved signs with the given id and timestamp, as render does', (hs, env) => {
  const signing = { scheme: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
  return withHook(hs, stockConfig(env, { extra: { signing } }), async (hook) => {
    const options = { id: 'msg_linked', timestamp: 1700000000 };
    const request = await hook.renderResolved(user('u-9', 'ACME'), options);
    const header = (name) => request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
    assert.equal(header('webhook-id'), 'msg_linked');
    assert.equal(header('webhook-timestamp'), '1700000000');
    assert.equal(typeof JSON.parse(request.body).price, 'number', 'the source was fetched');
    const error = await hook.renderResolved(user('u-9', 'ACME'), { id: 'msg_linked', timestamp: Number.NaN }).catch((e) => e);
    assert.equal(error.kind, 'input');
    assert.ok(error.message.includes('timestamp must be Unix seconds'), error.message);
  });
});

test('linked data: renderResolved fetches the source, renders, and send delivers it byte for byte', (hs, env) => {
  const tag = uniqueTag('send');
  return withHook(hs, stockConfig(env, { query: `?tag=${tag}`, sourceHeaders: [{ name: 'X-Api-Key', value: 'demo-key' }] }), async (hook) => {
    const direct = JSON.parse(await (await fetch(new URL('linked/stock/AT%26T', env.echoUrl))).text());
    const seen = [];
    const request = await hook.renderResolved(user('u-7', 'AT&T'), { onFetches: (fetches) => seen.push(...fetches) });
    assert.equal(JSON.parse(request.body).price, direct.price, 'the price the receiver serves');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].source, 'stock');
    assert.equal(seen[0].parameter, 'AT&T');
    assert.equal(seen[0].status, 200);
    assert.ok(seen[0].url.includes('/linked/stock/AT%26T?'), `parameter percent-encoded: ${seen[0].url}`);
    assert.ok(request.url.endsWith('/hooks/u-7'), request.url);
    const fetched = await linkedLog(env, tag);
    assert.equal(fetched.length, 1, 'one fetch reached the receiver');
    assert.equal(fetched[0].headers.find(([n]) => n.toLowerCase() === 'x-api-key')?.[1], 'demo-key', 'source header sent');

    const result = await hook.send(user('u-7', 'AT&T'));
    assert.equal(result.ok, true, result.summary);
    assert.equal(result.linkedData.length, 1);
    const sent = result.attempts[0].request;
    assert.deepEqual(sent, request, 'send renders what renderResolved rendered');
    const log = await (await fetch(new URL('__received', env.echoUrl))).json();
    const echoId = Number(result.headers.find(([n]) => n.toLowerCase() === 'x-echo-id')[1]);
    const got = log.find((entry) => entry.id === echoId);
    assert.equal(got.method, sent.method);
    assert.equal(new URL(got.url, env.echoUrl).href, sent.url);
    assert.equal(got.body, sent.body, 'body byte for byte');
    for (const [name, value] of sent.headers) {
      assert.equal(got.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1], value, name);
    }
    assert.equal(await linkedLog(env, tag).then((l) => l.length), 2, 'send fetched the source once more');
  });
});

test('linked data: a batch fetches each URL once (cache hits counted at the receiver)', (hs, env) => {
  const tag = uniqueTag('cache');
  return withHook(hs, stockConfig(env, { query: `?tag=${tag}` }), async (hook) => {
    const symbols = ['ACME', 'GLOBEX', 'ACME', 'ACME', 'GLOBEX', 'INITECH', 'ACME'];
    const progress = [];
    const results = await hook.renderManyResolved(symbols.map((s, i) => user(`u-${i}`, s)),
                                                  { onProgress: (done) => progress.push(done) });
    assert.equal(results.length, symbols.length);
    results.forEach((result, i) => {
      assert.ok(result.request, `user ${i}: ${JSON.stringify(result.error)}`);
      assert.equal(JSON.parse(result.request.body).symbol, symbols[i]);
    });
    assert.equal((await linkedLog(env, tag)).length, 3, 'three distinct URLs, three requests');
    const all = results.flatMap((r) => r.fetches);
    assert.equal(all.length, symbols.length);
    assert.equal(all.filter((f) => f.cached).length, symbols.length - 3);
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7]);
  });
});

test('linked data: no more fetches in flight than the concurrency allows', (hs, env) => {
  const tag = uniqueTag('pool');
  return withHook(hs, stockConfig(env, { query: `?tag=${tag}&delay=150` }), async (hook) => {
    const symbols = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'AT&T'];
    const results = await hook.renderManyResolved(symbols.map((s, i) => user(`u-${i}`, s)), { concurrency: 2 });
    assert.equal(results.filter((r) => r.request).length, 5);
    const log = await linkedLog(env, tag);
    assert.equal(log.length, 5);
    // Sweep the receiver's [start, end] intervals: the most that overlapped at once.
    const events = log.flatMap((e) => [[e.startedAt, 1], [e.endedAt, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let inFlight = 0;
    let most = 0;
    for (const [, step] of events) most = Math.max(most, inFlight += step);
    assert.equal(most, 2, 'two at a time, never more');
  });
});

test('linked data: a failing source suppresses the user with a reason naming source and status', (hs, env) => withHook(hs, stockConfig(env), async (hook) => {
  const error = await hook.renderResolved(user('u-404', 'NOPE')).then(() => null, (e) => e);
  assert.ok(error, 'renderResolved rejected');
  assert.equal(error.kind, 'missing');
  assert.ok(error.message.includes('stock') && error.message.includes('404'), error.message);
  assert.equal(error.fetches.length, 1);
  assert.equal(error.fetches[0].status, 404);
  const results = await hook.renderManyResolved([user('u-1', 'ACME'), user('u-2', 'NOPE')]);
  assert.ok(results[0].request);
  assert.equal(results[1].error.kind, 'missing');
  assert.ok(results[1].error.message.includes('404'), results[1].error.message);
}));

test('linked data: an answer that is not JSON suppresses the user', (hs, env) => withHook(hs, stockConfig(env, { query: '?format=text' }), async (hook) => {
  const error = await hook.renderResolved(user('u-1', 'ACME')).then(() => null, (e) => e);
  assert.equal(error?.kind, 'missing');
  assert.ok(error.message.includes('stock'), error.message);
}));

test('linked data: a slow source times out and suppresses the user', (hs, env) => withHook(hs, stockConfig(env, { query: '?delay=3000' }), async (hook) => {
  const started = Date.now();
  const error = await hook.renderResolved(user('u-1', 'GLOBEX'), { timeoutMs: 200 }).then(() => null, (e) => e);
  assert.equal(error?.kind, 'missing');
  assert.ok(/timeout/.test(error.message) && error.message.includes('stock'), error.message);
  assert.equal(error.fetches[0].error, 'timeout after 200 ms');
  assert.ok(Date.now() - started < 2500, `gave up after ${Date.now() - started} ms`);
}));

test('linked data: data already in the context wins and nothing is fetched', (hs, env) => withHook(hs, stockConfig(env), async (hook) => {
  let calls = 0;
  const countingFetch = (...args) => { calls++; return fetch(...args); };
  const context = '{"userId": "u-1", "userAttribute": {"FavoriteStock": "ACME"}, "linkedData": {"stock": {"ACME": {"price": 1.0}}}}';
  const request = await hook.renderResolved(context, { fetch: countingFetch });
  assert.equal(calls, 0);
  assert.equal(request.body, hook.render(context).body, 'the synchronous render gives the same');
}));

test('linked data: a user whose branch does not read the source fetches nothing; a source without parameter', (hs, env) => {
  const config = {
    url: new URL('hooks/branch', env.echoUrl).href,
    body: "{% if userAttribute.plan == 'gold' %}{{ linkedData.menu.today }}{% else %}none{% endif %}",
    contentType: 'text/plain',
    linkedData: [{ name: 'menu', url: new URL('linked/menu', env.echoUrl).href }],
  };
  return withHook(hs, config, async (hook) => {
    let calls = 0;
    const countingFetch = (...args) => { calls++; return fetch(...args); };
    const free = await hook.renderResolved({ userAttribute: { plan: 'free' } }, { fetch: countingFetch });
    assert.equal(free.body, 'none');
    assert.equal(calls, 0);
    const menu = JSON.parse(await (await fetch(new URL('linked/menu', env.echoUrl))).text());
    const gold = await hook.renderResolved({ userAttribute: { plan: 'gold' } }, { fetch: countingFetch });
    assert.equal(gold.body, menu.today);
    assert.equal(calls, 1);
  });
});

test('linked data: bad options are input errors', (hs, env) => withHook(hs, stockConfig(env), async (hook) => {
  for (const options of [{ concurrency: 0 }, { timeoutMs: -1 }, { cache: {} }]) {
    const error = await hook.renderResolved(user('u-1', 'ACME'), options).then(() => null, (e) => e);
    assert.equal(error?.kind, 'input', JSON.stringify(options));
  }
}));

test('linked data: report lists what a user still needs, as the template reads it', (hs, env) => withHook(hs, stockConfig(env), (hook) => {
  const report = hook.report(user('u-1', 'ACME'));
  assert.deepEqual(report.linkedDataNeeded, ["linkedData.stock['ACME']"]);
  assert.deepEqual(report.absentVariables, []);
}));

test('linked data: a parameter read from another source is fetched in a second round', (hs, env) => {
  const tag = uniqueTag('chain');
  const config = stockConfig(env, { query: `?tag=${tag}` });
  config.data = [{ key: 'price', value: "{{ linkedData.stock[linkedData.pick.symbol]['price'] }}", type: 'number' }];
  config.linkedData.push({ name: 'pick', url: `${env.echoUrl}linked/pick?tag=${tag}` });
  return withHook(hs, config, async (hook) => {
    const pick = await (await fetch(new URL('linked/pick', env.echoUrl))).json();
    const quote = await (await fetch(new URL(`linked/stock/${pick.symbol}`, env.echoUrl))).json();
    let fetches = [];
    const request = await hook.renderResolved({ userId: 'u-1' }, { onFetches: (seen) => { fetches = seen; } });
    assert.equal(JSON.parse(request.body).price, quote.price);
    assert.deepEqual(fetches.map((f) => [f.source, f.parameter]), [['pick', null], ['stock', pick.symbol]]);
    assert.equal((await linkedLog(env, tag)).length, 2);
  });
});

test('manual-send values: value[\'points\'] and the legacy {{Value "points"}} token render alike', (hs) => {
  const context = '{"value": {"points": 1.0, "code": "SPRING"}}';
  const plain = hs.renderTemplate("{{ value['points'] }} {{ value['code'] }}", context);
  assert.equal(hs.renderTemplate('{{Value "points"}} {{Value "code"}}', context), plain);
  assert.ok(plain.endsWith(' SPRING'), plain);
});

test('linked data: an unreachable source suppresses the user as a network error', (hs, env) => {
  const config = stockConfig(env);
  config.linkedData[0].url = 'http://127.0.0.1:9/linked/stock/{}';
  return withHook(hs, config, async (hook) => {
    const error = await hook.renderResolved(user('u-1', 'ACME')).then(() => null, (e) => e);
    assert.equal(error?.kind, 'missing');
    assert.ok(/network error/.test(error.message) && error.message.includes('stock'), error.message);
    assert.equal(error.fetches[0].status, 0);
  });
});

// The JS side of Linked Data resolution on its own (Node): the needed → fetch → needed loop, the
// round limit, the batch cache, the concurrency limiter and timeouts, against a scripted stand-in
// for the Wasm handle (the real one is exercised by the shared suite).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLimiter, renderResolved, renderManyResolved } from '../../wasm/js/linked-data.mjs';

// A handle whose render needs `chain` sources in sequence: source k's parameter is the `next`
// field of source k-1's answer (the first one's is the context's `start`).
function chainedHandle(chain) {
  const needed = (context, answers) => {
    let parameter = context.start;
    for (let k = 0; k < chain; k++) {
      const answer = answers.find((a) => a.source === `s${k}` && a.parameter === parameter);
      if (!answer) {
        return [{ source: `s${k}`, parameter, request: { method: 'GET', url: `https://data.example/s${k}/${parameter}`, headers: [], body: null } }];
      }
      if (answer.status !== 200) return [];
      parameter = JSON.parse(answer.body).next;
    }
    return [];
  };
  return {
    calls: 0,
    linkedDataNeeded(contextJson, answersJson) {
      this.calls++;
      return JSON.stringify({ fetches: needed(JSON.parse(contextJson), JSON.parse(answersJson)) });
    },
    renderWithLinkedData(contextJson, answersJson) {
      const failed = JSON.parse(answersJson).find((a) => a.status !== 200);
      if (failed) return JSON.stringify({ error: { kind: 'missing', message: `linked data '${failed.source}' answered ${failed.status || failed.error}` } });
      return JSON.stringify({ request: { method: 'POST', url: 'https://hooks.example/', headers: [], body: answersJson } });
    },
  };
}

// fetch stand-in: answers {next: <path tail>+1} after `delayMs`, records what it was asked.
function scriptedFetch({ delayMs = 0, status = 200 } = {}) {
  const log = { urls: [], inFlight: 0, most: 0 };
  const impl = (url, init) => new Promise((resolve, reject) => {
    log.urls.push(url);
    log.most = Math.max(log.most, ++log.inFlight);
    const timer = setTimeout(() => {
      log.inFlight--;
      const tail = url.split('/').pop();
      resolve(new Response(JSON.stringify({ next: `${tail}+` }), { status }));
    }, delayMs);
    init.signal?.addEventListener('abort', () => { clearTimeout(timer); log.inFlight--; reject(init.signal.reason); });
  });
  return { impl, log };
}

test('loop: chained sources are fetched round by round, then rendered', async () => {
  const handle = chainedHandle(3);
  const { impl, log } = scriptedFetch();
  const request = await renderResolved(handle, { start: 'a' }, { fetch: impl });
  assert.deepEqual(log.urls, ['https://data.example/s0/a', 'https://data.example/s1/a+', 'https://data.example/s2/a++']);
  assert.equal(JSON.parse(request.body).length, 3);
  assert.equal(handle.calls, 4, 'needed asked once per round plus the final empty answer');
});

test('loop: more than 4 rounds is a limit error naming the source', async () => {
  const { impl, log } = scriptedFetch();
  await assert.rejects(renderResolved(chainedHandle(5), { start: 'a' }, { fetch: impl }),
                       (error) => error.kind === 'limit' && error.message.includes("'s4'"));
  assert.equal(log.urls.length, 4);
});

test('loop: a failed answer ends the loop and the render reports it, with the fetches', async () => {
  const { impl, log } = scriptedFetch({ status: 503 });
  await assert.rejects(renderResolved(chainedHandle(3), { start: 'a' }, { fetch: impl }), (error) => {
    assert.equal(error.kind, 'missing');
    assert.equal(error.fetches.length, 1);
    assert.equal(error.fetches[0].status, 503);
    return true;
  });
  assert.equal(log.urls.length, 1);
});

test('loop: a timeout is an answer with status 0 and the reason', async () => {
  const { impl } = scriptedFetch({ delayMs: 5000 });
  const started = Date.now();
  await assert.rejects(renderResolved(chainedHandle(1), { start: 'a' }, { fetch: impl, timeoutMs: 50 }),
                       (error) => error.fetches[0].error === 'timeout after 50 ms' && error.fetches[0].status === 0);
  assert.ok(Date.now() - started < 1000);
});

test('loop: the caller aborting rejects with its reason instead of suppressing', async () => {
  const { impl } = scriptedFetch({ delayMs: 5000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('stopped by the user')), 20);
  await assert.rejects(renderResolved(chainedHandle(1), { start: 'a' }, { fetch: impl, signal: controller.signal }), /stopped by the user/);
});

test('batch: one cache (identical URLs in flight are shared) and bounded concurrency', async () => {
  const { impl, log } = scriptedFetch({ delayMs: 20 });
  const starts = ['a', 'b', 'a', 'c', 'a', 'b', 'd', 'e', 'f'];
  const results = await renderManyResolved(chainedHandle(1), starts.map((start) => ({ start })), { fetch: impl, concurrency: 3 });
  assert.equal(results.length, starts.length);
  assert.ok(results.every((r) => r.request));
  assert.equal(log.urls.length, new Set(starts).size);
  assert.equal(log.most, 3);
  assert.equal(results.flatMap((r) => r.fetches).filter((f) => f.cached).length, starts.length - new Set(starts).size);
});

test('limiter: runs at most N at once, in order', async () => {
  const limit = createLimiter(2);
  let active = 0;
  let most = 0;
  const order = [];
  await Promise.all([0, 1, 2, 3, 4].map((i) => limit(async () => {
    order.push(i);
    most = Math.max(most, ++active);
    await new Promise((r) => setTimeout(r, 5));
    active--;
  })));
  assert.equal(most, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
});

// Linked Data resolution: the core says which (source, parameter) fetches a user's render still
// needs; this module makes them with fetch (bounded concurrency, a timeout each, one cache per
// batch) and hands the answers back until nothing is missing. The core stays synchronous.
import { HooksmithError, contextText, unwrap } from './errors.mjs';

export const DEFAULT_TIMEOUT_MS = 10000;
export const DEFAULT_CONCURRENCY = 6;
export const MAX_ROUNDS = 4;
const YIELD_EVERY = 250;

/** Runs at most `limit` of the functions given to it at once, in the order they were given. */
export function createLimiter(limit) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= limit || queue.length === 0) return;
    active++;
    const { task, resolve, reject } = queue.shift();
    Promise.resolve().then(task).then(resolve, reject).finally(() => {
      active--;
      next();
    });
  };
  return (task) => new Promise((resolve, reject) => {
    queue.push({ task, resolve, reject });
    next();
  });
}

function checkOptions({ timeoutMs = DEFAULT_TIMEOUT_MS, concurrency = DEFAULT_CONCURRENCY, cache, fetch: fetchImpl } = {}) {
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new HooksmithError({ kind: 'input', message: `timeoutMs must be a positive number of milliseconds, not ${String(timeoutMs)}` });
  }
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new HooksmithError({ kind: 'input', message: `concurrency must be a whole number ≥ 1, not ${String(concurrency)}` });
  }
  if (cache !== undefined && !(cache instanceof Map)) {
    throw new HooksmithError({ kind: 'input', message: 'cache must be a Map (one per batch), or left out' });
  }
  const chosenFetch = fetchImpl ?? globalThis.fetch;
  if (typeof chosenFetch !== 'function') {
    throw new HooksmithError({ kind: 'input', message: 'no fetch implementation: pass options.fetch' });
  }
  return { timeoutMs, concurrency, fetchImpl: chosenFetch };
}

// One fetch of a source. Never rejects except when the caller aborted: a failure is an answer
// with status 0 and an `error` the core puts into its suppression reason.
async function fetchSource(request, timeoutMs, signal, fetchImpl) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const init = { method: request.method, headers: request.headers, signal: combined, credentials: 'omit' };
  try {
    const response = await fetchImpl(request.url, init);
    const body = await response.text();
    return { status: response.status, body, error: '' };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) return { status: 0, body: '', error: `timeout after ${timeoutMs} ms` };
    // fetch reports network failures and CORS refusals alike as a bare TypeError.
    return { status: 0, body: '', error: `network error or CORS refusal (${error?.message ?? error})` };
  }
}

const succeeded = (answer) => answer.status >= 200 && answer.status <= 299 && answer.error === '';

/** Shared by every user of one batch: the limiter and the cache (key: source + URL → promise of
 * {status, body, error}, so users asking for the same URL at once share one request). */
export function createResolver(options = {}) {
  const { timeoutMs, concurrency, fetchImpl } = checkOptions(options);
  const limit = createLimiter(concurrency);
  const cache = options.cache ?? new Map();
  const { signal } = options;

  function answerFor(fetchPlan) {
    const key = `${fetchPlan.source} ${fetchPlan.request.url}`;
    let cached = true;
    let pending = cache.get(key);
    if (!pending) {
      cached = false;
      pending = limit(() => {
        signal?.throwIfAborted();
        const startedAt = Date.now();
        return fetchSource(fetchPlan.request, timeoutMs, signal, fetchImpl)
          .then((answer) => ({ ...answer, durationMs: Date.now() - startedAt }));
      });
      cache.set(key, pending);
    }
    return pending.then((answer) => ({ answer, cached }));
  }

  /** Resolves one user: {answers (for the core), answersJson, fetches (records for display)}. */
  async function resolve(handle, text) {
    const answers = [];
    const fetches = [];
    for (let round = 0; ; round++) {
      signal?.throwIfAborted();
      const needed = unwrap(JSON.parse(handle.linkedDataNeeded(text, JSON.stringify(answers)))).fetches;
      if (needed.length === 0) break;
      if (round === MAX_ROUNDS) {
        const names = [...new Set(needed.map((f) => f.source))].join("', '");
        throw new HooksmithError({
          kind: 'limit',
          message: `linked data '${names}' is still needed after ${MAX_ROUNDS} rounds of fetching; a parameter may depend on at most ${MAX_ROUNDS - 1} other sources' answers`,
        });
      }
      const got = await Promise.all(needed.map(answerFor));
      needed.forEach((plan, i) => {
        const { answer, cached } = got[i];
        answers.push({ source: plan.source, parameter: plan.parameter ?? null, status: answer.status, body: answer.body, error: answer.error });
        fetches.push({ source: plan.source, parameter: plan.parameter ?? null, url: plan.request.url, status: answer.status,
                       body: answer.body, error: answer.error, cached, durationMs: cached ? 0 : answer.durationMs });
      });
      // A failed source suppresses the user: no point asking the core for more rounds.
      if (got.some(({ answer }) => !succeeded(answer))) break;
    }
    return { answers, answersJson: JSON.stringify(answers), fetches };
  }

  return { resolve, cache };
}

function renderWithAnswers(handle, text, answersJson, { id, timestamp } = {}) {
  return unwrap(JSON.parse(handle.renderWithLinkedData(text, answersJson, id ?? null, timestamp ?? null))).request;
}

/** Fetches what this user's render needs, then renders. Resolves to the request; rejects with a
 * HooksmithError (`missing` when a source failed) that carries `fetches` for display. */
export async function renderResolved(handle, context, options = {}) {
  const text = contextText(context);
  const resolver = createResolver(options);
  let resolved = { fetches: [] };
  try {
    resolved = await resolver.resolve(handle, text);
    options.onFetches?.(resolved.fetches);
    return renderWithAnswers(handle, text, resolved.answersJson, options);
  } catch (error) {
    if (error?.name === 'HooksmithError' && error.fetches === undefined) error.fetches = resolved.fetches;
    throw error;
  }
}

/** Renders for many users with one cache and one concurrency limit for the whole batch.
 * Resolves to [{request, fetches} | {error, fetches}] in input order. */
export async function renderManyResolved(handle, contexts, options = {}) {
  const resolver = createResolver(options);
  const { onProgress, signal } = options;
  const results = new Array(contexts.length);
  let nextIndex = 0;
  let done = 0;
  async function worker() {
    while (nextIndex < contexts.length) {
      const index = nextIndex++;
      let fetches = [];
      try {
        const text = contextText(contexts[index]);
        const resolved = await resolver.resolve(handle, text);
        fetches = resolved.fetches;
        results[index] = { request: renderWithAnswers(handle, text, resolved.answersJson, options), fetches };
      } catch (error) {
        if (error?.name !== 'HooksmithError') throw error;  // an abort, or a bug: not a user's outcome
        const info = { kind: error.kind, message: error.detail };
        for (const name of ['field', 'line', 'column', 'variable']) if (error[name] !== undefined) info[name] = error[name];
        results[index] = { error: info, fetches };
      }
      done++;
      onProgress?.(done, contexts.length);
      // Cached answers resolve as microtasks: yield now and then so a page can repaint.
      if (done % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  // Users wait on the network, not on the CPU: resolve as many at once as fetches may run.
  const workers = Math.min(checkOptions(options).concurrency, contexts.length);
  await Promise.all(Array.from({ length: workers }, worker));
  signal?.throwIfAborted();
  return results;
}

/** The config's linkedData array (headers masked), from the compiled webhook's config JSON. */
export function linkedDataSources(configJson) {
  return JSON.parse(configJson).linkedData ?? [];
}

/** What `send` renders with: every attempt reuses the answers fetched once before the first. */
export async function resolvedRenderer(handle, context, options = {}) {
  const text = contextText(context);
  const { answersJson, fetches } = await createResolver(options).resolve(handle, text);
  return { fetches, render: (_text, renderOptions) => renderWithAnswers(handle, text, answersJson, renderOptions) };
}

// Sending with the browser's (or Node's) fetch. The C++ core stays synchronous: it renders each
// attempt and decides what to do next; this module only waits and talks to the network.
import { contextText, unwrap } from './errors.mjs';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() { signal?.removeEventListener('abort', abort); resolve(); }
    function abort() { clearTimeout(timer); reject(signal.reason); }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

function resolvePolicy(core, webhook, retry, timeoutMs) {
  const choice = retry ?? webhook.retryPolicy ?? 'interactive';
  const text = typeof choice === 'string' ? choice : JSON.stringify(choice);
  const policy = JSON.parse(unwrap(core.resolveRetryPolicy(text)).policy);
  return timeoutMs === undefined ? policy : { ...policy, attemptTimeoutMs: timeoutMs };
}

async function readBody(response) {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

// One fetch: resolves to {outcome, response?, error?}; rejects only when the caller aborted.
async function attempt(request, timeoutMs, signal, fetchImpl) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const init = {
    method: request.method,
    headers: request.headers,
    redirect: 'manual',
    signal: combined,
  };
  if (request.body !== null) init.body = request.body;
  try {
    const response = await fetchImpl(request.url, init);
    // Browsers hide a manual redirect behind an opaque response with status 0.
    const status = response.type === 'opaqueredirect' ? 0 : response.status;
    const headers = [...response.headers];
    const body = await readBody(response);
    return {
      outcome: { kind: 'response', status, retryAfter: response.headers.get('Retry-After') ?? undefined },
      response: { status, statusText: response.statusText, headers, body, redirected: status === 0 || (status >= 300 && status < 400) },
    };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      return { outcome: { kind: 'timeout' }, error: `no response within ${timeoutMs} ms` };
    }
    // fetch reports network failures and CORS refusals alike as a bare TypeError.
    return { outcome: { kind: 'network_error' }, error: `network error or CORS refusal (${error.message})` };
  }
}

/** Renders and sends one webhook for `context`, retrying per policy.
 * options: {retry: preset name or policy object (default: the config's, else "interactive"),
 *           timeoutMs: per attempt, signal: AbortSignal, id: message id, onAttempt(attempt),
 *           fetch: a fetch implementation (default globalThis.fetch)}
 * Resolves to {ok, status, headers, body, attempts, messageId, summary}. Each attempt:
 * {number, delayMs, startedAt, durationMs, request, response?, error?, cors?, decision}. */
export async function sendWithFetch(webhook, core, context, options = {}) {
  const { retry, timeoutMs, signal, onAttempt, fetch: fetchImpl = globalThis.fetch } = options;
  const text = contextText(context);
  const policy = resolvePolicy(core, webhook, retry, timeoutMs);
  const policyText = JSON.stringify(policy);
  const messageId = options.id ?? core.randomMessageId();
  const origin = globalThis.location?.origin;

  const attempts = [];
  let delayMs = 0;
  for (let number = 1; ; number++) {
    if (delayMs > 0) await sleep(delayMs, signal);
    // Rendered again for every attempt: signed webhooks need a fresh timestamp and signature.
    const request = webhook.render(text, { id: messageId, timestamp: nowSeconds() });
    const startedAt = Date.now();
    const result = await attempt(request, policy.attemptTimeoutMs, signal, fetchImpl);
    const decision = unwrap(core.nextRetry(policyText, number, result.outcome, nowSeconds())).decision;
    const record = { number, delayMs, startedAt, durationMs: Date.now() - startedAt, request, decision };
    if (result.response) record.response = result.response;
    if (result.error) record.error = result.error;
    if (result.outcome.kind === 'network_error' && origin) record.cors = unwrap(core.analyzeCors(request, origin)).cors;
    attempts.push(record);
    onAttempt?.(record);
    if (!decision.retry) break;
    delayMs = decision.delayMs;
  }

  const last = attempts[attempts.length - 1];
  const messageIdSent = last.request.headers.find(([name]) => name === 'webhook-id')?.[1] ?? null;
  return {
    ok: last.decision.success,
    status: last.response?.status ?? null,
    headers: last.response?.headers ?? [],
    body: last.response?.body ?? null,
    attempts,
    messageId: messageIdSent,
    summary: `${last.decision.success ? 'delivered' : 'not delivered'} after ${attempts.length} attempt${attempts.length > 1 ? 's' : ''}: ${last.decision.reason}`,
  };
}


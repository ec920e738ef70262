// The Embind core as the rest of the JS API sees it. The core's entry points answer with JSON
// text, parsed here once, and number their compiled webhooks instead of binding a C++ class:
// a small Embind surface keeps Emscripten's JS glue small (docs/performance.md, "Wasm size").
const parsed = (text) => JSON.parse(text);

// A render's id and timestamp cross as numbers (bindings.cpp): `has id`, `has timestamp`, the
// timestamp. A string id crosses first, through webhookSetId; → whether it did, 1 or 0.
function crossId(raw, number, id) {
  if (typeof id !== 'string') return 0;
  raw.webhookSetId(number, id);
  return 1;
}
const hasTimestamp = (timestamp) => (typeof timestamp === 'number' ? 1 : 0);

// Rendering calls plain Wasm exports with numbers only.
function callRender(raw, exported, number, length, id, timestamp) {
  const timed = hasTimestamp(timestamp);
  return exported(number, length, crossId(raw, number, id), timed, timed ? timestamp : 0);
}

// A compiled webhook's handle: the methods webhook.mjs, results.mjs and linked-data.mjs call.
function webhookHandle(raw, number) {
  let deleted = false;
  const live = () => {
    if (deleted) throw new Error('hooksmith: a deleted webhook handle was used');
    return number;
  };
  return {
    inputBuffer: (bytes) => raw.webhookInputBuffer(live(), bytes),
    render: (length, id, timestamp) => callRender(raw, raw._hooksmith_webhook_render, live(), length, id, timestamp),
    renderBatch: (length, id, timestamp) =>
      callRender(raw, raw._hooksmith_webhook_render_batch, live(), length, id, timestamp),
    report: (context) => parsed(raw.webhookReport(live(), context)),
    // The page's lite core has no Linked Data (nor, so, webhooks with sources).
    hasLinkedData: typeof raw.webhookLinkedDataNeeded === 'function',
    linkedDataNeeded: (context, answers) => raw.webhookLinkedDataNeeded(live(), context, answers),
    renderWithLinkedData: (context, answers, id, timestamp) => {
      const number = live();
      const timed = hasTimestamp(timestamp);
      return raw.webhookRenderWithLinkedData(number, context, answers, crossId(raw, number, id), timed, timed ? timestamp : 0);
    },
    variables: () => parsed(raw.webhookVariables(live())),
    configJson: (reveal) => raw.webhookConfigJson(live(), reveal),
    method: () => raw.webhookMethod(live()),
    isSigned: () => raw.webhookIsSigned(live()),
    missing: () => raw.webhookMissing(live()),
    retryPolicyJson: () => raw.webhookRetryPolicyJson(live()),
    isDeleted: () => deleted,
    delete() {
      if (deleted) return;
      deleted = true;
      raw.deleteWebhook(number);
    },
  };
}

// The checks and messages of a request's shape ({method, url, headers: [[name, value]], body:
// string | null}), in order; null when it is well formed.
function requestProblem(request) {
  if (request === null || typeof request !== 'object') return 'a request must be an object {method, url, headers, body}';
  if (typeof request.method !== 'string') return 'request.method must be a string';
  if (typeof request.url !== 'string') return 'request.url must be a string';
  const { headers } = request;
  if (headers !== undefined) {
    if (!Array.isArray(headers)) return 'request.headers must be an array of [name, value] pairs';
    for (let i = 0; i < headers.length; i++) {
      const pair = headers[i];
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
        return `request.headers[${i}] must be a [name, value] pair of strings`;
      }
    }
  }
  const { body } = request;
  if (typeof body !== 'string' && body !== null && body !== undefined) return 'request.body must be a string or null';
  return null;
}

// Hands a request to the core piece by piece, then parses what `call` answers about it.
function withRequest(raw, request, call) {
  const problem = requestProblem(request);
  if (problem) return { error: { kind: 'input', message: problem } };
  const { method, url, headers = [], body } = request;
  const hasBody = typeof body === 'string';
  raw.requestBegin(method, url, hasBody, hasBody ? body : '');
  for (let i = 0; i < headers.length; i++) raw.requestHeader(headers[i][0], headers[i][1]);
  return parsed(call());
}

/** Wraps the Emscripten module: every entry point returns {result…} or {error} objects. */
export function wrapCore(raw) {
  return {
    // The heap views, for js/results.mjs; a memory growth replaces them.
    get HEAPU8() { return raw.HEAPU8; },
    get HEAPU32() { return raw.HEAPU32; },
    renderTemplate: (source, context, missing) => parsed(raw.renderTemplate(source, context, missing)),
    templateVariables: (source) => parsed(raw.templateVariables(source)),
    compileWebhook(config) {
      const result = parsed(raw.compileWebhook(config));
      return result.error ? result : { webhook: webhookHandle(raw, result.webhook) };
    },
    toCurl: (request, reveal) => withRequest(raw, request, () => raw.toCurl(reveal)),
    toHttp: (request, reveal) => withRequest(raw, request, () => raw.toHttp(reveal)),
    maskedRequest: (request) => withRequest(raw, request, () => raw.maskedRequest()),
    analyzeCors: (request, origin) => withRequest(raw, request, () => raw.analyzeCors(origin)),
    resolveRetryPolicy: (retry) => parsed(raw.resolveRetryPolicy(retry)),
    nextRetry(policy, attempts, { kind, status, retryAfter }, now) {
      const hasStatus = typeof status === 'number';
      const hasRetryAfter = typeof retryAfter === 'string';
      return parsed(raw.nextRetry(policy, attempts, kind, hasStatus, hasStatus ? status : 0, hasRetryAfter,
        hasRetryAfter ? retryAfter : '', now));
    },
    randomMessageId: () => raw.randomMessageId(),
    memoryUsage: () => parsed(raw.memoryUsage()),
  };
}

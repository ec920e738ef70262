// The Embind core as the rest of the JS API sees it. The core's entry points answer with JSON
// text, parsed here once, and number their compiled webhooks instead of binding a C++ class:
// a small Embind surface keeps Emscripten's JS glue small (docs/performance.md, "Wasm size").
const parsed = (text) => JSON.parse(text);

// A compiled webhook's handle: the methods webhook.mjs, batch.mjs and linked-data.mjs call.
function webhookHandle(raw, number) {
  let deleted = false;
  const live = () => {
    if (deleted) throw new Error('hooksmith: a deleted webhook handle was used');
    return number;
  };
  return {
    renderJson: (context, id, timestamp) => raw.webhookRenderJson(live(), context, id, timestamp),
    renderBatchJson: (contexts, id, timestamp) => raw.webhookRenderBatchJson(live(), contexts, id, timestamp),
    report: (context) => parsed(raw.webhookReport(live(), context)),
    linkedDataNeeded: (context, answers) => raw.webhookLinkedDataNeeded(live(), context, answers),
    renderWithLinkedData: (context, answers, id, timestamp) =>
      raw.webhookRenderWithLinkedData(live(), context, answers, id, timestamp),
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

/** Wraps the Emscripten module: every entry point returns {result…} or {error} objects. */
export function wrapCore(raw) {
  return {
    renderTemplate: (source, context, missing) => parsed(raw.renderTemplate(source, context, missing)),
    templateVariables: (source) => parsed(raw.templateVariables(source)),
    compileWebhook(config) {
      const result = parsed(raw.compileWebhook(config));
      return result.error ? result : { webhook: webhookHandle(raw, result.webhook) };
    },
    toCurl: (request, reveal) => parsed(raw.toCurl(request, reveal)),
    toHttp: (request, reveal) => parsed(raw.toHttp(request, reveal)),
    maskedRequest: (request) => parsed(raw.maskedRequest(request)),
    analyzeCors: (request, origin) => parsed(raw.analyzeCors(request, origin)),
    resolveRetryPolicy: (retry) => parsed(raw.resolveRetryPolicy(retry)),
    nextRetry: (policy, attempts, outcome, now) => parsed(raw.nextRetry(policy, attempts, outcome, now)),
    randomMessageId: () => raw.randomMessageId(),
    memoryUsage: () => parsed(raw.memoryUsage()),
  };
}

// A compiled webhook: every template parsed once, rendered per user.
import { HooksmithError, contextText, unwrap } from './errors.mjs';
import { renderMany } from './batch.mjs';
import { RenderIO } from './results.mjs';
import { sendWithFetch } from './send.mjs';
import * as linkedData from './linked-data.mjs';

// Backstop for handles the caller forgot to delete(); explicit delete() is still the contract,
// because a finalizer may run late or never.
const finalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => { if (!handle.isDeleted()) handle.delete(); })
  : null;

export class Webhook {
  #core;
  #handle;
  #io;

  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
    this.#io = new RenderIO(core, handle);
    finalizer?.register(this, handle, this);
  }

  #live() {
    if (!this.#handle) throw new HooksmithError({ kind: 'input', message: 'this webhook was deleted; compile the config again' });
    return this.#handle;
  }

  /** The exact request for one user: {method, url, headers: [[name, value]], body|null}.
   * `timestamp` is Unix seconds (required when the webhook is signed). */
  render(context, { id, timestamp } = {}) {
    this.#live();
    return unwrap(this.#io.render(contextText(context), id ?? null, timestamp ?? null)).request;
  }

  /** Renders for many users; resolves to [{request} | {error}] in input order. Each chunk of
   * `chunkSize` users is one call into Wasm; reports progress as onProgress(done, total) after
   * each chunk, yields to the event loop every ~16 ms and stops at `signal`'s abort. */
  async renderMany(contexts, options = {}) {
    this.#live();
    return renderMany(this.#io, contexts, options);
  }

  /** For one user, without rendering: {absentVariables: paths the context lacks (printed ones
   * suppress, others were defaulted or skipped), warnings: e.g. a plain-http URL,
   * linkedDataNeeded: Linked Data not in the context, as read: `linkedData.stock['ACME']`}. */
  report(context) {
    return unwrap(this.#live().report(contextText(context))).report;
  }

  /** Like render, for webhooks that read Linked Data: fetches what this user needs first.
   * options: {timeoutMs, concurrency, cache: Map, fetch, signal, id, timestamp, onFetches}. */
  renderResolved(context, options = {}) {
    const handle = this.#live();
    if (handle.hasLinkedData) return linkedData.renderResolved(handle, context, options);
    return this.#renderWithoutSources(context, options);
  }

  // Compiled by the page's lite core: no sources, nothing to fetch.
  async #renderWithoutSources(context, options) {
    options.onFetches?.([]);
    try {
      return this.render(context, options);
    } catch (error) {
      if (error?.name === 'HooksmithError') error.fetches = [];
      throw error;
    }
  }

  /** renderMany with Linked Data: one cache and one concurrency limit for the whole batch;
   * resolves to [{request, fetches} | {error, fetches}] in input order. */
  async renderManyResolved(contexts, options = {}) {
    const handle = this.#live();
    if (handle.hasLinkedData) return linkedData.renderManyResolved(handle, contexts, options);
    return (await this.renderMany(contexts, options)).map((result) => ({ ...result, fetches: [] }));
  }

  /** The config's Linked Data sources: [{name, url, method, headers}] (secrets masked). */
  get linkedDataSources() {
    return linkedData.linkedDataSources(this.#live().configJson(false));
  }

  /** Context variables read by any of the webhook's templates, in first-use order. */
  variables() {
    return this.#live().variables();
  }

  /** The config as JSON text (secrets masked unless `reveal`). */
  configJson({ reveal = false } = {}) {
    return this.#live().configJson(reveal);
  }

  get method() { return this.#live().method(); }
  get isSigned() { return this.#live().isSigned(); }
  get missing() { return this.#live().missing(); }

  /** The config's own retry policy (object form), or null. */
  get retryPolicy() {
    const text = this.#live().retryPolicyJson();
    return text ? JSON.parse(text) : null;
  }

  toCurl(request, { reveal = false } = {}) {
    return unwrap(this.#core.toCurl(request, reveal)).text;
  }

  toHttp(request, { reveal = false } = {}) {
    return unwrap(this.#core.toHttp(request, reveal)).text;
  }

  /** Renders and sends with fetch, retrying per policy; see send.mjs. Linked Data is fetched
   * once, before the first attempt (`linkedData` in the result lists what was fetched). */
  async send(context, options = {}) {
    if (this.linkedDataSources.length === 0) return sendWithFetch(this, this.#core, context, options);
    const { linkedDataTimeoutMs, ...sendOptions } = options;
    const resolved = await linkedData.resolvedRenderer(this.#live(), context, {
      timeoutMs: linkedDataTimeoutMs, signal: options.signal, fetch: options.fetch });
    const renderer = { render: resolved.render, retryPolicy: this.retryPolicy };
    return { ...(await sendWithFetch(renderer, this.#core, context, sendOptions)), linkedData: resolved.fetches };
  }

  /** Frees the compiled webhook in the Wasm heap. Safe to call twice. */
  delete() {
    if (!this.#handle) return;
    finalizer?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

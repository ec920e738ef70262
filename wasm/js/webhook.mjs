// A compiled webhook: every template parsed once, rendered per user.
import { HooksmithError, contextText, unwrap } from './errors.mjs';
import { parseView, renderMany, utf8 } from './batch.mjs';
import { sendWithFetch } from './send.mjs';

// Backstop for handles the caller forgot to delete(); explicit delete() is still the contract,
// because a finalizer may run late or never.
const finalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((handle) => { if (!handle.isDeleted()) handle.delete(); })
  : null;

export class Webhook {
  #core;
  #handle;

  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
    finalizer?.register(this, handle, this);
  }

  #live() {
    if (!this.#handle) throw new HooksmithError({ kind: 'input', message: 'this webhook was deleted; compile the config again' });
    return this.#handle;
  }

  /** The exact request for one user: {method, url, headers: [[name, value]], body|null}.
   * `timestamp` is Unix seconds (required when the webhook is signed). */
  render(context, { id, timestamp } = {}) {
    return unwrap(parseView(this.#live().renderJson(utf8(contextText(context)), id ?? null, timestamp ?? null))).request;
  }

  /** Renders for many users; resolves to [{request} | {error}] in input order. Each chunk of
   * `chunkSize` users is one call into Wasm; reports progress as onProgress(done, total) after
   * each chunk, yields to the event loop every ~16 ms and stops at `signal`'s abort. */
  async renderMany(contexts, options = {}) {
    return renderMany(this.#live(), contexts, options);
  }

  /** For one user, without rendering: {absentVariables: paths the context lacks (printed ones
   * suppress, others were defaulted or skipped), warnings: e.g. a plain-http URL}. */
  report(context) {
    return unwrap(this.#live().report(contextText(context))).report;
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

  /** Renders and sends with fetch, retrying per policy; see send.mjs. */
  send(context, options = {}) {
    return sendWithFetch(this, this.#core, context, options);
  }

  /** Frees the compiled webhook in the Wasm heap. Safe to call twice. */
  delete() {
    if (!this.#handle) return;
    finalizer?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

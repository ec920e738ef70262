// The public JS API over the Embind core, shared by the browser and Node entry points.
import { HooksmithError, contextText, unwrap } from './errors.mjs';
import { Webhook } from './webhook.mjs';
import { wrapCore } from './core.mjs';

export { HooksmithError } from './errors.mjs';
export { Webhook } from './webhook.mjs';

const MISSING_POLICIES = new Set(['suppress', 'jinja']);

function checkMissing(missing) {
  if (!MISSING_POLICIES.has(missing)) {
    throw new HooksmithError({ kind: 'config', field: 'missing', message: `missing must be "suppress" or "jinja", not ${JSON.stringify(missing)}` });
  }
}

export class Hooksmith {
  #core;
  #loadFull;  // while this instance runs the page's lite core: () => Promise<the full core>
  #loading;

  constructor(core, loadFull = null) {
    this.#core = core;
    this.#loadFull = loadFull;
  }

  /** False while a page runs the lite core it loads first, which leaves Linked Data and the date
   * filters out (a config or template needing them throws a HooksmithError of kind
   * "unavailable"); true once `loadFullCore()` has resolved, and always in Node. */
  get fullCoreLoaded() {
    return this.#loadFull === null;
  }

  /** Loads the full core, once; every later compile and call uses it. Webhooks compiled before
   * keep the core they were compiled by. `moduleArgs` (e.g. `wasmBinary`) go to its Emscripten
   * factory, after those given when the API was created, less `wasmBinary`/`instantiateWasm`. */
  loadFullCore(moduleArgs = {}) {
    if (this.#loadFull === null) return Promise.resolve();
    this.#loading ??= this.#loadFull(moduleArgs).then(
      (core) => {
        this.#core = core;
        this.#loadFull = null;
      },
      (error) => {
        this.#loading = undefined;
        throw error;
      });
    return this.#loading;
  }

  /** Renders one template against a context (object or JSON text). `missing` defaults to
   * "suppress": a missing printed value throws a HooksmithError of kind "missing". */
  renderTemplate(template, context = {}, { missing = 'suppress' } = {}) {
    checkMissing(missing);
    return unwrap(this.#core.renderTemplate(String(template), contextText(context), missing)).output;
  }

  /** The context variable paths a template reads, in first-use order. */
  templateVariables(template) {
    return unwrap(this.#core.templateVariables(String(template))).variables;
  }

  /** Compiles a webhook config (object or JSON text). Call `delete()` on the result when done. */
  compile(config) {
    const text = typeof config === 'string' ? config : JSON.stringify(config);
    return new Webhook(this.#core, unwrap(this.#core.compileWebhook(text)).webhook);
  }

  /** A shell-safe cURL command for a rendered request; credentials masked unless `reveal`. */
  toCurl(request, { reveal = false } = {}) {
    return unwrap(this.#core.toCurl(request, reveal)).text;
  }

  /** The HTTP/1.1 request text (CRLF line ends); credentials masked unless `reveal`. */
  toHttp(request, { reveal = false } = {}) {
    return unwrap(this.#core.toHttp(request, reveal)).text;
  }

  /** A copy of a rendered request fit for display: Authorization credentials masked. */
  maskRequest(request) {
    return unwrap(this.#core.maskedRequest(request)).request;
  }

  /** What a browser on `origin` will do with the request: {mode: "simple"|"preflight"|…,
   * reasons, requiredResponseHeaders, notes}. */
  analyzeCors(request, origin = globalThis.location?.origin ?? 'null') {
    return unwrap(this.#core.analyzeCors(request, origin)).cors;
  }

  /** {heapBytes, allocatedBytes} of the Wasm module: for leak checks and diagnostics. */
  memoryUsage() {
    return this.#core.memoryUsage();
  }

  /** A retry policy (preset name or object) resolved into its full object form. */
  retryPolicy(retry = 'interactive') {
    const text = typeof retry === 'string' ? retry : JSON.stringify(retry);
    return JSON.parse(unwrap(this.#core.resolveRetryPolicy(text)).policy);
  }
}

// Emscripten keeps and fills the object it is given, and empties its preRun/postRun arrays:
// each core gets copies.
const copyArgs = (args) =>
  Object.fromEntries(Object.entries(args).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]));

// `fullFactory`: where the first core is the page's lite one, () => Promise<the full core's
// Emscripten factory>.
export async function instantiate(factory, moduleArgs = {}, fullFactory = null) {
  const { wasmBinary, instantiateWasm, ...shared } = moduleArgs;
  const loadFull = fullFactory && (async (fullArgs) => wrapCore(await (await fullFactory())(copyArgs({ ...shared, ...fullArgs }))));
  return new Hooksmith(wrapCore(await factory(copyArgs(moduleArgs))), loadFull);
}

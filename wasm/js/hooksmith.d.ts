// Type declarations for the hooksmith JS API (hand-written: Emscripten 3.1.6 has no --emit-tsd).

/** `unavailable`: what the page's lite core leaves out (Linked Data, the date filters) was asked
 * for; `await hooksmith.loadFullCore()`, then compile again. */
export type ErrorKind = 'input' | 'syntax' | 'render' | 'missing' | 'config' | 'limit' | 'transport' | 'unavailable';

export class HooksmithError extends Error {
  readonly kind: ErrorKind;
  /** The message without field or position. */
  readonly detail: string;
  /** The config field the error is in: `url`, `data.first_name`, `headers.X-Campaign`, `body`, … */
  readonly field?: string;
  /** 1-based position inside that field's template (columns count code points). */
  readonly line?: number;
  readonly column?: number;
  /** For `missing`: the variable path that was missing, e.g. `userAttribute['First name']`. */
  readonly variable?: string;
  /** From renderResolved: the Linked Data fetched before the error. */
  readonly fetches?: LinkedDataFetchRecord[];
}

export type MissingPolicy = 'suppress' | 'jinja';

/** A context object, or its JSON text (keeps `1.0` distinct from `1`, which JS objects cannot). */
export type ContextInput = Record<string, unknown> | string;

/** The exact, unmasked request that goes on the wire. */
export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Array<[name: string, value: string]>;
  body: string | null;
}

export interface RenderOptions {
  /** Signing message id (a configured signing `id` template wins; default: random `msg_…`). */
  id?: string;
  /** Unix seconds; required when the webhook is signed. */
  timestamp?: number;
}

export interface ErrorInfo {
  kind: ErrorKind; message: string; field?: string; line?: number; column?: number; variable?: string;
}

export type BatchResult = { request: Request } | { error: ErrorInfo };

export interface CorsAnalysis {
  mode: 'same-origin' | 'simple' | 'preflight' | 'blocked';
  reasons: string[];
  requiredResponseHeaders: string[];
  notes: string[];
}

export interface RetryPolicy {
  preset?: string;
  maxAttempts: number;
  delaysMs: number[];
  retryAfterCapMs: number;
  attemptTimeoutMs: number;
  retryStatuses: Array<number | string>;
  retryNetworkErrors: boolean;
}

export interface RetryDecision { retry: boolean; success: boolean; delayMs: number; reason: string; }

export interface Attempt {
  number: number;
  /** The wait before this attempt. */
  delayMs: number;
  startedAt: number;
  durationMs: number;
  /** Exactly what was sent (unmasked: mask with `maskRequest` before display). */
  request: Request;
  response?: { status: number; statusText: string; headers: Array<[string, string]>; body: string; redirected: boolean };
  /** A fault instead of a response: timeout, or "network error or CORS refusal". */
  error?: string;
  /** For network errors in a browser: what CORS requires of the receiver. */
  cors?: CorsAnalysis;
  decision: RetryDecision;
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  headers: Array<[string, string]>;
  body: string | null;
  attempts: Attempt[];
  /** The `webhook-id` every attempt carried (signed webhooks), else null. */
  messageId: string | null;
  summary: string;
}

export interface SendOptions {
  /** A preset name or policy object; default: the config's `retry`, else "interactive". */
  retry?: 'leanplum' | 'interactive' | Partial<RetryPolicy> & { preset?: string };
  timeoutMs?: number;
  signal?: AbortSignal;
  id?: string;
  onAttempt?: (attempt: Attempt) => void;
  fetch?: typeof fetch;
}

/** A Linked Data source of the config (`linkedData`): `{}` in the URL is the parameter. */
export interface LinkedDataSource {
  name: string;
  url: string;
  method: 'GET';
  headers?: Array<{ name: string; value: string }>;
}

/** One fetch made (or served from the batch cache) for a user. `status` 0: no response, then
 * `error` says why ("timeout after 10000 ms", "network error or CORS refusal (…)"). */
export interface LinkedDataFetchRecord {
  source: string;
  parameter: string | null;
  url: string;
  status: number;
  body: string;
  error: string;
  cached: boolean;
  durationMs: number;
}

export interface LinkedDataOptions {
  /** Per fetch (default 10000). */
  timeoutMs?: number;
  /** Fetches in flight at once, across a whole batch (default 6). */
  concurrency?: number;
  /** Answers per source + URL; pass one Map to share it between calls (default: a new one per call). */
  cache?: Map<string, Promise<{ status: number; body: string; error: string; durationMs: number }>>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export type ResolvedBatchResult =
  | { request: Request; fetches: LinkedDataFetchRecord[] }
  | { error: ErrorInfo; fetches: LinkedDataFetchRecord[] };

export class Webhook {
  render(context: ContextInput, options?: RenderOptions): Request;
  /** Renders a chunk of `chunkSize` users (default 500) per call into Wasm; JSON text contexts
   * are handed through as they are. Calls `onProgress` after each chunk, yields to the event loop
   * every ~16 ms, and rejects with the signal's reason once `signal` is aborted. */
  renderMany(contexts: ContextInput[], options?: RenderOptions & {
    onProgress?: (done: number, total: number) => void; chunkSize?: number; signal?: AbortSignal;
  }): Promise<BatchResult[]>;
  /** Fetches the Linked Data this user's render needs (at most 4 rounds), then renders. Rejects
   * with a HooksmithError (`missing` when a source failed: the message names source and status)
   * that carries `fetches`. `render` throws `missing` for such webhooks unless the context
   * already holds `linkedData.<name>`. */
  renderResolved(context: ContextInput, options?: RenderOptions & LinkedDataOptions & {
    onFetches?: (fetches: LinkedDataFetchRecord[]) => void;
  }): Promise<Request>;
  /** One cache and one concurrency limit for the whole batch; results in input order. */
  renderManyResolved(contexts: ContextInput[], options?: RenderOptions & LinkedDataOptions & {
    onProgress?: (done: number, total: number) => void;
  }): Promise<ResolvedBatchResult[]>;
  /** The config's Linked Data sources (header values with secrets masked). */
  readonly linkedDataSources: LinkedDataSource[];
  /** For one user, without rendering: the variables the context lacks, warnings, and the
   * Linked Data still to fetch as templates read it (`linkedData.stock['ACME']`). */
  report(context: ContextInput): { absentVariables: string[]; warnings: string[]; linkedDataNeeded: string[] };
  variables(): string[];
  configJson(options?: { reveal?: boolean }): string;
  readonly method: string;
  readonly isSigned: boolean;
  readonly missing: MissingPolicy;
  readonly retryPolicy: RetryPolicy | null;
  toCurl(request: Request, options?: { reveal?: boolean }): string;
  toHttp(request: Request, options?: { reveal?: boolean }): string;
  /** Linked Data is fetched once before the first attempt; the result then has `linkedData`. */
  send(context: ContextInput, options?: SendOptions & { linkedDataTimeoutMs?: number }):
    Promise<SendResult & { linkedData?: LinkedDataFetchRecord[] }>;
  /** Frees the compiled webhook; a FinalizationRegistry is only a backstop. */
  delete(): void;
}

export class Hooksmith {
  renderTemplate(template: string, context?: ContextInput, options?: { missing?: MissingPolicy }): string;
  templateVariables(template: string): string[];
  compile(config: Record<string, unknown> | string): Webhook;
  /** False while a page runs the lite core it starts with (no Linked Data, no date filters);
   * true once loadFullCore() has resolved, and always in Node. */
  readonly fullCoreLoaded: boolean;
  /** Loads the full core once; later compiles and calls use it. Webhooks compiled before keep
   * theirs. `moduleArgs` go to its Emscripten factory (after those of createHooksmith, less
   * wasmBinary and instantiateWasm). */
  loadFullCore(moduleArgs?: Record<string, unknown>): Promise<void>;
  toCurl(request: Request, options?: { reveal?: boolean }): string;
  toHttp(request: Request, options?: { reveal?: boolean }): string;
  maskRequest(request: Request): Request;
  analyzeCors(request: Request, origin?: string): CorsAnalysis;
  retryPolicy(retry?: string | Partial<RetryPolicy>): RetryPolicy;
  memoryUsage(): { heapBytes: number; allocatedBytes: number };
}

/** In a browser, `fullCore: true` starts with the full core instead of the lite one (Node: always full). */
export default function createHooksmith(moduleArgs?: Record<string, unknown>, options?: { fullCore?: boolean }): Promise<Hooksmith>;

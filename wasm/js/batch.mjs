// renderMany's engine: a whole chunk of users crosses into Wasm in one call (their JSON texts
// written one after another, newline-separated) and comes back as one block of result records
// (results.mjs), and the event loop gets a turn by time, not after every chunk.
import { contextText } from './errors.mjs';

// Long enough that yielding costs nothing measurable, short enough for a page to stay responsive.
const YIELD_EVERY_MS = 16;
const now = () => performance.now();

// A macrotask without setTimeout's ≥ 1 ms (often 4 ms) clamping: setImmediate where it exists
// (Node), a MessageChannel elsewhere.
function yieldToEventLoop() {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
}

// Renders contexts[start, end) into results[start, end). A JSON text with a raw newline (only
// possible as whitespace) cannot share the newline-separated batch and is rendered on its own.
function renderChunk(io, contexts, start, end, results, id, timestamp) {
  const texts = [];
  const slots = [];
  for (let i = start; i < end; i++) {
    let text;
    try {
      text = contextText(contexts[i]);
    } catch (error) {
      results[i] = { error: { kind: error.kind, message: error.detail } };
      continue;
    }
    if (text.includes('\n')) {
      results[i] = io.render(text, id, timestamp);
      continue;
    }
    texts.push(text);
    slots.push(i);
  }
  if (texts.length === 0) return;
  io.renderBatch(texts, id, timestamp, results, slots);
}

/** [{request} | {error}] for every context, in order; progress after each chunk. */
export async function renderMany(io, contexts, { id, timestamp, onProgress, chunkSize = 500, signal } = {}) {
  const total = contexts.length;
  const step = Math.max(1, Math.floor(chunkSize) || 1);
  const results = new Array(total);
  let lastYield = now();
  for (let start = 0; start < total; start += step) {
    signal?.throwIfAborted();
    const end = Math.min(start + step, total);
    renderChunk(io, contexts, start, end, results, id ?? null, timestamp ?? null);
    onProgress?.(end, total);
    if (end < total && now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = now();
    }
  }
  return results;
}

// The render path's traffic with the Wasm heap (wasm/results.hpp): a context goes in with
// TextEncoder.encodeInto straight into the handle's input buffer, and the results come back as
// request strings decoded once and sliced by their UTF-16 lengths — no JSON.parse, no copies.
// Errors (and a request whose strings are not valid UTF-8) come back as JSON text.
import { HooksmithError } from './errors.mjs';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

// An input buffer larger than this is given back once a smaller input fits (as the core does).
const KEPT_INPUT_BYTES = 1 << 20;

export class RenderIO {
  #core;
  #handle;
  #input = 0;
  #capacity = 0;

  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
  }

  /** {request} | {error} for one context's JSON text. */
  render(text, id, timestamp) {
    const length = this.#write(text);
    return this.#read(this.#handle.render(length, id, timestamp), 1)[0];
  }

  /** [{request} | {error}] for `count` JSON texts joined by newlines; throws a HooksmithError
   * when the batch as a whole is refused (a bad id or timestamp). */
  renderBatch(joined, count, id, timestamp) {
    const length = this.#write(joined);
    return this.#read(this.#handle.renderBatch(length, id, timestamp), count);
  }

  #write(text) {
    const needed = text.length * 3;  // UTF-8 never needs more than 3 bytes per UTF-16 unit
    if (needed > this.#capacity || (this.#capacity > KEPT_INPUT_BYTES && needed <= KEPT_INPUT_BYTES)) {
      this.#input = this.#handle.inputBuffer(needed);
      this.#capacity = needed;
    }
    const view = this.#core.HEAPU8.subarray(this.#input, this.#input + this.#capacity);
    return encoder.encodeInto(text, view).written;
  }

  #read(slotAddress, expected) {
    const u32 = this.#core.HEAPU32;
    const heap = this.#core.HEAPU8;
    const slot = slotAddress >>> 2;
    const textAt = u32[slot], textBytes = u32[slot + 1];
    let cell = u32[slot + 2] >>> 2;
    const cellsEnd = cell + u32[slot + 3];
    const jsonAt = u32[slot + 4];
    const text = textBytes === 0 ? '' : decoder.decode(heap.subarray(textAt, textAt + textBytes));
    let position = 0;
    const take = () => text.slice(position, (position += u32[cell++]));
    const results = [];
    while (cell < cellsEnd) {
      if (u32[cell++] === 1) {
        const hasBody = u32[cell++] === 1;
        const headers = new Array(u32[cell++]);
        const method = take();
        const url = take();
        const body = hasBody ? take() : null;
        for (let h = 0; h < headers.length; h++) {
          const name = take();
          headers[h] = [name, take()];
        }
        results.push({ request: { method, url, headers, body } });
      } else {
        const wholeBatch = u32[cell - 1] === 2;
        const start = jsonAt + u32[cell++];
        const result = JSON.parse(decoder.decode(heap.subarray(start, start + u32[cell++])));
        if (wholeBatch) throw new HooksmithError(result.error);
        results.push(result);
      }
    }
    if (results.length !== expected) throw new Error(`hooksmith: the core returned ${results.length} results for ${expected} contexts`);
    return results;
  }
}

// The render path's traffic with the Wasm heap (wasm/results.hpp): contexts go in with
// TextEncoder.encodeInto straight into the handle's input buffer, and the results come back as
// request strings decoded in windows and sliced by their UTF-16 lengths — no JSON.parse, no copies.
// Errors (and a request whose strings are not valid UTF-8) come back as JSON text.
import { HooksmithError } from './errors.mjs';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

// An input buffer larger than this is given back once a smaller input fits (as the core does).
const KEPT_INPUT_BYTES = 1 << 20;

// A request string equal to the latest one at its place in this call (ResultRecords::kSame).
const SAME = 0xffffffff;

const FIRST = [0];  // render()'s slot

export class RenderIO {
  #core;
  #handle;
  #input = 0;
  #capacity = 0;
  #heap = null;  // HEAPU8 when #view was made (a memory growth replaces it)
  #view = null;
  #strings = [];  // the latest string read at each place of a request (kSame: results.hpp)
  #one = [];  // render()'s result, handed out and cleared

  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
  }

  /** {request} | {error} for one context's JSON text. */
  render(text, id, timestamp) {
    const view = this.#reserve(text.length * 3);  // UTF-8 never needs more than 3 bytes per UTF-16 unit
    const length = encoder.encodeInto(text, view).written;
    const one = this.#one;
    this.#read(this.#handle.render(length, id, timestamp), one, FIRST);
    return one.pop();
  }

  /** Renders JSON texts without a raw newline into results[slots[k]]; throws a HooksmithError
   * when the batch as a whole is refused (a bad timestamp). */
  renderBatch(texts, id, timestamp, results, slots) {
    let needed = texts.length;
    for (let k = 0; k < texts.length; k++) needed += texts[k].length * 3;
    const view = this.#reserve(needed);
    // Not joined first: V8 makes a string that large slowly (docs/performance-history.md, "Branch `io`").
    let length = 0;
    for (let k = 0; k < texts.length; k++) {
      if (k > 0) view[length++] = 10;
      length += encoder.encodeInto(texts[k], length === 0 ? view : view.subarray(length)).written;
    }
    this.#read(this.#handle.renderBatch(length, id, timestamp), results, slots);
  }

  // The input buffer's view, at least `bytes` long; kept while the buffer and heap stay put.
  #reserve(bytes) {
    if (bytes > this.#capacity || (this.#capacity > KEPT_INPUT_BYTES && bytes <= KEPT_INPUT_BYTES)) {
      this.#input = this.#handle.inputBuffer(bytes);
      this.#capacity = bytes;
      this.#heap = null;
    }
    const heap = this.#core.HEAPU8;
    if (heap !== this.#heap) {
      this.#heap = heap;
      this.#view = heap.subarray(this.#input, this.#input + this.#capacity);
    }
    return this.#view;
  }

  #read(slotAddress, results, slots) {
    const u32 = this.#core.HEAPU32;
    const heap = this.#core.HEAPU8;
    const slot = slotAddress >>> 2;
    let textAt = u32[slot];
    let cell = u32[slot + 2] >>> 2;
    const cellsEnd = cell + u32[slot + 3];
    const jsonAt = u32[slot + 4];
    // Decoded a window at a time (results.hpp), sliced by UTF-16 lengths.
    let text = '';
    let position = 0;
    const strings = this.#strings;
    let count = 0;
    while (cell < cellsEnd) {
      const kind = u32[cell++];
      if (kind === 1) {
        const hasBody = u32[cell++] === 1;
        const headerCount = u32[cell++];
        const window = u32[cell++];
        if (window !== 0) {
          const bytes = window - 1;
          text = bytes === 0 ? '' : decoder.decode(heap.subarray(textAt, textAt + bytes));
          textAt += bytes;
          position = 0;
        }
        // Places as in results.hpp: 0 method, 1 url, 2 body, then each header's name and value.
        const end = 3 + 2 * headerCount;
        for (let place = 0; place < end; place++) {
          if (place === 2 && !hasBody) continue;
          const units = u32[cell++];
          if (units !== SAME) strings[place] = text.slice(position, (position += units));
        }
        // A literal for one header: V8 pretenures it, as the objects below (docs/performance-history.md, session 5).
        const headers = headerCount === 1 ? [[strings[3], strings[4]]] : new Array(headerCount);
        for (let h = 0; headerCount !== 1 && h < headerCount; h++) headers[h] = [strings[3 + 2 * h], strings[4 + 2 * h]];
        results[slots[count++]] = { request: { method: strings[0], url: strings[1], headers, body: hasBody ? strings[2] : null } };
      } else {
        const start = jsonAt + u32[cell++];
        const result = JSON.parse(decoder.decode(heap.subarray(start, start + u32[cell++])));
        if (kind === 2) throw new HooksmithError(result.error);
        results[slots[count++]] = result;
      }
    }
    if (count !== slots.length) throw new Error(`hooksmith: the core returned ${count} results for ${slots.length} contexts`);
  }
}

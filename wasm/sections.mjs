// The framing of a .wasm binary (sections and LEB128 numbers), for the build's scripts that read
// one: wasm/optimize.mjs (is there a name section?) and wasm/layout.mjs (the function bodies).

// The unsigned LEB128 number at `at` → [value, the offset after it].
export function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}

// Each section of the module in order: { id, start, end }, the offsets of its contents.
export function* sections(bytes) {
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    yield { id, start, end: start + size };
    at = start + size;
  }
}

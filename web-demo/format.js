// Pure text helpers for the preview: no DOM, no Wasm.

/** Re-indents JSON text without re-parsing its values, so number literals (1.0, 1e400, big
 * integers) and string escapes stay exactly as sent. Returns null for text that is not JSON. */
export function prettyJson(text, indent = '  ') {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i];
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') { inString = true; out += char; continue; }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue;
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      let next = i + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      if (text[next] === close) { out += char + close; i = next; continue; }
      depth++;
      out += char + '\n' + indent.repeat(depth);
    } else if (char === '}' || char === ']') {
      depth--;
      out += '\n' + indent.repeat(depth) + char;
    } else if (char === ',') {
      out += ',\n' + indent.repeat(depth);
    } else if (char === ':') {
      out += ': ';
    } else {
      out += char;
    }
  }
  return out;
}

/** application/x-www-form-urlencoded text → [[name, value]] (decoded), as URLSearchParams reads it. */
export function formPairs(text) {
  return [...new URLSearchParams(text)];
}

export function utf8Length(text) {
  return new TextEncoder().encode(text).length;
}

/** Classic hex dump: offset, 16 bytes in hex, printable ASCII. */
export function hexDump(text, maxBytes = 4096) {
  const bytes = new TextEncoder().encode(text);
  const lines = [];
  for (let offset = 0; offset < Math.min(bytes.length, maxBytes); offset += 16) {
    const chunk = bytes.subarray(offset, offset + 16);
    const hex = [...chunk].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...chunk].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > maxBytes) lines.push(`… ${bytes.length - maxBytes} more bytes`);
  return lines.join('\n');
}

/** "Basic <base64>" → {user, password} (UTF-8, split at the first ':'), or null. */
export function decodeBasic(headerValue) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerValue);
  if (!match) return null;
  let binary;
  try {
    binary = atob(match[1]);
  } catch {
    return null;
  }
  const text = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  const colon = text.indexOf(':');
  return colon < 0 ? { user: text, password: '' } : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Parses a variable path as the library writes it (`userId`, `parameter.item`,
 * `userAttribute['First name']`, `items[0]`) into its segments; null if it cannot. */
export function parseVariablePath(path) {
  const segments = [];
  const pattern = /(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+))\s*\]/gy;
  let match;
  while (pattern.lastIndex < path.length && (match = pattern.exec(path))) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(match[2].replace(/\\(.)/g, '$1'));
    else if (match[3] !== undefined) segments.push(match[3].replace(/\\(.)/g, '$1'));
    else segments.push(Number(match[4]));
  }
  return pattern.lastIndex === path.length && segments.length ? segments : null;
}

/** Whether `context` has a non-null value at `path`; undefined when the path cannot be read. */
export function contextHas(context, path) {
  const segments = parseVariablePath(path);
  if (!segments) return undefined;
  let value = context;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return false;
    if (typeof segment === 'number') value = Array.isArray(value) ? value.at(segment) : value[String(segment)];
    else value = Object.hasOwn(value, segment) ? value[segment] : undefined;
  }
  return value !== undefined && value !== null;
}

/** The template line an error points at, with a caret under its column (columns count code points). */
export function excerptAt(template, line, column) {
  const lines = template.split('\n');
  const text = lines[line - 1];
  if (text === undefined) return null;
  const prefix = Array.from(text).slice(0, Math.max(0, column - 1)).map((char) => (char === '\t' ? '\t' : ' ')).join('');
  return `${text}\n${prefix}^`;
}

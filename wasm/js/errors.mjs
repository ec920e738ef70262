const FULL_CORE_HINT = ': call `await hooksmith.loadFullCore()`, then compile again';

/** Every failure the library reports. `kind` is one of input, syntax, render, missing, config,
 * limit, transport, unavailable (what the page's lite core leaves out: load the full core);
 * `field`, `line`, `column` and `variable` are present only when they apply; `detail` is the
 * message without field and position. */
export class HooksmithError extends Error {
  constructor({ kind, message, field, line, column, variable, cors }) {
    const where = line ? ` (at ${line}:${column})` : '';
    super(`${field ? field + ': ' : ''}${message}${kind === 'unavailable' ? FULL_CORE_HINT : ''}${where}`);
    this.name = 'HooksmithError';
    this.kind = kind;
    this.detail = message;
    if (field !== undefined) this.field = field;
    if (line !== undefined) { this.line = line; this.column = column; }
    if (variable !== undefined) this.variable = variable;
    if (cors !== undefined) this.cors = cors;
  }
}

/** Returns the result of a core call, or throws its error as a HooksmithError. */
export function unwrap(result) {
  if (result.error) throw new HooksmithError(result.error);
  return result;
}

// JS objects cannot tell 1.0 from 1: JSON text is passed through untouched to keep floats that
// look like integers.
export function contextText(context) {
  if (typeof context === 'string') return context;
  if (context === undefined || context === null) return '{}';
  if (typeof context !== 'object' || Array.isArray(context)) {
    throw new HooksmithError({ kind: 'input', message: 'a context must be an object or its JSON text' });
  }
  return JSON.stringify(context);
}

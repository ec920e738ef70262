// The public JS API over the Embind core, shared by the browser and Node entry points.

/** Every failure the library reports: `kind` is one of input, syntax, render, missing, config,
 * limit, transport; `field`, `line`, `column` and `variable` are present only when they apply. */
export class HooksmithError extends Error {
  constructor({ kind, message, field, line, column, variable }) {
    const where = line ? ` (at ${line}:${column})` : '';
    super(`${field ? field + ': ' : ''}${message}${where}`);
    this.name = 'HooksmithError';
    this.kind = kind;
    this.field = field;
    this.line = line;
    this.column = column;
    this.variable = variable;
    this.detail = message;
  }
}

const MISSING_POLICIES = new Set(['suppress', 'jinja']);

// JS objects cannot tell 1.0 from 1: pass JSON text to keep floats that look like integers.
function contextText(context) {
  if (typeof context === 'string') return context;
  if (context === undefined || context === null) return '{}';
  return JSON.stringify(context);
}

function unwrap(result) {
  if (result.error) throw new HooksmithError(result.error);
  return result;
}

export class Hooksmith {
  #core;

  constructor(core) {
    this.#core = core;
  }

  /** Renders one template against a context (object or JSON text). */
  renderTemplate(template, context = {}, { missing = 'suppress' } = {}) {
    if (!MISSING_POLICIES.has(missing)) {
      throw new HooksmithError({ kind: 'config', message: `missing must be "suppress" or "jinja", not ${JSON.stringify(missing)}` });
    }
    return unwrap(this.#core.renderTemplate(String(template), contextText(context), missing)).output;
  }

  /** The context variable paths a template reads, in first-use order. */
  templateVariables(template) {
    return unwrap(this.#core.templateVariables(String(template))).variables;
  }
}

export async function instantiate(factory, moduleArgs = {}) {
  return new Hooksmith(await factory(moduleArgs));
}

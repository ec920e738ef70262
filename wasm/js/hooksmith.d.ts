// Type declarations for the hooksmith JS API (hand-written: Emscripten 3.1.6 has no --emit-tsd).

export type ErrorKind = 'input' | 'syntax' | 'render' | 'missing' | 'config' | 'limit' | 'transport';

export class HooksmithError extends Error {
  readonly kind: ErrorKind;
  /** The message without field or position. */
  readonly detail: string;
  readonly field?: string;
  readonly line?: number;
  readonly column?: number;
  /** For `missing`: the variable path that was missing, e.g. `userAttribute['First name']`. */
  readonly variable?: string;
}

export type MissingPolicy = 'suppress' | 'jinja';

/** A context object, or its JSON text (keeps `1.0` distinct from `1`, which JS objects cannot). */
export type ContextInput = Record<string, unknown> | string;

export interface Hooksmith {
  renderTemplate(template: string, context?: ContextInput, options?: { missing?: MissingPolicy }): string;
  templateVariables(template: string): string[];
}

export default function createHooksmith(moduleArgs?: Record<string, unknown>): Promise<Hooksmith>;

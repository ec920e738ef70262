// A small assertion set that runs unchanged in Node and in the browser, so one suite serves both.
export class AssertionError extends Error {}

function show(value) {
  try { return JSON.stringify(value); } catch { return String(value); }
}

export function equal(actual, expected, message = '') {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function deepEqual(actual, expected, message = '') {
  if (show(actual) !== show(expected)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function ok(value, message = 'expected a truthy value') {
  if (!value) throw new AssertionError(message);
}

/** Calls fn, requires it to throw, and returns the error for further checks. */
export function throws(fn, message = 'expected an exception') {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new AssertionError(message);
}

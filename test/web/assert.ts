// A small stand-in for `node:assert/strict` in the web extension host, which runs in a web worker
// without Node's built-ins. test/web/build.js aliases `node:assert/strict` (and `node:assert`) to
// this module, so the extension-host test files run unchanged. Only the strict forms exist here:
// `equal` is `strictEqual` (Object.is), `deepEqual` is `deepStrictEqual`.

export class AssertionError extends Error {
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  readonly code = 'ERR_ASSERTION';

  constructor(options: { message: string; actual?: unknown; expected?: unknown; operator: string }) {
    super(options.message);
    this.name = 'AssertionError';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
  }
}

type Message = string | Error | undefined;

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') {
    return `${value}n`;
  }
  if (typeof value === 'function') {
    return `[Function ${value.name || 'anonymous'}]`;
  }
  if (value instanceof RegExp || value instanceof Error) {
    return String(value);
  }
  if (value instanceof Map) {
    return `Map(${describe([...value.entries()])})`;
  }
  if (value instanceof Set) {
    return `Set(${describe([...value.values()])})`;
  }
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => (inner === undefined ? '<undefined>' : inner));
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

function raise(message: Message, fallback: string, operator: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) {
    throw message;
  }
  throw new AssertionError({ message: message ?? fallback, actual, expected, operator });
}

function isDeepStrictEqual(actual: unknown, expected: unknown, seen: Map<object, object>): boolean {
  if (Object.is(actual, expected)) {
    return true;
  }
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return false;
  }
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) {
    return false;
  }
  if (seen.get(actual) === expected) {
    return true; // A cycle already being compared.
  }
  seen.set(actual, expected);
  if (actual instanceof Date && expected instanceof Date) {
    return Object.is(actual.getTime(), expected.getTime());
  }
  if (actual instanceof RegExp && expected instanceof RegExp) {
    return actual.source === expected.source && actual.flags === expected.flags && actual.lastIndex === expected.lastIndex;
  }
  if (actual instanceof Error && expected instanceof Error) {
    if (actual.message !== expected.message || actual.name !== expected.name) {
      return false;
    }
  }
  if (actual instanceof Map && expected instanceof Map) {
    if (actual.size !== expected.size) {
      return false;
    }
    for (const [key, value] of actual) {
      if (!expected.has(key) || !isDeepStrictEqual(value, expected.get(key), seen)) {
        return false;
      }
    }
  } else if (actual instanceof Set && expected instanceof Set) {
    if (actual.size !== expected.size) {
      return false;
    }
    for (const value of actual) {
      if (!expected.has(value)) {
        return false; // Object members would need a pairing search; the tests don't put objects in sets.
      }
    }
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) {
    return false;
  }
  const actualKeys = Reflect.ownKeys(actual).filter((key) => Object.prototype.propertyIsEnumerable.call(actual, key));
  const expectedKeys = Reflect.ownKeys(expected).filter((key) => Object.prototype.propertyIsEnumerable.call(expected, key));
  if (actualKeys.length !== expectedKeys.length) {
    return false;
  }
  const actualRecord = actual as Record<string | symbol, unknown>;
  const expectedRecord = expected as Record<string | symbol, unknown>;
  for (const key of actualKeys) {
    if (!Object.prototype.propertyIsEnumerable.call(expected, key) || !isDeepStrictEqual(actualRecord[key], expectedRecord[key], seen)) {
      return false;
    }
  }
  return true;
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) {
    raise(message, `The expression evaluated to a falsy value: ${describe(value)}`, '==', value, true);
  }
}

export function fail(message?: Message): never {
  raise(message, 'Failed', 'fail');
}

export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) {
    raise(message, `Expected values to be strictly equal:\n  actual:   ${describe(actual)}\n  expected: ${describe(expected)}`, 'strictEqual', actual, expected);
  }
}

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) {
    raise(message, `Expected "actual" to be strictly unequal to: ${describe(expected)}`, 'notStrictEqual', actual, expected);
  }
}

export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected, new Map())) {
    raise(message, `Expected values to be strictly deep-equal:\n  actual:   ${describe(actual)}\n  expected: ${describe(expected)}`, 'deepStrictEqual', actual, expected);
  }
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (isDeepStrictEqual(actual, expected, new Map())) {
    raise(message, `Expected "actual" not to be strictly deep-equal to: ${describe(expected)}`, 'notDeepStrictEqual', actual, expected);
  }
}

export function match(actual: string, expected: RegExp, message?: Message): void {
  if (typeof actual !== 'string' || !expected.test(actual)) {
    raise(message, `The input did not match the regular expression ${String(expected)}. Input:\n  ${describe(actual)}`, 'match', actual, expected);
  }
}

export function doesNotMatch(actual: string, expected: RegExp, message?: Message): void {
  if (typeof actual !== 'string' || expected.test(actual)) {
    raise(message, `The input was expected to not match the regular expression ${String(expected)}. Input:\n  ${describe(actual)}`, 'doesNotMatch', actual, expected);
  }
}

type ErrorCheck = RegExp | ((error: unknown) => boolean) | { message?: string | RegExp; name?: string };

function checkError(error: unknown, expected: ErrorCheck | undefined, message: Message, operator: string): void {
  if (expected === undefined) {
    return;
  }
  const text = error instanceof Error ? error.message : String(error);
  let matches: boolean;
  if (expected instanceof RegExp) {
    matches = expected.test(text) || (error instanceof Error && expected.test(String(error)));
  } else if (typeof expected === 'function') {
    matches = expected(error) === true;
  } else {
    const name = error instanceof Error ? error.name : undefined;
    const messageOk = expected.message === undefined || (typeof expected.message === 'string' ? text === expected.message : expected.message.test(text));
    matches = messageOk && (expected.name === undefined || name === expected.name);
  }
  if (!matches) {
    raise(message, `The error did not match the expectation: ${describe(text)}`, operator, error, expected);
  }
}

export function throws(block: () => unknown, expected?: ErrorCheck, message?: Message): void {
  try {
    block();
  } catch (error) {
    checkError(error, expected, message, 'throws');
    return;
  }
  raise(message, 'Missing expected exception.', 'throws');
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: ErrorCheck, message?: Message): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    checkError(error, expected, message, 'rejects');
    return;
  }
  raise(message, 'Missing expected rejection.', 'rejects');
}

export {
  equal as strictEqual,
  notEqual as notStrictEqual,
  deepEqual as deepStrictEqual,
  notDeepEqual as notDeepStrictEqual,
};

/** The default export: `assert(value)` with the functions as properties, as Node has it. */
function assert(value: unknown, message?: Message): asserts value {
  ok(value, message);
}
const api = {
  AssertionError,
  ok,
  fail,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  strictEqual: equal,
  notStrictEqual: notEqual,
  deepStrictEqual: deepEqual,
  notDeepStrictEqual: notDeepEqual,
  match,
  doesNotMatch,
  throws,
  rejects,
};
export const strict = Object.assign(assert, api);
export default strict;

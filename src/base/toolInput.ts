/**
 * Input of a language model tool read without trusting it (pure, shared by the rooms' tools): a
 * model may send any JSON, or none. What went wrong is a value; the adapters put it into words.
 */

/** Why a tool could not do what it was asked; the adapter puts it into words (l10n). */
export type AgentToolError =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'unknown-property'; readonly property: string; readonly allowed: readonly string[] }
  | { readonly kind: 'wrong-type'; readonly property: string; readonly expected: string }
  | { readonly kind: 'missing-property'; readonly property: string }
  | { readonly kind: 'unknown-section'; readonly value: string; readonly known: readonly string[] }
  | { readonly kind: 'unknown-language'; readonly value: string; readonly known: readonly string[] }
  | { readonly kind: 'empty-path' }
  | { readonly kind: 'no-workspace' }
  | { readonly kind: 'outside-workspace'; readonly path: string }
  | { readonly kind: 'missing-file'; readonly path: string }
  | { readonly kind: 'not-a-plan'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

export type InputCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AgentToolError };

const MAX_SHOWN_INPUT = 200;

/** A value from the input as the error names it: a string cut short, anything else as JSON. */
export function shownValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN_INPUT ? `${text.slice(0, MAX_SHOWN_INPUT)}…` : text;
}

/**
 * The input as an object with only `allowed` properties. Models sometimes send no input at all
 * for a tool without required properties: `undefined` and `null` read as `{}`.
 */
export function readInputObject(input: unknown, allowed: readonly string[]): InputCheck<Readonly<Record<string, unknown>>> {
  if (input === undefined || input === null) {
    return { ok: true, value: {} };
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: { kind: 'not-an-object' } };
  }
  const record = input as Record<string, unknown>;
  const unknown = Object.keys(record).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    return { ok: false, error: { kind: 'unknown-property', property: shownValue(unknown), allowed } };
  }
  return { ok: true, value: record };
}

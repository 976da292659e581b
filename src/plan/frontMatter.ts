/**
 * Front matter of a template file: a `---` line, `key: value` lines, a `---` line, then the body.
 * Pure (no 'vscode', no Node built-ins). Read by hand in one pass per line, with no regex that could
 * backtrack over a long value: a team template is written by anyone with commit rights.
 */

export type FrontMatterErrorCode = 'no-front-matter' | 'unclosed-front-matter' | 'bad-front-matter-line';

export type FrontMatterResult =
  | { readonly ok: true; readonly fields: ReadonlyMap<string, string>; readonly body: string }
  | { readonly ok: false; readonly error: { readonly code: FrontMatterErrorCode; readonly line: number } };

/** A key: an ASCII letter, then letters, digits, `_` or `-`. */
const KEY = /^[A-Za-z][\w-]*/;

/**
 * Splits front matter from the body. Values may be quoted (`"…"` or `'…'`); keys are lower-cased;
 * blank lines and `#` comments are skipped. Lines end at `\n`, `\r\n` or `\r` only.
 */
export function splitFrontMatter(fileText: string): FrontMatterResult {
  const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') {
    return { ok: false, error: { code: 'no-front-matter', line: 1 } };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close < 0) {
    return { ok: false, error: { code: 'unclosed-front-matter', line: 1 } };
  }
  const fields = new Map<string, string>();
  for (let index = 1; index < close; index++) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      continue;
    }
    const field = readField(line);
    if (!field) {
      return { ok: false, error: { code: 'bad-front-matter-line', line: index + 1 } };
    }
    fields.set(field.key.toLowerCase(), unquote(field.value));
  }
  return { ok: true, fields, body: lines.slice(close + 1).join('\n') };
}

/** `key`, spaces or tabs, `:`, the rest of the line (trimmed) as the value. */
function readField(line: string): { key: string; value: string } | undefined {
  const key = KEY.exec(line)?.[0];
  if (key === undefined) {
    return undefined;
  }
  let pos = key.length;
  while (line[pos] === ' ' || line[pos] === '\t') {
    pos++;
  }
  return line[pos] === ':' ? { key, value: line.slice(pos + 1).trim() } : undefined;
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]);
  return quoted ? value.slice(1, -1) : value;
}

/**
 * Text in snippet syntax (pure): the scanner's tokens (digit runs and names, as after a `$`), and
 * `$`, `}` and `\`, which are special; a `\` before one of them makes it literal, any other `\` is
 * itself. Each rewrite is one pass over the text that copies its runs (base/codeUnits.ts: a long
 * text into one typed array, no piece per escape), and returns the text itself when there is
 * nothing to change.
 */
import { rewriteOf } from '../base/codeUnits';

export const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
export const isNameStart = (char: string | undefined): boolean =>
  char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_');

/** End of the scanner token at `from`: a digit run, or a name (letters, digits, `_`). */
export function scanHead(s: string, from: number): number {
  let end = from + 1;
  if (isDigit(s[from])) {
    while (isDigit(s[end])) {
      end++;
    }
  } else {
    while (isNameStart(s[end]) || isDigit(s[end])) {
      end++;
    }
  }
  return end;
}

const BACKSLASH = 0x5c;
const DOLLAR = 0x24;
const CLOSE_BRACE = 0x7d;
const isSpecial = (unit: number): boolean => unit === BACKSLASH || unit === DOLLAR || unit === CLOSE_BRACE;

/** Whether the code unit at `at` is special (false past the end): what a `\` before it escapes. */
export function isSpecialAt(text: string, at: number): boolean {
  return at < text.length && isSpecial(text.charCodeAt(at));
}

const HAS_SPECIAL = /[\\$}]/;

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippetText(text: string): string {
  return escapeSpecials(text, false);
}

/** The text a text node shows: `\$`, `\}` and `\\` stand for the character; any other `\` is itself. */
export function textValue(raw: string): string {
  if (!raw.includes('\\')) {
    return raw;
  }
  const out = rewriteOf(raw, raw.length);
  let from = 0;
  for (let at = 0; at < raw.length; at++) {
    if (raw.charCodeAt(at) === BACKSLASH && isSpecialAt(raw, at + 1)) {
      out.copy(from, at);
      at++;
      from = at;
    }
  }
  out.copy(from, raw.length);
  return out.toString();
}

/**
 * A text node's raw text with every special character escaped (`escapeSnippetText(textValue(raw))`
 * in one pass): what the node shows, and nothing VS Code could read as a construct.
 */
export function canonicalSnippetText(raw: string): string {
  return escapeSpecials(raw, true);
}

/**
 * Puts a `\` before every special character; with `keepEscapes`, a `\` that already escapes the
 * next one is kept as that escape rather than escaped itself.
 */
function escapeSpecials(text: string, keepEscapes: boolean): string {
  if (!HAS_SPECIAL.test(text)) {
    return text;
  }
  // At most one `\` added per code unit.
  const out = rewriteOf(text, text.length * 2);
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (keepEscapes && unit === BACKSLASH && isSpecialAt(text, at + 1)) {
      at++; // Kept as it is: copied with the run it is in.
    } else if (isSpecial(unit)) {
      out.copy(from, at);
      out.push(BACKSLASH);
      from = at;
    }
  }
  out.copy(from, text.length);
  return out.toString();
}

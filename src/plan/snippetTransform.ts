/**
 * The transform part of VS Code snippet syntax, `${n/regex/format/options}`, read as VS Code's own
 * parser reads it (pure; see ./snippetParser). The parts that scan ahead (the format loop, the
 * values of `${n:+…}`, `${n:?…:…}`) remember where each position ends, so a text that opens a
 * transform at every few characters is still read in linear time.
 */
import { isDigit, isNameStart, isSpecialAt, scanHead } from './snippetText';

/** formatStep's ends: a `/` closes the format; the text ends with none. */
const FORMAT_CLOSED = -1;
const FORMAT_UNCLOSED = -2;

/** Reads transforms in one text; its tables (as long as the text) are made on first use. */
export class TransformReader {
  private untilTables: Map<string, Int32Array> | undefined;
  private formatEnds: Int32Array | undefined;

  constructor(private readonly source: string) {}

  /** `regex/format/options}` from `from` (after the first `/`); the position of the closing `}`, or -1. */
  end(from: number): number {
    const s = this.source;
    let regex = '';
    let pos = from;
    for (;;) {
      const char = s[pos];
      if (char === undefined) {
        return -1;
      }
      if (char === '/') {
        break;
      }
      if (char === '\\' && s[pos + 1] === '/') {
        regex += '/';
        pos += 2;
      } else {
        regex += char;
        pos += 1;
      }
    }
    const formatEnd = this.formatEnd(pos + 1);
    if (formatEnd < 0) {
      return -1;
    }
    // Options run to the next `}`; more than eight characters can never be valid RegExp flags.
    const close = s.slice(formatEnd + 1, formatEnd + 10).indexOf('}');
    if (close < 0) {
      return -1;
    }
    try {
      new RegExp(regex, s.slice(formatEnd + 1, formatEnd + 1 + close));
    } catch {
      return -1;
    }
    return formatEnd + 1 + close;
  }

  /**
   * The format part of a transform, from `from` to its closing `/` (returned), or -1. The loop
   * depends on nothing but the position, so every position it passes is remembered with the result.
   */
  private formatEnd(from: number): number {
    const s = this.source;
    this.formatEnds ??= new Int32Array(s.length + 2);
    const memo = this.formatEnds;
    let pos = from;
    let result: number;
    for (;;) {
      const known = memo[pos] ?? 0;
      if (known !== 0) {
        result = known > 0 ? known - 1 : -1;
        break;
      }
      const next = this.formatStep(pos);
      if (next < 0) {
        result = next === FORMAT_CLOSED ? pos : -1;
        break;
      }
      pos = next;
    }
    // The same walk again, remembering the result at every position it passes (no list of them).
    const remembered = result >= 0 ? result + 1 : -1;
    for (let at = from; at < pos; at = this.formatStep(at)) {
      memo[at] = remembered;
    }
    memo[pos] = remembered;
    return result;
  }

  /** One step of the format loop from `pos`: the next position, FORMAT_CLOSED at a `/`, FORMAT_UNCLOSED at the end. */
  private formatStep(pos: number): number {
    const s = this.source;
    const char = s[pos];
    if (char === undefined) {
      return FORMAT_UNCLOSED;
    }
    if (char === '/') {
      return FORMAT_CLOSED;
    }
    if (char === '\\') {
      return pos + (s[pos + 1] === '\\' || s[pos + 1] === '/' ? 2 : 1);
    }
    if (char === '$') {
      return this.formatStringEnd(pos) ?? pos + 1;
    }
    return pos + 1;
  }

  /** A format item `$1`, `${1}`, `${1:/upcase}`, `${1:+if}`, `${1:-else}`, `${1:?if:else}`, `${1:else}` at `at`; its end. */
  private formatStringEnd(at: number): number | undefined {
    const s = this.source;
    const complex = s[at + 1] === '{';
    const digitsStart = complex ? at + 2 : at + 1;
    if (!isDigit(s[digitsStart])) {
      return undefined;
    }
    const digitsEnd = scanHead(s, digitsStart);
    if (!complex) {
      return digitsEnd;
    }
    if (s[digitsEnd] === '}') {
      return digitsEnd + 1;
    }
    if (s[digitsEnd] !== ':') {
      return undefined;
    }
    const kind = s[digitsEnd + 1];
    if (kind === '/') {
      const nameEnd = isNameStart(s[digitsEnd + 2]) ? scanHead(s, digitsEnd + 2) : -1;
      return nameEnd > 0 && s[nameEnd] === '}' ? nameEnd + 1 : undefined;
    }
    if (kind === '?') {
      const colon = this.until(':', digitsEnd + 2);
      const close = colon > digitsEnd + 2 ? this.until('}', colon + 1) : -1;
      return close > colon + 1 ? close + 1 : undefined;
    }
    const valueStart = kind === '+' || kind === '-' ? digitsEnd + 2 : digitsEnd + 1;
    const close = this.until('}', valueStart);
    return close > valueStart ? close + 1 : undefined;
  }

  /**
   * Where the first unescaped `target` at or after `from` is, or -1 (the end comes first, or a `\`
   * escapes anything but `$`, `}` or `\`). One right-to-left pass per target, made on first use.
   */
  private until(target: ':' | '}', from: number): number {
    this.untilTables ??= new Map();
    let table = this.untilTables.get(target);
    if (!table) {
      const s = this.source;
      table = new Int32Array(s.length + 2).fill(-1);
      for (let pos = s.length - 1; pos >= 0; pos--) {
        const char = s[pos];
        if (char === target) {
          table[pos] = pos;
        } else if (char === '\\') {
          table[pos] = isSpecialAt(s, pos + 1) ? (table[pos + 2] ?? -1) : -1;
        } else {
          table[pos] = table[pos + 1] ?? -1;
        }
      }
      this.untilTables.set(target, table);
    }
    return table[from] ?? -1;
  }
}

/**
 * Lines of a text as markdown-it and VS Code count them (CRLF, CR and LF each end a line), found by
 * walking forward from the last line asked for. Reading a few lines of a large text costs one pass
 * and allocates nothing per line, where `split` would build an array of every line first.
 */
export class LineStarts {
  /** The last line found and where it starts. */
  private line = 0;
  private offset = 0;
  /** Whether `line` is known to be the text's last (no line break after it). */
  private lineIsLast = false;

  constructor(private readonly text: string) {}

  /** Where 0-based `line` starts; the text's length for a line past the last. */
  offsetOf(line: number): number {
    if (line < this.line) {
      this.line = 0;
      this.offset = 0;
      this.lineIsLast = false;
    }
    if (line > this.line && this.lineIsLast) {
      return this.text.length;
    }
    const text = this.text;
    let current = this.line;
    let lineStart = this.offset;
    let offset = lineStart;
    while (current < line) {
      if (offset >= text.length) {
        this.lineIsLast = true;
        break;
      }
      const code = text.charCodeAt(offset++);
      if (code === 10 || code === 13) {
        if (code === 13 && text.charCodeAt(offset) === 10) {
          offset++;
        }
        current++;
        lineStart = offset;
      }
    }
    this.line = current;
    this.offset = lineStart;
    return current === line ? lineStart : text.length;
  }

  /** How many lines the text has: one more than its line breaks (an empty text has one). */
  lineCount(): number {
    this.offsetOf(Number.MAX_SAFE_INTEGER);
    return this.line + 1;
  }

  /** The text of 0-based `line` without its line break; empty past the last line. */
  lineText(line: number): string {
    return this.linesBetween(line, line + 1);
  }

  /** Lines `from` up to (not including) `to`, joined by `\n` whatever their own line breaks. */
  linesBetween(from: number, to: number): string {
    const start = this.offsetOf(from);
    let end = Math.max(start, this.offsetOf(to));
    // Line `to` exists: the break that ends line `to - 1` is not part of the lines.
    if (this.line === to && end > start) {
      end -= this.text.charCodeAt(end - 1) === 10 && this.text.charCodeAt(end - 2) === 13 && end - 1 > start ? 2 : 1;
    }
    const slice = this.text.slice(start, end);
    return slice.includes('\r') ? slice.replace(/\r\n?/g, '\n') : slice;
  }
}

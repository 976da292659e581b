/**
 * Rewrites of a text that copy runs of it and add or drop single code units (pure). A long text
 * goes into one typed array, turned into a string a chunk at a time: a rewrite of a 1 MB text that
 * escapes every few characters, made with `String.replace` or with pieces joined, leaves a small
 * string per piece alive until the end; in V8 that outgrows the young generation and the time
 * stops growing in proportion to the text. A short text is concatenated from slices instead, where
 * a typed array and its conversion cost several times the whole rewrite.
 * Code units are copied as they are: a lone surrogate stays one.
 */
const CHUNK = 8192;
/** Up to this many code units a rewrite is concatenated from slices. */
const SHORT_TEXT = 256;

export interface TextRewrite {
  /** Appends `source[from, to)`. */
  copy(from: number, to: number): void;
  /** Appends one code unit. */
  push(unit: number): void;
  toString(): string;
}

/** A rewrite of `source` whose result holds at most `capacity` code units. */
export function rewriteOf(source: string, capacity: number): TextRewrite {
  return capacity <= SHORT_TEXT ? new SliceRewrite(source) : new CodeUnitWriter(source, capacity);
}

class SliceRewrite implements TextRewrite {
  private text = '';

  constructor(private readonly source: string) {}

  copy(from: number, to: number): void {
    this.text += this.source.slice(from, to);
  }

  push(unit: number): void {
    this.text += String.fromCharCode(unit);
  }

  toString(): string {
    return this.text;
  }
}

class CodeUnitWriter implements TextRewrite {
  private readonly units: Uint16Array;
  private length = 0;

  /** `capacity`: the most code units that will be written. */
  constructor(
    private readonly source: string,
    capacity: number,
  ) {
    this.units = new Uint16Array(capacity);
  }

  copy(from: number, to: number): void {
    for (let at = from; at < to; at++) {
      this.units[this.length++] = this.source.charCodeAt(at);
    }
  }

  push(unit: number): void {
    this.units[this.length++] = unit;
  }

  toString(): string {
    const chunks: string[] = [];
    for (let start = 0; start < this.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, this.length);
      chunks.push(String.fromCharCode.apply(null, this.units.subarray(start, end) as unknown as number[]));
    }
    return chunks.join('');
  }
}

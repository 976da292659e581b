/**
 * Builds a long string from UTF-16 code units in one typed array, then turns it into text a chunk
 * at a time (pure). A rewrite of a 1 MB text that escapes every few characters, made with
 * `String.replace` or with pieces joined, leaves a small string per piece alive until the end; in
 * V8 that outgrows the young generation and the time stops growing in proportion to the text.
 * Code units are copied as they are: a lone surrogate stays one.
 */
const CHUNK = 8192;

export class CodeUnitWriter {
  private readonly units: Uint16Array;
  private length = 0;

  /** `capacity`: the most code units that will be written. */
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
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

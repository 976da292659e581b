import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineStarts } from '../../src/base/lines';
import { checkProperty, textOf } from './fuzz';

/** The oracle: every line, split as markdown-it and VS Code count them. */
const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

describe('LineStarts', () => {
  it('reads lines ended by LF, CRLF and CR, and nothing past the last', () => {
    const lines = new LineStarts('a\r\nb\rc\n\nd');
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => lines.lineText(line)), ['a', 'b', 'c', '', 'd', '']);
    assert.equal(lines.offsetOf(1), 3);
    assert.equal(lines.offsetOf(0), 0);
    assert.equal(lines.offsetOf(9), 9);
    assert.equal(lines.lineCount(), 5);
    assert.equal(new LineStarts('').lineCount(), 1);
  });

  it('keeps the empty line after a final break, and joins any breaks with \\n', () => {
    assert.equal(new LineStarts('x\n').linesBetween(0, 2), 'x\n');
    assert.equal(new LineStarts('x\n').linesBetween(0, 1), 'x');
    assert.equal(new LineStarts('a\r\nb\r\nc').linesBetween(0, 2), 'a\nb');
    assert.equal(new LineStarts('a\r\nb\r\nc').linesBetween(1, 9), 'b\nc');
    assert.equal(new LineStarts('a\nb').linesBetween(1, 1), '');
  });

  it('agrees with split on any text and any lines, asked in any order', () => {
    const text = textOf(['\r', '\n', '\r\n', 'a', ' ', '\u2028'], 60);
    const line = fc.integer({ min: 0, max: 30 });
    checkProperty(
      'LineStarts ≡ split',
      fc.property(text, fc.array(fc.tuple(line, line), { maxLength: 8 }), (source, ranges) => {
        const lines = new LineStarts(source);
        assert.equal(lines.lineCount(), linesOf(source).length);
        for (const [from, to] of ranges) {
          assert.equal(lines.linesBetween(from, to), linesOf(source).slice(from, to).join('\n'));
          assert.equal(lines.lineText(from), linesOf(source)[from] ?? '');
        }
      }),
    );
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { createMarkdownIt, readLessonBlocks, readMarkdownBlocks, type Token } from '../../src/base/markdown';
import { checkProperty, textOf } from './fuzz';

/** The fields of a block token a reader of ours looks at. */
const blockShape = (tokens: readonly Token[]): unknown[] => tokens.map((token) => [token.type, token.tag, token.map, token.content, token.markup, token.info]);

describe('markdown readers', () => {
  const lineEndsAndNul = textOf(['\r', '\n', '\r\n', '\0', '# h', '```', '~~~', '    ', '<!-- c -->', '- ', 'a', ' '], 30);

  it('read CR, CRLF and NUL exactly as markdown-it does (its normalize is skipped only when there is nothing to rewrite)', () => {
    const stock = new MarkdownIt({ html: false, linkify: false, typographer: false });
    const stockWithHtml = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
    checkProperty(
      'lean normalize ≡ markdown-it normalize',
      fc.property(lineEndsAndNul, (text) => {
        assert.equal(createMarkdownIt().render(text), stock.render(text));
        assert.deepEqual(blockShape(readLessonBlocks(text)), blockShape(stock.parse(text, {})));
        assert.deepEqual(blockShape(readMarkdownBlocks(text)), blockShape(stockWithHtml.parse(text, {})));
      }),
    );
  });

  it('turns NUL into U+FFFD and CR line ends into LF in what it reads', () => {
    const [, inline] = readLessonBlocks('# a\0b\r\r\nc');
    assert.equal(inline?.content, 'a\uFFFDb');
    assert.equal(createMarkdownIt().render('x\ry\0'), '<p>x\ny\uFFFD</p>\n');
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { canonicalSnippetText, escapeSnippetText, textValue } from '../../src/plan/snippetText';
import { checkProperty, textOf } from './fuzz';

/** The definitions, as one regex replace each. */
const escapedByDefinition = (text: string): string => text.replace(/[\\$}]/g, '\\$&');
const valueByDefinition = (raw: string): string => raw.replace(/\\([\\$}])/g, '$1');

const snippetish = textOf(['\\', '$', '}', '{', 'a', '1', ':', '\uD800', '\uDC00', '中', '\\\\', '\\$'], 40);

describe('snippet text in one pass', () => {
  it('escapes, reads and makes canonical as the regex definitions do, on generated text', () => {
    checkProperty(
      'snippet text vs regex definitions',
      fc.property(snippetish, (text) => {
        assert.equal(escapeSnippetText(text), escapedByDefinition(text));
        assert.equal(textValue(text), valueByDefinition(text));
        assert.equal(canonicalSnippetText(text), escapedByDefinition(valueByDefinition(text)));
        assert.equal(textValue(escapeSnippetText(text)), text, 'escaping round-trips');
      }),
      3000,
    );
  });

  it('rewrites short texts (concatenated slices) and long ones (one typed array) alike, on either side of the switch', () => {
    checkProperty(
      'snippet text around the short/long switch',
      fc.property(snippetish, fc.integer({ min: 0, max: 320 }), snippetish, (head, padding, tail) => {
        const text = head + 'x'.repeat(padding) + tail;
        assert.equal(escapeSnippetText(text), escapedByDefinition(text));
        assert.equal(textValue(text), valueByDefinition(text));
        assert.equal(canonicalSnippetText(text), escapedByDefinition(valueByDefinition(text)));
      }),
      2000,
    );
  });

  it('keeps lone surrogates and every code unit across the writer’s 8,192-unit chunks', () => {
    const unit = 'a$\uD800}\\b\uDC00中\\$';
    const text = unit.repeat(Math.ceil(20000 / unit.length));
    assert.equal(escapeSnippetText(text), escapedByDefinition(text));
    assert.equal(textValue(text), valueByDefinition(text));
    assert.equal(canonicalSnippetText(text), escapedByDefinition(valueByDefinition(text)));
  });

  it('returns text without special characters as it is', () => {
    const plain = 'no specials here {at all 中文 \u2028';
    assert.equal(escapeSnippetText(plain), plain);
    assert.equal(textValue(plain), plain);
    assert.equal(canonicalSnippetText(plain), plain);
  });
});

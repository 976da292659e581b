import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { fillMessage } from '../../src/plan/ruleMessages';
import { checkProperty, textOf } from './fuzz';

describe('filling a message', () => {
  /** The definition: every `{name}` replaced by its value; a name without a value stays as written. */
  const filledByDefinition = (template: string, values: Readonly<Record<string, string | number>>): string =>
    template.replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

  it('fills placeholders as one replace over the message would, on generated messages and values', () => {
    const template = textOf(['{a}', '{b}', '{title}', '{', '}', '{A}', '{a', 'a}', ' ', '{}', '$&', '$1'], 12);
    const values = fc.dictionary(fc.constantFrom('a', 'b', 'title', 'toString', 'A'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxKeys: 4 });
    checkProperty(
      'fillMessage vs replace',
      fc.property(template, values, (text, filled) => {
        assert.equal(fillMessage(text, filled), filledByDefinition(text, filled));
        assert.equal(fillMessage(text, filled), filledByDefinition(text, filled), 'the same the second time (split once, kept)');
      }),
      2000,
    );
  });
});

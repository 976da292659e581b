import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { splitFrontMatter } from '../../src/plan/frontMatter';
import { checkProperty, textOf } from './fuzz';

describe('issue 16: front matter', () => {
  it('reads a long value with a line separator in it as one value', () => {
    const parsed = splitFrontMatter('---\nname:' + ' '.repeat(2000) + '\u2028x\n---\nbody');
    assert.ok(parsed.ok);
    assert.equal(parsed.fields.get('name'), 'x');
    assert.equal(parsed.body, 'body');
  });

  it('reads keys, quoted values, comments and the body as before', () => {
    const parsed = splitFrontMatter('\uFEFF---\r\nName : "Kick-off"\r\n# note\r\n\r\ndescription: \'one line\'\r\n---\r\n# Body\r\n');
    assert.ok(parsed.ok);
    assert.deepEqual([...parsed.fields], [['name', 'Kick-off'], ['description', 'one line']]);
    assert.equal(parsed.body, '# Body\n');
    assert.deepEqual(splitFrontMatter('---\n: x\n---\n'), { ok: false, error: { code: 'bad-front-matter-line', line: 2 } });
    assert.deepEqual(splitFrontMatter('---\nname: x\n'), { ok: false, error: { code: 'unclosed-front-matter', line: 1 } });
    assert.deepEqual(splitFrontMatter('name: x\n'), { ok: false, error: { code: 'no-front-matter', line: 1 } });
  });

  it('never throws, and gives back every field it was given', () => {
    const key = fc.stringMatching(/^[A-Za-z][\w-]{0,8}$/);
    const value = textOf(['a', ' ', '\t', '"', "'", ':', '#', '\u2028', '\u2029', '\u0085', '值', '---'], 12).filter((text) => text.trim() === text && !/^["']/.test(text) && !/[\r\n]/.test(text));
    checkProperty(
      'front matter round trip',
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([name]) => name.toLowerCase(), maxLength: 6 }), fc.string(), (fields, body) => {
        const text = '---\n' + fields.map(([name, content]) => `${name}: ${content}`).join('\n') + '\n---\n' + body;
        const parsed = splitFrontMatter(text);
        assert.ok(parsed.ok, text);
        assert.deepEqual([...parsed.fields], fields.map(([name, content]) => [name.toLowerCase(), content]));
      }),
      1000,
    );
    checkProperty(
      'front matter never throws',
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        splitFrontMatter('---\n' + text);
      }),
      1000,
    );
  });
});

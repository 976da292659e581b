import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { headingSlug, unicodeSlug, utf8ByteLength } from '../../src/content/slug';
import { isSectionIdShape } from '../../src/lesson/messages';
import { slugify as headingId } from '../../src/lesson/render';
import { MAX_FILE_NAME_BYTES, isPortableFileName, planFileName, planFolderSegments, slugify, withCollisionSuffix } from '../../src/plan/slug';
import { checkProperty, textOf } from './fuzz';

const bytes = (text: string): number => new TextEncoder().encode(text).length;
const day = new Date(2026, 2, 5, 12, 0);

const TITLE_PIECES = [
  'a', 'Z', ' ', '-', '_', '.', '..', 'é', 'e\u0301', '\u0301', '\u0308', 'Ж', 'ж', '协', '𠀀', '⺀', '部首', 'ｑ', '４', '\u3164', '\u200b',
  '\u2028', '\t', '<', '>', ':', '"', '/', '\\', '|', '?', '*', '\u0000', '\u001f', 'CON', 'nul', 'com1', '😀', '\ud800', 'İ',
];
const title = fc.oneof(textOf(TITLE_PIECES, 80), fc.string({ unit: 'binary', maxLength: 80 }));

describe('issue 16: plan file names valid on Windows, macOS and Linux', () => {
  it('keeps a name of 60 CJK Extension-B characters within 255 bytes, with a collision suffix too (defect 8)', () => {
    const name = planFileName(day, '𠀀'.repeat(60));
    assert.ok(bytes(name) <= MAX_FILE_NAME_BYTES);
    const suffixed = withCollisionSuffix(name, (candidate) => candidate === name);
    assert.ok(suffixed.endsWith('-2.md'));
    assert.ok(bytes(suffixed) <= MAX_FILE_NAME_BYTES, `${bytes(suffixed)} bytes`);
    assert.ok(bytes(name.replace('.md', '-9999.md')) <= MAX_FILE_NAME_BYTES);
  });

  it('never makes a blank-looking name from a title of combining marks or invisible letters (defect 8)', () => {
    assert.equal(planFileName(day, '\u0301\u0308\u0301'), '2026-03-05-plan.md');
    assert.equal(planFileName(day, '\u3164\u115f\u200b'), '2026-03-05-plan.md');
    assert.equal(slugify('e\u0301te\u0301'), 'été');
  });

  it('refuses folder segments that climb out on Windows or are not portable names (defect 8)', () => {
    const fallback = ['docs', 'collaboration'];
    assert.deepEqual(planFolderSegments('.. \\'), { segments: fallback, problem: 'outside-workspace' });
    assert.deepEqual(planFolderSegments('plans/.../x'), { segments: fallback, problem: 'outside-workspace' });
    for (const setting of ['? : *', 'a/b?', 'plans/con', 'plans/NUL.md', 'x/com1', 'trailing./x', 'a/b /c', 'a/\u3164', 'a/\u0301']) {
      assert.deepEqual(planFolderSegments(setting), { segments: fallback, problem: 'invalid-name' }, setting);
    }
    assert.deepEqual(planFolderSegments('计划/2026 Q1/Équipe'), { segments: ['计划', '2026 Q1', 'Équipe'] });
  });

  it('keeps accented and Cyrillic letters, in file names and heading ids alike (issue 11)', () => {
    assert.equal(slugify('Équipe Продажи: план'), 'équipe-продажи-план');
    assert.equal(headingId('Équipe Продажи: план'), 'équipe-продажи-план');
    assert.equal(headingSlug('Équipe Продажи: план'), 'équipe-продажи-план');
  });

  it('makes only portable file names, within 255 bytes even with any suffix', () => {
    checkProperty(
      'portable file names',
      fc.property(title, fc.integer({ min: 2, max: 9999 }), (text, suffix) => {
        const name = planFileName(day, text);
        assert.ok(isPortableFileName(name), JSON.stringify([text, name]));
        const suffixed = name.replace(/\.md$/, `-${suffix}.md`);
        assert.ok(isPortableFileName(suffixed) && bytes(suffixed) <= MAX_FILE_NAME_BYTES, JSON.stringify(text));
        assert.match(slugify(text), /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}_-]*[\p{L}\p{M}\p{N}])?$/u);
      }),
      2000,
    );
  });

  it('reads a title a chunk at a time to the same slug as when it normalizes the whole (issue 16: a long title costs its first letters)', () => {
    // Pieces that NFKC changes, composes, decomposes or reorders, around the chunks' boundaries
    // (before ASCII and CJK ideographs): marks after a boundary letter, Hangul jamo, compatibility forms.
    const pieces = [
      'a', 'e', 'Z', ' ', '-', '_', '<', '\u0338', '\u0301', '\u0308', '\u0323', '\u0344', '\u1100', '\u1161', '\u11a8', '가', '협',
      '协', '部', '⺀', 'ﬁ', '①', 'Ⅻ', '㈱', 'ｑ', '４', 'İ', 'ẞ', 'Ω', '𠀀', '😀', '\u200b', '\u3164', '\ud800', '\u2028', '\t',
    ];
    const limits = [
      { maxCharacters: 60, maxBytes: 240, keepMarks: true, fallback: 'plan' },
      { maxCharacters: 64, keepMarks: false, fallback: 'section' },
    ];
    checkProperty(
      'slug in chunks ≡ slug of the whole',
      fc.property(textOf(pieces, 200), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...limits), (text, size, limit) => {
        const whole = unicodeSlug(text, limit, Number.POSITIVE_INFINITY);
        assert.equal(unicodeSlug(text, limit, size), whole, JSON.stringify([text, size]));
        assert.equal(unicodeSlug(text, limit, 256), whole, JSON.stringify(text));
      }),
      2000,
    );
    // Far past the limits: the same slug as the first letters give.
    assert.equal(slugify(`${'Équipe 协 😀 '.repeat(100_000)}`), slugify('Équipe 协 😀 '.repeat(20)));
  });

  it('gives ASCII text the slug the general rule gives it (its fast path is the same rule)', () => {
    // A trailing ideographic space is a separator: it adds nothing, and sends the text down the general path.
    // Long enough to cross the limits (60 and 64 characters): `size: 'max'` keeps lengths spread up to the maximum.
    const pieces = fc.constantFrom('a', 'Z', '9', ' ', '-', '_', '.', ':', '\t', '\u0000', 'CON', 'Same Heading');
    const asciiCharacter = fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code));
    const ascii = fc.oneof(
      fc.array(pieces, { maxLength: 120, size: 'max' }).map((parts) => parts.join('')),
      fc.string({ unit: asciiCharacter, maxLength: 200, size: 'max' }),
    );
    checkProperty(
      'ASCII slug fast path ≡ general rule',
      fc.property(ascii, (text) => {
        assert.equal(slugify(text), slugify(text + '\u3000'));
        assert.equal(headingSlug(text), headingSlug(text + '\u3000'));
      }),
      2000,
    );
    assert.equal(slugify('x'.repeat(300) + ' tail'), 'x'.repeat(60));
  });

  it('accepts a plan folder only when every segment is portable', () => {
    checkProperty(
      'folder segments portable',
      fc.property(fc.oneof(textOf([...TITLE_PIECES, '/', '\\', '.', ' '], 40), fc.string({ unit: 'binary' })), (setting) => {
        const { segments } = planFolderSegments(setting);
        for (const segment of segments) {
          assert.ok(isPortableFileName(segment), JSON.stringify([setting, segment]));
          assert.notEqual(segment.replace(/[. ]+$/, ''), '..');
        }
      }),
      2000,
    );
  });

  it('counts UTF-8 bytes as TextEncoder writes them, lone surrogates included', () => {
    checkProperty(
      'utf8 byte length',
      fc.property(fc.oneof(title, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        assert.equal(utf8ByteLength(text), bytes(text), JSON.stringify(text));
      }),
      2000,
    );
  });

  it('takes a name up to 255 bytes, with pairs but no lone surrogate, showing something visible', () => {
    assert.ok(isPortableFileName('é'.repeat(127) + 'a'));
    assert.ok(!isPortableFileName('é'.repeat(128)));
    assert.ok(isPortableFileName('a😀') && isPortableFileName('𠀀'));
    for (const name of ['a\ud800', '\udc00b', 'a\udc00\ud800', '\u200b\u200b', '\u3164\u115f']) {
      assert.ok(!isPortableFileName(name), JSON.stringify(name));
    }
    assert.ok(isPortableFileName('a\u200b'));
  });

  it('makes heading ids the page check accepts from any title', () => {
    checkProperty(
      'heading ids valid',
      fc.property(title, (text) => {
        assert.ok(isSectionIdShape(headingId(text)), JSON.stringify(text));
        assert.ok(isSectionIdShape('note-12-' + headingId(text) + '-9999'), JSON.stringify(text));
      }),
      2000,
    );
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lessonTitle, parseLessonSections, splitHeadingId } from '../../src/content/lesson';
import { LESSON_SECTION_IDS } from '../../src/content/sections';
import * as fc from 'fast-check';
import { checkProperty, textOf } from './fuzz';

function readLesson(language: string): string {
  return fs.readFileSync(path.join(process.cwd(), 'content', 'lesson', `${language}.md`), 'utf8');
}

/** The items of the first bullet or numbered list in `body`. */
function listItems(body: string): string[] {
  return body
    .split('\n')
    .map((line) => /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line)?.[1])
    .filter((item): item is string => item !== undefined);
}

function sectionBody(markdown: string, id: string): string {
  const section = parseLessonSections(markdown).find((candidate) => candidate.id === id);
  assert.ok(section, `section ${id} exists`);
  return section.body;
}

describe('lesson parsing', () => {
  it('takes sections from headings with a {#id} and keeps other headings in the body', () => {
    const markdown = [
      '# Title',
      '',
      'Intro.',
      '## One {#one}',
      'First.',
      '### Plain heading',
      'Still one.',
      '#### Two {#two} ##',
      '',
      'Second.',
      '',
    ].join('\n');
    assert.deepEqual(parseLessonSections(markdown), [
      { id: 'one', title: 'One', level: 2, body: 'First.\n### Plain heading\nStill one.', line: 3 },
      { id: 'two', title: 'Two', level: 4, body: 'Second.', line: 7 },
    ]);
  });

  it('ignores headings inside fenced code blocks', () => {
    const markdown = [
      '## A {#a}',
      '````md',
      '```',
      '## Not a heading {#fake}',
      '~~~',
      '````',
      '~~~',
      '# Title in a fence',
      '## A {#b}',
      '~~~',
      '## B {#b}',
      'Done.',
    ].join('\n');
    const sections = parseLessonSections(markdown);
    assert.deepEqual(
      sections.map((section) => [section.id, section.line]),
      [
        ['a', 0],
        ['b', 10],
      ],
    );
    assert.equal(lessonTitle(markdown), undefined);
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const markdown = '\uFEFF# 标题\r\n\r\n## 概述 {#overview}\r\nText.\r\n';
    assert.equal(lessonTitle(markdown), '标题');
    assert.deepEqual(parseLessonSections(markdown), [
      { id: 'overview', title: '概述', level: 2, body: 'Text.', line: 2 },
    ]);
  });

  it('splits a heading id attribute off the title', () => {
    assert.deepEqual(splitHeadingId('概述 {#overview}'), { title: '概述', id: 'overview' });
    assert.deepEqual(splitHeadingId('Principle 1 {#principle-1}  '), { title: 'Principle 1', id: 'principle-1' });
    assert.deepEqual(splitHeadingId('Braces {#Not_An_Id}'), { title: 'Braces {#Not_An_Id}', id: undefined });
    assert.deepEqual(splitHeadingId('No id'), { title: 'No id', id: undefined });
  });

  it('returns nothing for text without headings', () => {
    assert.deepEqual(parseLessonSections(''), []);
    assert.equal(lessonTitle('just text'), undefined);
  });
});

describe('lesson content', () => {
  for (const language of ['zh-cn', 'en']) {
    describe(language, () => {
      const markdown = readLesson(language);

      it('has exactly the lesson section ids, in order', () => {
        assert.deepEqual(
          parseLessonSections(markdown).map((section) => section.id),
          [...LESSON_SECTION_IDS],
        );
      });

      it('has no empty section and no empty title', () => {
        for (const section of parseLessonSections(markdown)) {
          assert.notEqual(section.body, '', `section ${section.id} has a body`);
          assert.notEqual(section.title, '', `section ${section.id} has a title`);
        }
      });

      it('has a title', () => {
        assert.ok(lessonTitle(markdown));
      });

      it('lists the four self-check questions', () => {
        assert.equal(listItems(sectionBody(markdown, 'self-check')).length, 4);
      });

      it('lists the three principles in the summary', () => {
        assert.equal(listItems(sectionBody(markdown, 'summary')).length, 3);
      });
    });
  }

  it('gives both languages the same heading levels and lines', () => {
    const shape = (language: string): [number, number][] =>
      parseLessonSections(readLesson(language)).map((section) => [section.level, section.line]);
    assert.deepEqual(shape('en'), shape('zh-cn'));
  });

  it('keeps the Chinese title and the four questions word for word', () => {
    const markdown = readLesson('zh-cn');
    assert.equal(lessonTitle(markdown), '如何高效推进跨部门协同');
    assert.deepEqual(listItems(sectionBody(markdown, 'self-check')), [
      '你的诉求是什么？',
      '对方的诉求是什么？',
      '你们共同的诉求是什么？',
      '达成后有什么好处？',
    ]);
  });

  it('keeps the three Chinese examples', () => {
    const markdown = readLesson('zh-cn');
    assert.match(sectionBody(markdown, 'example-finance'), /财务部/);
    assert.match(sectionBody(markdown, 'example-finance'), /预算/);
    assert.match(sectionBody(markdown, 'example-hobby'), /爱好/);
    assert.match(sectionBody(markdown, 'example-hobby'), /比赛/);
    assert.match(sectionBody(markdown, 'example-workload'), /工作量|加班/);
    assert.match(sectionBody(markdown, 'example-workload'), /一碗水端平/);
  });

  it('translates the four questions into English', () => {
    const questions = listItems(sectionBody(readLesson('en'), 'self-check'));
    assert.match(questions[0] ?? '', /your need/i);
    assert.match(questions[1] ?? '', /other side/i);
    assert.match(questions[2] ?? '', /share/i);
    assert.match(questions[3] ?? '', /gain/i);
  });

  it('keeps the English examples', () => {
    const markdown = readLesson('en');
    assert.match(sectionBody(markdown, 'example-finance'), /finance department/i);
    assert.match(sectionBody(markdown, 'example-hobby'), /hobby/i);
    assert.match(sectionBody(markdown, 'example-workload'), /overtime/i);
  });

  it('has as much bold text in English as in Chinese', () => {
    const boldCount = (language: string): number => (readLesson(language).match(/\*\*[^*]+\*\*/g) ?? []).length;
    assert.equal(boldCount('en'), boldCount('zh-cn'));
  });
});

describe('lesson sections read from markdown-it block tokens (issue 16)', () => {
  it('sees headings exactly as the page does: fences with info-string closers, setext, indented code, CRLF, BOM', () => {
    const markdown = [
      '\uFEFF# Title',
      '```js',
      '## not a heading {#inside}',
      '``` not a closer',
      '## still code {#still}',
      '```',
      'Setext {#setext}',
      '---',
      'body of setext',
      '\t## indented code {#indented}',
      '## Real {#real}',
      'last',
    ].join('\r\n');
    const sections = parseLessonSections(markdown);
    assert.deepEqual(sections.map((section) => [section.id, section.title, section.level, section.line]), [
      ['setext', 'Setext', 2, 6],
      ['real', 'Real', 2, 10],
    ]);
    assert.equal(sections[0]?.body, 'body of setext\n\t## indented code {#indented}');
    assert.equal(sections[1]?.body, 'last');
    assert.equal(lessonTitle(markdown), 'Title');
  });

  it('reads a {#id} after a long run of spaces, and refuses ids the page would refuse', () => {
    assert.deepEqual(splitHeadingId('a' + ' '.repeat(100_000) + 'x {#id}'), { title: 'a' + ' '.repeat(100_000) + 'x', id: 'id' });
    assert.deepEqual(splitHeadingId('a' + ' '.repeat(100_000) + 'x'), { title: 'a' + ' '.repeat(100_000) + 'x', id: undefined });
    assert.deepEqual(splitHeadingId('T {#-x}'), { title: 'T {#-x}', id: undefined });
    assert.deepEqual(splitHeadingId('T {#' + 'a'.repeat(65) + '}').id, undefined);
    assert.deepEqual(splitHeadingId('T {#' + 'a'.repeat(64) + '}').id, 'a'.repeat(64));
  });

  it('never throws, and every section starts on a heading line, in order', () => {
    const pieces = ['# ', '## ', '\n', '\r\n', '\r', ' ', '\t', '```', '~~~', '{#a}', '{#b-2}', 'x', '---', '===', '> ', '- ', '\u2028', '\uFEFF'];
    checkProperty(
      'lesson sections',
      fc.property(textOf(pieces, 60), (markdown) => {
        const sections = parseLessonSections(markdown);
        const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        let previous = -1;
        for (const section of sections) {
          assert.ok(section.line > previous && section.line < lines.length, JSON.stringify(markdown));
          assert.match(section.id, /^[a-z0-9][a-z0-9-]*$/);
          previous = section.line;
        }
        lessonTitle(markdown);
      }),
      1000,
    );
  });
});

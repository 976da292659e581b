import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
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
    assert.match(sectionBody(markdown, 'example-workload'), /订宵夜/);
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

  /**
   * What each heading promises, in both languages: the words the section must hold, and the words
   * of the rest of its principle that must not be swallowed by it.
   */
  const PROMISES: Record<string, Record<string, { holds: RegExp[]; not: RegExp[] }>> = {
    'zh-cn': {
      'principle-1': { holds: [/钩子/, /本职工作/, /利益交换/], not: [] },
      'self-check': { holds: [/沟通无效/], not: [/财务部/] },
      'example-finance': { holds: [/财务部/, /先让对方能够自保/], not: [] },
      'principle-2': { holds: [/咖啡/, /良性循环/, /烂好人/, /情商/], not: [/爱好/] },
      'example-hobby': { holds: [/爱好/, /比赛/], not: [/烂好人/, /情商/] },
      'principle-3': { holds: [/一碗水端平/, /服务价值/, /阶段性地平衡好关系/, /信任感/, /协同能力/], not: [/订宵夜/] },
      'example-workload': { holds: [/加班一周/, /订宵夜/], not: [/一碗水端平/, /服务价值/, /信任/, /协同能力/] },
    },
    en: {
      'principle-1': { holds: [/hook/, /this is your job/, /exchange of interests/], not: [] },
      'self-check': { holds: [/communication isn't working/], not: [/finance/i] },
      'example-finance': { holds: [/finance department/, /make sure the other side can cover themselves/], not: [] },
      'principle-2': { holds: [/coffees/, /virtuous circle/, /people-pleaser/, /emotional intelligence/], not: [/hobby/] },
      'example-hobby': { holds: [/hobby/, /competition/], not: [/people-pleaser/, /emotional intelligence/] },
      'principle-3': { holds: [/as even as possible/, /practical help/, /stage by stage/, /lose trust/, /ability to collaborate/], not: [/late-night food/] },
      'example-workload': { holds: [/overtime for a whole week/, /late-night food/], not: [/as even as possible/, /practical help/, /trust/, /ability to collaborate/] },
    },
  };

  for (const language of ['zh-cn', 'en']) {
    it(`${language}: each section holds what its heading promises, and an example holds only its example`, () => {
      const markdown = readLesson(language).replace(/\*\*/g, '');
      for (const [id, promise] of Object.entries(PROMISES[language] ?? {})) {
        const body = sectionBody(markdown, id);
        for (const expected of promise.holds) {
          assert.match(body, expected, `${language} ${id} holds ${expected}`);
        }
        for (const unexpected of promise.not) {
          assert.doesNotMatch(body, unexpected, `${language} ${id} does not swallow ${unexpected}`);
        }
      }
    });

    it(`${language}: principle 3's own section is more than its first sentence`, () => {
      const paragraphs = sectionBody(readLesson(language), 'principle-3').split(/\n\s*\n/);
      assert.ok(paragraphs.length >= 5, `principle-3 has ${paragraphs.length} paragraphs before its example`);
    });

    it(`${language}: the self-check opens on its own, not with a dangling "therefore"`, () => {
      const body = sectionBody(readLesson(language), 'self-check');
      assert.doesNotMatch(body, /^(因此|所以|So\b|Therefore\b|Thus\b)/);
    });

    it(`${language}: heading levels start at 1 and never skip a level`, () => {
      const levels = new MarkdownIt()
        .parse(readLesson(language), {})
        .filter((token) => token.type === 'heading_open')
        .map((token) => Number(token.tag.slice(1)));
      assert.equal(levels[0], 1);
      assert.equal(levels.filter((level) => level === 1).length, 1, 'one title');
      levels.forEach((level, index) => {
        const previous = levels[index - 1] ?? 0;
        assert.ok(level <= previous + 1, `heading ${index + 1} jumps from h${previous} to h${level}`);
      });
    });
  }
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

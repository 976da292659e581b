import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/promise';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { draftMessage, escapeMarkdown, MESSAGE_PART_IDS, messagePartHeadings } from '../../src/plan/messageDraft';
import { parsePlan } from '../../src/plan/planModel';
import { snippetToPlainText } from '../../src/plan/snippet';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { BUILT_IN_TEMPLATE_IDS, type BuiltInTemplateId, builtInTemplateFileName, parsePlanTemplate } from '../../src/plan/templates';

const root = process.cwd();
const templates = CONTENT_LANGUAGES.flatMap((language) =>
  BUILT_IN_TEMPLATE_IDS.map((id) => parsePlanTemplate(id, language, fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName(id, language)), 'utf8'))),
);
const knowledge = templateKnowledge(templates);
const TODAY = '2026-03-01';
const TEMPLATE_DAY = new Date(2026, 0, 5);

function fixture(language: ContentLanguage): string {
  return fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', `complete.${language}.md`), 'utf8');
}

function template(id: BuiltInTemplateId, language: ContentLanguage): string {
  const found = templates.find((each) => each.id === id && each.language === language);
  assert.ok(found, `${id}.${language}`);
  return snippetToPlainText(found.body, TEMPLATE_DAY);
}

function draft(text: string, today: string | undefined = TODAY): ReturnType<typeof draftMessage> {
  return draftMessage(parsePlan(text, knowledge), today === undefined ? {} : { today });
}

/** The answer written after `- **label**:` (or `：`) in a plan, the first time the label appears after `from`. */
function answerOf(text: string, label: string, from = ''): string {
  const start = from === '' ? 0 : text.indexOf(from);
  const line = text.slice(start).split('\n').find((each) => each.startsWith(`- **${label}**`));
  assert.ok(line, `field ${label}`);
  return line.slice(`- **${label}**`.length + 1).trim();
}

/** The plan with one field's answer replaced (the first field with that label after `from`). */
function setField(text: string, label: string, value: string, from = ''): string {
  const start = from === '' ? 0 : text.indexOf(from);
  const lines = text.split('\n');
  let offset = 0;
  const index = lines.findIndex((line) => {
    const found = offset >= start && line.startsWith(`- **${label}**`);
    offset += line.length + 1;
    return found;
  });
  assert.ok(index >= 0, `field ${label}`);
  const line = lines[index] ?? '';
  const colon = `- **${label}**`.length;
  lines[index] = `${line.slice(0, colon + 1)} ${value}`;
  return lines.join('\n');
}

/** markdownlint's default rules, line length (MD013) aside: one line per problem. */
async function lintProblems(text: string): Promise<string[]> {
  const results = await lint({ strings: { message: text }, config: { default: true, MD013: false } });
  return (results['message'] ?? []).map((problem) => `line ${problem.lineNumber}: ${problem.ruleNames.join('/')} ${problem.errorContext ?? ''}`);
}

/** VS Code's preview reads Markdown with HTML allowed: the harshest reader of the message. */
const renderer = new MarkdownIt('default', { html: true });

function headingsOf(markdown: string, level: number): string[] {
  const tokens = renderer.parse(markdown, {});
  return tokens.flatMap((token, index) => (token.type === 'heading_open' && token.tag === `h${level}` ? [tokens[index + 1]?.content ?? ''] : []));
}

/** Labels of the kickoff note's fields, in order. */
function kickoffLabels(language: ContentLanguage): string[] {
  const model = parsePlan(template('kickoff-note', language), knowledge);
  return model.sections.flatMap((section) => section.fields.map((field) => field.label));
}

const LABELS = {
  en: { mySide: '### My side', myNeed: 'My need', myBoss: 'What I show my boss', myCover: 'How my side stays covered', theirNeed: 'Their need', theirBoss: 'What they show their boss', together: 'What we can ask for together', partner: 'Partner department' },
  'zh-cn': { mySide: '### 我方', myNeed: '我的诉求', myBoss: '怎样交差', myCover: '我方怎样自保', theirNeed: '对方的诉求', theirBoss: '怎样交差', together: '可以一起争取的', partner: '协同部门' },
} as const;

describe('the message to the other department', () => {
  for (const language of CONTENT_LANGUAGES) {
    describe(`from the complete plan (${language})`, () => {
      const plan = fixture(language);
      const message = draft(plan);
      const labels = LABELS[language];

      it('has every part, in the plan language, with the counterpart named and nothing missing', () => {
        assert.equal(message.language, language);
        assert.deepEqual(message.parts, MESSAGE_PART_IDS);
        assert.deepEqual(message.leftOut, []);
        assert.deepEqual(message.missing, []);
        assert.equal(message.counterpart, language === 'en' ? 'Finance' : '财务部');
        assert.ok(message.text.includes(message.counterpart ?? '?'));
        assert.deepEqual(headingsOf(message.text, 2), messagePartHeadings(language));
        assert.equal(headingsOf(message.text, 1).length, 1);
      });

      it("carries their need, their cover, our rows, the joint ask and the open check-in's date", () => {
        assert.ok(message.text.includes(answerOf(plan, labels.theirNeed)));
        assert.ok(message.text.includes(answerOf(plan, labels.theirBoss)));
        assert.ok(message.text.includes(answerOf(plan, labels.together)));
        assert.ok(message.text.includes(language === 'en' ? 'Clean the source data and write the proposal (6 person-days)' : '清洗源数据、写方案（6 人天）'));
        assert.ok(message.text.includes('2026-04-06'));
        // The held check-in is behind us: not proposed.
        assert.ok(!message.text.includes('2026-02-02'));
      });

      it("never includes our side's own notes, lesson lines or markers", () => {
        assert.ok(!message.text.includes(answerOf(plan, labels.myNeed)), 'my need');
        assert.ok(!message.text.includes(answerOf(plan, labels.myBoss, labels.mySide)), 'how we report upward');
        assert.ok(!message.text.includes(answerOf(plan, labels.myCover, labels.mySide)), 'how we stay covered');
        assert.doesNotMatch(message.text, /Lesson|课程|Principle|原则|collab:|<!--/);
        assertNoTemplateQuestion(message.text);
      });

      it('passes markdownlint', async () => {
        assert.deepEqual(await lintProblems(message.text), []);
      });

      it("says the kickoff note's things in the kickoff note's order", () => {
        const kickoff = kickoffLabels(language);
        assert.deepEqual(messagePartHeadings(language), kickoff);
        // The note and the message both greet, say what it is about, and end on a proposed talk.
        const lines = message.text.split('\n').filter((line) => line !== '');
        assert.ok(lines[1]?.includes(message.counterpart ?? '?'), 'greeting names them');
        assert.ok(lines[2]?.includes(language === 'en' ? 'a shared budget for the new reporting tool' : '新报表工具的联合预算'), 'what it is about');
        assert.match(lines[lines.length - 1] ?? '', language === 'en' ? /^Could we talk .*\?$/ : /^方便的话，.*一起聊聊？$/);
      });
    });

    describe(`from a half-filled plan (${language})`, () => {
      const labels = LABELS[language];
      const fresh = template('full-plan', language);

      it('leaves out every part of a fresh template and lists its questions, the title first', async () => {
        const message = draft(fresh);
        assert.deepEqual(message.parts, []);
        assert.deepEqual(message.leftOut, MESSAGE_PART_IDS);
        assert.equal(message.counterpart, undefined);
        assert.equal(message.missing[0]?.line, 0);
        const lines = fresh.split('\n');
        assert.ok(message.missing.some((missing) => lines[missing.line]?.includes(labels.partner)), 'the partner line');
        assert.ok(message.missing.some((missing) => lines[missing.line]?.includes(labels.theirNeed) && missing.label === labels.theirNeed));
        assert.ok(message.missing.some((missing) => /YYYY-MM-DD/.test(lines[missing.line] ?? '')), 'an unfilled check-in');
        assert.ok(!message.missing.some((missing) => lines[missing.line]?.includes(`**${labels.myNeed}**`)), "our own need is not the message's");
        assert.deepEqual([...message.missing].sort((a, b) => a.line - b.line), message.missing, 'in plan order');
        assertNoTemplateQuestion(message.text);
        assert.deepEqual(await lintProblems(message.text), []);
      });

      it('with only their need and the partner answered: one part, the rest listed', async () => {
        const answer = language === 'en' ? 'Numbers they can explain upwards.' : '能向上解释清楚的数字。';
        const text = setField(fresh.replace(/^(- (?:Partner department|协同部门)[:：]).*$/m, `$1 ${language === 'en' ? 'Legal' : '法务部'}`), labels.theirNeed, answer);
        const message = draft(text);
        assert.deepEqual(message.parts, ['for-you']);
        assert.ok(message.text.includes(answer));
        assert.ok(message.text.includes(language === 'en' ? 'Hi Legal,' : '法务部的同事们，你们好！'));
        assert.ok(!message.missing.some((missing) => missing.label === labels.theirNeed));
        assert.ok(message.missing.some((missing) => missing.label === labels.theirBoss));
        assertNoTemplateQuestion(message.text);
        assert.deepEqual(await lintProblems(message.text), []);
      });

      it('keeps the answered rows and check-ins, and lists a row whose effort is still a question', () => {
        const plan = fixture(language);
        const question = language === 'en' ? 'How many person-days?' : '多少人天？';
        const text = plan.replace(language === 'en' ? '| 6 person-days |' : '| 6 人天 |', `| ${question} |`);
        const message = draft(text);
        const rowLine = text.split('\n').findIndex((line) => line.includes(question));
        assert.deepEqual(message.missing.map((missing) => missing.line), [rowLine]);
        assert.ok(message.text.includes(language === 'en' ? 'Clean the source data and write the proposal\n' : '清洗源数据、写方案\n'));
        assertNoTemplateQuestion(message.text);
      });

      it('proposes no check-in that is past, and then a talk without a date', () => {
        const message = draft(fixture(language), '2026-05-01');
        assert.deepEqual(message.parts, MESSAGE_PART_IDS.filter((id) => id !== 'checkins'));
        assert.deepEqual(message.leftOut, ['checkins']);
        assert.ok(!message.text.includes('2026-04-06'));
        assert.match(message.text, language === 'en' ? /Could we talk it through this week\?\n$/ : /这周一起聊聊？\n$/);
      });
    });
  }

  describe('on hostile answers', () => {
    const HOSTILE = [
      '**bold** and _em_ <b>tag</b> <script>alert(1)</script>',
      '[link](https://example.com) ![img](x.png) `code` ~~gone~~ $x^2$',
      '# not a heading',
      '- not a list',
      '1. not a list either',
      '> not a quote',
      '| a | b |',
      '&amp; &#65; <!-- collab:needs --> \\*',
      'mail a@b.example or see https://example.com/x_y and www.example.com',
      '<https://example.com> <img src=x onerror=alert(1)>',
    ];

    for (const [index, answer] of HOSTILE.entries()) {
      it(`shows "${answer}" as written, and still passes markdownlint`, async () => {
        const plan = setField(setField(fixture('en'), 'Their need', answer), 'What we can ask for together', answer);
        const message = draft(plan);
        const html = renderer.render(message.text);
        const escaped = renderer.utils.escapeHtml(answer);
        assert.equal(html.split(escaped).length - 1, 2, `${index}: the answer, HTML-escaped, in both places:\n${html}`);
        // Only the message's own markup: its bold labels, headings, lists and paragraphs.
        assert.deepEqual([...new Set(html.match(/<[a-z0-9]+/g))].sort(), ['<h1', '<h2', '<li', '<p', '<strong', '<ul']);
        assert.deepEqual(headingsOf(message.text, 2), messagePartHeadings('en'));
        assert.deepEqual(await lintProblems(message.text), []);
      });
    }

    it('keeps a multi-line answer inside its list item', async () => {
      const plan = fixture('en').replace(/^(- \*\*Their need\*\*:.*)$/m, '$1\n  second line\n  === not a heading\n  2) not a list');
      const message = draft(plan);
      const tokens = renderer.parse(message.text, {});
      assert.equal(tokens.filter((token) => token.type === 'heading_open').length, 1 + MESSAGE_PART_IDS.length);
      assert.ok(renderer.render(message.text).includes('second line\n=== not a heading\n2) not a list'));
      assert.deepEqual(await lintProblems(message.text), []);
    });

    it('a hostile title and counterpart stay text too', async () => {
      const plan = fixture('en')
        .replace('# Collaboration plan: a shared budget for the new reporting tool', '# Collaboration plan: <b>budget</b> *now*!')
        .replace('- Partner department: Finance', '- Partner department: [Finance](https://evil.example)');
      const message = draft(plan);
      const html = renderer.render(message.text);
      assert.ok(html.includes('&lt;b&gt;budget&lt;/b&gt; *now*'));
      assert.ok(html.includes('[Finance](https://evil.example)'));
      assert.ok(!html.includes('<a'));
      assert.deepEqual(await lintProblems(message.text), []);
    });

    it('escapes every kind of line start and inline markup', () => {
      assert.equal(escapeMarkdown('# a'), '\\# a');
      assert.equal(escapeMarkdown('12. a'), '12\\. a');
      assert.equal(escapeMarkdown('+ a'), '\\+ a');
      assert.equal(escapeMarkdown('a_b*c`d[e]f<g>h|i~j$k\\l'), 'a\\_b\\*c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\$k\\\\l');
      assert.equal(escapeMarkdown('R&D &amp;'), 'R&D \\&amp;');
      assert.equal(escapeMarkdown('平常的一句话。'), '平常的一句话。');
    });
  });

  it('its words name only answers the full plan asks, in both languages', () => {
    const words = JSON.parse(fs.readFileSync(path.join(root, 'content', 'message', 'messages.json'), 'utf8')) as {
      parts: { items: { field?: { marker: string; labels: string[] } }[] }[];
    };
    for (const language of CONTENT_LANGUAGES) {
      const model = parsePlan(template('full-plan', language), knowledge);
      for (const part of words.parts) {
        for (const item of part.items) {
          if (item.field) {
            const section = model.sections.find((each) => each.marker === item.field?.marker);
            assert.ok(section?.fields.some((field) => item.field?.labels.includes(field.label)), `${language}: ${item.field.labels.join(' / ')}`);
          }
        }
      }
    }
  });
});

/**
 * No question of any template, in any language, is in the text: none as the whole of a line's
 * answer, and none of the longer ones anywhere (a short one such as 什么时候 may be part of a heading).
 */
function assertNoTemplateQuestion(text: string): void {
  const answers = text.split('\n').map((line) => line.replace(/^\s*-\s+(\*\*[^*]*\*\*[:：]\s*)?/, '').trim());
  for (const question of knowledge.questions) {
    assert.ok(!answers.includes(question), `template question as an answer: ${question}`);
    if (question.length >= 8) {
      assert.ok(!text.includes(question), `template question in the message: ${question}`);
    }
  }
  assert.ok(!text.includes('YYYY-MM-DD'));
}

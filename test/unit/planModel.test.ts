import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { findMarkers, splitSections } from '../../src/plan/templates';
import { parsePlan, type PlanModel } from '../../src/plan/planModel';
import { snippetToPlainText } from '../../src/plan/snippet';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { BUILT_IN_TEMPLATE_IDS, builtInTemplateFileName, parsePlanTemplate } from '../../src/plan/templates';

const root = process.cwd();
const TITLE_ZH = '新报表工具的联合预算';
const templates = CONTENT_LANGUAGES.flatMap((language) =>
  BUILT_IN_TEMPLATE_IDS.map((id) => parsePlanTemplate(id, language, fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName(id, language)), 'utf8'))),
);
const knowledge = templateKnowledge(templates);

/** VS Code's own preview reads Markdown with this configuration: the oracle for what is a block. */
const oracle = new MarkdownIt('default', { html: true });

/** Lines where markdown-it sees a marker comment as a block of its own, at the top level. */
function oracleMarkerLines(text: string): number[] {
  return oracle
    .parse(text, {})
    .filter((token) => token.type === 'html_block' && token.level === 0 && /^<!--[ \t]*collab:[a-z0-9-]+[ \t]*-->$/.test(token.content.trim()))
    .map((token) => token.map?.[0] ?? -1);
}

function oracleHeadings(text: string): { line: number; text: string }[] {
  const tokens = oracle.parse(text, {});
  return tokens.flatMap((token, index) => (token.type === 'heading_open' ? [{ line: token.map?.[0] ?? -1, text: tokens[index + 1]?.content ?? '' }] : []));
}

function modelHeadings(model: PlanModel): { line: number; text: string }[] {
  return model.sections.flatMap((section) => (section.heading ? [{ line: section.heading.line, text: section.heading.text }] : []));
}

function fixture(language: ContentLanguage): string {
  return fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', `complete.${language}.md`), 'utf8');
}

/** CommonMark edge cases around the plan's shapes: [name, document]. */
const EDGE_CASES: readonly (readonly [string, string])[] = [
  ['setext heading', '<!-- collab:needs -->\nCore needs\n==========\n\n- **My need**: x\n'],
  ['setext heading level 2 after text', '<!-- collab:needs -->\n- **My need**:\n\nAnswer\n---\n'],
  ['fence with an info string is not closed by a line with one', '<!-- collab:needs -->\n```js\n<!-- collab:workload -->\n```js\n<!-- collab:shared-interest -->\n```\n<!-- collab:workload -->\n'],
  ['longer closing fence', '<!-- collab:needs -->\n````\n```\n<!-- collab:workload -->\n`````\n<!-- collab:shared-interest -->\n'],
  ['tilde fence', '~~~\n<!-- collab:needs -->\n~~~\n<!-- collab:workload -->\n'],
  ['an inline code span at the start of a line is no fence', '<!-- collab:needs -->\n```npm ci``` installs it\n<!-- collab:workload -->\n'],
  ['indented code', '    <!-- collab:needs -->\n\t<!-- collab:workload -->\n<!-- collab:checkin -->\n'],
  ['tab-indented fence is indented code', '\t```\n<!-- collab:needs -->\n'],
  ['multi-line HTML comment', '<!--\n<!-- collab:needs -->\n-->\n<!-- collab:workload -->\n<!-- note\ncollab:checkin -->\n'],
  ['escaped pipes in a table', '<!-- collab:workload -->\n| Side | Task | Estimated effort |\n| --- | --- | --- |\n| Their side | a \\| b | 5 person-days |\n| My side | c | 1 |\n'],
  ['CRLF line ends', '<!-- collab:needs -->\r\n## Needs\r\n\r\n- **My need**: x\r\n<!-- collab:workload -->\r\n'],
  ['CR line ends', '<!-- collab:needs -->\r## Needs\r\r- **My need**: x\r<!-- collab:workload -->\r'],
  ['byte order mark', '\ufeff<!-- collab:needs -->\n## Needs\n'],
  ['lazy continuation lines', '<!-- collab:needs -->\n- **My need**:\nlazy answer\n- **Their need**: y\n'],
  ['marker in a list item or a quote', '- <!-- collab:needs -->\n\n> <!-- collab:workload -->\n\n<!-- collab:checkin -->\n'],
  ['marker with text after it', '<!-- collab:needs --> x\n<!-- collab:workload -->\n'],
  ['unclosed fence to the end', '<!-- collab:needs -->\n```\n<!-- collab:workload -->\n'],
  ['nested quote', '<!-- collab:needs -->\n> > ## not a section heading\n## Needs\n'],
];

describe('the plan model', () => {
  describe('reads Markdown as markdown-it (and so the VS Code preview) does', () => {
    for (const [name, text] of EDGE_CASES) {
      it(name, () => {
        const model = parsePlan(text, knowledge);
        assert.deepEqual(
          model.sections.map((section) => section.markerLine),
          oracleMarkerLines(text.replace(/^\ufeff/, '')),
          'marker lines',
        );
        const oracleSectionHeadings = oracleHeadings(text.replace(/^\ufeff/, '')).filter((heading) =>
          model.sections.some((section) => section.heading?.line === heading.line),
        );
        assert.deepEqual(modelHeadings(model), oracleSectionHeadings, 'section headings');
        assert.deepEqual(findMarkers(text), model.sections.map((section) => section.marker), 'findMarkers agrees');
      });
    }

    it('takes a setext heading for a heading, never for an answer', () => {
      const model = parsePlan('<!-- collab:needs -->\n- **My need**:\n\nAnswer\n---\n', knowledge);
      const section = model.sections[0];
      assert.equal(section?.heading?.text, 'Answer');
      assert.equal(section?.fields[0]?.answer, undefined);
      assert.equal(section?.answered, 0);
    });

    it('keeps columns with an escaped pipe in a workload cell', () => {
      const model = parsePlan(EDGE_CASES.find(([name]) => name === 'escaped pipes in a table')?.[1] ?? '', knowledge);
      const rows = model.sections[0]?.workload ?? [];
      assert.deepEqual(
        rows.map((row) => [row.side, row.task, row.effort]),
        [
          ['theirs', 'a | b', 5],
          ['mine', 'c', 1],
        ],
      );
    });

    it('reads a lazy continuation line as the answer of the field above it', () => {
      const model = parsePlan('<!-- collab:needs -->\n- **My need**:\nlazy answer\n- **Their need**: y\n', knowledge);
      assert.deepEqual(
        model.sections[0]?.fields.map((field) => [field.label, field.answer]),
        [
          ['My need', 'lazy answer'],
          ['Their need', 'y'],
        ],
      );
    });

    it('numbers lines the same for LF, CRLF and CR', () => {
      const lf = fixture('en');
      const describe = (model: PlanModel): unknown => model.sections.map((section) => [section.marker, section.markerLine, section.line, section.endLine, section.questions]);
      assert.deepEqual(describe(parsePlan(lf.split('\n').join('\r\n'), knowledge)), describe(parsePlan(lf, knowledge)));
      assert.deepEqual(describe(parsePlan(lf.split('\n').join('\r'), knowledge)), describe(parsePlan(lf, knowledge)));
      assert.equal(parsePlan('a\r\nb\rc\n', knowledge).lineCount, 4);
    });

    it('tells that a document ends inside an unclosed fence, and with which fence', () => {
      assert.equal(parsePlan('<!-- collab:needs -->\n````\nx\n').openFenceAtEnd, '````');
      assert.equal(parsePlan('<!-- collab:needs -->\n~~~\nx\n~~~\n').openFenceAtEnd, undefined);
      assert.equal(parsePlan('<!-- collab:needs -->\n```\n').openFenceAtEnd, '```');
    });

    it('reads collab-coach control comments, never in code', () => {
      const model = parsePlan('<!-- collab:needs -->\n<!-- collab-coach-disable-next-line unanswered-questions -->\n- **My need**:\n```\n<!-- collab-coach-disable -->\n```\n');
      assert.deepEqual(
        model.directives.map((directive) => [directive.verb, directive.argument, directive.line]),
        [['disable-next-line', 'unanswered-questions', 1]],
      );
    });
  });

  describe('the values of a plan', () => {
    for (const language of CONTENT_LANGUAGES) {
      it(`reads the complete ${language} fixture: title, partner, start, every answer, the workload and the check-ins`, () => {
        const model = parsePlan(fixture(language), knowledge);
        assert.equal(model.language, language);
        assert.equal(model.title?.text, language === 'en' ? 'a shared budget for the new reporting tool' : TITLE_ZH);
        assert.equal(model.counterpart?.text, language === 'en' ? 'Finance' : '财务部');
        assert.match(model.startDate?.text ?? '', /^\d{4}-\d{2}-\d{2}$/);
        assert.deepEqual(
          model.sections.map((section) => section.marker),
          ['needs', 'shared-interest', 'self-protection', 'workload'],
        );
        for (const section of model.sections) {
          assert.ok(section.total > 0, section.marker);
          assert.equal(section.answered, section.total, section.marker);
          for (const field of section.fields) {
            assert.ok(field.answer && field.question === undefined, `${section.marker}: ${field.label}`);
          }
        }
        const selfProtection = model.sections.find((section) => section.marker === 'self-protection');
        assert.ok(selfProtection?.fields.some((field) => field.side === 'theirs'));
        assert.ok(selfProtection?.fields.some((field) => field.side === 'mine'));
        const workload = model.sections.find((section) => section.marker === 'workload')?.workload ?? [];
        assert.deepEqual(
          workload.map((row) => [row.side, row.effort]),
          [
            ['mine', 6],
            ['theirs', 9],
          ],
        );
        assert.deepEqual(
          model.checkins.map((checkin) => [checkin.date, checkin.done, checkin.note !== undefined]),
          [
            ['2026-02-02', true, true],
            ['2026-04-06', false, true],
          ],
        );
      });

      it(`reads a fresh full plan (${language}): every answer is still the template's question`, () => {
        const fullPlan = templates.find((template) => template.id === 'full-plan' && template.language === language);
        assert.ok(fullPlan);
        const model = parsePlan(snippetToPlainText(fullPlan.body, new Date(2026, 0, 5)), knowledge);
        assert.equal(model.title?.text, undefined, 'the title is still a question');
        assert.equal(model.counterpart?.text, undefined, 'the partner is still a question');
        assert.equal(model.startDate?.text, '2026-01-05');
        for (const section of model.sections) {
          assert.equal(section.answered, 0, section.marker);
          for (const field of section.fields) {
            assert.ok(field.answer === undefined && field.question !== undefined, `${section.marker}: ${field.label}`);
          }
        }
        assert.ok(model.checkins.every((checkin) => checkin.date === undefined && checkin.note === undefined));
      });
    }

    it('splits a document into the same sections as the model', () => {
      const text = fixture('zh-cn');
      const model = parsePlan(text, knowledge);
      const split = splitSections(text);
      assert.deepEqual(
        split.sections.map((section) => section.marker),
        model.sections.map((section) => section.marker),
      );
      assert.deepEqual(
        split.sections.map((section) => section.title),
        model.sections.map((section) => section.heading?.text ?? ''),
      );
    });
  });
});

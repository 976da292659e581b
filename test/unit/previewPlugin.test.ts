import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import MarkdownIt, { type Options } from 'markdown-it';
import previewWords from '../../content/coach/preview.json';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { parsePlan } from '../../src/plan/planModel';
import { formatEffort, workloadChart } from '../../src/plan/previewChart';
import { hookPlanPreview } from '../../src/plan/previewHook';
import { createPlanDecorator, type PlanPreviewOptions } from '../../src/plan/previewPlugin';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { BUILT_IN_TEMPLATE_IDS, builtInTemplateFileName, parsePlanTemplate } from '../../src/plan/templates';
import { checkProperty, textOf } from './fuzz';

const root = process.cwd();
const templates = CONTENT_LANGUAGES.flatMap((language) =>
  BUILT_IN_TEMPLATE_IDS.map((id) => parsePlanTemplate(id, language, fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName(id, language)), 'utf8'))),
);
const knowledge = templateKnowledge(templates);
/** The fixtures' open check-ins are dated 2026-03-02 and 2026-04-06; the last one held 2026-02-02. */
const TODAY = '2026-03-10';

const fixture = (name: string): string => fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', name), 'utf8');

/** VS Code's preview engine is markdown-it with HTML on; these are the settings a user can change. */
const ENGINE_SETTINGS: readonly Options[] = [{ html: true }, { html: true, linkify: true, typographer: true, breaks: true }];

/** An engine with the plugin as extendMarkdownIt wires it (a failure fails the test instead of being logged). */
function withPlugin(overrides: Partial<PlanPreviewOptions> = {}, settings: Options = { html: true }): MarkdownIt {
  const options: PlanPreviewOptions = { knowledge: () => knowledge, today: () => TODAY, ...overrides };
  return hookPlanPreview(new MarkdownIt(settings), (engine) => createPlanDecorator(engine, options), (error) => {
    throw error;
  });
}

const plain = (text: string, settings: Options = { html: true }): string => new MarkdownIt(settings).render(text);

const badges = (html: string): string[] => [...html.matchAll(/<span class="collab-coach-badge">([^<]*)<\/span>/g)].map((match) => match[1] ?? '');

/** The rendering with everything the plugin adds taken out again. */
function withoutDecorations(html: string): string {
  return html
    .replace(/ <span class="collab-coach-(?:badge|prompt-label|overdue-label)">[^<]*<\/span>/g, '')
    .replace(/<figure class="collab-coach-chart">.*?<\/figure>\n/gs, '')
    .replace(/ class="collab-coach-(?:prompt|overdue)"/g, '');
}

describe('issue 13: the plan in the Markdown preview (plugin)', () => {
  describe('on the fixture plans', () => {
    it('shows each section\'s principle and answered count on its heading, in the plan\'s language', () => {
      assert.deepEqual(badges(withPlugin().render(fixture('preview.en.md'))), [
        'Principle 1 · 3/4 answered',
        'Principle 1, Principle 2 · 2/3 answered',
        'Principle 3 · 5/5 answered',
      ]);
      assert.deepEqual(badges(withPlugin().render(fixture('preview.zh-cn.md'))), ['原则一 · 3/4 已回答', '原则一、原则二 · 2/3 已回答', '原则三 · 5/5 已回答']);
      assert.match(withPlugin().render(fixture('preview.en.md')), /<h2>1\. Core needs <span class="collab-coach-badge">/);
    });

    it('agrees with the plan model on every section of the complete plans', () => {
      for (const language of CONTENT_LANGUAGES) {
        const text = fixture(`complete.${language}.md`);
        const model = parsePlan(text, knowledge);
        const shown = badges(withPlugin().render(text));
        assert.equal(shown.length, model.sections.length);
        model.sections.forEach((section, index) => assert.ok(shown[index]?.endsWith(`${section.answered}/${section.total} ${language === 'en' ? 'answered' : '已回答'}`), shown[index]));
      }
    });

    it('shows a template question still standing in for an answer as a muted prompt, never as answered', () => {
      const html = withPlugin().render(fixture('preview.en.md'));
      const prompts = [...html.matchAll(/<li class="collab-coach-prompt">(.*?)<\/li>/g)].map((match) => match[1] ?? '');
      assert.equal(prompts.length, 2);
      assert.match(prompts[0] ?? '', /^<strong>Their need<\/strong>: What is the other side's need\?.* <span class="collab-coach-prompt-label">still to answer<\/span>$/);
      assert.match(prompts[1] ?? '', /^<strong>What we can ask for together<\/strong>: What could we ask for together\?/);
      assert.match(html, /<li><strong>My need<\/strong>: Monthly sales reports/, 'an answer is shown as written');
      const zh = withPlugin().render(fixture('preview.zh-cn.md'));
      assert.equal((zh.match(/class="collab-coach-prompt"/g) ?? []).length, 2);
      assert.match(zh, /<span class="collab-coach-prompt-label">待回答<\/span>/);
    });

    it('mutes every question of a fresh template: fields, table rows, check-ins and lines of prose', () => {
      for (const template of templates) {
        const text = template.body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{[A-Z_]+\}/g, '01').replace(/\$\d+/g, '');
        const model = parsePlan(text, knowledge);
        const unanswered = model.sections.flatMap((section) => section.questions).filter((question) => !question.answered && question.leftover !== undefined);
        const html = withPlugin().render(text);
        assert.equal((html.match(/class="collab-coach-prompt-label"/g) ?? []).length, unanswered.length, `${template.id}.${template.language}`);
        assert.ok(unanswered.length > 0, `${template.id}.${template.language} asks something`);
      }
    });

    it('follows the workload table with an SVG chart of each side\'s effort, with a text alternative', () => {
      const html = withPlugin().render(fixture('preview.en.md'));
      const chart = /<\/table>\n<figure class="collab-coach-chart"><svg role="img" aria-label="([^"]*)"[^>]*><title>([^<]*)<\/title>(.*?)<\/svg>/s.exec(html);
      assert.ok(chart, 'the chart follows the table');
      assert.equal(chart[1], 'Estimated effort: my side 6, their side 9.');
      assert.equal(chart[2], 'Estimated effort of each side');
      const widths = [...(chart[3] ?? '').matchAll(/<rect class="collab-coach-chart-bar"[^>]* width="(\d+)"/g)].map((match) => Number(match[1]));
      assert.deepEqual(widths, [147, 220], 'the longer bar is full width, the other in proportion (6/9)');
      assert.doesNotMatch(chart[3] ?? '', /fill=|style=/, 'colours come from the theme\'s CSS variables');
      const zh = withPlugin().render(fixture('preview.zh-cn.md'));
      assert.match(zh, /aria-label="预计工作量：我方 6，对方 9。"/);
      assert.match(zh, /<title>双方预计工作量<\/title>/);
    });

    it('marks open check-ins past their date (as the coach\'s overdue rule does), by the day it is given', () => {
      const overdue = (today: string): string[] =>
        [...withPlugin({ today: () => today }).render(fixture('preview.en.md')).matchAll(/<li class="collab-coach-overdue">\[ \] (\d{4}-\d\d-\d\d)[^<]* <span class="collab-coach-overdue-label">overdue<\/span><\/li>/g)].map(
          (match) => match[1] ?? '',
        );
      assert.deepEqual(overdue('2026-03-01'), []);
      assert.deepEqual(overdue('2026-03-02'), []);
      assert.deepEqual(overdue(TODAY), ['2026-03-02']);
      assert.deepEqual(overdue('2026-05-01'), ['2026-03-02', '2026-04-06']);
      assert.match(withPlugin().render(fixture('preview.zh-cn.md')), /<span class="collab-coach-overdue-label">已逾期<\/span>/);
    });

    it('adds nothing else: with its decorations taken out, a plan renders as without the plugin', () => {
      for (const name of ['preview.en.md', 'preview.zh-cn.md', 'complete.en.md', 'complete.zh-cn.md']) {
        for (const settings of ENGINE_SETTINGS) {
          assert.equal(withoutDecorations(withPlugin({}, settings).render(fixture(name))), plain(fixture(name), settings), name);
        }
      }
    });
  });

  describe('on Markdown that is not a plan', () => {
    const notPlans = (): { name: string; text: string }[] => {
      const files = ['README.md', 'CHANGELOG.md', 'docs/architecture.md', 'docs/benchmark.md', 'content/lesson/en.md', 'content/lesson/zh-cn.md', 'content/STYLE.md'];
      return [
        ...files.map((name) => ({ name, text: fs.readFileSync(path.join(root, name), 'utf8') })),
        { name: 'a marker in a fence', text: '# Notes\n\n```\n<!-- collab:needs -->\n## 1. Core needs\n```\n' },
        { name: 'a marker in indented code', text: '# Notes\n\n    <!-- collab:workload -->\n\n| a | b |\n| - | - |\n| 1 | 2 |\n' },
        { name: 'a marker as inline HTML', text: 'See <!-- collab:needs --> here.\n\n## Heading\n' },
        { name: 'the word collab: alone', text: 'collab: 3 people\n\n- [ ] 2020-01-01 overdue?\n' },
      ];
    };

    it('renders them byte for byte as without the plugin, in every engine setting', () => {
      for (const { name, text } of notPlans()) {
        for (const settings of ENGINE_SETTINGS) {
          assert.equal(withPlugin({}, settings).render(text), plain(text, settings), name);
        }
      }
    });

    it('does not even read them as plans: the templates\' knowledge is never asked for without a marker', () => {
      let asked = 0;
      const md = withPlugin({ knowledge: () => (asked++, knowledge) });
      for (const file of ['README.md', 'docs/architecture.md', 'content/lesson/en.md']) {
        md.render(fs.readFileSync(path.join(root, file), 'utf8'));
      }
      assert.equal(asked, 0);
      md.render(fixture('preview.en.md'));
      assert.equal(asked, 1);
    });

    it('loads the decorator only for the first document that may hold a plan, never for others', () => {
      let loads = 0;
      const md = hookPlanPreview(new MarkdownIt({ html: true }), (engine) => (loads++, createPlanDecorator(engine, { knowledge: () => knowledge, today: () => TODAY })), (error) => {
        throw error;
      });
      md.render(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
      md.render('# Notes\n');
      assert.equal(loads, 0);
      md.render(fixture('preview.en.md'));
      md.render(fixture('preview.zh-cn.md'));
      assert.equal(loads, 1);
    });

    it('renders plainly, and reports once, when the decorator cannot load', () => {
      const errors: unknown[] = [];
      const md = hookPlanPreview(new MarkdownIt({ html: true }), () => {
        throw new Error('no chunk');
      }, (error) => errors.push(error));
      assert.equal(md.render(fixture('preview.en.md')), plain(fixture('preview.en.md')));
      assert.equal(md.render(fixture('preview.en.md')), plain(fixture('preview.en.md')));
      assert.equal(errors.length, 1);
    });

    it('renders a plan plainly, and says so, while the templates\' knowledge is still loading', () => {
      let waiting = 0;
      const md = withPlugin({ knowledge: () => undefined, onPlanWithoutKnowledge: () => waiting++ });
      assert.equal(md.render(fixture('preview.en.md')), plain(fixture('preview.en.md')));
      assert.equal(waiting, 1);
      md.render('# Not a plan\n');
      assert.equal(waiting, 1);
    });
  });

  describe('on hostile plans', () => {
    it('escapes nothing of the user into its own HTML: answers with HTML stay what markdown-it makes of them', () => {
      const text = [
        '<!-- collab:workload -->',
        '## <img src=x onerror=alert(1)> "Work" & <b>load</b>',
        '',
        '| Side | Task | Estimated effort |',
        '| --- | --- | --- |',
        '| My side | <script>alert(1)</script> | 3 "days" <svg onload=alert(1)> |',
        '| Their side | `code` & <i>x</i> | 1e999 |',
        '',
        '- [ ] 2020-01-01 <iframe src="javascript:alert(1)"></iframe>',
        '',
      ].join('\n');
      const html = withPlugin().render(text);
      assert.equal(withoutDecorations(html), plain(text));
      const added = html.length - withoutDecorations(html).length;
      assert.ok(added > 0, 'the plan is decorated');
      for (const element of html.match(/<span class="collab-coach-[a-z-]+">[^<]*<\/span>|<figure class="collab-coach-chart">.*?<\/figure>/gs) ?? []) {
        assert.doesNotMatch(element, /script|onerror|onload|iframe|<img|<b>|<i>/, element);
      }
    });

    it('keeps the chart within its size, with numbers as text, whatever the numbers', () => {
      const row = (side: string, effort: string): string => `| ${side} | A task | ${effort} |`;
      const table = (mine: string, theirs: string): string =>
        ['<!-- collab:workload -->', '## Workload', '', '| Side | Task | Estimated effort |', '| --- | --- | --- |', row('My side', mine), row('Their side', theirs), ''].join('\n');
      for (const [mine, theirs] of [['0', '0'], ['9'.repeat(200), '1'], ['0.001', '３'], ['2.5 days', '<b>7</b>']] as const) {
        const html = withPlugin().render(table(mine, theirs));
        const svg = /<svg role="img"[^>]* width="(\d+)" height="(\d+)"[^>]*>(.*?)<\/svg>/s.exec(html);
        assert.ok(svg, `a chart for ${mine.slice(0, 10)} / ${theirs}`);
        assert.equal(svg[1], '400');
        assert.equal(svg[2], '72');
        for (const width of (svg[3] ?? '').matchAll(/<rect[^>]* width="([^"]*)"/g)) {
          assert.ok(Number(width[1]) >= 0 && Number(width[1]) <= 220, width[1]);
        }
      }
      assert.doesNotMatch(withPlugin().render(table('a lot', 'some')), /collab-coach-chart/, 'no numbers, no chart');
    });

    it('marks 50,000 overdue check-ins of one plan (linear, one pass over the tokens)', function () {
      this.timeout(60000); // No timing here, only room on a busy machine.
      const checkins = Array.from({ length: 50000 }, () => '- [ ] 2026-01-05 Rebalance').join('\n');
      const html = withPlugin().render(`<!-- collab:checkin -->\n## Check-in\n\n${checkins}\n`);
      assert.equal((html.match(/collab-coach-overdue-label/g) ?? []).length, 50000);
    });

    it('never throws and adds only its own elements, on generated plans', () => {
      const pieces = [
        '<!-- collab:needs -->\n', '<!-- collab:workload -->\n', '<!-- collab:checkin -->\n', '<!-- collab:kickoff -->\n', '## Heading\n', '# Title\n', '\n',
        '- **My need**: ', 'What is my need?', '- **Their need**: ', '| Side | Task | Estimated effort |\n| --- | --- | --- |\n', '| My side | x | 3 |\n',
        '| Their side | How many person-days? | 5 |\n', '- [ ] 2020-01-01 ', '- [x] 2021-01-01 ', '- [ ] YYYY-MM-DD ', '  ', '> ', '```\n', '    ', '<b>', '</b>',
        '<script>', '"', '&', '\r\n', '\u2028', '１２', '1e999', '- ', '1. ', 'Hi ', 'their lead', ',\n',
      ];
      checkProperty(
        'preview plugin on generated plans',
        fc.property(textOf(pieces, 60), (text) => {
          const html = withPlugin().render(text);
          assert.equal(withoutDecorations(html), plain(text));
        }),
      );
    });
  });

  describe('its words', () => {
    it('are data in both languages, every one', () => {
      const check = (value: unknown, where: string): void => {
        if (typeof value === 'object' && value !== null && 'en' in value) {
          for (const language of CONTENT_LANGUAGES) {
            const text = (value as Record<ContentLanguage, unknown>)[language];
            assert.ok(typeof text === 'string' && text.trim() !== '', `${where}.${language}`);
          }
          return;
        }
        if (typeof value === 'object' && value !== null) {
          for (const [key, child] of Object.entries(value)) {
            check(child, `${where}.${key}`);
          }
        }
      };
      const { _comment: comment, ...words } = previewWords;
      assert.ok(comment.length > 0);
      check(words, 'preview');
    });

    it('writes effort numbers with at most two decimals', () => {
      assert.equal(formatEffort(6), '6');
      assert.equal(formatEffort(2.5), '2.5');
      assert.equal(formatEffort(1 / 3), '0.33');
      assert.equal(workloadChart([], 'en'), undefined);
    });
  });
});

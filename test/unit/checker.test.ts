import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import {
  FULL_PLAN_MARKERS,
  type FindingCode,
  type PlanReport,
  THEIR_NEED_LABELS,
  checkPlan,
} from '../../src/plan/checker';
import { type SectionInsertion, missingSectionInsertion } from '../../src/plan/insertion';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { listPlaceholders, snippetToPlainText } from '../../src/plan/snippet';
import {
  BUILT_IN_TEMPLATE_IDS,
  type BuiltInTemplateId,
  PLAN_SECTION_MARKERS,
  type PlanTemplate,
  WORKLOAD_SIDE_LABELS,
  builtInTemplateFileName,
  parsePlanTemplate,
} from '../../src/plan/templates';
import { generateLargePlan } from '../fixtures/plans/generate';

const root = process.cwd();
const templates: PlanTemplate[] = CONTENT_LANGUAGES.flatMap((language) =>
  BUILT_IN_TEMPLATE_IDS.map((id) =>
    parsePlanTemplate(id, language, fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName(id, language)), 'utf8')),
  ),
);
const knowledge = templateKnowledge(templates);
/** Between the held check-in (2026-02-02) and the open one (2026-04-06) of the fixtures. */
const TODAY = new Date(2026, 2, 1);

function template(id: BuiltInTemplateId, language: ContentLanguage): PlanTemplate {
  const found = templates.find((candidate) => candidate.id === id && candidate.language === language);
  assert.ok(found, `template ${id}.${language}`);
  return found;
}

function completePlan(language: ContentLanguage): string {
  return fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', `complete.${language}.md`), 'utf8');
}

function check(text: string, language: ContentLanguage, today: Date = TODAY): PlanReport {
  return checkPlan(text, { today, language, knowledge });
}

const codes = (report: PlanReport): FindingCode[] => report.findings.map((finding) => finding.code);

function section(report: PlanReport, marker: string): PlanReport['sections'][number] {
  const found = report.sections.find((candidate) => candidate.marker === marker);
  assert.ok(found, `section ${marker}`);
  return found;
}

function lineOf(text: string, fragment: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(fragment));
  assert.ok(index >= 0, `no line with "${fragment}"`);
  return index;
}

/** Sets the value of the field `- **label**: …` (either colon). */
function setField(text: string, label: string, value: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(`**${label}**`));
  assert.ok(index >= 0, `no field ${label}`);
  const line = lines[index] ?? '';
  const colon = line.includes('**：') ? '：' : ': ';
  lines[index] = line.slice(0, line.indexOf(`**${label}**`)) + `**${label}**${colon}${value}`;
  return lines.join('\n');
}

/** The template's question for the field `label` of a built-in template. */
function questionOf(id: BuiltInTemplateId, language: ContentLanguage, label: string): string {
  const line = snippetToPlainText(template(id, language).body, TODAY)
    .split('\n')
    .find((candidate) => candidate.includes(`**${label}**`));
  assert.ok(line, `template field ${label}`);
  return line.replace(/^.*?\*\*[:：]\s*/, '');
}

/** Replaces a section's lines (marker excluded) up to the next marker. */
function replaceSectionBody(text: string, marker: string, body: readonly string[]): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`<!-- collab:${marker} -->`);
  assert.ok(start >= 0, `marker ${marker}`);
  let end = lines.findIndex((line, index) => index > start && line.startsWith('<!-- collab:'));
  end = end < 0 ? lines.length : end;
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

function removeSection(text: string, marker: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`<!-- collab:${marker} -->`);
  assert.ok(start >= 0, `marker ${marker}`);
  let end = lines.findIndex((line, index) => index > start && line.startsWith('<!-- collab:'));
  end = end < 0 ? lines.length : end;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

function applyInsertion(text: string, insertion: SectionInsertion): string {
  const lines = text.split(/\r\n|\r|\n/);
  let offset = 0;
  const eolLength = text.includes('\r\n') ? 2 : 1;
  for (let line = 0; line < insertion.line; line++) {
    offset += (lines[line] ?? '').length + eolLength;
  }
  offset += insertion.character;
  return text.slice(0, offset) + insertion.text + text.slice(offset);
}

/** The labels of each content language used to edit the fixtures. */
const LABELS = {
  en: {
    myNeed: 'My need',
    theirNeed: 'Their need',
    shared: ['Where our interests meet', 'What we can ask for together', 'Value I bring'],
    offers: ['Extra my side takes on', 'Practical help and emotional support'],
    mySideHeading: '### My side',
    theirSideHeading: '### Their side',
    mine: 'My side',
    theirs: 'Their side',
  },
  'zh-cn': {
    myNeed: '我的诉求',
    theirNeed: '对方的诉求',
    shared: ['利益共通点', '可以一起争取的', '我能带来的价值'],
    offers: ['我方多承担的', '服务价值与情绪价值'],
    mySideHeading: '### 我方',
    theirSideHeading: '### 对方',
    mine: '我方',
    theirs: '对方',
  },
} as const;

/** Empties the values of the fields below a `### side` heading, up to the next heading. */
function clearSide(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, heading);
  for (let index = start + 1; index < lines.length && !(lines[index] ?? '').startsWith('#') && !(lines[index] ?? '').startsWith('<!--'); index++) {
    lines[index] = (lines[index] ?? '').replace(/(\*\*[:：]).*$/, '$1');
  }
  return lines.join('\n');
}

/** Workload rows and check-ins of the fixture rewritten: `mine`/`theirs` efforts, check-ins undated. */
function workloadOf(language: ContentLanguage, rows: readonly (readonly ['mine' | 'theirs', string])[], offers: boolean, datedCheckin: boolean): string {
  const labels = LABELS[language];
  const header = language === 'en' ? '| Side | Task | Estimated effort |' : '| 一方 | 任务 | 预计工作量 |';
  const body = [
    language === 'en' ? '## 4. Workload and keeping things even' : '## 四、工作量与一碗水端平',
    '',
    header,
    '| --- | --- | --- |',
    ...rows.map(([side, effort], index) => `| ${side === 'mine' ? labels.mine : labels.theirs} | Task ${index + 1} | ${effort} |`),
    '',
    `- **${labels.offers[0]}**：${offers ? 'We test every report first.' : ''}`,
    `- **${labels.offers[1]}**：`,
    `  - [ ] ${datedCheckin ? '2026-04-20' : 'YYYY-MM-DD'} Rebalance after the first review.`,
    '',
  ];
  return replaceSectionBody(completePlan(language), 'workload', body);
}

describe('plan checker', () => {
  describe('template questions', () => {
    it('knows every question of every built-in template, in both languages', () => {
      for (const each of templates) {
        for (const placeholder of listPlaceholders(each.body)) {
          const question = placeholder.text.trim().replace(/\s+/g, ' ');
          assert.ok(knowledge.questions.has(question), `${each.id}.${each.language}: "${question}"`);
        }
      }
      assert.ok(knowledge.questions.has('YYYY-MM-DD'));
    });

    it('agrees with the templates on the full plan, the "their need" field and the side labels', () => {
      for (const language of CONTENT_LANGUAGES) {
        assert.deepEqual(
          template('full-plan', language).sections.map((each) => each.marker),
          [...FULL_PLAN_MARKERS],
        );
        for (const id of ['full-plan', 'quick-check'] as const) {
          const body = template(id, language).body;
          assert.ok(THEIR_NEED_LABELS.some((label) => body.includes(`**${label}**`)), `${id}.${language} has a "their need" field`);
        }
        const selfProtection = template('full-plan', language).sections.find((each) => each.marker === 'self-protection')?.text ?? '';
        assert.ok(WORKLOAD_SIDE_LABELS.mine.some((label) => selfProtection.includes(`### ${label}\n`)));
        assert.ok(WORKLOAD_SIDE_LABELS.theirs.some((label) => selfProtection.includes(`### ${label}\n`)));
      }
    });

    it('counts the questions of each fresh template, all unanswered', () => {
      const expectedTotals: Record<string, number> = {
        needs: 4,
        'shared-interest': 3,
        'self-protection': 5,
        workload: 6,
        'quick-check': 4,
        checkin: 5,
        kickoff: 10,
      };
      for (const each of templates) {
        const report = check(snippetToPlainText(each.body, TODAY), each.language);
        assert.equal(report.sections.length, each.sections.length);
        for (const state of report.sections) {
          assert.equal(state.total, expectedTotals[state.marker], `${each.id}.${each.language} ${state.marker}`);
          assert.equal(state.answered, 0, `${each.id}.${each.language} ${state.marker}`);
          assert.equal(state.label[each.language], each.language === 'en' ? `0/${state.total} answered` : `0/${state.total} 已回答`);
        }
        assert.deepEqual(
          report.findings.map((finding) => [finding.code, finding.marker]),
          report.sections.map((state) => ['unanswered-questions', state.marker]),
          `${each.id}.${each.language}`,
        );
        // Drafting progress is a hint: a fresh plan puts nothing in the Problems panel's count.
        assert.equal(report.findings.every((finding) => finding.severity === 'hint'), true);
        assert.deepEqual(report.principlesPassing, { 'principle-1': false, 'principle-2': false, 'principle-3': false });
      }
    });

    it('recognises a question of the other language left in a plan', () => {
      const text = setField(completePlan('zh-cn'), LABELS['zh-cn'].myNeed, questionOf('full-plan', 'en', LABELS.en.myNeed));
      const report = check(text, 'zh-cn');
      assert.deepEqual(codes(report), ['unanswered-questions']);
      assert.equal(section(report, 'needs').answered, 3);
    });

    it('without the template questions, still finds empty answers and unfilled dates', () => {
      const text = setField(completePlan('en'), LABELS.en.myNeed, '');
      const report = checkPlan(text, { today: TODAY, language: 'en' });
      assert.deepEqual(codes(report), ['unanswered-questions']);
    });
  });

  for (const language of CONTENT_LANGUAGES) {
    describe(`in ${language}`, () => {
      const labels = LABELS[language];

      it('finds nothing in a complete plan, and every principle passes', () => {
        const report = check(completePlan(language), language);
        assert.deepEqual(report.findings, []);
        assert.equal(report.language, language);
        assert.deepEqual(
          report.sections.map((state) => state.marker),
          [...FULL_PLAN_MARKERS],
        );
        for (const state of report.sections) {
          assert.ok(state.total > 0 && state.answered === state.total, `${state.marker}: ${state.answered}/${state.total}`);
        }
        assert.deepEqual(report.principlesPassing, { 'principle-1': true, 'principle-2': true, 'principle-3': true });
      });

      it('guesses the language from the headings when none is given', () => {
        assert.equal(checkPlan(completePlan(language), { today: TODAY, knowledge }).language, language);
      });

      it('points at a template question left in a section and counts "2/4 answered"', () => {
        let text = setField(completePlan(language), labels.myNeed, questionOf('full-plan', language, labels.myNeed));
        text = setField(text, labels.theirNeed, questionOf('full-plan', language, labels.theirNeed));
        const report = check(text, language);
        const needs = section(report, 'needs');
        assert.equal(needs.answered, 2);
        assert.equal(needs.total, 4);
        assert.equal(needs.label[language], language === 'en' ? '2/4 answered' : '2/4 已回答');
        assert.equal(needs.line, lineOf(text, language === 'en' ? '## 1. Core needs' : '## 一、核心需求'));
        assert.deepEqual(codes(report), ['unanswered-questions']);
        const [finding] = report.findings;
        assert.equal(finding?.line, lineOf(text, `**${labels.myNeed}**`));
        assert.equal(finding?.lessonSection, 'self-check');
        assert.equal(finding?.principle, 'principle-1');
        assert.ok(finding?.message[language].includes(questionOf('full-plan', language, labels.myNeed)));
        assert.equal(report.principlesPassing['principle-1'], false);
        assert.equal(report.principlesPassing['principle-3'], true);
      });

      it('takes an answer written on the lines below an empty field', () => {
        const text = setField(completePlan(language), labels.myNeed, '').replace(
          `**${labels.myNeed}**${language === 'en' ? ': ' : '：'}`,
          `**${labels.myNeed}**${language === 'en' ? ': ' : '：'}\n  Reports in one place by March.`,
        );
        assert.deepEqual(check(text, language).findings, []);
      });

      it('finds an empty section', () => {
        const heading = language === 'en' ? '## 3. Both sides covered' : '## 三、双方都能自保';
        const text = replaceSectionBody(completePlan(language), 'self-protection', [heading, '', '> ' + (language === 'en' ? 'Lesson: x' : '课程：x'), '']);
        const report = check(text, language);
        assert.deepEqual(codes(report), ['empty-section']);
        assert.equal(report.findings[0]?.line, lineOf(text, heading));
        assert.equal(report.findings[0]?.marker, 'self-protection');
        assert.equal(section(report, 'self-protection').label[language], language === 'en' ? 'empty' : '空白');
      });

      it('asks for the shared interest once their need is written', () => {
        let text = completePlan(language);
        for (const label of labels.shared) {
          text = setField(text, label, questionOf('full-plan', language, label));
        }
        const report = check(text, language);
        assert.deepEqual(codes(report), ['no-shared-interest']);
        const [finding] = report.findings;
        assert.equal(finding?.line, lineOf(text, language === 'en' ? '## 2. Common interests' : '## 二、共同利益'));
        assert.equal(finding?.severity, 'warning');
        assert.equal(finding?.lessonSection, 'principle-1');
        assert.deepEqual(report.principlesPassing, { 'principle-1': false, 'principle-2': false, 'principle-3': true });

        // Without their need there is nothing to build on yet: just unanswered questions.
        const withoutTheirNeed = check(setField(text, labels.theirNeed, ''), language);
        assert.deepEqual(codes(withoutTheirNeed), ['unanswered-questions', 'unanswered-questions']);
      });

      it('finds self-protection written for one side only, either side', () => {
        const mineMissing = check(clearSide(completePlan(language), labels.mySideHeading), language);
        assert.deepEqual(codes(mineMissing), ['one-sided-self-protection']);
        assert.equal(mineMissing.findings[0]?.line, lineOf(completePlan(language), labels.mySideHeading));
        assert.equal(mineMissing.findings[0]?.lessonSection, 'example-finance');

        const theirsMissing = check(clearSide(completePlan(language), labels.theirSideHeading), language);
        assert.deepEqual(codes(theirsMissing), ['one-sided-self-protection']);
        assert.equal(theirsMissing.findings[0]?.line, lineOf(completePlan(language), labels.theirSideHeading));
        assert.notEqual(mineMissing.findings[0]?.message[language], theirsMissing.findings[0]?.message[language]);
      });

      it('finds an uneven workload with nothing offered in return', () => {
        const uneven = workloadOf(language, [['mine', '2 person-days'], ['theirs', '9 person-days']], false, false);
        const report = check(uneven, language);
        assert.ok(codes(report).includes('uneven-workload'), codes(report).join());
        const finding = report.findings.find((each) => each.code === 'uneven-workload');
        assert.equal(finding?.line, lineOf(uneven, '| Task 2 |'));
        assert.equal(finding?.principle, 'principle-3');
        assert.equal(finding?.lessonSection, 'example-workload');
        assert.ok(finding?.message[language].includes('9'));
        assert.equal(report.principlesPassing['principle-3'], false);
      });

      it('counts rows when there are no effort numbers, and accepts anything offered in return', () => {
        const byRows = workloadOf(language, [['mine', 'some'], ['theirs', 'a lot'], ['theirs', 'a lot'], ['theirs', 'a lot']], false, false);
        const rowFinding = check(byRows, language).findings.find((each) => each.code === 'uneven-workload');
        assert.equal(rowFinding?.line, lineOf(byRows, '| Task 2 |'));
        assert.equal(rowFinding?.endLine, lineOf(byRows, '| Task 4 |'));

        const rows = [['mine', '2 person-days'], ['theirs', '9 person-days']] as const;
        assert.ok(!codes(check(workloadOf(language, rows, true, false), language)).includes('uneven-workload'), 'extra work offered');
        assert.ok(!codes(check(workloadOf(language, rows, false, true), language)).includes('uneven-workload'), 'a dated check-in');
        const even = [['mine', '5'], ['theirs', '6']] as const;
        assert.ok(!codes(check(workloadOf(language, even, false, false), language)).includes('uneven-workload'), 'about even');
        const mineMore = [['mine', '9'], ['theirs', '2'], ['mine', '1']] as const;
        assert.ok(!codes(check(workloadOf(language, mineMore, false, false), language)).includes('uneven-workload'), 'my side carries more');
      });

      it('finds a fairness check-in that is past due with nothing recorded after it', () => {
        const text = completePlan(language);
        const afterDue = new Date(2026, 4, 1);
        const report = check(text, language, afterDue);
        assert.deepEqual(codes(report), ['overdue-checkin']);
        assert.equal(report.findings[0]?.line, lineOf(text, '2026-04-06'));
        assert.equal(report.findings[0]?.severity, 'warning');
        assert.ok(report.findings[0]?.message[language].includes('2026-04-06'));
        assert.equal(report.principlesPassing['principle-3'], false);

        assert.deepEqual(check(text, language, new Date(2026, 3, 6)).findings, [], 'due today is not overdue');
        const recorded = text + '\n\n<!-- collab:checkin -->\n### Check-in\n\n- [x] 2026-04-08 Balanced again.\n';
        assert.deepEqual(codes(check(recorded, language, afterDue)), [], 'a check-in recorded after it');
      });

      it('finds a missing section of the full plan, pointing at the section before it', () => {
        const text = removeSection(completePlan(language), 'shared-interest');
        const report = check(text, language);
        assert.deepEqual(codes(report), ['missing-section']);
        const [finding] = report.findings;
        assert.equal(finding?.missingMarker, 'shared-interest');
        assert.equal(finding?.line, section(report, 'needs').line);
        assert.deepEqual(report.principlesPassing, { 'principle-1': false, 'principle-2': false, 'principle-3': true });

        const quickCheckOnly = snippetToPlainText(template('quick-check', language).body, TODAY);
        assert.ok(!codes(check(quickCheckOnly, language)).includes('missing-section'), 'not a full plan');
      });

      for (const marker of FULL_PLAN_MARKERS) {
        it(`inserting the missing "${marker}" section with the merge, then filling it in, passes`, () => {
          const text = removeSection(completePlan(language), marker);
          const insertion = missingSectionInsertion(template('full-plan', language), text, marker, TODAY);
          assert.ok(insertion);
          const inserted = applyInsertion(text, insertion);
          const afterInsert = check(inserted, language);
          assert.deepEqual(
            afterInsert.sections.map((state) => state.marker),
            [...FULL_PLAN_MARKERS],
            'the section goes where the full plan has it',
          );
          assert.ok(afterInsert.findings.every((finding) => finding.code !== 'missing-section'));
          const state = section(afterInsert, marker);
          assert.equal(state.answered, 0);
          assert.ok(state.total > 0);
          assert.equal(missingSectionInsertion(template('full-plan', language), inserted, marker, TODAY), undefined, 'nothing to insert twice');

          const filled = fillQuestions(inserted);
          const report = check(filled, language);
          assert.deepEqual(report.findings, []);
          assert.deepEqual(report.principlesPassing, { 'principle-1': true, 'principle-2': true, 'principle-3': true });
        });
      }

      it('inserts a missing last section at the end, keeping CRLF line ends', () => {
        const text = removeSection(completePlan(language), 'workload').trimEnd().split('\n').join('\r\n');
        const insertion = missingSectionInsertion(template('full-plan', language), text, 'workload', TODAY);
        assert.ok(insertion);
        const lines = text.split('\r\n');
        assert.equal(insertion.line, lines.length - 1);
        assert.equal(insertion.character, (lines[lines.length - 1] ?? '').length);
        assert.ok(insertion.text.startsWith('\r\n\r\n<!-- collab:workload -->\r\n'));
        assert.ok(!insertion.text.replace(/\r\n/g, '').includes('\n'));
        const report = check(fillQuestions(applyInsertion(text, insertion)), language);
        assert.deepEqual(report.findings, []);
      });

      it('says what the lesson asks in both languages, quoting the lesson word for word', () => {
        const variants = [
          setField(completePlan(language), labels.myNeed, questionOf('full-plan', language, labels.myNeed)),
          replaceSectionBody(completePlan(language), 'self-protection', ['## x', '']),
          clearSide(completePlan(language), labels.mySideHeading),
          labels.shared.reduce((text, label) => setField(text, label, ''), completePlan(language)),
          workloadOf(language, [['mine', '1'], ['theirs', '9']], false, false),
          removeSection(completePlan(language), 'workload'),
          snippetToPlainText(template('kickoff-note', language).body, TODAY),
          snippetToPlainText(template('fairness-checkin', language).body, TODAY),
        ];
        const seen = new Set<FindingCode>();
        for (const text of variants) {
          for (const finding of check(text, language, new Date(2026, 4, 1)).findings) {
            seen.add(finding.code);
            assert.match(finding.message['zh-cn'], /[\u4e00-\u9fff]/);
            assert.doesNotMatch(finding.message.en.replace(/"[^"]*"/g, ''), /[\u4e00-\u9fff]/);
            for (const target of CONTENT_LANGUAGES) {
              for (const quote of quotesIn(finding.message[target], target)) {
                assert.ok(isQuotable(quote, text, target), `${finding.code} (${target}) quotes "${quote}", which is neither the lesson, the plan nor a template question`);
              }
            }
          }
        }
        assert.deepEqual([...seen].sort(), [
          'empty-section',
          'missing-section',
          'no-shared-interest',
          'one-sided-self-protection',
          'overdue-checkin',
          'unanswered-questions',
          'uneven-workload',
        ]);
      });
    });
  }

  describe('reading any Markdown', () => {
    it('ignores markers and questions in fenced code, and the preamble', () => {
      const text = [
        '# What you want to get done',
        '- **My need**: What is your need?',
        '```',
        '<!-- collab:needs -->',
        '- **My need**: What is your need?',
        '```',
      ].join('\n');
      const report = check(text, 'en');
      assert.deepEqual(report.sections, []);
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.principlesPassing, { 'principle-1': false, 'principle-2': false, 'principle-3': false });
    });

    it('reads CRLF and CR line ends with the same line numbers', () => {
      const text = setField(completePlan('en'), 'My need', '');
      const lf = check(text, 'en');
      assert.deepEqual(check(text.split('\n').join('\r\n'), 'en').findings, lf.findings);
      assert.deepEqual(check(text.split('\n').join('\r'), 'en').findings, lf.findings);
    });

    it("counts a team template's own section but finds nothing in it", () => {
      const text = '<!-- collab:retro -->\n## Retro\n\n- **Went well**:\n- **To change**: more check-ins\n';
      const report = check(text, 'en');
      assert.deepEqual(report.findings, []);
      assert.equal(report.sections[0]?.answered, 1);
      assert.equal(report.sections[0]?.total, 2);
      assert.equal(report.sections[0]?.lessonSection, undefined);
    });

    it('never throws on 10,000 random documents', function () {
      this.timeout(120000);
      const random = seededRandom(0xc011ab);
      const fullPlan = template('full-plan', 'en');
      const questionList = [...knowledge.questions];
      let checked = 0;
      for (let run = 0; run < 10000; run++) {
        const text = randomDocument(random, questionList);
        const today = random() < 0.05 ? new Date(Number.NaN) : new Date(2000 + Math.floor(random() * 40), Math.floor(random() * 12), 1);
        const report = checkPlan(text, run % 7 === 0 ? { today } : { today, language: run % 2 === 0 ? 'en' : 'zh-cn', knowledge });
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const finding of report.findings) {
          assert.ok(finding.line >= 0 && finding.line < lineCount && (finding.endLine ?? finding.line) < lineCount);
          assert.ok(['hint', 'information', 'warning'].includes(finding.severity));
          assert.ok(finding.message.en !== '' && finding.message['zh-cn'] !== '');
        }
        for (const state of report.sections) {
          assert.ok(state.answered <= state.total && state.line <= state.endLine && state.endLine < lineCount);
        }
        const marker = FULL_PLAN_MARKERS[run % FULL_PLAN_MARKERS.length] ?? 'needs';
        const insertion = missingSectionInsertion(fullPlan, text, marker, today);
        if (insertion) {
          assert.ok(insertion.line < lineCount);
        }
        checked++;
      }
      console.log(`      fuzzing: ${checked} random documents checked, 0 threw`);
      assert.equal(checked, 10000);
    });

    it('checks a generated 5,000-line plan', () => {
      const text = generateLargePlan(5000);
      assert.equal(text.split('\n').length, 5000);
      const report = check(text, 'en');
      assert.ok(report.sections.length > 100);
      assert.ok(report.findings.some((finding) => finding.code === 'unanswered-questions'));
    });
  });
});

/** Replaces every template question left in the text with an answer (dates with a future date). */
function fillQuestions(text: string): string {
  const byLength = [...knowledge.questions].sort((a, b) => b.length - a.length);
  return text
    .split(/(\r\n|\r|\n)/)
    .map((line) => {
      let filled = line.replace(/YYYY-MM-DD/g, '2026-12-01');
      byLength.forEach((question, index) => {
        if (question !== 'YYYY-MM-DD' && filled.includes(question)) {
          filled = filled.split(question).join(`Filled in ${index}`);
        }
      });
      return filled;
    })
    .join('');
}

/** Quoted phrases of a message: "…" in English, “…” in Chinese. */
function quotesIn(message: string, language: ContentLanguage): string[] {
  const pattern = language === 'en' ? /"([^"]+)"/g : /“([^”]+)”/g;
  return [...message.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** A quote is the lesson's own words, a heading or text of the plan, or a template question. */
function isQuotable(quote: string, planText: string, language: ContentLanguage): boolean {
  const lesson = fs.readFileSync(path.join(root, 'content', 'lesson', `${language}.md`), 'utf8').replace(/\*\*/g, '');
  const bare = quote.replace(/…$/, '').replace(/[.。]$/, '');
  const lessonText = lesson.toLowerCase();
  const sectionNames = ['Common interests', 'Workload and keeping things even', '共同利益', '工作量与一碗水端平'];
  return (
    lessonText.includes(bare.toLowerCase()) ||
    planText.includes(bare) ||
    sectionNames.includes(bare) ||
    [...knowledge.questions].some((question) => question.startsWith(bare))
  );
}

/** xorshift32: small, seeded and repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

function randomDocument(random: () => number, questionList: readonly string[]): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (max: number): number => Math.floor(random() * max);
  const markers = [...PLAN_SECTION_MARKERS, 'retro', 'x', ''];
  const sideLabels = [...WORKLOAD_SIDE_LABELS.mine, ...WORKLOAD_SIDE_LABELS.theirs, 'Both', ''];
  const labels = ['My need', 'Their need', '对方的诉求', '我的诉求', 'Value I bring', 'Extra my side takes on', 'x', ''];
  const dates = ['YYYY-MM-DD', '2026-01-01', '1999-12-31', '2099-02-30', '0000-00-00', '2026-1-1', '9999-99-99'];
  const unicode = ['😀', '跨部门', '\u200b', '\u202e', '\ud800', '\udc00', '\u0000', 'é', '\ufeff', '\t', '“”', '：', '**', '|', '`', '#'];
  const randomText = (): string => {
    let text = '';
    const length = int(40);
    for (let index = 0; index < length; index++) {
      const roll = random();
      text += roll < 0.5 ? String.fromCharCode(32 + int(95)) : roll < 0.8 ? pick(unicode) : String.fromCharCode(int(0x10000));
    }
    return text;
  };
  const value = (): string => pick([randomText(), pick(questionList), '', `${int(20)} person-days`, '３人天']);
  const pieces: (() => string)[] = [
    () => `<!-- collab:${pick(markers)} -->`,
    () => pick(['<!--collab:needs-->', '   <!-- collab:workload -->', '<!-- collab:needs --> x', '<!-- collab:', '<!-- collab:checkin']),
    () => `${'#'.repeat(1 + int(8))}${pick([' ', '', '\t'])}${pick([randomText(), ...sideLabels])}${pick(['', ' ##', '#'])}`,
    () => `${pick(['', '  ', '    ', '\t'])}${pick(['-', '*', '+', '1.', '2)'])} **${pick(labels)}**${pick([':', '：', ''])} ${value()}`,
    () => `- **${pick(labels)}:** ${value()}`,
    () => `| ${pick(sideLabels)} | ${value()} | ${value()} |`,
    () => pick(['| Side | Task | Effort |', '| --- | --- | --- |', '|', '||||', '| :-: |']),
    () => `${pick(['', '  '])}- [${pick([' ', 'x', 'X', '?'])}] ${pick(dates)} ${value()}`,
    () => pick(['```', '~~~', '````', '```ts', '   ```', '~~~~~']),
    () => pick(['> Lesson: x', '> 课程：x', '> quote']),
    () => pick(questionList),
    () => randomText(),
    () => '',
    () => `  ${value()}`,
    () => {
      let bytes = '';
      for (let index = 0; index < 200; index++) {
        bytes += String.fromCharCode(int(0x10000));
      }
      return bytes;
    },
  ];
  const hugeLine = (): string =>
    pick(['|', '**', '- [ ] ', '#', ' ', '<!-- collab:', 'a', '```', '-', '：', '${1:', '\\']).repeat(5000 + int(60000)) + pick(['', 'x', '|', ' -->']);
  const lines: string[] = [];
  const count = int(80);
  for (let index = 0; index < count; index++) {
    lines.push(random() < 0.004 ? hugeLine() : pick(pieces)());
  }
  return lines.join(pick(['\n', '\n', '\r\n', '\r']));
}

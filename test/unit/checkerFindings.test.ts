/**
 * The plan checker in each content language: the complete plan of test/fixtures/plans finds
 * nothing, and each edit of it finds what the lesson asks about.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { FULL_PLAN_MARKERS, type FindingCode, checkPlan } from '../../src/plan/checker';
import { type SectionInsertion, missingSectionInsertion } from '../../src/plan/insertion';
import { snippetToPlainText } from '../../src/plan/snippet';
import { LABELS, TODAY, check, codes, completePlan, knowledge, questionOf, root, section, setField, template } from './checkerSupport';

function lineOf(text: string, fragment: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(fragment));
  assert.ok(index >= 0, `no line with "${fragment}"`);
  return index;
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

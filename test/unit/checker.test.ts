/**
 * The plan checker and the built-in templates' questions. Its findings in each language are in
 * checkerFindings.test.ts, any Markdown in checkerMarkdown.test.ts, shared helpers in checkerSupport.ts.
 */
import * as assert from 'node:assert/strict';
import { CONTENT_LANGUAGES } from '../../src/content/language';
import { FULL_PLAN_MARKERS, THEIR_NEED_LABELS, checkPlan } from '../../src/plan/checker';
import { listPlaceholders, snippetToPlainText } from '../../src/plan/snippet';
import { WORKLOAD_SIDE_LABELS } from '../../src/plan/templates';
import { LABELS, TODAY, check, codes, completePlan, knowledge, questionOf, section, setField, template, templates } from './checkerSupport';

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
});

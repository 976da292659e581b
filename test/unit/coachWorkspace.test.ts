import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPlan } from '../../src/plan/checker';
import { applyInsertion, fixAllMissingSections, suppressionInsertion } from '../../src/plan/insertion';
import { parsePlan } from '../../src/plan/planModel';
import { comparePlans, summarizePlan } from '../../src/plan/planSummary';
import { checkinKey, dueCheckins, reminderText } from '../../src/plan/reminders';
import { RULES } from '../../src/plan/rules';
import { snippetToPlainText } from '../../src/plan/snippet';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { builtInTemplateFileName, findMarkers, parsePlanTemplate } from '../../src/plan/templates';

const root = process.cwd();
const fullPlanEn = parsePlanTemplate('full-plan', 'en', fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName('full-plan', 'en')), 'utf8'));
const knowledge = templateKnowledge([fullPlanEn]);
const complete = fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', 'complete.en.md'), 'utf8');
const TODAY = new Date(2026, 2, 1);

function removeSection(text: string, marker: string): string {
  const start = text.indexOf(`<!-- collab:${marker} -->`);
  const next = text.indexOf('<!-- collab:', start + 5);
  return text.slice(0, start) + (next < 0 ? '' : text.slice(next));
}

function replace(text: string, replacement: { start: number; end: number; text: string }): string {
  return text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
}

describe('the coach at workspace scale', () => {
  describe('suppression comments', () => {
    const uneven = complete
      .replace('| 6 person-days |', '| 1 person-day |')
      .replace(/- \*\*Extra my side takes on\*\*:.*\n/, '- **Extra my side takes on**:\n')
      .replace(/- \*\*Practical help and emotional support\*\*:.*\n/, '- **Practical help and emotional support**:\n')
      .replace('[x] 2026-02-02', '[ ] YYYY-MM-DD')
      .replace('[ ] 2026-04-06', '[ ] YYYY-MM-DD');
    const codes = (text: string): string[] => checkPlan(text, { today: TODAY, knowledge }).findings.map((finding) => finding.code);

    it('finds the uneven workload without a comment', () => {
      assert.ok(codes(uneven).includes('uneven-workload'), codes(uneven).join());
    });

    it('disable-next-line above the table hides it, and the finding still counts against practice', () => {
      const text = uneven.replace('| Side | Task |', '<!-- collab-coach-disable-next-line uneven-workload -->\n| Side | Task |');
      const report = checkPlan(text, { today: TODAY, knowledge });
      assert.ok(!report.findings.some((finding) => finding.code === 'uneven-workload'));
      assert.ok(report.hidden >= 1);
      assert.equal(report.principlesPassing['principle-3'], false, 'a hidden finding never counts as practice');
    });

    it('disable … enable covers what lies between, for the codes named or for every rule', () => {
      const disabled = uneven.replace('<!-- collab:workload -->', '<!-- collab:workload -->\n<!-- collab-coach-disable uneven-workload, unanswered-questions -->');
      assert.ok(!codes(disabled).includes('uneven-workload'));
      const reenabled = disabled.replace('| Side | Task |', '<!-- collab-coach-enable uneven-workload -->\n\n| Side | Task |');
      assert.ok(codes(reenabled).includes('uneven-workload'));
      const all = uneven.replace('<!-- collab:workload -->', '<!-- collab:workload -->\n<!-- collab-coach-disable -->');
      assert.ok(!codes(all).includes('uneven-workload'));
    });

    it('ignores comments inside code', () => {
      const text = uneven.replace('| Side | Task |', '```\n<!-- collab-coach-disable -->\n```\n\n| Side | Task |');
      assert.ok(codes(text).includes('uneven-workload'));
    });

    it('"Don\'t check RULE here" writes its comment above the block holding the finding, which then hides it', () => {
      const report = checkPlan(uneven, { today: TODAY, knowledge });
      const finding = report.findings.find((each) => each.code === 'uneven-workload');
      assert.ok(finding);
      const insertion = suppressionInsertion(report.model, finding.line, finding.code, '\n');
      const fixed = applyInsertion(uneven, insertion);
      assert.ok(!codes(fixed).includes('uneven-workload'));
      assert.equal(fixed.split('\n')[insertion.line], '<!-- collab-coach-disable-next-line uneven-workload -->');
      assert.ok((fixed.split('\n')[insertion.line + 1] ?? '').startsWith('| Side'), 'above the table, not inside it');
    });
  });

  describe('severity', () => {
    it('sets a rule off, or to another severity', () => {
      const text = complete.replace('[x] 2026-02-02', '[ ] 2026-02-02');
      const normal = checkPlan(text, { today: TODAY, knowledge });
      assert.equal(normal.findings.find((finding) => finding.code === 'overdue-checkin')?.severity, 'warning');
      const hint = checkPlan(text, { today: TODAY, knowledge, severities: { 'overdue-checkin': 'hint' } });
      assert.equal(hint.findings.find((finding) => finding.code === 'overdue-checkin')?.severity, 'hint');
      const off = checkPlan(text, { today: TODAY, knowledge, severities: { 'overdue-checkin': 'off' } });
      assert.ok(!off.findings.some((finding) => finding.code === 'overdue-checkin'));
    });

    it('a plan just created puts at most one entry in the Problems panel (hints are not listed there)', () => {
      const fresh = checkPlan(snippetToPlainText(fullPlanEn.body, TODAY), { today: TODAY, knowledge });
      assert.ok(fresh.findings.length >= 4, 'it has findings: as hints');
      assert.ok(fresh.findings.filter((finding) => finding.severity !== 'hint').length <= 1, fresh.findings.map((finding) => finding.code).join());
    });

    it('every rule has a stable code, a default severity and a lesson section', () => {
      assert.deepEqual(
        RULES.map((rule) => rule.code),
        ['empty-section', 'unanswered-questions', 'no-shared-interest', 'one-sided-self-protection', 'uneven-workload', 'overdue-checkin', 'missing-section'],
      );
      assert.ok(RULES.every((rule) => ['hint', 'information', 'warning'].includes(rule.defaultSeverity) && rule.lessonSection.length > 0));
    });
  });

  describe('fix-all', () => {
    for (const missing of [['shared-interest'], ['shared-interest', 'self-protection'], ['needs', 'workload'], ['self-protection', 'workload']]) {
      it(`inserts ${missing.join(' and ')} at once, each where it belongs, as one replacement`, () => {
        const text = missing.reduce(removeSection, complete);
        const replacement = fixAllMissingSections(fullPlanEn, text, TODAY);
        assert.ok(replacement);
        const fixed = replace(text, replacement);
        assert.deepEqual(findMarkers(fixed), ['needs', 'shared-interest', 'self-protection', 'workload']);
        assert.ok(!/\n\n\n/.test(fixed), 'no run of blank lines');
        assert.equal(fixAllMissingSections(fullPlanEn, fixed, TODAY), undefined, 'nothing left to fix');
      });
    }

    it('leaves a document that is no full plan alone', () => {
      assert.equal(fixAllMissingSections(fullPlanEn, '<!-- collab:kickoff -->\n### Kickoff\n', TODAY), undefined);
      assert.equal(fixAllMissingSections(fullPlanEn, '# Notes\n', TODAY), undefined);
    });
  });

  describe('the Plans view rows', () => {
    it('sums the answers, marks the principles, names the next check-in and why a plan needs attention', () => {
      const healthy = summarizePlan(checkPlan(complete, { today: TODAY, knowledge }), '2026-03-01');
      assert.equal(healthy.title, 'a shared budget for the new reporting tool');
      assert.equal(healthy.counterpart, 'Finance');
      assert.equal(healthy.answered, healthy.total);
      assert.deepEqual(healthy.principles, { 'principle-1': true, 'principle-2': true, 'principle-3': true });
      assert.equal(healthy.nextCheckin?.date, '2026-04-06');
      assert.deepEqual(healthy.attention, []);
      const late = summarizePlan(checkPlan(complete, { today: new Date(2026, 4, 1), knowledge }), '2026-05-01');
      assert.deepEqual(late.attention, ['overdue-checkin']);
      assert.equal(late.overdue[0]?.date, '2026-04-06');
      const missing = summarizePlan(checkPlan(removeSection(complete, 'workload'), { today: TODAY, knowledge }), '2026-03-01');
      assert.deepEqual(missing.attention, ['missing-section']);
    });

    it('puts plans that need attention first, then by name', () => {
      const calm = summarizePlan(checkPlan(complete, { today: TODAY, knowledge }), '2026-03-01');
      const late = summarizePlan(checkPlan(complete, { today: new Date(2026, 4, 1), knowledge }), '2026-05-01');
      const rows = [
        { summary: calm, name: 'a' },
        { summary: late, name: 'z' },
        { summary: calm, name: 'b' },
      ].sort(comparePlans);
      assert.deepEqual(
        rows.map((row) => row.name),
        ['z', 'a', 'b'],
      );
    });
  });

  describe('check-in reminders', () => {
    const plan = { uri: 'file:///w/plan.md', model: parsePlan(complete, knowledge) };

    it('are due on the check-in date only, and not for held check-ins', () => {
      assert.deepEqual(
        dueCheckins([plan], '2026-04-06', {}).map((due) => due.checkin.date),
        ['2026-04-06'],
      );
      assert.deepEqual(dueCheckins([plan], '2026-04-05', {}), []);
      assert.deepEqual(dueCheckins([plan], '2026-04-07', {}), []);
      assert.deepEqual(dueCheckins([plan], '2026-02-02', {}), [], 'a held check-in is not due');
    });

    it('"Remind me tomorrow" brings it back the next day, and only then', () => {
      const due = dueCheckins([plan], '2026-04-06', {})[0];
      assert.ok(due);
      const snoozed = { [checkinKey(plan.uri, due.checkin)]: '2026-04-07' };
      assert.deepEqual(dueCheckins([plan], '2026-04-06', snoozed), []);
      assert.equal(dueCheckins([plan], '2026-04-07', snoozed).length, 1);
    });

    it('say who the check-in is with, in the content language', () => {
      const due = dueCheckins([plan], '2026-04-06', {});
      assert.equal(reminderText(due, 'en', () => 'plan.md'), 'Check-in with Finance today: who carried more, and how will you rebalance?');
      assert.match(reminderText(due, 'zh-cn', () => 'plan.md'), /^今天和Finance做阶段性检查/);
      const twice = reminderText([...due, ...due], 'en', () => 'plan.md');
      assert.match(twice, /\(1 more check-ins today\.\)$/);
    });
  });
});

/** The plan checker on any Markdown: fenced code, line ends, team sections, random and large documents. */
import * as assert from 'node:assert/strict';
import { FULL_PLAN_MARKERS, checkPlan } from '../../src/plan/checker';
import { missingSectionInsertion } from '../../src/plan/insertion';
import { PLAN_SECTION_MARKERS, WORKLOAD_SIDE_LABELS } from '../../src/plan/templates';
import { generateLargePlan } from '../fixtures/plans/generate';
import { check, completePlan, knowledge, setField, template } from './checkerSupport';

describe('plan checker', () => {
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

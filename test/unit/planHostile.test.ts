import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPlan } from '../../src/plan/checker';
import { missingSectionInsertion } from '../../src/plan/insertion';
import { buildMergeSnippet } from '../../src/plan/merge';
import { parsePlan } from '../../src/plan/planModel';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { builtInTemplateFileName, findMarkers, parsePlanTemplate, type PlanTemplate } from '../../src/plan/templates';

const root = process.cwd();
const fullPlan: PlanTemplate = parsePlanTemplate('full-plan', 'en', fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName('full-plan', 'en')), 'utf8'));
const knowledge = templateKnowledge([fullPlan]);
const complete = fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', 'complete.en.md'), 'utf8');
const TODAY = new Date(2026, 2, 1);

function insertAt(text: string, line: number, character: number, insert: string): string {
  const lines = text.split('\n');
  const offset = lines.slice(0, line).reduce((sum, each) => sum + each.length + 1, 0) + character;
  return text.slice(0, offset) + insert + text.slice(offset);
}

function withoutWorkload(text: string): string {
  return text.slice(0, text.indexOf('<!-- collab:workload -->')).trimEnd() + '\n';
}

describe('the plan reader on hostile documents', () => {
  it('is not fooled by a line starting with an inline code span: inserting the plan adds nothing twice', () => {
    const document = '```npm ci``` installs it\n\n' + complete;
    assert.deepEqual(findMarkers(document), ['needs', 'shared-interest', 'self-protection', 'workload']);
    const merge = buildMergeSnippet(fullPlan, document);
    assert.deepEqual(merge.added, []);
  });

  it('does not take a tab-indented fence or marker for one (indented code)', () => {
    const document = '\t```\n\t<!-- collab:needs -->\n<!-- collab:workload -->\n';
    assert.deepEqual(findMarkers(document), ['workload']);
  });

  it('does not let a line with an info string close a fence', () => {
    const document = '```\n<!-- collab:needs -->\n```js\n<!-- collab:workload -->\n```\n<!-- collab:checkin -->\n';
    assert.deepEqual(findMarkers(document), ['checkin']);
  });

  it('never throws on 130,000 open check-ins, and reports each overdue one', function () {
    this.timeout(60000); // 3.4 MB of text: no timing here, only room on a busy machine.
    const checkins = Array.from({ length: 130000 }, () => '- [ ] 2026-01-05 Rebalance').join('\n');
    const report = checkPlan(`<!-- collab:workload -->\n## Workload\n\n${checkins}\n`, { today: TODAY, knowledge });
    assert.equal(report.findings.filter((finding) => finding.code === 'overdue-checkin').length, 130000);
  });

  it('reads a field whose answer follows a megabyte of spaces and a line separator, as VS Code shows it', function () {
    this.timeout(60000);
    const text = `<!-- collab:needs -->\n- **My need**:${' '.repeat(1024 * 1024)}\u2028x\n`;
    const model = parsePlan(text, knowledge);
    assert.equal(model.sections[0]?.fields[0]?.answer, 'x');
    assert.equal(model.lineCount, 3, 'U+2028 is no line break in VS Code, so not here either');
  });

  it('inserts a missing last section after closing the fence the document ends in, so the fix shows', () => {
    for (const fence of ['```', '~~~~', '```ts']) {
      const document = withoutWorkload(complete) + `\n${fence}\nnpm ci\n`;
      const insertion = missingSectionInsertion(fullPlan, document, 'workload', TODAY);
      assert.ok(insertion, fence);
      const fixed = insertAt(document, insertion.line, insertion.character, insertion.text);
      assert.deepEqual(findMarkers(fixed), ['needs', 'shared-interest', 'self-protection', 'workload'], fence);
      const report = checkPlan(fixed, { today: TODAY, knowledge });
      assert.ok(!report.findings.some((finding) => finding.code === 'missing-section'), `${fence}: the finding is gone`);
    }
  });

  it('does not count a setext underline or a marker inside a multi-line comment', () => {
    const text = '<!-- collab:needs -->\n- **My need**:\n\nIt matters\n---\n<!--\n<!-- collab:workload -->\n-->\n';
    const model = parsePlan(text, knowledge);
    assert.deepEqual(
      model.sections.map((section) => section.marker),
      ['needs'],
    );
    assert.equal(model.sections[0]?.answered, 0);
  });
});

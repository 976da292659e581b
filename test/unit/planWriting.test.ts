/**
 * Writing a plan: merging a template into a document, the name and folder of a new plan file, and
 * the text a new plan starts with.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CONTENT_LANGUAGES } from '../../src/content/language';
import { lint } from 'markdownlint/promise';
import { buildMergeSnippet, insertionLayout, missingSections } from '../../src/plan/merge';
import { newPlanContent, normalizePlanInput, normalizePlanTitle } from '../../src/plan/newPlanText';
import { titleLineRanges } from '../../src/plan/titleLines';
import { planFileName, planFolderSegments, slugify, withCollisionSuffix, withCollisionSuffixAsync } from '../../src/plan/slug';
import { listPlaceholders, snippetToPlainText } from '../../src/plan/snippet';
import { type PlanTemplate, findMarkers } from '../../src/plan/templates';
import { EXPECTED_MARKERS, loadTemplate } from './planSupport';

describe('merging a template into a document', () => {
  const fullPlan = loadTemplate('full-plan', 'en');
  const fullPlanZh = loadTemplate('full-plan', 'zh-cn');
  const block = (template: PlanTemplate, marker: string): string =>
    snippetToPlainText(template.sections.find((section) => section.marker === marker)?.text ?? '');

  it('inserts the whole template into a document without its sections', () => {
    const result = buildMergeSnippet(fullPlan, 'Some notes.\n');
    assert.deepEqual(result.added, ['needs', 'shared-interest', 'self-protection', 'workload']);
    assert.deepEqual(result.present, []);
    assert.equal(result.snippet, fullPlan.body.replace(/\n+$/, '') + '\n');
  });

  it('adds exactly the missing sections, renumbered from 1, without the preamble', () => {
    // Written in Chinese, merged with the English template: markers are language independent.
    const document = `# 计划\n\n${block(fullPlanZh, 'needs')}\n${block(fullPlanZh, 'workload')}`;
    assert.deepEqual(missingSections(fullPlan, document), ['shared-interest', 'self-protection']);
    const result = buildMergeSnippet(fullPlan, document);
    assert.deepEqual(result.added, ['shared-interest', 'self-protection']);
    assert.deepEqual(result.present, ['needs', 'workload']);
    assert.deepEqual(findMarkers(result.snippet), ['shared-interest', 'self-protection']);
    assert.ok(!result.snippet.includes('Collaboration plan:'));
    const indices = listPlaceholders(result.snippet).map((placeholder) => placeholder.index);
    assert.deepEqual(indices, indices.map((_, position) => position + 1));
    assert.deepEqual(findMarkers(document + '\n' + result.snippet).sort(), [...EXPECTED_MARKERS['full-plan']].sort());
  });

  it('adds nothing when every section is present', () => {
    const document = snippetToPlainText(fullPlanZh.body);
    assert.deepEqual(missingSections(fullPlan, document), []);
    const result = buildMergeSnippet(fullPlan, document);
    assert.equal(result.snippet, '');
    assert.deepEqual(result.added, []);
    assert.deepEqual(result.present, EXPECTED_MARKERS['full-plan']);
  });

  it('always adds a check-in, however many the document has', () => {
    const checkin = loadTemplate('fairness-checkin', 'en');
    const document = snippetToPlainText(checkin.body) + snippetToPlainText(checkin.body);
    const result = buildMergeSnippet(checkin, document);
    assert.deepEqual(result.added, ['checkin']);
    assert.ok(result.snippet.includes('<!-- collab:checkin -->'));
  });

  it('finds markers in any language and ignores them in fenced code', () => {
    const document = ['<!-- collab:needs -->', '```markdown', '<!-- collab:workload -->', '```', '  <!--collab:kickoff-->  ', 'text <!-- collab:checkin -->'].join('\n');
    assert.deepEqual(findMarkers(document), ['needs', 'kickoff']);
    assert.deepEqual(findMarkers('<!-- collab:needs -->\r\n## x\r\n'), ['needs']);
  });

  it('lays the snippet out on an empty line without losing text', () => {
    assert.deepEqual(insertionLayout('', 0, undefined), { lineReplacement: undefined, lineOffset: 0, prefix: '' });
    assert.deepEqual(insertionLayout('', 0, 'a paragraph'), { lineReplacement: undefined, lineOffset: 0, prefix: '\n' });
    assert.deepEqual(insertionLayout('    ', 2, ''), { lineReplacement: '', lineOffset: 0, prefix: '' });
    assert.deepEqual(insertionLayout('abcDEF', 3, undefined), { lineReplacement: 'abc\n\n\nDEF', lineOffset: 2, prefix: '' });
    assert.deepEqual(insertionLayout('abc', 3, undefined), { lineReplacement: 'abc\n\n', lineOffset: 2, prefix: '' });
    assert.deepEqual(insertionLayout('  DEF', 1, undefined), { lineReplacement: '\n  DEF', lineOffset: 0, prefix: '' });
  });
});

describe('plan file names', () => {
  const day = new Date(2026, 2, 5, 23, 59);

  it('dates the name in local time', () => {
    assert.equal(planFileName(day, 'Budget'), '2026-03-05-budget.md');
    assert.equal(planFileName(new Date(2027, 10, 30, 0, 1), 'x'), '2027-11-30-x.md');
  });

  it('keeps Chinese characters readable', () => {
    assert.equal(planFileName(day, '年底预算：与财务部协同！'), '2026-03-05-年底预算-与财务部协同.md');
    assert.equal(slugify('  一碗水 端平  '), '一碗水-端平');
    assert.equal(slugify('Ｑ４ 预算'), 'q4-预算');
  });

  it('makes English titles lower-case with dashes', () => {
    assert.equal(slugify('Budget for Q4 / New Tool?'), 'budget-for-q4-new-tool');
    assert.equal(slugify('Café -- déjà vu'), 'café-déjà-vu');
  });

  it('drops characters Windows forbids and control characters', () => {
    assert.equal(slugify('a<b>c:d"e/f\\g|h?i*j\u0001k\tl'), 'a-b-c-d-e-f-g-h-i-j-k-l');
  });

  it('falls back to "plan" and limits the length', () => {
    assert.equal(slugify('！？。 …'), 'plan');
    assert.equal(slugify(''), 'plan');
    const long = slugify('协'.repeat(59) + ' ' + 'x'.repeat(10));
    assert.equal(Array.from(long).length, 59);
    assert.ok(!long.endsWith('-'));
    assert.equal(Array.from(slugify('y'.repeat(100))).length, 60);
  });

  it('adds -2, -3, … until the name is free', () => {
    const taken = new Set(['p.md', 'p-2.md']);
    assert.equal(withCollisionSuffix('p.md', (name) => taken.has(name)), 'p-3.md');
    assert.equal(withCollisionSuffix('free.md', () => false), 'free.md');
  });

  it('does the same with an asynchronous check', async () => {
    const taken = new Set(['2026-03-05-x.md']);
    assert.equal(await withCollisionSuffixAsync('2026-03-05-x.md', async (name) => taken.has(name)), '2026-03-05-x-2.md');
  });

  it('reads the plan folder setting, falling back to the default when it is wrong', () => {
    assert.deepEqual(planFolderSegments(undefined), { segments: ['docs', 'collaboration'] });
    assert.deepEqual(planFolderSegments('plans\\2026/./q1/'), { segments: ['plans', '2026', 'q1'] });
    assert.deepEqual(planFolderSegments(''), { segments: [] });
    assert.deepEqual(planFolderSegments(42), { segments: ['docs', 'collaboration'], problem: 'wrong-type' });
    assert.deepEqual(planFolderSegments('../elsewhere'), { segments: ['docs', 'collaboration'], problem: 'outside-workspace' });
    assert.deepEqual(planFolderSegments('/etc'), { segments: ['docs', 'collaboration'], problem: 'outside-workspace' });
    assert.deepEqual(planFolderSegments('C:\\plans'), { segments: ['docs', 'collaboration'], problem: 'outside-workspace' });
  });
});

/** markdownlint's default rules, line length (MD013) aside: one line per problem. */
async function lintProblems(text: string): Promise<string[]> {
  const results = await lint({ strings: { plan: text }, config: { default: true, MD013: false } });
  return (results['plan'] ?? []).map((problem) => `line ${problem.lineNumber}: ${problem.ruleNames.join('/')} ${problem.errorContext ?? ''}`);
}

describe('a new plan file: complete text and the snippet that walks its questions', () => {
  const now = new Date(2026, 11, 2, 9, 30);
  const inputs = { counterpart: '财务部', title: '年底预算 $100 {Q4}' };

  for (const language of CONTENT_LANGUAGES) {
    it(`holds the whole plan as plain text, with the inputs filled in (${language})`, async () => {
      const { text } = newPlanContent(loadTemplate('full-plan', language), inputs, now);
      assert.deepEqual(findMarkers(text), EXPECTED_MARKERS['full-plan']);
      assert.ok(text.split('\n')[0]?.startsWith('# ') && text.split('\n')[0]?.endsWith('年底预算 $100 {Q4}'), text.slice(0, 80));
      assert.ok(text.includes('财务部'));
      assert.ok(text.includes('2026-12-02'), 'the start date is today');
      assert.ok(!text.includes('${'), 'no snippet syntax on disk');
      assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), 'one final newline');
      assert.deepEqual(await lintProblems(text), []);
    });
  }

  it('has a snippet that expands to exactly that text, whatever the day, with tab stops on the questions', () => {
    const template = loadTemplate('full-plan', 'en');
    const { text, snippet } = newPlanContent(template, inputs, now);
    assert.equal(snippetToPlainText(snippet, new Date(2030, 0, 1)), text, 'no date variable left to expand to another day');
    const placeholders = listPlaceholders(snippet);
    assert.equal(placeholders[0]?.text, 'What is my need?', 'the first stop is the first question');
    assert.deepEqual(
      placeholders.map((placeholder) => placeholder.index),
      placeholders.map((_, position) => position + 1),
    );
    assert.equal(placeholders.length, listPlaceholders(template.body).length - 2, 'every question but the two filled in');
  });

  it('keeps inputs on one line and drops sentence punctuation ending the title (a heading)', () => {
    assert.equal(normalizePlanInput('  Finance\n\tteam  '), 'Finance team');
    assert.equal(Array.from(normalizePlanInput('协'.repeat(300))).length, 200);
    assert.equal(normalizePlanTitle('Year-end budget.'), 'Year-end budget');
    assert.equal(normalizePlanTitle('年底预算：与财务部协同！ '), '年底预算：与财务部协同');
    assert.equal(normalizePlanTitle('Why now?'), 'Why now?');
    assert.equal(normalizePlanTitle('!!!'), '');
  });
});

describe('inserting the full plan into a document that has a title', () => {
  const fullPlan = loadTemplate('full-plan', 'en');
  const insertedAtEnd = (document: string): string => document + '\n' + snippetToPlainText(buildMergeSnippet(fullPlan, document, titleLineRanges).snippet);

  for (const document of ['# Budget with Finance\n\nNotes from the first call.\n', 'Budget with Finance\n===================\n\nNotes.\n']) {
    it(`leaves the document's title the only one and keeps the partner line: ${JSON.stringify(document.slice(0, 24))}`, () => {
      const result = buildMergeSnippet(fullPlan, document, titleLineRanges);
      assert.deepEqual(result.added, EXPECTED_MARKERS['full-plan']);
      assert.ok(!result.snippet.includes('Collaboration plan:'), result.snippet.slice(0, 120));
      assert.ok(result.snippet.startsWith('- Partner department: ${1:'), result.snippet.slice(0, 120));
      const indices = listPlaceholders(result.snippet).map((placeholder) => placeholder.index);
      assert.deepEqual(indices, indices.map((_, position) => position + 1));
    });
  }

  it('gives a document that passes markdownlint (its title, then the plan)', async () => {
    assert.deepEqual(await lintProblems(insertedAtEnd('# Budget with Finance\n\nNotes from the first call.\n')), []);
  });

  it('drops the title of a team template without markers too, unless the title is all it has', () => {
    const team = (body: string): Parameters<typeof buildMergeSnippet>[0] => ({ body, preamble: body, sections: [] });
    assert.equal(buildMergeSnippet(team('# Weekly sync\n\n- ${1:What moved?}\n'), '# Plan\n', titleLineRanges).snippet, '- ${1:What moved?}\n');
    assert.equal(buildMergeSnippet(team('# Weekly sync\n'), '# Plan\n', titleLineRanges).snippet, '# Weekly sync\n');
  });

  it('finds top-level headings as CommonMark reads them', () => {
    assert.deepEqual(titleLineRanges('Title\n=====\n\n# Second\r\n\n## Not top level\n'), [[0, 2], [3, 4]]);
    assert.deepEqual(titleLineRanges('~~~md\n# in code\n~~~\n    # indented code\n<!--\n# in a comment\n-->\n'), []);
  });

  it('keeps the template title when the document has none (a "#" in code or a second-level heading is not one)', () => {
    for (const document of ['', 'Notes.\n', '```\n# not a title\n```\n', '## A section\n']) {
      assert.ok(buildMergeSnippet(fullPlan, document, titleLineRanges).snippet.startsWith('# Collaboration plan: ${1:'), JSON.stringify(document));
    }
  });
});

describe('the plan folder setting', () => {
  it('is read per workspace folder (resource scope), so a folder of a multi-root workspace can set its own', () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    assert.equal(manifest.contributes.configuration.properties['collabCoach.plan.folder']?.scope, 'resource');
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInputObject, shownValue } from '../../src/base/toolInput';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { parseLessonSections } from '../../src/content/lesson';
import { LESSON_SECTION_IDS } from '../../src/content/sections';
import { lessonSectionText, parseLessonSectionInput } from '../../src/lesson/lessonTool';
import { AGENT_TOOL_NAMES } from '../../src/plan/agentToolNames';
import {
  checkPlanResultText,
  classifyPathInput,
  folderForRelativePath,
  isWithinFolder,
  listPlansResultText,
  normalizeAbsolutePath,
  normalizeRelativePath,
  parseCheckPlanInput,
  parseListPlansInput,
  planFindings,
  planListEntry,
} from '../../src/plan/agentTools';
import { checkPlan } from '../../src/plan/checker';
import { summarizePlan } from '../../src/plan/planSummary';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { BUILT_IN_TEMPLATE_IDS, builtInTemplateFileName, parsePlanTemplate } from '../../src/plan/templates';

const root = process.cwd();
const readRepoFile = (...segments: string[]): string => fs.readFileSync(path.join(root, ...segments), 'utf8');
const knowledge = templateKnowledge(
  CONTENT_LANGUAGES.flatMap((language) =>
    BUILT_IN_TEMPLATE_IDS.map((id) => parsePlanTemplate(id, language, readRepoFile('content', 'templates', builtInTemplateFileName(id, language)))),
  ),
);
/** After the fixtures' open check-in (2026-04-06): it is overdue. */
const AFTER_CHECKIN = new Date(2026, 4, 1);

function lineOf(text: string, fragment: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(fragment));
  assert.ok(index >= 0, `no line with "${fragment}"`);
  return index;
}

describe('language model tools: input', () => {
  it('reads no input, or null, as an empty object; refuses what is not an object', () => {
    assert.deepEqual(readInputObject(undefined, ['path']), { ok: true, value: {} });
    assert.deepEqual(readInputObject(null, ['path']), { ok: true, value: {} });
    for (const input of ['docs/plan.md', 42, true, ['docs/plan.md']]) {
      assert.deepEqual(readInputObject(input, ['path']), { ok: false, error: { kind: 'not-an-object' } }, JSON.stringify(input));
    }
  });

  it('names an unknown property and the allowed ones', () => {
    assert.deepEqual(parseCheckPlanInput({ path: 'a.md', file: 'b.md' }), {
      ok: false,
      error: { kind: 'unknown-property', property: 'file', allowed: ['path'] },
    });
    assert.deepEqual(parseListPlansInput({ filter: 'late' }), { ok: false, error: { kind: 'unknown-property', property: 'filter', allowed: [] } });
    assert.deepEqual(parseListPlansInput({}), { ok: true, value: {} });
    assert.deepEqual(parseListPlansInput(undefined), { ok: true, value: {} });
  });

  it('check a plan: the path is optional, a string, not blank, trimmed', () => {
    assert.deepEqual(parseCheckPlanInput({}), { ok: true, value: { path: undefined } });
    assert.deepEqual(parseCheckPlanInput({ path: '  docs/plan.md ' }), { ok: true, value: { path: 'docs/plan.md' } });
    assert.deepEqual(parseCheckPlanInput({ path: 7 }), { ok: false, error: { kind: 'wrong-type', property: 'path', expected: 'string' } });
    assert.deepEqual(parseCheckPlanInput({ path: ['a.md'] }), { ok: false, error: { kind: 'wrong-type', property: 'path', expected: 'string' } });
    assert.deepEqual(parseCheckPlanInput({ path: ' \t' }), { ok: false, error: { kind: 'empty-path' } });
  });

  it('read a lesson section: the section is required and known, the language optional and known', () => {
    assert.deepEqual(parseLessonSectionInput({ section: 'principle-2' }), { ok: true, value: { section: 'principle-2', language: undefined } });
    assert.deepEqual(parseLessonSectionInput({ section: 'summary', language: 'zh-cn' }), { ok: true, value: { section: 'summary', language: 'zh-cn' } });
    assert.deepEqual(parseLessonSectionInput({}), { ok: false, error: { kind: 'missing-property', property: 'section' } });
    assert.deepEqual(parseLessonSectionInput({ section: 1 }), { ok: false, error: { kind: 'wrong-type', property: 'section', expected: 'string' } });
    assert.deepEqual(parseLessonSectionInput({ section: 'principle-4' }), {
      ok: false,
      error: { kind: 'unknown-section', value: 'principle-4', known: LESSON_SECTION_IDS },
    });
    assert.deepEqual(parseLessonSectionInput({ section: 'summary', language: 'fr' }), {
      ok: false,
      error: { kind: 'unknown-language', value: 'fr', known: CONTENT_LANGUAGES },
    });
    assert.deepEqual(parseLessonSectionInput({ section: 'summary', language: 2 }), {
      ok: false,
      error: { kind: 'wrong-type', property: 'language', expected: 'string' },
    });
    assert.deepEqual(parseLessonSectionInput({ section: 'summary', page: 2 }), {
      ok: false,
      error: { kind: 'unknown-property', property: 'page', allowed: ['section', 'language'] },
    });
  });

  it('cuts a long value short in an error', () => {
    const long = 'x'.repeat(5000);
    const result = parseLessonSectionInput({ section: long });
    assert.ok(!result.ok && result.error.kind === 'unknown-section');
    assert.equal(!result.ok && result.error.kind === 'unknown-section' ? result.error.value.length : 0, 201);
    assert.equal(shownValue({ a: 1 }), '{"a":1}');
  });
});

describe('language model tools: paths', () => {
  it('tells URIs, absolute and relative paths apart', () => {
    assert.deepEqual(classifyPathInput('docs/plan.md'), { kind: 'relative', path: 'docs/plan.md' });
    assert.deepEqual(classifyPathInput('.\\docs\\plan.md'), { kind: 'relative', path: './docs/plan.md' });
    assert.deepEqual(classifyPathInput('/home/me/ws/plan.md'), { kind: 'absolute', path: '/home/me/ws/plan.md' });
    assert.deepEqual(classifyPathInput('C:\\ws\\plan.md'), { kind: 'absolute', path: '/c:/ws/plan.md' });
    assert.deepEqual(classifyPathInput('file:///home/me/ws/plan.md'), { kind: 'uri', text: 'file:///home/me/ws/plan.md' });
    assert.deepEqual(classifyPathInput('vscode-test-web://mount/docs/plan.md'), { kind: 'uri', text: 'vscode-test-web://mount/docs/plan.md' });
  });

  it('resolves dots in a relative path and refuses one climbing out of its folder', () => {
    assert.deepEqual(normalizeRelativePath('docs/./drafts/../plan.md'), ['docs', 'plan.md']);
    assert.deepEqual(normalizeRelativePath('docs//plan.md'), ['docs', 'plan.md']);
    assert.deepEqual(normalizeRelativePath('.'), []);
    assert.equal(normalizeRelativePath('../secrets.md'), undefined);
    assert.equal(normalizeRelativePath('docs/../../secrets.md'), undefined);
  });

  it('resolves dots in an absolute path before it is compared with a folder', () => {
    const resolved = normalizeAbsolutePath('/home/me/ws/../other/plan.md');
    assert.equal(resolved, '/home/me/other/plan.md');
    assert.equal(isWithinFolder('/home/me/ws', resolved), false);
    assert.equal(normalizeAbsolutePath('/../../plan.md'), '/plan.md');
  });

  it('a path is within a folder when it is the folder or below it, not a sibling sharing its prefix', () => {
    assert.equal(isWithinFolder('/home/me/ws', '/home/me/ws/docs/plan.md'), true);
    assert.equal(isWithinFolder('/home/me/ws/', '/home/me/ws/plan.md'), true);
    assert.equal(isWithinFolder('/home/me/ws', '/home/me/ws'), true);
    assert.equal(isWithinFolder('/home/me/ws', '/home/me/ws2/plan.md'), false);
    assert.equal(isWithinFolder('/home/me/ws', '/home/me/plan.md'), false);
  });

  it('in a multi-root workspace a first segment naming a folder picks it', () => {
    assert.deepEqual(folderForRelativePath(['api', 'docs', 'plan.md'], ['web', 'api']), { folder: 1, segments: ['docs', 'plan.md'] });
    assert.deepEqual(folderForRelativePath(['docs', 'plan.md'], ['web', 'api']), { folder: 0, segments: ['docs', 'plan.md'] });
    assert.deepEqual(folderForRelativePath(['api', 'plan.md'], ['api']), { folder: 0, segments: ['api', 'plan.md'] }, 'one folder: no folder name in front');
    assert.deepEqual(folderForRelativePath(['api'], ['web', 'api']), { folder: 0, segments: ['api'] }, 'a lone segment is a file');
  });
});

describe('language model tools: results', () => {
  for (const language of CONTENT_LANGUAGES) {
    it(`${language}: a plan's findings with 1-based lines and messages in the language asked for`, () => {
      const text = readRepoFile('test', 'fixtures', 'plans', `complete.${language}.md`);
      const report = checkPlan(text, { today: AFTER_CHECKIN, language, knowledge });
      const other: ContentLanguage = language === 'en' ? 'zh-cn' : 'en';
      const result = planFindings('docs/plan.md', report, other);
      assert.equal(result.file, 'docs/plan.md');
      assert.equal(result.title, report.model.title?.text);
      assert.equal(result.hidden, 0);
      assert.deepEqual(
        result.findings.map(({ code, severity, line }) => ({ code, severity, line })),
        [{ code: 'overdue-checkin', severity: 'warning', line: lineOf(text, '[ ] 2026-04-06') + 1 }],
      );
      assert.equal(result.findings[0]?.message, report.findings[0]?.message[other]);
      assert.equal(result.findings[0]?.lessonSection, 'principle-3');
      assert.deepEqual(JSON.parse(checkPlanResultText([result])), { plans: [result] });
    });
  }

  it("a rule set to off is counted as hidden, as the user's severities say", () => {
    const text = readRepoFile('test', 'fixtures', 'plans', 'complete.en.md');
    const report = checkPlan(text, { today: AFTER_CHECKIN, language: 'en', knowledge, severities: { 'overdue-checkin': 'off' } });
    assert.deepEqual(planFindings('plan.md', report, 'en'), { file: 'plan.md', title: report.model.title?.text ?? null, findings: [], hidden: 1 });
  });

  it('a finding over several lines gives its last line, 1-based', () => {
    const report = checkPlan(readRepoFile('test', 'fixtures', 'plans', 'complete.en.md'), { today: AFTER_CHECKIN, language: 'en', knowledge });
    const finding = report.findings[0];
    assert.ok(finding);
    const spanning = { ...report, findings: [{ ...finding, line: 4, endLine: 9 }, { ...finding, line: 6, endLine: 6 }] };
    assert.deepEqual(
      planFindings('plan.md', spanning, 'en').findings.map(({ line, endLine }) => ({ line, endLine })),
      [{ line: 5, endLine: 10 }, { line: 7, endLine: undefined }],
    );
  });

  it("a plan as the Plans view summarizes it, reasons worded by the caller", () => {
    const text = readRepoFile('test', 'fixtures', 'plans', 'complete.en.md');
    const report = checkPlan(text, { today: AFTER_CHECKIN, language: 'en', knowledge });
    const summary = summarizePlan(report, '2026-05-01');
    const entry = planListEntry('docs/plan.md', summary, (code) => `reason for ${code}`);
    assert.deepEqual(entry, {
      file: 'docs/plan.md',
      title: 'a shared budget for the new reporting tool',
      counterpart: 'Finance',
      answered: summary.answered,
      total: summary.total,
      principles: { 'principle-1': true, 'principle-2': true, 'principle-3': false },
      nextCheckin: null,
      overdueCheckins: ['2026-04-06'],
      attention: [{ code: 'overdue-checkin', reason: 'reason for overdue-checkin' }],
    });
    assert.ok(entry.total > 0 && entry.answered === entry.total, 'the complete plan answers every question');
    assert.deepEqual(JSON.parse(listPlansResultText([entry])), { count: 1, plans: [entry] });
  });
});

describe('language model tools: the lesson', () => {
  for (const language of CONTENT_LANGUAGES) {
    const sections = parseLessonSections(readRepoFile('content', 'lesson', `${language}.md`));

    it(`${language}: every section id reads as its heading and text`, () => {
      for (const id of LESSON_SECTION_IDS) {
        const section = sections.find((candidate) => candidate.id === id);
        assert.ok(section, id);
        const text = lessonSectionText(sections, id);
        assert.ok(text?.startsWith(`${'#'.repeat(section.level)} ${section.title} {#${id}}\n\n`), id);
        assert.ok(text?.includes(section.body), id);
      }
    });

    it(`${language}: a section lists the sections inside it, and a leaf none`, () => {
      assert.match(lessonSectionText(sections, 'principles') ?? '', /<!-- sections inside: principle-1, self-check, example-finance, principle-2, example-hobby, principle-3, example-workload -->$/);
      assert.match(lessonSectionText(sections, 'principle-1') ?? '', /<!-- sections inside: self-check, example-finance -->$/);
      assert.doesNotMatch(lessonSectionText(sections, 'self-check') ?? '', /sections inside/);
      assert.doesNotMatch(lessonSectionText(sections, 'summary') ?? '', /sections inside/);
    });
  }

  it('the self-check reads in the language asked for', () => {
    const english = parseLessonSections(readRepoFile('content', 'lesson', 'en.md'));
    const chinese = parseLessonSections(readRepoFile('content', 'lesson', 'zh-cn.md'));
    assert.match(lessonSectionText(english, 'self-check') ?? '', /What is the other side's need\?/);
    assert.match(lessonSectionText(chinese, 'self-check') ?? '', /^#### 自查/);
  });

  it('a lesson without the section gives nothing', () => {
    assert.equal(lessonSectionText(parseLessonSections('# Title\n\n## Only {#overview}\n\nText.\n'), 'summary'), undefined);
  });
});

describe('language model tools: the manifest', () => {
  interface ContributedTool {
    name: string;
    toolReferenceName?: string;
    canBeReferencedInPrompt?: boolean;
    modelDescription?: string;
    inputSchema?: { properties?: Record<string, { enum?: string[] }>; additionalProperties?: boolean };
  }
  const manifest = JSON.parse(readRepoFile('package.json')) as { engines: { vscode: string }; contributes: { languageModelTools?: ContributedTool[] } };
  const tools = manifest.contributes.languageModelTools ?? [];

  it('contributes exactly the tools the extension registers, each with a strict input schema', () => {
    assert.deepEqual(
      tools.map((tool) => tool.name),
      [...AGENT_TOOL_NAMES],
    );
    for (const tool of tools) {
      assert.match(tool.name, /^(?!copilot_|vscode_)[\w-]+$/, tool.name);
      assert.ok(tool.canBeReferencedInPrompt && /^[\w-]+$/.test(tool.toolReferenceName ?? ''), `${tool.name} can be referenced as #name`);
      assert.ok((tool.modelDescription ?? '').length > 100, `${tool.name} tells the model what it does`);
      assert.equal(tool.inputSchema?.additionalProperties, false, tool.name);
    }
  });

  it("the lesson tool's schema offers the lesson's section ids and languages", () => {
    const schema = tools.find((tool) => tool.name === 'collabCoach_readLessonSection')?.inputSchema;
    assert.deepEqual(schema?.properties?.['section']?.enum, [...LESSON_SECTION_IDS]);
    assert.deepEqual(schema?.properties?.['language']?.enum, [...CONTENT_LANGUAGES]);
  });

  it('engines.vscode stays at ^1.91 (the tools are found at run time)', () => {
    assert.equal(manifest.engines.vscode, '^1.91.0');
  });
});

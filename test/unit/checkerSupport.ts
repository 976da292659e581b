/**
 * What the plan checker's tests share: the built-in templates and what the checker learns from
 * them, the complete plans of test/fixtures/plans, and helpers to read a report and edit a plan.
 * Not a test file itself (mocha runs only `*.test.js`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../src/content/language';
import { type FindingCode, type PlanReport, checkPlan } from '../../src/plan/checker';
import { templateKnowledge } from '../../src/plan/templateKnowledge';
import { snippetToPlainText } from '../../src/plan/snippet';
import { BUILT_IN_TEMPLATE_IDS, type BuiltInTemplateId, type PlanTemplate, builtInTemplateFileName, parsePlanTemplate } from '../../src/plan/templates';

export const root = process.cwd();
export const templates: PlanTemplate[] = CONTENT_LANGUAGES.flatMap((language) =>
  BUILT_IN_TEMPLATE_IDS.map((id) =>
    parsePlanTemplate(id, language, fs.readFileSync(path.join(root, 'content', 'templates', builtInTemplateFileName(id, language)), 'utf8')),
  ),
);
export const knowledge = templateKnowledge(templates);
/** Between the held check-in (2026-02-02) and the open one (2026-04-06) of the fixtures. */
export const TODAY = new Date(2026, 2, 1);

export function template(id: BuiltInTemplateId, language: ContentLanguage): PlanTemplate {
  const found = templates.find((candidate) => candidate.id === id && candidate.language === language);
  assert.ok(found, `template ${id}.${language}`);
  return found;
}

export function completePlan(language: ContentLanguage): string {
  return fs.readFileSync(path.join(root, 'test', 'fixtures', 'plans', `complete.${language}.md`), 'utf8');
}

export function check(text: string, language: ContentLanguage, today: Date = TODAY): PlanReport {
  return checkPlan(text, { today, language, knowledge });
}

export const codes = (report: PlanReport): FindingCode[] => report.findings.map((finding) => finding.code);

export function section(report: PlanReport, marker: string): PlanReport['sections'][number] {
  const found = report.sections.find((candidate) => candidate.marker === marker);
  assert.ok(found, `section ${marker}`);
  return found;
}

/** Sets the value of the field `- **label**: …` (either colon). */
export function setField(text: string, label: string, value: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(`**${label}**`));
  assert.ok(index >= 0, `no field ${label}`);
  const line = lines[index] ?? '';
  const colon = line.includes('**：') ? '：' : ': ';
  lines[index] = line.slice(0, line.indexOf(`**${label}**`)) + `**${label}**${colon}${value}`;
  return lines.join('\n');
}

/** The template's question for the field `label` of a built-in template. */
export function questionOf(id: BuiltInTemplateId, language: ContentLanguage, label: string): string {
  const line = snippetToPlainText(template(id, language).body, TODAY)
    .split('\n')
    .find((candidate) => candidate.includes(`**${label}**`));
  assert.ok(line, `template field ${label}`);
  return line.replace(/^.*?\*\*[:：]\s*/, '');
}

/** The labels of each content language used to edit the fixtures. */
export const LABELS = {
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

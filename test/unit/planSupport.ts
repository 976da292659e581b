/**
 * What the plan tests share: the built-in templates as read from content/templates, and the
 * markers each one has. Not a test file itself (mocha runs only `*.test.js`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContentLanguage } from '../../src/content/language';
import { type BuiltInTemplateId, type PlanTemplate, builtInTemplateFileName, parsePlanTemplate } from '../../src/plan/templates';

export const contentDir = path.join(process.cwd(), 'content');

export function loadTemplate(id: BuiltInTemplateId, language: ContentLanguage): PlanTemplate {
  const text = fs.readFileSync(path.join(contentDir, 'templates', builtInTemplateFileName(id, language)), 'utf8');
  return parsePlanTemplate(id, language, text);
}

export const EXPECTED_MARKERS: Record<BuiltInTemplateId, string[]> = {
  'full-plan': ['needs', 'shared-interest', 'self-protection', 'workload'],
  'quick-check': ['quick-check'],
  'fairness-checkin': ['checkin'],
  'kickoff-note': ['kickoff'],
};

/**
 * The language model tools' work (a lazily loaded chunk, dist/agent-tools.js), loaded the first
 * time an agent calls one: check a plan with the coach's checker and the user's severities, read a
 * lesson section, list the plans as the Plans view does. Reads only; every problem comes back as
 * words for the model, never as a throw.
 */
import * as vscode from 'vscode';
import type { Log } from '../../base/log';
import type { AgentToolError } from '../../base/toolInput';
import { type LessonSection, parseLessonSections } from '../../content/lesson';
import type { ContentLanguage } from '../../content/language';
import { readContentText } from '../../content/vscode/contentFiles';
import { LESSON_SECTION_IDS } from '../../content/sections';
import { currentContentLanguage } from '../../content/vscode/settings';
import { lessonSectionText, parseLessonSectionInput } from '../../lesson/lessonTool';
import type { AgentToolName } from '../agentToolNames';
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
} from '../agentTools';
import { checkPlan } from '../checker';
import type { CoachFeature } from './coachFeature';
import { ruleSeverities } from './coachSettings';
import { CoachTemplates } from './coachTemplates';
import type { AgentToolsRunner } from './languageModelTools';
import { attentionReason } from './plansTree';
import type { TemplateCatalogue } from './templateCatalogue';

export interface AgentToolsDependencies {
  readonly extensionUri: vscode.Uri;
  readonly log: Log;
  /** The coach, loaded lazily: its index of the workspace's plans. */
  readonly coach: () => Promise<CoachFeature>;
  /** The one template catalogue: what the templates ask, for the plan model. */
  readonly catalogue: () => Promise<TemplateCatalogue>;
}

type Resolved = { readonly uri: vscode.Uri } | { readonly error: AgentToolError };

/** A path given by the model, as a file in one of the workspace folders. */
function resolveWorkspaceFile(raw: string): Resolved {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    return { error: { kind: 'no-workspace' } };
  }
  const outside: Resolved = { error: { kind: 'outside-workspace', path: raw } };
  const input = classifyPathInput(raw);
  if (input.kind === 'relative') {
    const segments = normalizeRelativePath(input.path);
    if (!segments) {
      return outside;
    }
    const picked = folderForRelativePath(segments, folders.map((folder) => folder.name));
    const folder = folders[picked.folder];
    return folder ? { uri: vscode.Uri.joinPath(folder.uri, ...picked.segments) } : outside;
  }
  let parsed: vscode.Uri | undefined;
  if (input.kind === 'uri') {
    try {
      parsed = vscode.Uri.parse(input.text, true);
    } catch {
      return outside;
    }
  }
  const path = normalizeAbsolutePath(parsed?.path ?? (input.kind === 'absolute' ? input.path : ''));
  const folder = folders.find(
    (candidate) =>
      (!parsed || (candidate.uri.scheme === parsed.scheme && candidate.uri.authority === parsed.authority)) && isWithinFolder(candidate.uri.path, path),
  );
  return folder ? { uri: folder.uri.with({ path, query: '', fragment: '' }) } : outside;
}

/** A tool's error in words: the model reads them, and so may the user. */
export function agentToolErrorText(error: AgentToolError): string {
  switch (error.kind) {
    case 'not-an-object':
      return vscode.l10n.t('Error: the input must be a JSON object.');
    case 'unknown-property':
      return error.allowed.length === 0
        ? vscode.l10n.t('Error: this tool takes no input, but got the property "{0}".', error.property)
        : vscode.l10n.t('Error: unknown input property "{0}"; the properties are: {1}.', error.property, error.allowed.join(', '));
    case 'wrong-type':
      return vscode.l10n.t('Error: the input property "{0}" must be a {1}.', error.property, error.expected);
    case 'missing-property':
      return vscode.l10n.t('Error: the input property "{0}" is required.', error.property);
    case 'unknown-section':
      return vscode.l10n.t('Error: the lesson has no section "{0}"; its sections are: {1}.', error.value, error.known.join(', '));
    case 'unknown-language':
      return vscode.l10n.t('Error: the lesson is not written in "{0}"; its languages are: {1}.', error.value, error.known.join(', '));
    case 'empty-path':
      return vscode.l10n.t('Error: the path is empty; give a plan file in the workspace, or no path to check every plan.');
    case 'no-workspace':
      return vscode.l10n.t('Error: no folder is open, so there is no workspace to look in.');
    case 'outside-workspace':
      return vscode.l10n.t('Error: "{0}" is outside the workspace folders; give a plan file in the workspace.', error.path);
    case 'missing-file':
      return vscode.l10n.t('Error: there is no file at "{0}".', error.path);
    case 'not-a-plan':
      return vscode.l10n.t('Error: "{0}" is not a Collab Coach plan: it holds no Collab Coach section markers.', error.path);
    case 'unreadable':
      return vscode.l10n.t('Error: "{0}" could not be read ({1}).', error.path, error.reason);
  }
}

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

class AgentTools implements AgentToolsRunner {
  private templates: CoachTemplates | undefined;
  private readonly lessons = new Map<ContentLanguage, Promise<LessonSection[]>>();

  constructor(private readonly deps: AgentToolsDependencies) {}

  async run(name: AgentToolName, input: unknown): Promise<string> {
    switch (name) {
      case 'collabCoach_checkPlan':
        return this.checkPlan(input);
      case 'collabCoach_readLessonSection':
        return this.readLessonSection(input);
      case 'collabCoach_listPlans':
        return this.listPlans(input);
    }
  }

  private async checkPlan(input: unknown): Promise<string> {
    const parsed = parseCheckPlanInput(input);
    if (!parsed.ok) {
      return agentToolErrorText(parsed.error);
    }
    const language = currentContentLanguage();
    if (parsed.value.path === undefined) {
      const plans = await (await this.deps.coach()).index.all();
      const files = plans.map((plan) => planFindings(relativePath(plan.uri), plan.report, language)).sort((a, b) => a.file.localeCompare(b.file));
      return checkPlanResultText(files);
    }
    const resolved = resolveWorkspaceFile(parsed.value.path);
    if ('error' in resolved) {
      return agentToolErrorText(resolved.error);
    }
    const read = await this.planText(resolved.uri, parsed.value.path);
    if ('error' in read) {
      return agentToolErrorText(read.error);
    }
    this.templates ??= new CoachTemplates(await this.deps.catalogue());
    const { knowledge } = await this.templates.load();
    const report = checkPlan(read.text, { today: new Date(), language, knowledge, severities: ruleSeverities(resolved.uri) });
    if (report.sections.length === 0) {
      return agentToolErrorText({ kind: 'not-a-plan', path: parsed.value.path });
    }
    return checkPlanResultText([planFindings(relativePath(resolved.uri), report, language)]);
  }

  /** The plan's text: an open editor's (perhaps unsaved), as the coach reads it, or the file's. */
  private async planText(uri: vscode.Uri, shown: string): Promise<{ readonly text: string } | { readonly error: AgentToolError }> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);
    if (open) {
      return { text: open.getText() };
    }
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return { error: { kind: 'missing-file', path: shown } };
    }
    const scanner = await import('./planScanner');
    const read = await scanner.readPlanFile(uri, this.deps.log);
    switch (read.kind) {
      case 'plan':
        return { text: read.text };
      case 'not-a-plan':
        return { error: { kind: 'not-a-plan', path: shown } };
      case 'skipped':
        return { error: { kind: 'unreadable', path: shown, reason: read.reason } };
    }
  }

  private async readLessonSection(input: unknown): Promise<string> {
    const parsed = parseLessonSectionInput(input);
    if (!parsed.ok) {
      return agentToolErrorText(parsed.error);
    }
    const language = parsed.value.language ?? currentContentLanguage();
    const text = lessonSectionText(await this.lessonSections(language), parsed.value.section);
    return text ?? agentToolErrorText({ kind: 'unknown-section', value: parsed.value.section, known: LESSON_SECTION_IDS });
  }

  /** The shipped lesson in a language, read once (it does not change in a session). */
  private lessonSections(language: ContentLanguage): Promise<LessonSection[]> {
    let sections = this.lessons.get(language);
    if (!sections) {
      sections = readContentText(this.deps.extensionUri, 'lesson', `${language}.md`).then(parseLessonSections);
      this.lessons.set(language, sections);
      sections.catch(() => this.lessons.delete(language));
    }
    return sections;
  }

  private async listPlans(input: unknown): Promise<string> {
    const parsed = parseListPlansInput(input);
    if (!parsed.ok) {
      return agentToolErrorText(parsed.error);
    }
    const rows = await (await this.deps.coach()).plansTree();
    return listPlansResultText(rows.flatMap((row) => (row.kind === 'plan' ? [planListEntry(relativePath(row.uri), row.summary, attentionReason)] : [])));
  }
}

export function createAgentTools(deps: AgentToolsDependencies): AgentToolsRunner {
  return new AgentTools(deps);
}

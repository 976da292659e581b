/**
 * Adapter for the plan room: the `collabCoach.insertPlan` and `collabCoach.newPlan` commands.
 * Built as a lazily loaded chunk (dist/plan.js). Files are only touched through
 * `vscode.workspace.fs`, so it works the same on remotes, in virtual workspaces and on the web.
 */
import * as vscode from 'vscode';
import { readContentText } from '../../content/vscode/contentFiles';
import type { ContentLanguage } from '../../content/language';
import { currentContentLanguage } from '../../content/vscode/settings';
import { buildMergeSnippet, insertionLayout } from '../merge';
import { DEFAULT_PLAN_FOLDER, planFileName, planFolderSegments, withCollisionSuffixAsync } from '../slug';
import { fillPlaceholders, snippetToPlainText } from '../snippet';
import {
  BUILT_IN_TEMPLATE_IDS,
  type BuiltInTemplateId,
  FULL_PLAN_FIELDS,
  type InsertableTemplate,
  type PlanTemplate,
  TEAM_TEMPLATE_MAX_BYTES,
  type TeamTemplateError,
  type TeamTemplateResult,
  builtInTemplateFileName,
  isBuiltInTemplateId,
  parsePlanTemplate,
  parseTeamTemplate,
} from '../templates';

export interface PlanFeature {
  /** Inserts a template at the primary cursor; `templateId` skips the picker when it names a template. */
  insertPlan(templateId?: unknown): Promise<void>;
  /** Creates a dated plan file; `options` may be `{ counterpart: string, title: string }` to skip the questions. */
  newPlan(options?: unknown): Promise<void>;
}

export type PlanMessageKind = 'info' | 'warning' | 'error';

/** Where the feature reports to the user; tests pass a recorder instead of the notification UI. */
export interface PlanMessages {
  show(kind: PlanMessageKind, message: string, ...actions: string[]): Thenable<string | undefined>;
}

/** An entry of the template picker; `broken` ones are listed so the user sees why they are skipped. */
export interface TemplateChoice extends vscode.QuickPickItem {
  readonly template?: InsertableTemplate;
  /** Set on a template that cannot be used: the file and why. */
  readonly broken?: { readonly fileName: string; readonly problem: string };
}

/** Shows the template picker; tests pass a function that picks without UI. */
export type TemplatePicker = (choices: readonly TemplateChoice[], placeHolder: string) => Thenable<TemplateChoice | undefined>;

export interface PlanFeatureOptions {
  readonly messages?: PlanMessages;
  readonly pickTemplate?: TemplatePicker;
}

const TEAM_TEMPLATE_FOLDER = ['.collab', 'templates'] as const;
/** Enough for any real team; keeps a pathological folder from flooding the picker. */
const MAX_TEAM_TEMPLATES = 200;
const MAX_INPUT_LENGTH = 200;

const notificationMessages: PlanMessages = {
  show(kind, message, ...actions) {
    switch (kind) {
      case 'info':
        return vscode.window.showInformationMessage(message, ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...actions);
      case 'error':
        return vscode.window.showErrorMessage(message, ...actions);
    }
  },
};

const quickPickTemplate: TemplatePicker = (choices, placeHolder) =>
  vscode.window.showQuickPick(choices, { placeHolder, matchOnDescription: true, matchOnDetail: true });

interface PlanInputs {
  readonly counterpart: string;
  readonly title: string;
}

export function createPlanFeature(
  context: Pick<vscode.ExtensionContext, 'extensionUri'>,
  options: PlanFeatureOptions = {},
): PlanFeature {
  const messages = options.messages ?? notificationMessages;
  const pickTemplate = options.pickTemplate ?? quickPickTemplate;
  const builtInCache = new Map<string, PlanTemplate>();

  // Notifications resolve only when dismissed; never make a command wait for one.
  const tell = (kind: PlanMessageKind, message: string): void => {
    void messages.show(kind, message);
  };

  async function loadBuiltIn(id: BuiltInTemplateId, language: ContentLanguage): Promise<PlanTemplate> {
    const fileName = builtInTemplateFileName(id, language);
    const cached = builtInCache.get(fileName);
    if (cached) {
      return cached;
    }
    const template = parsePlanTemplate(id, language, await readContentText(context.extensionUri, 'templates', fileName));
    builtInCache.set(fileName, template);
    return template;
  }

  async function loadTeamTemplates(): Promise<TeamTemplateResult[]> {
    // Team templates are the workspace's own text, offered for insertion: only in a trusted workspace
    // (as package.json's untrustedWorkspaces declares).
    if (!vscode.workspace.isTrusted) {
      return [];
    }
    const results: TeamTemplateResult[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const directory = vscode.Uri.joinPath(folder.uri, ...TEAM_TEMPLATE_FOLDER);
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(directory);
      } catch {
        continue; // No team templates in this folder.
      }
      const markdownFiles = entries
        .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && name.toLowerCase().endsWith('.md'))
        .map(([name]) => name)
        .sort((a, b) => a.localeCompare(b));
      for (const fileName of markdownFiles) {
        if (results.length >= MAX_TEAM_TEMPLATES) {
          return results;
        }
        results.push(await loadTeamTemplate(folder, vscode.Uri.joinPath(directory, fileName), fileName));
      }
    }
    return results;
  }

  async function loadTeamTemplate(folder: vscode.WorkspaceFolder, uri: vscode.Uri, fileName: string): Promise<TeamTemplateResult> {
    try {
      // Check the size before reading so a huge file is never loaded.
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > TEAM_TEMPLATE_MAX_BYTES) {
        return { ok: false, fileName, error: { code: 'too-large' } };
      }
      return parseTeamTemplate(folder.name, fileName, await vscode.workspace.fs.readFile(uri));
    } catch {
      return { ok: false, fileName, error: { code: 'unreadable' } };
    }
  }

  async function pickItems(language: ContentLanguage): Promise<TemplateChoice[]> {
    const builtIns = await Promise.all(
      BUILT_IN_TEMPLATE_IDS.map(async (id): Promise<TemplateChoice> => {
        try {
          const template = await loadBuiltIn(id, language);
          return { label: template.name, detail: template.description, template };
        } catch (error) {
          return brokenItem(builtInTemplateFileName(id, language), errorText(error));
        }
      }),
    );
    const team = await loadTeamTemplates();
    if (team.length === 0) {
      return builtIns;
    }
    const teamItems = team.map((result): TemplateChoice =>
      result.ok
        ? {
            label: result.template.name,
            description: result.template.fileName,
            ...(result.template.description ? { detail: result.template.description } : {}),
            template: result.template,
          }
        : brokenItem(result.fileName, teamErrorText(result.error)),
    );
    const separator: TemplateChoice = {
      label: vscode.l10n.t('Team templates (.collab/templates)'),
      kind: vscode.QuickPickItemKind.Separator,
    };
    return [...builtIns, separator, ...teamItems];
  }

  /** Resolves the template to insert: the argument when it names one, otherwise the picker. */
  async function chooseTemplate(templateId: unknown): Promise<InsertableTemplate | undefined> {
    const language = currentContentLanguage();
    if (isBuiltInTemplateId(templateId)) {
      try {
        return await loadBuiltIn(templateId, language);
      } catch (error) {
        tell('error', vscode.l10n.t('The template "{0}" could not be loaded: {1}', templateId, errorText(error)));
        return undefined;
      }
    }
    if (typeof templateId === 'string' && templateId.startsWith('team:')) {
      const match = (await loadTeamTemplates()).find((result) => result.ok && result.template.id === templateId);
      if (match?.ok) {
        return match.template;
      }
    }
    const picked = await pickTemplate(await pickItems(language), vscode.l10n.t('Choose a collaboration template to insert'));
    if (picked?.broken) {
      tell('error', vscode.l10n.t('The template "{0}" cannot be used: {1}', picked.broken.fileName, picked.broken.problem));
      return undefined;
    }
    return picked?.template;
  }

  /** The editor showing `document` now: the active one, a visible one, or the document shown again. */
  async function editorFor(document: vscode.TextDocument): Promise<vscode.TextEditor> {
    const active = vscode.window.activeTextEditor;
    if (active?.document === document) {
      return active;
    }
    return (
      vscode.window.visibleTextEditors.find((editor) => editor.document === document) ??
      (await vscode.window.showTextDocument(document))
    );
  }

  function sectionTitles(template: InsertableTemplate, markers: readonly string[]): string {
    return markers
      .map((marker) => {
        const title = template.sections.find((section) => section.marker === marker)?.title;
        return title ? snippetToPlainText(title) : marker;
      })
      .join(vscode.l10n.t(', '));
  }

  async function insertTemplate(editor: vscode.TextEditor, template: InsertableTemplate): Promise<void> {
    const document = editor.document;
    const merge = buildMergeSnippet(template, document.getText());
    if (merge.snippet === '') {
      tell(
        'info',
        vscode.l10n.t(
          'This document already has every section of "{0}" ({1}). Nothing was changed.',
          template.name,
          sectionTitles(template, merge.present),
        ),
      );
      return;
    }
    const hadMultipleCursors = editor.selections.length > 1;
    const cursor = editor.selection.active;
    const layout = insertionLayout(
      document.lineAt(cursor.line).text,
      cursor.character,
      cursor.line > 0 ? document.lineAt(cursor.line - 1).text : undefined,
    );
    const lineReplacement = layout.lineReplacement;
    if (lineReplacement !== undefined) {
      // Same undo group as the snippet: no undo stop between the two edits.
      const lineRange = document.lineAt(cursor.line).range;
      const edited = await editor.edit((builder) => builder.replace(lineRange, lineReplacement), {
        undoStopBefore: true,
        undoStopAfter: false,
      });
      if (!edited) {
        tell('error', vscode.l10n.t('The plan could not be inserted: the editor did not accept the edit. Is the document read-only?'));
        return;
      }
    }
    const inserted = await editor.insertSnippet(
      new vscode.SnippetString(layout.prefix + merge.snippet),
      new vscode.Position(cursor.line + layout.lineOffset, 0),
      { undoStopBefore: lineReplacement === undefined, undoStopAfter: true },
    );
    if (!inserted) {
      tell('error', vscode.l10n.t('The plan could not be inserted: the editor did not accept the edit. Is the document read-only?'));
      return;
    }
    const notes: string[] = [];
    if (merge.present.length > 0) {
      notes.push(
        vscode.l10n.t(
          'Added the missing sections: {0}. Already in the document and left as they were: {1}.',
          sectionTitles(template, merge.added),
          sectionTitles(template, merge.present),
        ),
      );
    }
    if (hadMultipleCursors) {
      notes.push(vscode.l10n.t('Inserted at the primary cursor only.'));
    }
    if (notes.length > 0) {
      tell('info', notes.join(' '));
    }
  }

  async function insertPlan(templateId?: unknown): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      const newPlanAction = vscode.l10n.t('New Plan');
      void messages
        .show('info', vscode.l10n.t('Open a text document to insert a plan into it, or start a new plan file.'), newPlanAction)
        .then((choice) => (choice === newPlanAction ? newPlan() : undefined));
      return;
    }
    const document = editor.document;
    if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
      tell('error', vscode.l10n.t('This document is read-only, so no plan was inserted.'));
      return;
    }
    const template = await chooseTemplate(templateId);
    if (!template) {
      return;
    }
    if (document.isClosed) {
      tell('info', vscode.l10n.t('The document was closed while you were choosing a template, so nothing was inserted.'));
      return;
    }
    // Read the selection and text again now: the document may have changed while the picker was open.
    await insertTemplate(await editorFor(document), template);
  }

  async function askForInputs(): Promise<PlanInputs | undefined> {
    const required = (value: string): string | undefined =>
      normalizeInput(value) === '' ? vscode.l10n.t('Please enter some text.') : undefined;
    const counterpart = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Collaboration Plan (1/2)'),
      prompt: vscode.l10n.t('Which department or person do you need to work with?'),
      placeHolder: vscode.l10n.t('e.g. Finance'),
      ignoreFocusOut: true,
      validateInput: required,
    });
    if (counterpart === undefined) {
      return undefined;
    }
    const title = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Collaboration Plan (2/2)'),
      prompt: vscode.l10n.t('What do you want to get done together? This becomes the title and the file name.'),
      placeHolder: vscode.l10n.t('e.g. Year-end budget for the new tool'),
      ignoreFocusOut: true,
      validateInput: required,
    });
    if (title === undefined) {
      return undefined;
    }
    return { counterpart: normalizeInput(counterpart), title: normalizeInput(title) };
  }

  /** `{ counterpart, title }` from the command argument, or undefined (with a message) when invalid. */
  function inputsFromArgument(argument: object): PlanInputs | undefined {
    const { counterpart, title } = argument as { counterpart?: unknown; title?: unknown };
    if (typeof counterpart === 'string' && typeof title === 'string') {
      const inputs = { counterpart: normalizeInput(counterpart), title: normalizeInput(title) };
      if (inputs.counterpart !== '' && inputs.title !== '') {
        return inputs;
      }
    }
    tell('error', vscode.l10n.t('collabCoach.newPlan expects {0} with two non-empty texts.', '{ counterpart, title }'));
    return undefined;
  }

  async function pathExists(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch (error) {
      if (isNotFound(error)) {
        return false;
      }
      throw error; // Unknown state: better to stop than to risk overwriting a file.
    }
  }

  async function createPlanFile(folder: vscode.WorkspaceFolder, title: string): Promise<vscode.Uri> {
    const setting = vscode.workspace.getConfiguration('collabCoach.plan').get<unknown>('folder');
    const { segments, problem } = planFolderSegments(setting);
    if (problem === 'wrong-type') {
      tell('warning', vscode.l10n.t('The setting collabCoach.plan.folder should be a folder path; using "{0}" instead.', DEFAULT_PLAN_FOLDER));
    } else if (problem === 'outside-workspace') {
      tell(
        'warning',
        vscode.l10n.t('The setting collabCoach.plan.folder must be a path inside the workspace folder; using "{0}" instead.', DEFAULT_PLAN_FOLDER),
      );
    } else if (problem === 'invalid-name') {
      tell('warning', vscode.l10n.t('The setting collabCoach.plan.folder names a folder some systems cannot create; using "{0}" instead.', DEFAULT_PLAN_FOLDER));
    }
    const directory = vscode.Uri.joinPath(folder.uri, ...segments);
    await vscode.workspace.fs.createDirectory(directory);
    const fileName = await withCollisionSuffixAsync(planFileName(new Date(), title), (candidate) =>
      pathExists(vscode.Uri.joinPath(directory, candidate)),
    );
    const uri = vscode.Uri.joinPath(directory, fileName);
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    return uri;
  }

  async function newPlan(options?: unknown): Promise<void> {
    const inputs =
      typeof options === 'object' && options !== null && !(options instanceof vscode.Uri)
        ? inputsFromArgument(options)
        : await askForInputs();
    if (!inputs) {
      return;
    }
    let template: PlanTemplate;
    try {
      template = await loadBuiltIn('full-plan', currentContentLanguage());
    } catch (error) {
      tell('error', vscode.l10n.t('The template "{0}" could not be loaded: {1}', 'full-plan', errorText(error)));
      return;
    }
    const snippet = fillPlaceholders(
      template.body,
      new Map([
        [FULL_PLAN_FIELDS.title, inputs.title],
        [FULL_PLAN_FIELDS.counterpart, inputs.counterpart],
      ]),
    );
    let document: vscode.TextDocument;
    const folder = vscode.workspace.workspaceFolders?.[0];
    try {
      document = folder
        ? await vscode.workspace.openTextDocument(await createPlanFile(folder, inputs.title))
        : await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    } catch (error) {
      tell('error', vscode.l10n.t('The plan file could not be created: {0}', errorText(error)));
      return;
    }
    const editor = await vscode.window.showTextDocument(document);
    const inserted = await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
    if (!inserted) {
      tell('error', vscode.l10n.t('The plan file was created but the template could not be inserted. Is the document read-only?'));
    }
  }

  return { insertPlan, newPlan };
}

function brokenItem(fileName: string, problem: string): TemplateChoice {
  return {
    label: `$(warning) ${fileName}`,
    description: vscode.l10n.t('cannot be used'),
    detail: problem,
    broken: { fileName, problem },
  };
}

function teamErrorText(error: TeamTemplateError): string {
  switch (error.code) {
    case 'too-large':
      return vscode.l10n.t('the file is larger than {0} KB', TEAM_TEMPLATE_MAX_BYTES / 1024);
    case 'binary':
      return vscode.l10n.t('the file is not text');
    case 'not-utf8':
      return vscode.l10n.t('the file is not UTF-8 text');
    case 'no-front-matter':
      return vscode.l10n.t('the file must start with front matter (a "---" line, "name: …", a closing "---" line)');
    case 'unclosed-front-matter':
      return vscode.l10n.t('the front matter has no closing "---" line');
    case 'bad-front-matter-line':
      return vscode.l10n.t('front matter line {0} is not "key: value"', error.line ?? 1);
    case 'missing-name':
      return vscode.l10n.t('the front matter has no "name"');
    case 'bad-format':
      return vscode.l10n.t('"format" must be "snippet" or "text"');
    case 'empty-body':
      return vscode.l10n.t('the template has no text after the front matter');
    case 'unreadable':
      return vscode.l10n.t('the file could not be read');
  }
}

/** One line of plain text: input boxes and arguments may carry line breaks or runs of spaces. */
function normalizeInput(value: string): string {
  return Array.from(value.replace(/\s+/g, ' ').trim()).slice(0, MAX_INPUT_LENGTH).join('');
}

function isNotFound(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
    return true;
  }
  return error instanceof Error && /FileNotFound|EntryNotFound|ENOENT/.test(`${(error as { code?: unknown }).code ?? ''} ${error.message}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

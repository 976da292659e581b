// Helpers shared by the extension-host tests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from 'markdownlint/promise';
import type { Log } from '../../src/base/log';
import type { CollabCoachApi, CollabCoachExports } from '../../src/extension';
import {
  type PlanFeature,
  type PlanInputAsker,
  type PlanMessageKind,
  type PlanMessages,
  type TemplatePicker,
  createPlanFeature,
} from '../../src/plan/vscode/planFeature';
import { CoachTemplates } from '../../src/plan/vscode/coachTemplates';
import { PlanIndex } from '../../src/plan/vscode/planIndex';
import { PlanReports } from '../../src/plan/vscode/planReports';
import { TemplateCatalogue } from '../../src/plan/vscode/templateCatalogue';

export const EXTENSION_ID = 'qianjinshe.collab-coach';

/** What activate() returned: its exports, as VS Code and the Markdown extension see them. */
export async function activateExports(): Promise<CollabCoachExports> {
  const extension = vscode.extensions.getExtension<CollabCoachExports>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  }
  return extension.activate();
}

/** The features the tests observe. */
export async function activateExtension(): Promise<CollabCoachApi> {
  return (await activateExports()).api;
}

/** Polls until `read()` returns a value `accept` takes, or fails with what it last saw. */
/** A plan fixture of the repository (test/fixtures/plans/<name>), read through the extension's own folder. */
export async function readPlanFixture(name: string): Promise<string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', 'plans', name)));
}

export async function waitFor<T>(what: string, read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

export async function setSetting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('collabCoach').update(section, value, vscode.ConfigurationTarget.Global);
}

/** Records what the plan commands tell the user, instead of showing it. */
export class RecordedMessages implements PlanMessages {
  readonly shown: { kind: PlanMessageKind; message: string; actions: string[] }[] = [];
  show(kind: PlanMessageKind, message: string, ...actions: string[]): Thenable<string | undefined> {
    this.shown.push({ kind, message, actions });
    return Promise.resolve(undefined);
  }
}

/** Records what a feature logs, instead of writing to the output channel. */
export class RecordedLog implements Log {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string, error?: unknown): void {
    this.lines.push({ level: 'error', message: error === undefined ? message : `${message} ${String(error)}` });
  }
}

/**
 * A plan feature of its own whose messages and log are recorded (and whose picker and New Plan
 * questions can be scripted). Dispose it when done.
 */
export function recordingFeature(
  pickTemplate?: TemplatePicker,
  askForInputs?: PlanInputAsker,
): { feature: PlanFeature; messages: RecordedMessages; log: RecordedLog } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const messages = new RecordedMessages();
  const log = new RecordedLog();
  const options = { messages, ...(pickTemplate ? { pickTemplate } : {}), ...(askForInputs ? { askForInputs } : {}) };
  return { feature: createPlanFeature({ extensionUri: extension.extensionUri }, log, options), messages, log };
}

/**
 * What markdownlint's default rules find in `text`, line length (MD013) aside: one line per
 * problem, empty when the text passes.
 */
export async function markdownlintProblems(text: string): Promise<string[]> {
  const results = await lint({ strings: { plan: text }, config: { default: true, MD013: false } });
  return (results['plan'] ?? []).map(
    (problem) => `line ${problem.lineNumber}: ${problem.ruleNames.join('/')} ${problem.ruleDescription}${problem.errorContext ? ` [${problem.errorContext}]` : ''}`,
  );
}

let untitledCount = 0;

/**
 * A fresh untitled document. Each gets its own name: an untitled document opened right after
 * another closed can otherwise come back with the old one's name and text.
 */
export async function openMarkdown(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  untitledCount += 1;
  // An absolute path under the workspace folder: a bare name would resolve against the folder on the
  // web, where no file system serves it.
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `plan-test-${Date.now()}-${untitledCount}.md`).with({ scheme: 'untitled' });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), language);
  const editor = await vscode.window.showTextDocument(document);
  if (content !== '') {
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  }
  assert.equal(editor.document.getText(), content, 'a fresh untitled document');
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

/** Closes every editor without save prompts: the tests leave dirty untitled and plan documents. */
export async function closeAllEditorsDiscarding(): Promise<void> {
  for (let attempt = 0; attempt < 30 && vscode.window.activeTextEditor; attempt++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * A workspace plan index of its own (what the Plans view lists) whose log is recorded, so a test
 * can read what the scan skipped and why. Dispose it when done.
 */
export function recordingPlanIndex(): { index: PlanIndex; log: RecordedLog } & vscode.Disposable {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const log = new RecordedLog();
  const catalogue = new TemplateCatalogue(extension.extensionUri, log);
  const templates = new CoachTemplates(catalogue);
  const reports = new PlanReports(templates);
  const index = new PlanIndex(templates, reports, log);
  return {
    index,
    log,
    dispose() {
      index.dispose();
      reports.dispose();
      catalogue.dispose();
    },
  };
}

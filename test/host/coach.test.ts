import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseTips, type Tip } from '../../src/content/tips';
import type { CollabCoachApi } from '../../src/extension';
import { localIsoDate } from '../../src/plan/slug';
import { snippetToPlainText } from '../../src/plan/snippet';
import { parsePlanTemplate, splitSections } from '../../src/plan/templates';
import { sectionTipForDate } from '../../src/tips/schedule';
import { activateExtension, EXTENSION_ID, openMarkdown, setSetting, waitFor } from './support';

const SOURCE = 'Collab Coach';
const decoder = new TextDecoder();

function coachDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** The tooltip's Markdown escapes spaces in appended text. */
const plainTooltip = (tooltip: string | undefined): string => (tooltip ?? '').replace(/&nbsp;/g, ' ');

const codesOf = (uri: vscode.Uri): string[] => coachDiagnostics(uri).map(codeOf).sort();

/** The document's text with one section (marker to next marker) replaced. */
function withSection(text: string, marker: string, sectionText: string): string {
  const { preamble, sections } = splitSections(text);
  return [preamble, ...sections.map((section) => (section.marker === marker ? sectionText : section.text))].join('\n');
}

async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

async function closeUntitled(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('plan coach (extension host)', function () {
  let api: CollabCoachApi;
  let complete: string;
  /** The English full plan's sections with their questions, as the template inserts them. */
  let templateSections: Map<string, string>;
  let tips: Tip[];
  const opened: vscode.TextDocument[] = [];

  before(async function () {
    await setSetting('language', 'en');
    api = await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const read = async (...segments: string[]): Promise<string> =>
      decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, ...segments)));
    // The fixture's open check-in must lie ahead of the real clock, or it would be overdue.
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    complete = (await read('test', 'fixtures', 'plans', 'complete.en.md')).replace('2026-04-06', localIsoDate(nextYear));
    const template = parsePlanTemplate('full-plan', 'en', await read('content', 'templates', 'full-plan.en.md'));
    const plain = splitSections(snippetToPlainText(template.body, new Date()));
    templateSections = new Map(plain.sections.map((section) => [section.marker, section.text]));
    tips = parseTips(JSON.parse(await read('content', 'tips.json')));
    await api.tip.ready;
  });

  after(async function () {
    for (const document of opened) {
      if (!document.isClosed) {
        await closeUntitled(document);
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('language', undefined);
  });

  function templateSection(marker: string): string {
    const text = templateSections.get(marker);
    assert.ok(text, `template section ${marker}`);
    return text;
  }

  /** Needs and workload filled in; shared interest and self-protection still the template's questions. */
  function halfFilled(): string {
    return withSection(withSection(complete, 'shared-interest', templateSection('shared-interest')), 'self-protection', templateSection('self-protection'));
  }

  /** A fresh untitled Markdown plan (its own name, under the workspace folder: see openMarkdown). */
  async function openPlan(content: string): Promise<vscode.TextDocument> {
    const editor = await openMarkdown(content);
    opened.push(editor.document);
    return editor.document;
  }

  let plan: vscode.TextDocument;

  it('shows diagnostics for a half-filled plan, never as errors', async function () {
    plan = await openPlan(halfFilled());
    const codes = await waitFor('the coach to check the plan', () => codesOf(plan.uri), (found) => found.length >= 2);
    assert.deepEqual(codes, ['no-shared-interest', 'unanswered-questions']);
    for (const diagnostic of coachDiagnostics(plan.uri)) {
      assert.notEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(diagnostic.message.length > 40, diagnostic.message);
    }
    const sharedInterest = coachDiagnostics(plan.uri).find((diagnostic) => codeOf(diagnostic) === 'no-shared-interest');
    assert.equal(sharedInterest?.range.start.line, plan.getText().split('\n').indexOf('## 2. Common interests'));
    assert.match(sharedInterest?.message ?? '', /where your interests meet/);
  });

  it("shows each section's state on its header", async function () {
    const lenses = await waitFor(
      'the section lenses',
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', plan.uri)) ?? [],
      (found) => found.some((lens) => lens.command?.title.startsWith('Collab Coach:') === true),
    );
    const titles = lenses.map((lens) => lens.command?.title).filter((title) => title?.startsWith('Collab Coach:'));
    assert.deepEqual(titles, [
      'Collab Coach: 4/4 answered',
      'Collab Coach: 0/3 answered',
      'Collab Coach: 0/5 answered',
      'Collab Coach: 5/5 answered',
    ]);
    const needsLens = lenses.find((lens) => lens.command?.title === 'Collab Coach: 4/4 answered');
    assert.deepEqual(needsLens?.command?.arguments, ['self-check']);
  });

  it('offers a quick fix that opens the lesson at the principle', async function () {
    const diagnostic = coachDiagnostics(plan.uri).find((candidate) => codeOf(candidate) === 'unanswered-questions');
    assert.ok(diagnostic);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan.uri, diagnostic.range)) ?? [];
    const open = actions.find((action) => action.command?.command === 'collabCoach.openLesson');
    assert.ok(open?.command, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    // The self-protection questions come from the lesson's example of working with Finance.
    assert.deepEqual(open.command.arguments, ['example-finance']);
    assert.equal(open.kind?.value, vscode.CodeActionKind.QuickFix.value);

    await vscode.commands.executeCommand(open.command.command, ...(open.command.arguments ?? []));
    const lesson = await api.lesson();
    await waitFor('the lesson panel at the section', () => lesson.snapshot().panel?.visibleSection, (section) => section === 'example-finance');
  });

  it('clears the diagnostics as the sections are filled in', async function () {
    const completeSections = new Map(splitSections(complete).sections.map((section) => [section.marker, section.text]));
    await replaceText(plan, withSection(plan.getText(), 'shared-interest', completeSections.get('shared-interest') ?? ''));
    await waitFor('only self-protection left', () => codesOf(plan.uri), (codes) => codes.join() === 'unanswered-questions');
    await replaceText(plan, withSection(plan.getText(), 'self-protection', completeSections.get('self-protection') ?? ''));
    await waitFor('no diagnostics left', () => codesOf(plan.uri), (codes) => codes.length === 0);
  });

  it('counts a plan file as practice, never an untitled one; forgets a deleted plan; resets', async function () {
    assert.ok(!api.progress.practisedPlans().includes(plan.uri.toString()), 'an untitled plan earns no practice');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const savePlan = async (name: string): Promise<vscode.Uri> => {
      const uri = vscode.Uri.joinPath(folder, `${name}-${Date.now()}.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(plan.getText()));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      return uri;
    };
    const practised = (): Promise<unknown> =>
      waitFor(
        'every principle practised',
        () => api.progress.principles(),
        (principles) => principles.length === 3 && principles.every((principle) => principle.practised),
      );
    const deleted = await savePlan('practice-deleted');
    await practised();
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(deleted);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the plan file was deleted');
    await waitFor('the deleted plan no longer counts', () => api.progress.practisedPlans(), (plans) => !plans.includes(deleted.toString()));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    await savePlan('practice-kept');
    await practised();
    await vscode.commands.executeCommand('collabCoach.resetProgress');
    await waitFor(
      'progress reset',
      () => api.progress.principles(),
      (principles) => principles.every((principle) => !principle.practised && !principle.read),
    );
  });

  it("shows the tip of the cursor's section in the status bar", async function () {
    const editor = await vscode.window.showTextDocument(plan);
    const lines = plan.getText().split('\n');
    const moveTo = (line: number): void => {
      const position = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(position, position);
    };
    const expectTip = async (sectionId: string): Promise<void> => {
      const expected = sectionTipForDate(tips, sectionId, new Date());
      assert.ok(expected, `a tip for ${sectionId}`);
      const shown = await waitFor(`the tip for ${sectionId}`, () => api.tip.snapshot(), (snapshot) => snapshot?.tipId === expected.id);
      assert.match(plainTooltip(shown?.tooltip), /Tip for this section/);
    };
    const expectDailyTip = (): Promise<unknown> =>
      waitFor('the daily tip', () => plainTooltip(api.tip.snapshot()?.tooltip), (tooltip) => tooltip.includes('Tip of the day'));

    moveTo(0);
    await expectDailyTip();
    moveTo(lines.indexOf('| --- | --- | --- |') + 1);
    await expectTip('principle-3');
    moveTo(lines.indexOf('## 1. Core needs') + 3);
    await expectTip('self-check');
    moveTo(lines.indexOf('### Their side'));
    await expectTip('example-finance');
    moveTo(0);
    await expectDailyTip();
  });

  it('inserts a missing section with a quick fix', async function () {
    const { preamble, sections } = splitSections(complete);
    const withoutSharedInterest = [preamble, ...sections.filter((section) => section.marker !== 'shared-interest').map((section) => section.text)].join('\n');
    const document = await openPlan(withoutSharedInterest);
    const diagnostic = await waitFor(
      'the missing section',
      () => coachDiagnostics(document.uri).find((candidate) => codeOf(candidate) === 'missing-section'),
      (found) => found !== undefined,
    );
    assert.ok(diagnostic);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
    const insert = actions.find((action) => action.edit !== undefined);
    assert.ok(insert?.edit, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    assert.match(insert.title, /Insert the missing section/);
    assert.ok(actions.some((action) => action.command?.command === 'collabCoach.openLesson' && action.command.arguments?.[0] === 'principle-1'));

    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const markers = splitSections(document.getText()).sections.map((section) => section.marker);
    assert.deepEqual(markers, ['needs', 'shared-interest', 'self-protection', 'workload']);
    // The inserted section still holds its questions; their need is written, so the coach asks for it.
    await waitFor('the inserted section checked', () => codesOf(document.uri), (codes) => codes.join() === 'no-shared-interest');
  });

  it('clears the diagnostics when the plan closes', async function () {
    const uri = plan.uri;
    await replaceText(plan, halfFilled());
    await waitFor('diagnostics again', () => codesOf(uri), (codes) => codes.length > 0);
    await closeUntitled(plan);
    await waitFor('diagnostics cleared', () => coachDiagnostics(uri), (found) => found.length === 0);
  });

  it('leaves documents without markers alone', async function () {
    const document = await openPlan('# Notes\n\n- **My need**: What is your need?\n');
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.deepEqual(coachDiagnostics(document.uri), []);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.ok(!lenses.some((lens) => lens.command?.title.startsWith('Collab Coach:')));
  });
  it('checks only documents a user edits: a read-only copy of a plan gets no findings', async function () {
    const text = halfFilled();
    const encoded = new TextEncoder().encode(text);
    const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const readOnly: vscode.FileSystemProvider = {
      onDidChangeFile: changed.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: () => ({ type: vscode.FileType.File, ctime: 0, mtime: 0, size: encoded.byteLength }),
      readDirectory: () => [],
      createDirectory: () => undefined,
      readFile: () => encoded,
      writeFile: () => {
        throw vscode.FileSystemError.NoPermissions();
      },
      delete: () => undefined,
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('collab-coach-readonly', readOnly, { isReadonly: true });
    try {
      const copy = await vscode.workspace.openTextDocument(vscode.Uri.parse('collab-coach-readonly:/copy-of-plan.md'));
      await vscode.window.showTextDocument(copy);
      // The same text in a document the user edits is checked: wait for that, then look at the copy.
      const editable = await openPlan(text);
      await waitFor('the editable plan checked', () => codesOf(editable.uri), (codes) => codes.length >= 2);
      assert.deepEqual(codesOf(copy.uri), [], 'no findings on the read-only copy');
      assert.equal((await api.coach()).report(copy.uri), undefined, 'no report kept for it');
    } finally {
      registration.dispose();
      changed.dispose();
    }
  });
});

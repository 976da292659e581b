import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { planFileName } from '../../src/plan/slug';
import { type TemplateChoice } from '../../src/plan/vscode/planFeature';
import { findMarkers } from '../../src/plan/templates';
import { activateExtension, closeAllEditorsDiscarding, markdownlintProblems, openMarkdown, recordingFeature, setSetting, waitFor } from './support';

const FULL_PLAN_MARKERS = ['needs', 'shared-interest', 'self-protection', 'workload'];

const byLabel = (choices: readonly TemplateChoice[], label: string): TemplateChoice => {
  const choice = choices.find((candidate) => candidate.label === label);
  assert.ok(choice, `no choice "${label}" among ${choices.map((candidate) => candidate.label).join(' | ')}`);
  return choice;
};

/** A read-only file system under its own scheme, holding `/plan.md`. */
class ReadonlyFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly content = new TextEncoder().encode('# Read-only plan\n\nNotes.\n');

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    if (uri.path === '/plan.md') {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.content.byteLength };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [['plan.md', vscode.FileType.File]];
  }
  readFile(uri: vscode.Uri): Uint8Array {
    if (uri.path === '/plan.md') {
      return this.content;
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const readText = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const fileNames = async (folder: vscode.Uri): Promise<string[]> => (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return folder;
}

describe('the plan room in the extension host', function () {
  before(async function () {
    await setSetting('language', 'en');
    await activateExtension();
  });

  afterEach(async function () {
    await closeAllEditorsDiscarding();
  });

  after(async function () {
    await setSetting('language', undefined);
  });

  it('inserts all four sections of the full plan into an empty Markdown document', async function () {
    const editor = await openMarkdown('');
    await vscode.commands.executeCommand('collabCoach.insertPlan', 'full-plan');
    const text = editor.document.getText();
    assert.deepEqual(findMarkers(text), FULL_PLAN_MARKERS);
    assert.ok(text.startsWith('# Collaboration plan: '), 'the preamble comes first');
    assert.ok(!text.includes('${'), 'snippet syntax was expanded');
    assert.deepEqual(await markdownlintProblems(text), []);
  });

  it('inserts the full plan under the title a document already has, without a second title', async function () {
    const original = '# Budget with Finance\n\nNotes from the first call.\n';
    const editor = await openMarkdown(original);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('collabCoach.insertPlan', 'full-plan');
    const text = editor.document.getText();
    assert.ok(text.startsWith(original), JSON.stringify(text.slice(0, 200)));
    assert.deepEqual(findMarkers(text), FULL_PLAN_MARKERS);
    assert.ok(!text.includes('# Collaboration plan:'), 'no second title');
    assert.ok(text.includes('- Partner department: '), 'the partner line is kept');
    assert.deepEqual(await markdownlintProblems(text), []);
  });

  it('adds only the missing sections to a half-filled plan, and one undo restores it', async function () {
    const original = [
      '# Plan with Finance',
      '',
      '<!-- collab:needs -->',
      '## 1. Core needs',
      '',
      '- **My need**: a budget for the tool',
      '',
      '<!-- collab:workload -->',
      '## 4. Workload',
      '',
      'We split it evenly.',
      '',
    ].join('\n');
    const editor = await openMarkdown(original);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const { feature, messages } = recordingFeature();

    await feature.insertPlan('full-plan');
    const merged = editor.document.getText();
    assert.deepEqual([...findMarkers(merged)].sort(), [...FULL_PLAN_MARKERS].sort(), 'every section exactly once');
    assert.ok(merged.startsWith(original), `nothing of the original text changed: ${JSON.stringify(merged.slice(0, 400))}`);
    assert.ok(!merged.includes('# Collaboration plan:'), 'no second preamble');
    assert.ok(
      messages.shown.some((shown) => shown.kind === 'info' && shown.message.includes('Common interests') && shown.message.includes('Core needs')),
      `the user is told what was added and what was there: ${JSON.stringify(messages.shown)}`,
    );

    await feature.insertPlan('full-plan');
    assert.equal(editor.document.getText(), merged, 'a complete plan is left alone');
    assert.ok(messages.shown.some((shown) => shown.message.includes('Nothing was changed')));
    assert.deepEqual(await markdownlintProblems(merged), []);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo removes the whole insertion');
  });

  it('keeps text around the cursor and puts the plan on its own lines', async function () {
    const editor = await openMarkdown('before after\n');
    const cursor = new vscode.Position(0, 'before '.length);
    editor.selection = new vscode.Selection(cursor, cursor);
    await vscode.commands.executeCommand('collabCoach.insertPlan', 'quick-check');
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[0], 'before ');
    assert.ok(lines.includes('<!-- collab:quick-check -->'));
    assert.ok(lines.includes('after'));
    assert.deepEqual(findMarkers(editor.document.getText()), ['quick-check']);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'before after\n', 'line split and snippet undo together');
  });

  it('inserts at the primary cursor only when there are several', async function () {
    const editor = await openMarkdown('one\n\nthree\n\nfive\n');
    editor.selections = [new vscode.Selection(1, 0, 1, 0), new vscode.Selection(3, 0, 3, 0)];
    const { feature, messages } = recordingFeature();
    await feature.insertPlan('fairness-checkin');
    assert.deepEqual(findMarkers(editor.document.getText()), ['checkin']);
    assert.ok(messages.shown.some((shown) => shown.message.includes('primary cursor')));
  });

  it('also inserts into a plain-text document', async function () {
    const editor = await openMarkdown('', 'plaintext');
    assert.equal(editor.document.languageId, 'plaintext');
    await vscode.commands.executeCommand('collabCoach.insertPlan', 'kickoff-note');
    assert.deepEqual(findMarkers(editor.document.getText()), ['kickoff']);
  });

  it('rejects a newPlan argument of the wrong shape without creating anything', async function () {
    const { feature, messages } = recordingFeature();
    await feature.newPlan({ counterpart: 42, title: '' });
    assert.equal(vscode.window.activeTextEditor, undefined);
    assert.ok(messages.shown.some((shown) => shown.kind === 'error'));
  });

  it('leaves a read-only document alone and says why', async function () {
    const scheme = 'collab-readonly-test';
    const registration = vscode.workspace.registerFileSystemProvider(scheme, new ReadonlyFileSystem(), { isReadonly: true });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme, path: '/plan.md' }));
      await vscode.window.showTextDocument(document);
      const original = document.getText();
      const { feature, messages } = recordingFeature();
      await feature.insertPlan('full-plan');
      await vscode.commands.executeCommand('collabCoach.insertPlan', 'full-plan');
      assert.equal(document.getText(), original);
      assert.equal(document.isDirty, false);
      assert.ok(messages.shown.some((shown) => shown.kind === 'error' && shown.message.includes('read-only')), JSON.stringify(messages.shown));
    } finally {
      await closeAllEditorsDiscarding();
      registration.dispose();
    }
  });

  it('with no editor open, offers to start a new plan and changes nothing', async function () {
    await closeAllEditorsDiscarding();
    const documentsBefore = vscode.workspace.textDocuments.filter((document) => document.isDirty).length;
    await vscode.commands.executeCommand('collabCoach.insertPlan', 'full-plan');
    const { feature, messages } = recordingFeature();
    await feature.insertPlan('full-plan');
    assert.equal(vscode.window.activeTextEditor, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((document) => document.isDirty).length, documentsBefore);
    assert.deepEqual(
      messages.shown.map((shown) => [shown.kind, shown.actions]),
      [['info', ['New Plan']]],
    );
  });

  it('does nothing when the pick is cancelled', async function () {
    const editor = await openMarkdown('notes\n');
    const { feature, messages } = recordingFeature(async () => undefined);
    await feature.insertPlan();
    assert.equal(editor.document.getText(), 'notes\n');
    assert.deepEqual(messages.shown, []);
  });

  it('inserts at the current cursor when the document changed while the picker was open', async function () {
    const editor = await openMarkdown('first line\n');
    const { feature } = recordingFeature(async (choices) => {
      await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), 'typed meanwhile\n\n'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      return byLabel(choices, 'Four-question self-check');
    });
    await feature.insertPlan();
    const text = editor.document.getText();
    assert.ok(text.startsWith('first line\ntyped meanwhile\n\n<!-- collab:quick-check -->'), JSON.stringify(text));
  });

  it('tells the user when the document closed while the picker was open', async function () {
    const editor = await openMarkdown('');
    const { feature, messages } = recordingFeature(async (choices) => {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor('the document to close', () => editor.document.isClosed, (closed) => closed, 5000);
      return byLabel(choices, 'Full collaboration plan');
    });
    await feature.insertPlan();
    assert.ok(messages.shown.some((shown) => shown.message.includes('closed')), JSON.stringify(messages.shown));
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('lists team templates beside the built-in ones, broken ones with the reason, and skips a broken pick', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const collabFolder = vscode.Uri.joinPath(folder.uri, '.collab');
    const templates = vscode.Uri.joinPath(collabFolder, 'templates');
    // Remove only what this test created: the workspace may hold other .collab content (team notes).
    const createdFolder = (await exists(templates)) ? undefined : (await exists(collabFolder)) ? templates : collabFolder;
    const files: [string, Uint8Array][] = [
      [
        'weekly-sync.md',
        new TextEncoder().encode('---\nname: Weekly sync\ndescription: One check per week\n---\n<!-- collab:weekly -->\n## Weekly sync\n\n${1:What moved this week?}\n'),
      ],
      ['binary.md', new Uint8Array([0, 1, 2, 3])],
      ['no-front-matter.md', new TextEncoder().encode('# Just a heading\n')],
      ['huge.md', new TextEncoder().encode('---\nname: Huge\n---\n' + 'x'.repeat(300 * 1024))],
    ];
    for (const [name, bytes] of files) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(templates, name), bytes);
    }
    try {
      const editor = await openMarkdown('');
      let listed: readonly TemplateChoice[] = [];
      const { feature, messages } = recordingFeature(async (choices) => {
        listed = choices;
        return choices.find((choice) => choice.broken?.fileName === 'binary.md');
      });
      await feature.insertPlan();
      assert.deepEqual(
        listed.filter((choice) => choice.template).map((choice) => choice.label),
        ['Full collaboration plan', 'Four-question self-check', 'Fairness check-in', 'Kickoff note', 'Weekly sync'],
      );
      assert.deepEqual(
        listed.flatMap((choice) => (choice.broken ? [choice.broken.fileName] : [])),
        ['binary.md', 'huge.md', 'no-front-matter.md'],
      );
      assert.ok(listed.some((choice) => choice.kind === vscode.QuickPickItemKind.Separator));
      assert.equal(editor.document.getText(), '', 'a broken pick inserts nothing');
      assert.ok(messages.shown.some((shown) => shown.kind === 'error' && shown.message.includes('binary.md')), JSON.stringify(messages.shown));

      await vscode.commands.executeCommand('collabCoach.insertPlan', `team:${folder.name}/weekly-sync.md`);
      assert.deepEqual(findMarkers(editor.document.getText()), ['weekly']);
      assert.ok(editor.document.getText().includes('What moved this week?'));
    } finally {
      await closeAllEditorsDiscarding();
      if (createdFolder) {
        await vscode.workspace.fs.delete(createdFolder, { recursive: true });
      } else {
        for (const [name] of files) {
          await vscode.workspace.fs.delete(vscode.Uri.joinPath(templates, name));
        }
      }
    }
  });

  describe('New Collaboration Plan', function () {
    /** Each test's own plan folder (collabCoach.plan.folder), removed afterwards. */
    let planFolder: vscode.Uri;

    beforeEach(async function () {
      const name = `new-plan-tests-${Date.now()}`;
      planFolder = vscode.Uri.joinPath(workspaceFolder().uri, name);
      await setSetting('plan.folder', name);
    });

    afterEach(async function () {
      await closeAllEditorsDiscarding();
      await setSetting('plan.folder', undefined);
      await vscode.workspace.fs.delete(planFolder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it('writes the plan complete to disk before it opens, Tab walks its questions, and closing it unsaved keeps it', async function () {
      const request = { counterpart: '财务部', title: '年底预算 $100 {Q4}' };
      await vscode.commands.executeCommand('collabCoach.newPlan', request);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'the new plan is open');
      const uri = editor.document.uri;
      assert.deepEqual(await fileNames(planFolder), [planFileName(new Date(), request.title)]);
      assert.match(planFileName(new Date(), request.title), /^\d{4}-\d{2}-\d{2}-年底预算-100-q4\.md$/);

      const onDisk = await readText(uri);
      assert.equal(editor.document.getText(), onDisk, 'the editor shows what is on disk');
      assert.equal(editor.document.isDirty, false, 'nothing is left unsaved');
      assert.deepEqual(findMarkers(onDisk), FULL_PLAN_MARKERS);
      assert.ok(onDisk.startsWith('# Collaboration plan: 年底预算 $100 {Q4}\n'), 'the title went in literally');
      assert.ok(onDisk.includes('- Partner department: 财务部\n'), 'the counterpart went in');
      assert.ok(!onDisk.includes('${'), 'no snippet syntax on disk');
      assert.deepEqual(await markdownlintProblems(onDisk), []);

      assert.equal(editor.document.getText(editor.selection), 'What is my need?', 'the first question is selected');
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.ok(editor.document.getText(editor.selection).startsWith("What is the other side's need?"), editor.document.getText(editor.selection));

      await closeAllEditorsDiscarding();
      assert.equal(await readText(uri), onDisk, 'closing without saving leaves the complete plan on disk');
    });

    it("never overwrites a file, also when two creations race", async function () {
      const request = { counterpart: 'Finance', title: 'Race' };
      const taken = planFileName(new Date(), request.title);
      const mine = '# My own notes\n';
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(planFolder, taken), new TextEncoder().encode(mine));

      await Promise.all([
        vscode.commands.executeCommand('collabCoach.newPlan', request),
        vscode.commands.executeCommand('collabCoach.newPlan', request),
      ]);
      const second = taken.replace(/\.md$/, '-2.md');
      const third = taken.replace(/\.md$/, '-3.md');
      assert.deepEqual(await fileNames(planFolder), [taken, second, third].sort());
      assert.equal(await readText(vscode.Uri.joinPath(planFolder, taken)), mine, "the user's file is untouched");
      for (const name of [second, third]) {
        const text = await readText(vscode.Uri.joinPath(planFolder, name));
        assert.deepEqual(findMarkers(text), FULL_PLAN_MARKERS, name);
        assert.ok(text.startsWith('# Collaboration plan: Race\n'), name);
      }
    });

    it('puts the plan into the folder right-clicked in the Explorer', async function () {
      const clicked = vscode.Uri.joinPath(planFolder, 'clicked', 'here');
      await vscode.workspace.fs.createDirectory(clicked);
      const { feature, messages } = recordingFeature(undefined, async () => ({ counterpart: 'Finance', title: 'From the Explorer' }));
      try {
        await feature.newPlan(clicked);
        assert.deepEqual(await fileNames(clicked), [planFileName(new Date(), 'From the Explorer')]);
        assert.deepEqual(await fileNames(planFolder), ['clicked'], 'not in collabCoach.plan.folder');
        assert.deepEqual(messages.shown, []);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(clicked, planFileName(new Date(), 'From the Explorer')).toString());
      } finally {
        feature.dispose();
      }
    });

    it("reads collabCoach.plan.folder for the plan's workspace folder, so folder settings count", async function () {
      const folder = workspaceFolder();
      const settingsFolder = vscode.Uri.joinPath(folder.uri, '.vscode');
      const hadSettingsFolder = await exists(settingsFolder);
      const folderValue = `${vscode.workspace.asRelativePath(planFolder, false)}/from-folder-settings`;
      await vscode.workspace.getConfiguration('collabCoach.plan', folder.uri).update('folder', folderValue, vscode.ConfigurationTarget.WorkspaceFolder);
      try {
        await waitFor('the folder setting', () => vscode.workspace.getConfiguration('collabCoach.plan', folder.uri).get('folder'), (value) => value === folderValue);
        await vscode.commands.executeCommand('collabCoach.newPlan', { counterpart: 'Finance', title: 'Folder setting' });
        assert.deepEqual(await fileNames(vscode.Uri.joinPath(planFolder, 'from-folder-settings')), [planFileName(new Date(), 'Folder setting')]);
      } finally {
        await vscode.workspace.getConfiguration('collabCoach.plan', folder.uri).update('folder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
        if (!hadSettingsFolder) {
          await vscode.workspace.fs.delete(settingsFolder, { recursive: true, useTrash: false });
        }
      }
    });

    it('creates nothing once the feature is disposed', async function () {
      const { feature, messages } = recordingFeature();
      feature.dispose();
      await feature.newPlan({ counterpart: 'Finance', title: 'After dispose' });
      assert.equal(await exists(planFolder), false, 'no plan folder, no plan');
      assert.equal(vscode.window.activeTextEditor, undefined);
      assert.deepEqual(messages.shown, []);
    });

    it('says so, and logs why, when the plan file cannot be created', async function () {
      const scheme = 'collab-readonly-new-plan';
      const registration = vscode.workspace.registerFileSystemProvider(scheme, new ReadonlyFileSystem(), { isReadonly: true });
      const { feature, messages, log } = recordingFeature(undefined, async () => ({ counterpart: 'Finance', title: 'Nowhere' }));
      try {
        await feature.newPlan(vscode.Uri.from({ scheme, path: '/' }));
        assert.ok(messages.shown.some((shown) => shown.kind === 'error' && shown.message.includes('could not be created')), JSON.stringify(messages.shown));
        assert.ok(log.lines.some((line) => line.level === 'error' && line.message.includes('could not be created')), JSON.stringify(log.lines));
        assert.equal(vscode.window.activeTextEditor, undefined, 'nothing opened');
      } finally {
        feature.dispose();
        registration.dispose();
      }
    });
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type TemplateChoice } from '../../src/plan/vscode/planFeature';
import { findMarkers } from '../../src/plan/templates';
import { activateExtension, closeAllEditorsDiscarding, openMarkdown, recordingFeature, setSetting, waitFor } from './support';

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

  it('creates a new plan file each time, never overwriting', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens a workspace folder');
    const planFolder = vscode.Uri.joinPath(folder.uri, 'docs', 'collaboration');
    const docsFolder = vscode.Uri.joinPath(folder.uri, 'docs');
    const createdFolder = (await exists(planFolder)) ? undefined : (await exists(docsFolder)) ? planFolder : docsFolder;
    const before = new Set((await exists(planFolder)) ? (await vscode.workspace.fs.readDirectory(planFolder)).map(([name]) => name) : []);
    const created: vscode.Uri[] = [];
    try {
      const request = { counterpart: '财务部', title: '年底预算 $100 {Q4}' };
      await vscode.commands.executeCommand('collabCoach.newPlan', request);
      const firstText = vscode.window.activeTextEditor?.document.getText() ?? '';
      await vscode.commands.executeCommand('collabCoach.newPlan', request);

      const after = (await vscode.workspace.fs.readDirectory(planFolder)).map(([name]) => name).filter((name) => !before.has(name));
      created.push(...after.map((name) => vscode.Uri.joinPath(planFolder, name)));
      assert.equal(after.length, 2, `two new files: ${after.join(', ')}`);
      const [first, second] = [...after].sort((a, b) => a.length - b.length);
      assert.match(first ?? '', /^\d{4}-\d{2}-\d{2}-年底预算-100-q4\.md$/);
      assert.equal(second, (first ?? '').replace(/\.md$/, '-2.md'));

      assert.deepEqual(findMarkers(firstText), FULL_PLAN_MARKERS);
      assert.ok(firstText.includes('年底预算 $100 {Q4}'), 'the title went in literally');
      assert.ok(firstText.includes('财务部'), 'the counterpart went in');
    } finally {
      await closeAllEditorsDiscarding();
      for (const uri of created) {
        await vscode.workspace.fs.delete(uri);
      }
      if (createdFolder) {
        await vscode.workspace.fs.delete(createdFolder, { recursive: true });
      }
    }
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
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoachFeature } from '../../src/plan/vscode/coachFeature';
import type { PlanTreeNode } from '../../src/plan/vscode/plansTree';
import { activateExtension, readPlanFixture, recordingPlanIndex, setSetting, waitFor } from './support';

/**
 * The Plans view in a multi-root workspace (test/harness/run-host-tests.js opens one: the fixture
 * folder, then an empty one): plans of every folder listed, each folder's own `files.exclude` and
 * `search.exclude` honoured, `node_modules` skipped, and an unreadable folder skipped with a line
 * in the log while the other plans stay listed.
 */
describe('the Plans view in a multi-root workspace (extension host)', function () {
  const encoder = new TextEncoder();
  const under = 'multi-root-under-test';
  let coach: CoachFeature;
  let complete: string;
  let main: vscode.WorkspaceFolder;
  let second: vscode.WorkspaceFolder;
  const written: vscode.Uri[] = [];

  async function write(folder: vscode.WorkspaceFolder, relativePath: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(folder.uri, under, relativePath);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    written.push(uri);
    return uri;
  }

  /** A plan whose title names it, so each row tells which file it is. */
  const plan = (title: string): string => complete.replace('a shared budget for the new reporting tool', title);

  /** The rows under test, as `folder name: path in the folder`, sorted. */
  async function listed(nodes?: PlanTreeNode[]): Promise<string[]> {
    return (nodes ?? (await coach.plansTree()))
      .filter((node) => node.kind === 'plan' && node.uri.path.includes(`/${under}/`))
      .map((node) => `${vscode.workspace.getWorkspaceFolder(node.uri)?.name}: ${node.uri.path.slice(node.uri.path.indexOf(`/${under}/`) + under.length + 2)}`)
      .sort();
  }

  async function setExclude(folder: vscode.WorkspaceFolder, section: 'files' | 'search', patterns: Record<string, boolean> | undefined): Promise<void> {
    await vscode.workspace.getConfiguration(section, folder.uri).update('exclude', patterns, vscode.ConfigurationTarget.WorkspaceFolder);
  }

  before(async function () {
    await setSetting('language', 'en');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length >= 2, `a multi-root workspace, not ${folders.length} folder(s)`);
    [main, second] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    coach = await (await activateExtension()).coach();
    complete = await readPlanFixture('complete.en.md');
  });

  after(async function () {
    await setExclude(main, 'files', undefined);
    await setExclude(second, 'search', undefined);
    for (const folder of [main, second]) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, under), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    await setSetting('language', undefined);
  });

  it('lists the plans of every folder, with each folder’s own excludes honoured and node_modules skipped', async function () {
    await write(main, 'main-plan.md', plan('a main-folder plan'));
    await write(main, 'drafts/draft.md', plan('a draft the main folder excludes'));
    await write(main, 'archive/kept.md', plan('an archive only the second folder excludes'));
    await write(second, 'second-plan.md', plan('a second-folder plan'));
    await write(second, 'archive/old.md', plan('an archive the second folder excludes'));
    await write(second, 'drafts/kept.md', plan('drafts only the main folder excludes'));
    await write(second, 'node_modules/pkg/plan.md', plan('a plan inside node_modules'));
    await write(second, 'notes.md', '# Notes\n\nNo plan here.\n');
    // Each folder's own settings (.vscode/settings.json in that folder), not the workspace's.
    await setExclude(main, 'files', { [`${under}/drafts`]: true });
    await setExclude(second, 'search', { [`${under}/archive/**`]: true });
    await coach.index.rescan();
    const expected = ['main: archive/kept.md', 'main: main-plan.md', 'second: drafts/kept.md', 'second: second-plan.md'];
    await waitFor('the plans of both folders', () => listed(), (rows) => JSON.stringify(rows) === JSON.stringify(expected));
    const rows = (await coach.plansTree()).filter((node) => node.kind === 'plan' && node.uri.path.includes(`/${under}/`));
    assert.deepEqual(rows.map((node) => String(node.item.label)).sort(), [
      'a main-folder plan',
      'a second-folder plan',
      'an archive only the second folder excludes',
      'drafts only the main folder excludes',
    ]);
  });

  it('follows a change to a folder’s excludes, and ignores files changed inside an excluded folder', async function () {
    await setExclude(second, 'search', undefined);
    await waitFor('the archive listed once no longer excluded', () => listed(), (rows) => rows.includes('second: archive/old.md'));
    await setExclude(second, 'search', { [`${under}/archive/**`]: true });
    await waitFor('the archive left out again', () => listed(), (rows) => !rows.includes('second: archive/old.md'));
    // A plan saved into an excluded folder: the watcher sees it, the view does not list it.
    await write(main, 'drafts/new-draft.md', plan('a new draft'));
    await write(main, 'after-draft.md', plan('a plan written after the draft'));
    await waitFor('the plan written after the draft', () => listed(), (rows) => rows.includes('main: after-draft.md'));
    assert.ok(!(await listed()).some((row) => row.includes('drafts/new-draft.md')), (await listed()).join('\n'));
  });

  it('skips an unreadable folder and an unreadable plan with a line in the log, and lists the other plans', async function () {
    // As root (the CI runs as root) `chmod 000` stops no read; and on disk `findFiles` returns only
    // what it found, so an unreadable folder there cannot reach the log. So the folder is one of a
    // file system of the test's own, added as a third workspace folder, whose listing and reads
    // fail with the error a permission problem gives; search has no provider for it, so the
    // scanner walks it through workspace.fs, as it walks any such folder.
    const scheme = 'collab-coach-unreadable';
    const provider = new ReadOnlyTestFileSystem({
      '/team/readable.md': plan('a plan beside an unreadable folder'),
      '/team/locked/hidden.md': plan('a plan nobody can read'),
      '/team/locked-plan.md': plan('a plan whose file cannot be read'),
    });
    provider.unreadable.add('/team/locked');
    provider.unreadable.add('/team/locked-plan.md');
    const registration = vscode.workspace.registerFileSystemProvider(scheme, provider, { isReadonly: true });
    const folderUri = vscode.Uri.from({ scheme, path: '/team' });
    const recording = recordingPlanIndex();
    try {
      await write(main, 'still-listed.md', plan('a plan on disk'));
      const added = new Promise((resolve) => {
        const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
          listener.dispose();
          resolve(undefined);
        });
      });
      const at = vscode.workspace.workspaceFolders?.length ?? 0;
      assert.ok(vscode.workspace.updateWorkspaceFolders(at, 0, { uri: folderUri, name: 'unreadable-ground' }), 'the folder could be added');
      await added;
      await recording.index.rescan();
      const plans = (await recording.index.all()).map((each) => each.uri.toString());
      assert.ok(plans.includes(folderUri.with({ path: '/team/readable.md' }).toString()), plans.join('\n'));
      assert.ok(plans.some((uri) => uri.endsWith(`/${under}/still-listed.md`)), 'the plans on disk are still listed');
      assert.ok(!plans.some((uri) => uri.includes('locked')), plans.join('\n'));
      const warnings = recording.log.lines.filter((line) => line.level === 'warn').map((line) => line.message);
      assert.ok(warnings.some((line) => line.includes('skipped the folder') && line.includes('/team/locked')), warnings.join('\n'));
      assert.ok(warnings.some((line) => line.includes('skipped') && line.includes('/team/locked-plan.md') && line.includes('unreadable')), warnings.join('\n'));
      assert.deepEqual(recording.log.lines.filter((line) => line.level === 'error'), []);
      // The view the user sees lists the readable plans of all three folders.
      await waitFor(
        'the readable plan of the third folder in the view',
        async () => (await coach.plansTree()).map((node) => node.uri.toString()),
        (uris) => uris.includes(folderUri.with({ path: '/team/readable.md' }).toString()) && uris.some((uri) => uri.endsWith(`/${under}/still-listed.md`)),
      );
      assert.equal(provider.writes, 0, 'nothing written');
    } finally {
      recording.dispose();
      const index = (vscode.workspace.workspaceFolders ?? []).findIndex((folder) => folder.uri.toString() === folderUri.toString());
      if (index > 0) {
        const removed = new Promise((resolve) => {
          const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
            listener.dispose();
            resolve(undefined);
          });
        });
        vscode.workspace.updateWorkspaceFolders(index, 1);
        await removed;
      }
      registration.dispose();
    }
  });
});

/** A read-only in-memory file system whose listed paths fail to read as a permission error does. */
class ReadOnlyTestFileSystem implements vscode.FileSystemProvider {
  readonly unreadable = new Set<string>();
  writes = 0;
  private readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Set<string>(['/']);
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(files: Record<string, string>) {
    for (const [path, text] of Object.entries(files)) {
      this.files.set(path, new TextEncoder().encode(text));
      for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
        this.folders.add(path.slice(0, at));
      }
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength };
    }
    if (this.folders.has(uri.path)) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    this.refuseUnreadable(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    const children = new Map<string, vscode.FileType>();
    for (const path of [...this.files.keys(), ...this.folders]) {
      if (path.startsWith(prefix) && path.length > prefix.length) {
        const name = path.slice(prefix.length).split('/')[0] as string;
        const isFolder = this.folders.has(prefix + name);
        children.set(name, isFolder ? vscode.FileType.Directory : vscode.FileType.File);
      }
    }
    return [...children];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    this.refuseUnreadable(uri);
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file;
  }

  private refuseUnreadable(uri: vscode.Uri): void {
    if (this.unreadable.has(uri.path)) {
      throw vscode.FileSystemError.NoPermissions(uri);
    }
  }

  createDirectory(uri: vscode.Uri): void {
    this.refuseWrite(uri);
  }
  writeFile(uri: vscode.Uri): void {
    this.refuseWrite(uri);
  }
  delete(uri: vscode.Uri): void {
    this.refuseWrite(uri);
  }
  rename(uri: vscode.Uri): void {
    this.refuseWrite(uri);
  }
  private refuseWrite(uri: vscode.Uri): never {
    this.writes++;
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

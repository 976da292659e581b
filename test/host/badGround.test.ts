import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditorsDiscarding, recordingFeature, setSetting, waitFor } from './support';

/**
 * Commands run on bad ground: a deleted plan folder, a file name taken by the user's own plan,
 * settings of the wrong type, an unknown lesson section. Each must say something clear or simply
 * work, and lose no user text. (No editor, read-only documents, cancelled picks and malformed
 * arguments are covered in plan.test.ts.) The tally is printed at the end.
 */
describe('bad ground', function () {
  const tally = { cases: 0, clearMessages: 0, worked: 0, userTextLost: 0 };
  const workspaceFolder = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
  const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const exists = async (uri: vscode.Uri): Promise<boolean> => vscode.workspace.fs.stat(uri).then(() => true, () => false);
  const badFolder = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), 'bad-ground');

  after(async function () {
    await closeAllEditorsDiscarding();
    for (const setting of ['plan.folder', 'language', 'lesson.fontSize', 'tip.enabled']) {
      await setSetting(setting, undefined);
    }
    await vscode.workspace.fs.delete(badFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    console.log(
      `Collab Coach bad ground: ${tally.cases} cases, ${tally.clearMessages} answered with a clear message, ` +
        `${tally.worked} simply worked, ${tally.userTextLost} lost user text`,
    );
  });

  it('creates the plan folder again when it was deleted', async function () {
    tally.cases++;
    await setSetting('plan.folder', 'bad-ground/plans');
    await vscode.workspace.fs.delete(badFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const { feature, messages } = recordingFeature();
    await feature.newPlan({ counterpart: 'Ops', title: 'Deleted folder' });
    const files = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(badFolder(), 'plans'));
    assert.equal(files.length, 1, 'the plan file is there');
    assert.deepEqual(messages.shown.filter((shown) => shown.kind === 'error'), []);
    tally.worked++;
  });

  it("never overwrites the user's own file of the same name, and keeps its text", async function () {
    tally.cases++;
    await setSetting('plan.folder', 'bad-ground/plans');
    const folder = vscode.Uri.joinPath(badFolder(), 'plans');
    const [existing] = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    assert.ok(existing, 'the plan from the previous case');
    const mine = '# My own notes\n\nNothing here may be lost.\n';
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, existing), new TextEncoder().encode(mine));
    const { feature } = recordingFeature();
    await feature.newPlan({ counterpart: 'Ops', title: 'Deleted folder' });
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
    assert.equal(names.length, 2, `a second file beside the first: ${names.join(', ')}`);
    const kept = (await read(vscode.Uri.joinPath(folder, existing))) === mine;
    if (!kept) {
      tally.userTextLost++;
    }
    assert.ok(kept, "the user's file is unchanged");
    tally.worked++;
  });

  it('warns about a plan folder setting of the wrong type and uses the default', async function () {
    tally.cases++;
    await setSetting('plan.folder', 42);
    const defaultFolder = vscode.Uri.joinPath(workspaceFolder(), 'docs', 'collaboration');
    const before = (await exists(defaultFolder)) ? (await vscode.workspace.fs.readDirectory(defaultFolder)).map(([name]) => name) : [];
    const { feature, messages } = recordingFeature();
    await feature.newPlan({ counterpart: 'Finance', title: 'Wrong type setting' });
    const created = (await vscode.workspace.fs.readDirectory(defaultFolder)).map(([name]) => name).filter((name) => !before.includes(name));
    assert.equal(created.length, 1, 'the plan went to docs/collaboration');
    const warning = messages.shown.find((shown) => shown.kind === 'warning' && shown.message.includes('collabCoach.plan.folder'));
    assert.ok(warning, JSON.stringify(messages.shown));
    tally.clearMessages++;
    await closeAllEditorsDiscarding();
    for (const name of created) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(defaultFolder, name));
    }
  });

  it('reads a plan folder outside the workspace as a mistake, and says so', async function () {
    tally.cases++;
    await setSetting('plan.folder', '../outside');
    const { feature, messages } = recordingFeature();
    await feature.newPlan({ counterpart: 'Finance', title: 'Outside' });
    assert.equal(await exists(vscode.Uri.joinPath(workspaceFolder(), '..', 'outside')), false, 'nothing written outside the workspace');
    assert.ok(messages.shown.some((shown) => shown.kind === 'warning' && shown.message.includes('inside the workspace')), JSON.stringify(messages.shown));
    tally.clearMessages++;
    await closeAllEditorsDiscarding();
    const defaultFolder = vscode.Uri.joinPath(workspaceFolder(), 'docs', 'collaboration');
    for (const [name] of await vscode.workspace.fs.readDirectory(defaultFolder)) {
      if (name.includes('outside')) {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(defaultFolder, name));
      }
    }
    await setSetting('plan.folder', undefined);
  });

  it('renders the lesson with a language and a font size of the wrong type', async function () {
    tally.cases++;
    const api = await activateExtension();
    const lesson = await api.lesson();
    await setSetting('language', 42);
    await setSetting('lesson.fontSize', 'huge');
    await vscode.commands.executeCommand('collabCoach.openLesson', 'summary');
    await waitFor('the lesson to render', () => lesson.snapshot().panel, (page) => page !== undefined && page.renders > 0 && page.visibleSection === 'summary');
    // A wrong-typed language falls back to following VS Code's display language.
    assert.equal(lesson.snapshot().panel?.language, vscode.env.language.startsWith('zh') ? 'zh-cn' : 'en');
    tally.worked++;
  });

  it('keeps the daily tip working with a tip setting and a language of the wrong type', async function () {
    tally.cases++;
    const api = await activateExtension();
    await api.tip.ready;
    await setSetting('tip.enabled', 'yes');
    await setSetting('language', ['en']);
    // (No "Next tip" here: the tip suite expects the day's own tip.)
    const snapshot = await waitFor('a tip', () => api.tip.snapshot(), (tip) => tip !== undefined && tip.text.length > 0);
    assert.ok(snapshot);
    tally.worked++;
  });

  it('opens the lesson at the top for an unknown section instead of failing', async function () {
    tally.cases++;
    const api = await activateExtension();
    await closeAllEditorsDiscarding();
    await vscode.commands.executeCommand('collabCoach.openLesson', 'no-such-section');
    await vscode.commands.executeCommand('collabCoach.openLesson', { section: 'not a string' });
    const lesson = await api.lesson();
    await waitFor('the lesson to render', () => lesson.snapshot().panel, (page) => page !== undefined && page.renders > 0);
    tally.worked++;
  });
});

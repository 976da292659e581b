import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, setSetting, waitFor } from './support';

describe('the lesson in the extension host', function () {
  before(async function () {
    await setSetting('language', 'en');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('language', undefined);
  });

  it('registers the extension commands', async function () {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['collabCoach.openLesson', 'collabCoach.insertPlan', 'collabCoach.newPlan', 'collabCoach.nextTip', 'collabCoach.resetProgress']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('resolves the sidebar view and renders the lesson in it', async function () {
    const api = await activateExtension();
    await vscode.commands.executeCommand('workbench.view.extension.collabCoach');
    const lesson = await api.lesson();
    const view = await waitFor('the sidebar view to render', () => lesson.snapshot().view, (page) => page !== undefined && page.renders > 0);
    assert.equal(lesson.snapshot().viewResolved, true);
    assert.equal(view?.language, 'en');
  });

  it('opens one lesson panel and reveals the same one on a second call', async function () {
    const api = await activateExtension();
    const lesson = await api.lesson();
    const before = lesson.snapshot().panelCount;
    await vscode.commands.executeCommand('collabCoach.openLesson');
    await waitFor('the panel to render', () => lesson.snapshot().panel, (page) => page !== undefined && page.renders > 0);
    await vscode.commands.executeCommand('collabCoach.openLesson');
    assert.equal(lesson.snapshot().panelCount, before + 1, 'the second call created no new panel');
    const panels = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('collabCoach.lessonPanel'));
    assert.equal(panels.length, 1, 'exactly one lesson tab is open');
  });

  it('scrolls the panel to a section given as argument', async function () {
    const api = await activateExtension();
    const lesson = await api.lesson();
    await vscode.commands.executeCommand('collabCoach.openLesson', 'principle-2');
    await waitFor('the page to report principle-2 at the top', () => lesson.snapshot().panel?.visibleSection, (section) => section === 'principle-2');
    await vscode.commands.executeCommand('collabCoach.openLesson', 'summary');
    await waitFor('the page to report summary at the top', () => lesson.snapshot().panel?.visibleSection, (section) => section === 'summary');
  });

  it('re-renders open pages in the other language when the setting changes, keeping the section', async function () {
    const api = await activateExtension();
    const lesson = await api.lesson();
    await vscode.commands.executeCommand('collabCoach.openLesson', 'principle-3');
    await waitFor('principle-3 at the top', () => lesson.snapshot().panel?.visibleSection, (section) => section === 'principle-3');
    const rendersBefore = lesson.snapshot().panel?.renders ?? 0;
    await setSetting('language', 'zh-cn');
    const page = await waitFor('a Chinese re-render', () => lesson.snapshot().panel, (snapshot) => snapshot?.language === 'zh-cn' && snapshot.renders > rendersBefore);
    await waitFor('the reader to stay at principle-3', () => lesson.snapshot().panel?.visibleSection, (section) => section === 'principle-3');
    assert.equal(page?.droppedMessages, 0);
    await setSetting('language', 'en');
  });
});

describe('team notes in the lesson view', function () {
  const notesFolder = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.collab', 'notes');

  after(async function () {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.collab'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows notes from .collab/notes, skips a non-UTF-8 one with a notice, and refreshes when files change', async function () {
    const api = await activateExtension();
    const lesson = await api.lesson();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(notesFolder(), 'finance.md'), new TextEncoder().encode('# 与财务部的经验\n\n先问：他的报表怎么交代？\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(notesFolder(), 'broken.md'), new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0xc3]));
    await vscode.commands.executeCommand('collabCoach.openLesson');
    const shown = await waitFor(
      'the panel to show the team notes',
      () => lesson.snapshot().panel?.teamNotes,
      (notes) => notes?.state === 'shown' && notes.notes.includes('finance.md'),
    );
    assert.deepEqual(shown?.notes, ['finance.md']);
    assert.equal(shown?.notices, 1, 'the broken note is named in a notice');
    // A note created and saved in VS Code, as a team member would write one.
    const hobby = vscode.Uri.joinPath(notesFolder(), 'hobby.md');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(hobby, { contents: new TextEncoder().encode('# Hobby and match\n') });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the new note to appear', () => lesson.snapshot().panel?.teamNotes?.notes, (notes) => notes?.includes('hobby.md') === true);
    const edit2 = new vscode.WorkspaceEdit();
    edit2.deleteFile(hobby);
    assert.ok(await vscode.workspace.applyEdit(edit2));
    await waitFor('the deleted note to go', () => lesson.snapshot().panel?.teamNotes?.notes, (notes) => notes !== undefined && !notes.includes('hobby.md'));
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SILENT_LOG } from '../../src/base/log';
import type { ContentLanguage } from '../../src/content/language';
import { type LessonFeature, createLessonFeature } from '../../src/lesson/vscode/lessonFeature';
import { createLessonPanel } from '../../src/lesson/vscode/lessonPanel';
import { writeLanguageSetting } from '../../src/lesson/vscode/languageSetting';
import { EXTENSION_ID, activateExtension, setSetting, waitFor } from './support';

/** A lesson feature of its own, reading the lesson through `readLesson`. */
async function ownLessonFeature(readLesson: (language: ContentLanguage) => Promise<string>): Promise<{ feature: LessonFeature; dispose(): void }> {
  const api = await activateExtension();
  const subscriptions: { dispose(): unknown }[] = [];
  const feature = createLessonFeature({ extensionUri: ownExtensionUri(), subscriptions }, () => api.progress, SILENT_LOG, { readLesson });
  return { feature, dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
}

function ownExtensionUri(): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.extensionUri;
}

/** A lesson panel as the Open the Lesson command makes it. */
function newLessonPanel(): vscode.WebviewPanel {
  return createLessonPanel(ownExtensionUri());
}

async function shippedLesson(language: ContentLanguage): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ownExtensionUri(), 'content', 'lesson', `${language}.md`)));
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
    const lessonTabs = (): number =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('collabCoach.lessonPanel')).length;
    // The page can render before the window's tab model reaches this host: wait for the tab, then
    // give a second one time to show up.
    await waitFor('the lesson tab', lessonTabs, (count) => count > 0);
    await delay(500);
    assert.equal(lessonTabs(), 1, 'exactly one lesson tab is open');
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

  it('puts the rendered lesson into the first page HTML, with its stylesheet and script inline under a fresh nonce', async function () {
    const own = await ownLessonFeature(shippedLesson);
    try {
      const panel = newLessonPanel();
      // Made with the page's options, so setting them adds no content update of its own.
      const extensionUri = ownExtensionUri();
      assert.equal(panel.webview.options.enableScripts, true);
      assert.equal(panel.webview.options.enableCommandUris, false);
      assert.deepEqual(
        panel.webview.options.localResourceRoots?.map(String),
        [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')].map(String),
      );
      await own.feature.openLesson(undefined, panel);
      const html = await waitFor('the first page HTML', () => panel.webview.html, (text) => text.includes('initial-render'));
      assert.match(html, /How to Drive Cross-Department Collaboration Effectively/, 'the lesson is in the first HTML');
      assert.match(html, /content="default-src 'none'; style-src 'nonce-([\w-]+)'; script-src 'nonce-\1';/);
      assert.doesNotMatch(html, /<script[^>]*\ssrc=|<link[^>]*stylesheet/, 'no fetch before the first paint');
      await waitFor('the page to say ready', () => own.feature.snapshot().panel, (page) => page?.ready === true);
      assert.equal(own.feature.snapshot().panel?.renders, 1, 'no second render was needed for the first paint');
      panel.dispose();
    } finally {
      own.dispose();
    }
  });

  it('ends in the language chosen last when a slow read of the other finishes later (the render race)', async function () {
    let slowLanguage: ContentLanguage | undefined;
    const own = await ownLessonFeature(async (language) => {
      if (language === slowLanguage) {
        await delay(1500);
      }
      return shippedLesson(language);
    });
    try {
      const panel = newLessonPanel();
      await own.feature.openLesson(undefined, panel);
      await waitFor('the English page', () => own.feature.snapshot().panel, (page) => page?.ready === true && page.language === 'en');
      slowLanguage = 'zh-cn';
      await setSetting('language', 'zh-cn'); // its read takes 1.5 s…
      await setSetting('language', 'en'); // …and the reader switches back meanwhile
      await delay(2500);
      const page = own.feature.snapshot().panel;
      assert.equal(page?.language, 'en', 'the page shows the language chosen last');
      assert.ok((page?.supersededRenders ?? 0) >= 1, 'the slow render was dropped by the version check');
      panel.dispose();
    } finally {
      own.dispose();
      await setSetting('language', 'en');
    }
  });

  it("writes the page's language where the effective value lives (a workspace value would otherwise win)", async function () {
    const configuration = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('collabCoach');
    await configuration().update('language', 'en', vscode.ConfigurationTarget.Workspace);
    try {
      await writeLanguageSetting('zh-cn');
      await waitFor('the effective language to follow the toggle', () => configuration().get('language'), (value) => value === 'zh-cn');
      assert.equal(configuration().inspect('language')?.workspaceValue, 'zh-cn', 'written to the workspace, where the value was');
      assert.equal(configuration().inspect('language')?.globalValue, 'en', 'the user value is left alone');
    } finally {
      await configuration().update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
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

  it('reloads the notes once (twice at most) when 50 of them arrive at once, as in a checkout', async function () {
    const api = await activateExtension();
    const lesson = await api.lesson();
    await vscode.commands.executeCommand('collabCoach.openLesson');
    await waitFor('the panel', () => lesson.snapshot().panel, (page) => page !== undefined && page.renders > 0);
    await delay(1000);
    const before = lesson.snapshot().teamNoteLoads;
    const edit = new vscode.WorkspaceEdit();
    for (let index = 0; index < 50; index++) {
      edit.createFile(vscode.Uri.joinPath(notesFolder(), `checkout-${String(index).padStart(2, '0')}.md`), { contents: new TextEncoder().encode(`# Note ${index}\n`) });
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('all 50 notes to show', () => lesson.snapshot().panel?.teamNotes?.notes, (notes) => (notes?.filter((name) => name.startsWith('checkout-')).length ?? 0) === 50);
    await delay(1500); // the disk watcher's events for the same files may trail the editor's own
    const reloads = lesson.snapshot().teamNoteLoads - before;
    assert.ok(reloads >= 1 && reloads <= 2, `the notes were read ${reloads} times for one checkout`);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localIsoDate } from '../../src/plan/slug';
import type { DraftedMessage } from '../../src/plan/vscode/draftMessageCommand';
import { createDraftMessageFeature } from '../../src/plan/vscode/draftMessageCommand';
import type { PlanMessageKind, PlanMessages } from '../../src/plan/vscode/planMessages';
import { TemplateCatalogue } from '../../src/plan/vscode/templateCatalogue';
import { activateExtension, closeAllEditorsDiscarding, EXTENSION_ID, readPlanFixture, markdownlintProblems, openMarkdown, RecordedLog, setSetting, waitFor } from './support';


/** Answers each notification with the action it offers under `choose`, and records it. */
class ChoosingMessages implements PlanMessages {
  readonly shown: { kind: PlanMessageKind; message: string; actions: string[] }[] = [];
  constructor(private readonly choose: string | undefined) {}
  show(kind: PlanMessageKind, message: string, ...actions: string[]): Thenable<string | undefined> {
    this.shown.push({ kind, message, actions });
    return Promise.resolve(actions.find((action) => action === this.choose));
  }
}

describe('draft the message to the other department (extension host)', function () {
  // The first draft loads the plan chunks and the templates in a host shared with other runs.
  this.timeout(120000);
  const fixtures = new Map<string, string>();
  let nextYear: string;
  let extensionUri: vscode.Uri;

  before(async function () {
    await setSetting('language', 'en');
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    extensionUri = extension.extensionUri;
    const date = new Date();
    date.setFullYear(date.getFullYear() + 1);
    nextYear = localIsoDate(date);
    for (const language of ['en', 'zh-cn']) {
      const text = await readPlanFixture(`complete.${language}.md`);
      // The open check-in must lie ahead of the real clock to be proposed.
      fixtures.set(language, text.replace('2026-04-06', nextYear));
    }
  });

  afterEach(async function () {
    await closeAllEditorsDiscarding();
  });

  after(async function () {
    await setSetting('language', undefined);
  });

  function fixture(language: string): string {
    const text = fixtures.get(language);
    assert.ok(text, language);
    return text;
  }

  it('opens the message of the active plan beside it, as an untitled Markdown document', async function () {
    const plan = await openMarkdown(fixture('en'));
    const result = await vscode.commands.executeCommand<DraftedMessage | undefined>('collabCoach.draftMessage');
    assert.ok(result, 'a message was drafted');
    const message = result.document;
    assert.equal(message.uri.scheme, 'untitled');
    assert.equal(message.languageId, 'markdown');
    assert.equal(message.getText(), result.draft.text);
    const text = message.getText();
    assert.ok(text.startsWith('# Kickoff: a shared budget for the new reporting tool\n\nHi Finance,\n'), text.slice(0, 120));
    assert.ok(text.includes(`- ${nextYear}`) && text.includes(`Could we talk it through before ${nextYear}?`));
    assert.ok(!text.includes('I answer to the sales director'), 'our own report upward stays out');
    assert.deepEqual(await markdownlintProblems(text), []);
    const messageEditor = vscode.window.visibleTextEditors.find((editor) => editor.document === message);
    assert.ok(messageEditor, 'the message is shown');
    assert.notEqual(messageEditor.viewColumn, plan.viewColumn, 'beside the plan');
    assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document === plan.document), 'the plan stays in view');
    const groupsWithMessage = vscode.window.tabGroups.all.filter((group) =>
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === message.uri.toString()),
    );
    assert.deepEqual(groupsWithMessage.map((group) => group.viewColumn), [messageEditor.viewColumn], 'the message is open in one group only');
  });

  it('drafts in the plan language from a Plans view row or a URI', async function () {
    const plan = await openMarkdown(fixture('zh-cn'));
    const fromRow = await vscode.commands.executeCommand<DraftedMessage | undefined>('collabCoach.draftMessage', { kind: 'plan', uri: plan.document.uri });
    assert.ok(fromRow, 'a message was drafted');
    assert.ok(fromRow.document.getText().startsWith('# 协同邀请：新报表工具的联合预算\n\n财务部的同事们，你们好！\n'), fromRow.document.getText().slice(0, 80));
    assert.equal(fromRow.draft.language, 'zh-cn');
    const fromUri = await vscode.commands.executeCommand<DraftedMessage | undefined>('collabCoach.draftMessage', plan.document.uri);
    assert.equal(fromUri?.document.getText(), fromRow.document.getText());
  });

  it('opens nothing for a document that is not a plan, and says so', async function () {
    await openMarkdown('# Notes\n\n- **Their need**: something\n');
    const messages = new ChoosingMessages(undefined);
    const feature = createDraftMessageFeature(new TemplateCatalogue(extensionUri, new RecordedLog()), new RecordedLog(), messages);
    try {
      const before = vscode.workspace.textDocuments.length;
      assert.equal(await feature.draftMessage(), undefined);
      assert.equal(vscode.workspace.textDocuments.length, before, 'no document opened');
      assert.equal(messages.shown.length, 1);
      assert.match(messages.shown[0]?.message ?? '', /no Collab Coach plan/);
    } finally {
      feature.dispose();
    }
  });

  it('opens nothing for a plan without the sections the message is made of, and points to them', async function () {
    const kickoffOnly = await openMarkdown('<!-- collab:kickoff -->\n### Kickoff: budget\n\nHi Ana,\n');
    const messages = new ChoosingMessages('Answer the Questions');
    const feature = createDraftMessageFeature(new TemplateCatalogue(extensionUri, new RecordedLog()), new RecordedLog(), messages);
    try {
      assert.equal(await feature.draftMessage(kickoffOnly.document.uri), undefined);
      assert.equal(messages.shown.length, 1);
      assert.match(messages.shown[0]?.message ?? '', /none of the sections .* Insert All Missing Sections/);
      assert.deepEqual(messages.shown[0]?.actions, []);
    } finally {
      feature.dispose();
    }
  });

  it('on a half-filled plan, names what was left out and jumps to the first question', async function () {
    const half = fixture('en')
      .replace(/^- \*\*Their need\*\*:.*$/m, "- **Their need**: What is the other side's need? If I were them, why would I actively and willingly cooperate and support this?")
      .replace(/^- \*\*Risk they carry\*\*:.*$/m, '- **Risk they carry**:');
    const plan = await openMarkdown(half);
    const messages = new ChoosingMessages('Answer the Questions');
    const feature = createDraftMessageFeature(new TemplateCatalogue(extensionUri, new RecordedLog()), new RecordedLog(), messages);
    try {
      const result = await feature.draftMessage(plan.document.uri);
      assert.ok(result);
      assert.ok(!result.document.getText().includes("What is the other side's need?"), 'no template question');
      assert.deepEqual(result.draft.missing.map((missing) => missing.label), ['Their need', 'Risk they carry']);
      assert.deepEqual(messages.shown[0]?.actions, ['Copy to Clipboard', 'Answer the Questions']);
      assert.match(messages.shown[0]?.message ?? '', /Finance.*Their need, Risk they carry/);
      await result.followUp;
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document, plan.document, 'the plan is shown');
      const theirNeedLine = half.split('\n').findIndex((line) => line.startsWith('- **Their need**'));
      assert.equal(active.selection.active.line, theirNeedLine);
    } finally {
      feature.dispose();
    }
  });

  it('copies the message to the clipboard', async function () {
    const plan = await openMarkdown(fixture('en'));
    const messages = new ChoosingMessages('Copy to Clipboard');
    // A recording clipboard: the browser of the web layer grants the page no clipboard.
    const copied: string[] = [];
    const clipboard = { writeText: async (text: string): Promise<void> => void copied.push(text) };
    const feature = createDraftMessageFeature(new TemplateCatalogue(extensionUri, new RecordedLog()), new RecordedLog(), messages, clipboard);
    try {
      const result = await feature.draftMessage(plan.document.uri);
      assert.ok(result);
      assert.deepEqual(messages.shown[0]?.actions, ['Copy to Clipboard']);
      await result.followUp;
      assert.deepEqual(copied, [result.draft.text]);
    } finally {
      feature.dispose();
    }
  });

  it("offers it in a CodeLens on the plan's title, with the counterpart's name", async function () {
    const plan = await openMarkdown(fixture('en'));
    const lenses = await waitFor(
      'the title lens',
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', plan.document.uri)) ?? [],
      (found) => found.some((lens) => lens.command?.command === 'collabCoach.draftMessage'),
    );
    const lens = lenses.find((candidate) => candidate.command?.command === 'collabCoach.draftMessage');
    assert.equal(lens?.range.start.line, 0);
    assert.equal(lens?.command?.title, '$(mail) Draft the Message to Finance');
    assert.equal(String(lens?.command?.arguments?.[0]), plan.document.uri.toString());
  });
});

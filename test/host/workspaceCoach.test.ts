import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CollabCoachApi } from '../../src/extension';
import type { CoachFeature } from '../../src/plan/vscode/coachFeature';
import type { PlanTreeNode } from '../../src/plan/vscode/plansTree';
import { plansAfterLessonPage } from '../../src/plan/vscode/plansView';
import { activateExtension, EXTENSION_ID, readPlanFixture, recordingPlanIndex, setSetting, waitFor } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

const coachCodes = (uri: vscode.Uri): string[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'Collab Coach')
    .map(codeOf)
    .sort();

function label(node: PlanTreeNode): string {
  const text = node.item.label;
  return typeof text === 'string' ? text : (text?.label ?? '');
}

describe('the coach at workspace scale (extension host)', function () {
  let api: CollabCoachApi;
  let coach: CoachFeature;
  let folder: vscode.Uri;
  let complete: string;
  const written: vscode.Uri[] = [];

  async function write(relativePath: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(folder, relativePath);
    await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
    written.push(uri);
    return uri;
  }

  async function rows(): Promise<PlanTreeNode[]> {
    return (await coach.plansTree()).filter((node) => node.kind === 'plan' && node.uri.path.includes('/plans-under-test/'));
  }

  before(async function () {
    await setSetting('language', 'en');
    api = await activateExtension();
    coach = await api.coach();
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspaceFolder);
    folder = workspaceFolder.uri;
    complete = await readPlanFixture('complete.en.md');
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of written) {
      await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    }
    await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', undefined, vscode.ConfigurationTarget.Global);
    await setSetting('language', undefined);
  });

  it('lists every plan in the Plans view, open or not, those needing attention first, with sections beneath', async function () {
    // An open check-in ahead of the real clock, so only the late plan is overdue.
    const nextYear = `${new Date().getFullYear() + 1}-04-06`;
    const calm = complete.replace('2026-04-06', nextYear);
    const late = complete
      .replace('a shared budget for the new reporting tool', 'a contract review with Legal')
      .replace('Finance', 'Legal')
      .replace('2026-04-06', '2020-04-06')
      .replace('[x] 2026-02-02', '[x] 2020-02-02');
    const missing = calm.slice(0, calm.indexOf('<!-- collab:workload -->')).replace('a shared budget for the new reporting tool', 'an on-call handover with Operations').replace('Finance', 'Operations');
    await write('plans-under-test/a-calm.md', calm);
    await write('plans-under-test/b-late.md', late);
    await write('plans-under-test/deep/c-missing.md', missing);
    await write('plans-under-test/not-a-plan.md', '# Meeting notes\n\nNothing to coach here.\n');
    await write('plans-under-test/node_modules/pkg/plan.md', calm);
    await coach.index.rescan();
    const found = await waitFor('three plans listed', rows, (nodes) => nodes.length === 3);
    const descriptions = found.map((node) => String(node.item.description));
    assert.deepEqual(
      found.map((node) => node.uri.path.split('/').pop()),
      ['b-late.md', 'c-missing.md', 'a-calm.md'],
      'the plans needing attention come first; node_modules and non-plans are left out',
    );
    assert.match(descriptions[0] ?? '', /Legal/);
    assert.match(descriptions[2] ?? '', /^Finance · (\d+)\/\1 answered · ①✓ ②✓ ③✓ · next check-in \d{4}-04-06$/);
    assert.equal(label(found[2] as PlanTreeNode), 'a shared budget for the new reporting tool');
    const late0 = found[0];
    assert.ok(late0 && late0.kind === 'plan');
    assert.deepEqual(late0.summary.attention, ['overdue-checkin']);
    const children = await coach.plansTree(late0);
    assert.equal(children[0]?.kind, 'overdue', 'the overdue check-in is listed first');
    assert.deepEqual(
      children.filter((child) => child.kind === 'section').map(label),
      ['1. Core needs', '2. Common interests', '3. Both sides covered', '4. Workload and keeping things even'],
    );
    const sectionCommand = children.find((child) => child.kind === 'section')?.item.command;
    assert.equal(sectionCommand?.command, 'vscode.open');
    await vscode.commands.executeCommand(sectionCommand?.command ?? '', ...(sectionCommand?.arguments ?? []));
    const editor = await waitFor('the plan opened at its section', () => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith('b-late.md') === true);
    assert.equal(editor?.document.lineAt(editor.selection.active.line).text, '## 1. Core needs');
  });

  it('follows the workspace: a changed file re-read, a deleted one gone, unsaved edits shown', async function () {
    const calmUri = vscode.Uri.joinPath(folder, 'plans-under-test', 'a-calm.md');
    const calm = decoder.decode(await vscode.workspace.fs.readFile(calmUri));
    await vscode.workspace.fs.writeFile(calmUri, encoder.encode(calm.replace('Finance', 'Procurement')));
    await waitFor('the changed partner shown', rows, (nodes) => nodes.some((node) => String(node.item.description).startsWith('Procurement')));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'plans-under-test', 'deep', 'c-missing.md'));
    await waitFor('the deleted plan gone', rows, (nodes) => nodes.length === 2);
    const document = await vscode.workspace.openTextDocument(calmUri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('- Partner department'));
    await editor.edit((builder) => builder.replace(document.lineAt(line).range, '- Partner department: HR'));
    await waitFor('the unsaved partner shown', rows, (nodes) => nodes.some((node) => String(node.item.description).startsWith('HR')));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows one reminder on a check-in date, and Mark done ticks the box in the file', async function () {
    const uri = await write('plans-under-test/reminder.md', complete.replace('2026-04-06', '2031-05-06'));
    await coach.index.rescan();
    const due = await coach.reminders.checkNow(new Date(2031, 4, 6, 9, 0));
    const mine = due.filter((each) => each.uri === uri.toString());
    assert.equal(mine.length, 1);
    assert.match(coach.reminders.lastShown?.text ?? '', /Check-in with Finance today: who carried more, and how will you rebalance\?/);
    assert.deepEqual(await coach.reminders.checkNow(new Date(2031, 4, 6, 17, 0)), [], 'never more than one a day');
    const first = mine[0];
    assert.ok(first);
    assert.ok(await coach.reminders.markDone(first));
    const onDisk = decoder.decode(await vscode.workspace.fs.readFile(uri));
    assert.match(onDisk, /- \[x\] 2031-05-06 /);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('takes a severity per rule from collabCoach.coach.rules, and "off" hides a rule', async function () {
    const uri = await write('plans-under-test/severity.md', complete.replace('[x] 2026-02-02', '[ ] 2026-02-02'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the overdue check-in found', () => coachCodes(uri), (codes) => codes.includes('overdue-checkin'));
    const overdue = vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === 'overdue-checkin');
    assert.equal(overdue?.severity, vscode.DiagnosticSeverity.Warning);
    // A plan not open (b-late.md, from the first test) follows the setting in the Plans view too.
    const lateAttention = async (): Promise<readonly string[] | undefined> => {
      const node = (await rows()).find((each) => each.uri.path.endsWith('/b-late.md'));
      return node?.kind === 'plan' ? node.summary.attention : undefined;
    };
    assert.deepEqual(await lateAttention(), ['overdue-checkin']);
    await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', { 'overdue-checkin': 'off' }, vscode.ConfigurationTarget.Global);
    await waitFor('the rule off', () => coachCodes(uri), (codes) => !codes.includes('overdue-checkin'));
    await waitFor('the rule off for a plan not open', lateAttention, (attention) => attention !== undefined && !attention.includes('overdue-checkin'));
    await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', { 'overdue-checkin': 'information' }, vscode.ConfigurationTarget.Global);
    await waitFor('the rule back for a plan not open', lateAttention, (attention) => attention?.includes('overdue-checkin') === true);
    const back = await waitFor(
      'the rule back as information',
      () => vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === 'overdue-checkin'),
      (diagnostic) => diagnostic?.severity === vscode.DiagnosticSeverity.Information,
    );
    const target = typeof back?.code === 'object' ? back.code.target : undefined;
    assert.equal(target?.scheme, vscode.env.uriScheme, "the code links through the extension's own URI handler");
    assert.equal(target?.authority, EXTENSION_ID);
    assert.equal(target?.path, '/lesson');
    assert.equal(target?.query, 'section=principle-3');
    await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('"Don\'t check RULE here" writes a suppression comment that hides the finding', async function () {
    const uri = vscode.Uri.joinPath(folder, 'plans-under-test', 'severity.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor(
      'the overdue check-in found',
      () => vscode.languages.getDiagnostics(uri).find((each) => codeOf(each) === 'overdue-checkin'),
      (found) => found !== undefined,
    );
    assert.ok(diagnostic);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? [];
    const quiet = actions.find((action) => action.title === "Don't check overdue-checkin here");
    assert.ok(quiet?.edit, actions.map((action) => action.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(quiet.edit));
    assert.match(document.getText(), /<!-- collab-coach-disable-next-line overdue-checkin -->/);
    await waitFor('the finding hidden', () => coachCodes(uri), (codes) => !codes.includes('overdue-checkin'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('fix-all inserts every missing section as one edit, and one undo takes it back', async function () {
    const text = complete.slice(0, complete.indexOf('<!-- collab:shared-interest -->')) + complete.slice(complete.indexOf('<!-- collab:workload -->'));
    const uri = await write('plans-under-test/fix-all.md', text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the missing sections found', () => coachCodes(uri), (codes) => codes.filter((code) => code === 'missing-section').length === 2);
    const fixAll = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll')) ?? [];
    assert.ok(fixAll.some((action) => action.kind?.value === 'source.fixAll.collabCoach'), fixAll.map((action) => action.kind?.value).join());
    assert.ok(await vscode.commands.executeCommand('collabCoach.fixAll', uri));
    const markers = [...document.getText().matchAll(/<!-- collab:([a-z-]+) -->/g)].map((match) => match[1]);
    assert.deepEqual(markers, ['needs', 'shared-interest', 'self-protection', 'workload']);
    await waitFor('no section missing', () => coachCodes(uri), (codes) => !codes.includes('missing-section'));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), text, 'one undo restores the plan');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Check All Plans puts the findings of plans not open in the Problems panel', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await write('plans-under-test/closed.md', complete.replace('[x] 2026-02-02', '[ ] 2026-02-02'));
    const count = await vscode.commands.executeCommand<number>('collabCoach.checkAllPlans');
    assert.ok((count ?? 0) >= 1);
    await waitFor('findings of a plan never opened', () => coachCodes(uri), (codes) => codes.includes('overdue-checkin'));
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'the plan was not opened');
  });
  it('skips a huge, a binary and a non-UTF-8 .md file on bad ground, writes nothing, and lists the rest', async function () {
    const marker = '<!-- collab:needs -->\n## Needs\n';
    const huge = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    huge.set(encoder.encode(marker), 0);
    const binary = new Uint8Array([...encoder.encode(marker), 0, 1, 2, 3]);
    const latin1 = new Uint8Array([...encoder.encode(marker), 0xe9, 0xff, 0xfe]);
    const files: [string, Uint8Array][] = [
      ['plans-under-test/bad/huge.md', huge],
      ['plans-under-test/bad/binary.md', binary],
      ['plans-under-test/bad/latin1.md', latin1],
    ];
    for (const [name, bytes] of files) {
      const uri = vscode.Uri.joinPath(folder, name);
      await vscode.workspace.fs.writeFile(uri, bytes);
      written.push(uri);
    }
    await coach.index.rescan();
    const listed = (await rows()).map((node) => node.uri.path);
    assert.ok(listed.length >= 1, 'the good plans are still listed');
    assert.ok(!listed.some((file) => file.includes('/bad/')), listed.join('\n'));
    for (const [name, bytes] of files) {
      const after = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
      assert.equal(after.byteLength, bytes.byteLength, `${name} left as it was`);
    }
  });

  it('leaves out plans under a folder files.exclude or search.exclude names, also where search ignores them (the web)', async function () {
    const files = vscode.workspace.getConfiguration('files', folder);
    const search = vscode.workspace.getConfiguration('search', folder);
    await write('plans-under-test/hidden-by-files/plan.md', complete);
    await write('plans-under-test/hidden-by-search/plan.md', complete);
    await write('plans-under-test/shown/plan.md', complete);
    try {
      await files.update('exclude', { 'plans-under-test/hidden-by-files': true }, vscode.ConfigurationTarget.WorkspaceFolder);
      await search.update('exclude', { 'plans-under-test/hidden-by-search/**': true }, vscode.ConfigurationTarget.WorkspaceFolder);
      await coach.index.rescan();
      const paths = (await rows()).map((node) => node.uri.path);
      assert.ok(paths.some((path) => path.endsWith('/shown/plan.md')), paths.join('\n'));
      assert.ok(!paths.some((path) => path.includes('/hidden-by-')), paths.join('\n'));
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await search.update('exclude', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitFor('the plans listed again once no longer excluded', async () => (await rows()).map((node) => node.uri.path), (paths) => paths.filter((path) => path.includes('/hidden-by-')).length === 2);
  });

  it('scans 10,000 Markdown files without markers: commands still answer meanwhile, nothing is written, no error logged', async function () {
    this.timeout(240000);
    const count = 10000;
    const bulk = vscode.Uri.joinPath(folder, 'bulk-markdown-under-test');
    const names = Array.from({ length: count }, (_, at) => `group-${Math.floor(at / 500)}/note-${at}.md`);
    const recording = recordingPlanIndex();
    try {
      // Generated here, a few hundred at a time, and removed after.
      for (let at = 0; at < count; at += 250) {
        await Promise.all(names.slice(at, at + 250).map((name, offset) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bulk, name), encoder.encode(`# Note ${at + offset}\n\nMinutes of a meeting, no plan in them.\n`))));
      }
      const sample = names.filter((_, at) => at % 500 === 0).map((name) => vscode.Uri.joinPath(bulk, name));
      const before = await Promise.all(sample.map((uri) => vscode.workspace.fs.stat(uri)));
      const planUri = await write('plans-under-test/among-many.md', complete);
      await vscode.workspace.openTextDocument(planUri);
      let settled = false;
      const scan = recording.index.rescan().then(() => (settled = true));
      // A round trip through the workbench to this extension's own provider, while the scan runs.
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', planUri);
      assert.ok(Array.isArray(lenses), 'the CodeLens command answered');
      assert.equal(settled, false, 'the command answered before the scan of 10,000 files was over');
      await scan;
      const plans = (await recording.index.all()).map((plan) => plan.uri.toString());
      assert.ok(plans.includes(planUri.toString()), 'the plan among them is listed');
      assert.ok(!plans.some((uri) => uri.includes('/bulk-markdown-under-test/')), 'no note is taken for a plan');
      assert.deepEqual(recording.log.lines.filter((line) => line.level === 'error'), [], 'no error logged');
      assert.deepEqual(recording.log.lines.filter((line) => line.message.includes('bulk-markdown-under-test')), [], 'no note skipped either');
      assert.ok(recording.log.lines.some((line) => /^Plans: \d+ plans among \d+ Markdown files/.test(line.message)), 'the scan said what it found');
      const after = await Promise.all(sample.map((uri) => vscode.workspace.fs.stat(uri)));
      assert.deepEqual(after.map((stat) => [stat.mtime, stat.size]), before.map((stat) => [stat.mtime, stat.size]), 'no note was written');
      const groups = await vscode.workspace.fs.readDirectory(bulk);
      assert.equal(groups.length, count / 500, 'no file or folder added');
    } finally {
      recording.dispose();
      await vscode.workspace.fs.delete(bulk, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });
});

describe("the Plans view's first rows beside the lesson view (extension host)", function () {
  /** A stand-in lesson view: only its webview's messages are read. */
  function lessonView(): { view: Pick<vscode.WebviewView, 'webview'>; pageMessage: vscode.EventEmitter<unknown> } {
    const pageMessage = new vscode.EventEmitter<unknown>();
    return { view: { webview: { onDidReceiveMessage: pageMessage.event } as unknown as vscode.Webview }, pageMessage };
  }

  /** Whether `promise` settles within `ms`. */
  const settlesWithin = (promise: Promise<void>, ms: number): Promise<boolean> =>
    Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

  it('start a moment after the lesson page opening beside them sends its first message', async function () {
    const order = plansAfterLessonPage(60_000, 100);
    const { view, pageMessage } = lessonView();
    order.lessonViewMade(view);
    const firstRows = order.firstRows();
    assert.equal(await settlesWithin(firstRows, 200), false, 'the rows started before the lesson page was up');
    pageMessage.fire({ type: 'ready' });
    const sent = Date.now();
    assert.equal(await settlesWithin(firstRows, 1000), true, "the rows did not start after the lesson page's first message");
    assert.ok(Date.now() - sent >= 80, `the rows started ${Date.now() - sent} ms after the page's first message, before its first frames`);
    assert.equal(await settlesWithin(order.firstRows(), 50), true, 'a later request waited again');
    pageMessage.dispose();
  });

  it('start at once when a lesson page is already up, and after the wait when none opens', async function () {
    const up = plansAfterLessonPage(60_000, 10);
    const { view, pageMessage } = lessonView();
    up.lessonViewMade(view);
    pageMessage.fire({ type: 'ready' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await settlesWithin(up.firstRows(), 200), true, 'the rows waited for a page that was already up');
    pageMessage.dispose();

    const alone = plansAfterLessonPage(300);
    const started = Date.now();
    await alone.firstRows();
    assert.ok(Date.now() - started >= 250, `with no lesson view the rows started after ${Date.now() - started} ms, before the wait`);
  });
});

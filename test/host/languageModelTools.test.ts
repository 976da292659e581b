// The coach for agents: on a VS Code with the language model tool API (code-server 1.139), the three
// tools are listed and answer through vscode.lm.invokeTool, no model needed; on one without it (the
// web layer's 1.91), the extension offers none and everything else works as before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CollabCoachApi } from '../../src/extension';
import { AGENT_TOOL_NAMES } from '../../src/plan/agentToolNames';
import { type LanguageModelApiShim, languageModelApi } from '../../src/plan/vscode/languageModelTools';
import { activateExtension, EXTENSION_ID, readPlanFixture, setSetting, waitFor } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The language model tool API became stable in VS Code 1.95. */
function hasStableToolApi(): boolean {
  const [major = 0, minor = 0] = vscode.version.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 95);
}

describe('language model tools for agents (extension host)', function () {
  let api: CollabCoachApi;

  before(async function () {
    await setSetting('language', 'en');
    api = await activateExtension();
  });

  after(async function () {
    await setSetting('language', undefined);
  });

  if (!hasStableToolApi()) {
    it('offers no tools where VS Code has no language model tool API, and activates all the same', async function () {
      const lm = languageModelApi.lm;
      const registerTool = lm?.registerTool;
      if (typeof registerTool === 'function') {
        // 1.91 has the API only as a proposal: registering throws for an extension that does not enable it.
        assert.throws(() => registerTool.call(lm, 'collabCoach_probe', { invoke: () => Promise.resolve({ content: [] }) }).dispose());
      }
      assert.deepEqual(api.languageModelTools, []);
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
      const coach = await api.coach();
      assert.ok(Array.isArray(await coach.plansTree()), 'the coach works without the tools');
    });
    return;
  }

  describe('with the language model tool API', function () {
    let lm: Required<LanguageModelApiShim>;
    let folder: vscode.Uri;
    let complete: string;
    const written: vscode.Uri[] = [];
    const planPath = 'lm-tools-under-test/late.md';
    // How the tools name the plan: as VS Code names a workspace file (with its folder's name in a multi-root window).
    const planFile = (): string => vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder, planPath));

    async function invoke(name: string, input: unknown): Promise<string> {
      const result = await lm.invokeTool(name, { input, toolInvocationToken: undefined });
      const TextPart = languageModelApi.LanguageModelTextPart;
      assert.ok(TextPart);
      assert.equal(result.content.length, 1, `${name} answers with one part`);
      const part = result.content[0];
      assert.ok(part instanceof TextPart, `${name} answers with a LanguageModelTextPart`);
      return part.value;
    }

    async function write(relativePath: string, text: string): Promise<vscode.Uri> {
      const uri = vscode.Uri.joinPath(folder, relativePath);
      await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
      written.push(uri);
      return uri;
    }

    before(async function () {
      const found = languageModelApi.lm;
      assert.ok(found?.registerTool && found.invokeTool && found.tools, `VS Code ${vscode.version} has the language model tool API`);
      lm = found as Required<LanguageModelApiShim>;
      const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(workspaceFolder);
      folder = workspaceFolder.uri;
      complete = await readPlanFixture('complete.en.md');
      // A check-in long past and still open: one overdue-checkin finding.
      await write(planPath, complete.replace('2026-04-06', '2020-04-06').replace('[x] 2026-02-02', '[x] 2020-02-02'));
      await write('lm-tools-under-test/notes.md', '# Meeting notes\n\nNothing to coach here.\n');
    });

    after(async function () {
      for (const uri of written) {
        await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
      }
      await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', undefined, vscode.ConfigurationTarget.Global);
    });

    it('lists the three tools with their input schemas', function () {
      assert.deepEqual(api.languageModelTools, [...AGENT_TOOL_NAMES]);
      const ours = lm.tools.filter((tool) => tool.name.startsWith('collabCoach_'));
      assert.deepEqual(ours.map((tool) => tool.name).sort(), [...AGENT_TOOL_NAMES].sort());
      for (const tool of ours) {
        assert.ok(tool.tags.includes('collabCoach'), `${tool.name} tags: ${tool.tags.join(', ')}`);
        assert.ok(tool.description.length > 100, `${tool.name} describes itself to the model`);
        assert.equal((tool.inputSchema as { type?: unknown } | undefined)?.type, 'object', tool.name);
      }
    });

    it('checks a plan by its workspace-relative path, absolute path or URI: its findings by file', async function () {
      const lateLine = complete.split('\n').findIndex((line) => line.includes('[ ] 2026-04-06'));
      const uri = vscode.Uri.joinPath(folder, planPath);
      const answers = [await invoke('collabCoach_checkPlan', { path: planPath }), await invoke('collabCoach_checkPlan', { path: uri.toString() })];
      if (uri.scheme === 'file') {
        answers.push(await invoke('collabCoach_checkPlan', { path: uri.fsPath }));
      }
      for (const answer of answers) {
        const result = JSON.parse(answer) as { plans: { file: string; title: string; findings: { code: string; severity: string; line: number; message: string }[]; hidden: number }[] };
        assert.equal(result.plans.length, 1);
        const [plan] = result.plans;
        assert.equal(plan?.file, planFile());
        assert.equal(plan?.title, 'a shared budget for the new reporting tool');
        assert.deepEqual(
          plan?.findings.map(({ code, severity, line }) => ({ code, severity, line })),
          [{ code: 'overdue-checkin', severity: 'warning', line: lateLine + 1 }],
        );
        assert.match(plan?.findings[0]?.message ?? '', /2020-04-06/);
        assert.doesNotMatch(plan?.findings[0]?.message ?? '', /[\u4e00-\u9fff]/, 'in the content language, English here');
      }
    });

    it("checks with the user's severities: a rule set to off is hidden", async function () {
      await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', { 'overdue-checkin': 'off' }, vscode.ConfigurationTarget.Global);
      const result = JSON.parse(await invoke('collabCoach_checkPlan', { path: planPath })) as { plans: { findings: unknown[]; hidden: number }[] };
      assert.deepEqual(result.plans.map(({ findings, hidden }) => ({ findings, hidden })), [{ findings: [], hidden: 1 }]);
      await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', { 'overdue-checkin': 'hint' }, vscode.ConfigurationTarget.Global);
      const hinted = JSON.parse(await invoke('collabCoach_checkPlan', { path: planPath })) as { plans: { findings: { severity: string }[] }[] };
      assert.equal(hinted.plans[0]?.findings[0]?.severity, 'hint');
      await vscode.workspace.getConfiguration('collabCoach').update('coach.rules', undefined, vscode.ConfigurationTarget.Global);
    });

    it("checks an open plan's unsaved text, as the coach does", async function () {
      const openPath = 'lm-tools-under-test/open.md';
      const uri = await write(openPath, decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, planPath))));
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      const line = document.getText().split('\n').findIndex((text) => text.includes('[ ] 2020-04-06'));
      assert.ok(await editor.edit((builder) => builder.replace(document.lineAt(line).range, document.lineAt(line).text.replace('[ ] 2020-04-06', '[x] 2020-04-06'))));
      assert.ok(document.isDirty);
      const result = JSON.parse(await invoke('collabCoach_checkPlan', { path: openPath })) as { plans: { findings: unknown[] }[] };
      assert.deepEqual(result.plans[0]?.findings, [], 'the check-in held in the editor, not yet saved');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.ok(!document.isDirty);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('without a path, checks every plan of the workspace', async function () {
      const result = await waitFor(
        'the plan in the workspace check',
        async () => JSON.parse(await invoke('collabCoach_checkPlan', {})) as { plans: { file: string; findings: { code: string }[] }[] },
        (answer) => answer.plans.some((plan) => plan.file === planFile()),
      );
      assert.deepEqual(result.plans.find((plan) => plan.file === planFile())?.findings.map((finding) => finding.code), ['overdue-checkin']);
      assert.ok(!result.plans.some((plan) => plan.file.endsWith('notes.md')), 'a file without markers is no plan');
    });

    it('answers a wrong path with an error, never a throw', async function () {
      const cases: [unknown, RegExp][] = [
        [{ path: '../outside.md' }, /^Error: "\.\.\/outside\.md" is outside the workspace folders/],
        [{ path: '/etc/hostname' }, /^Error: "\/etc\/hostname" is outside the workspace folders/],
        [{ path: 'lm-tools-under-test/missing.md' }, /^Error: there is no file at "lm-tools-under-test\/missing\.md"\.$/],
        [{ path: 'lm-tools-under-test/notes.md' }, /^Error: "lm-tools-under-test\/notes\.md" is not a Collab Coach plan/],
        [{ path: 'lm-tools-under-test' }, /^Error: "lm-tools-under-test" is not a Collab Coach plan/],
        [{ path: 42 }, /^Error: the input property "path" must be a string\.$/],
        [{ path: '' }, /^Error: the path is empty/],
        [{ file: planPath }, /^Error: unknown input property "file"; the properties are: path\.$/],
      ];
      for (const [input, expected] of cases) {
        assert.match(await invoke('collabCoach_checkPlan', input), expected, JSON.stringify(input));
      }
    });

    it('reads a lesson section in the language asked for, and in the user\'s by default', async function () {
      assert.match(await invoke('collabCoach_readLessonSection', { section: 'self-check', language: 'zh-cn' }), /^#### 自查：沟通无效时先问四个问题 \{#self-check\}\n\n[^]*对方的诉求是什么？/);
      const english = await invoke('collabCoach_readLessonSection', { section: 'self-check', language: 'en' });
      assert.match(english, /^#### Self-check: Four Questions When Communication Stalls \{#self-check\}\n\n[^]*What is the other side's need\?/);
      assert.equal(await invoke('collabCoach_readLessonSection', { section: 'self-check' }), english, 'the content language, English here');
      assert.match(await invoke('collabCoach_readLessonSection', { section: 'principle-1', language: 'en' }), /<!-- sections inside: self-check, example-finance -->$/);
    });

    it('answers a wrong section or language with an error, never a throw', async function () {
      const cases: [unknown, RegExp][] = [
        [{ section: 'principle-4' }, /^Error: the lesson has no section "principle-4"; its sections are: overview, challenge, principles, principle-1, /],
        [{ section: 'summary', language: 'fr' }, /^Error: the lesson is not written in "fr"; its languages are: zh-cn, en\.$/],
        [{}, /^Error: the input property "section" is required\.$/],
        [{ section: ['summary'] }, /^Error: the input property "section" must be a string\.$/],
      ];
      for (const [input, expected] of cases) {
        assert.match(await invoke('collabCoach_readLessonSection', input), expected, JSON.stringify(input));
      }
    });

    it('lists the plans as the Plans view does, with their state', async function () {
      type Listed = { count: number; plans: { file: string; title: string; counterpart: string; answered: number; total: number; principles: Record<string, boolean>; nextCheckin: string | null; overdueCheckins: string[]; attention: { code: string; reason: string }[] }[] };
      const listed = await waitFor(
        'the plan listed',
        async () => JSON.parse(await invoke('collabCoach_listPlans', {})) as Listed,
        (answer) => answer.plans.some((plan) => plan.file === planFile()),
      );
      assert.equal(listed.count, listed.plans.length);
      const plan = listed.plans.find((each) => each.file === planFile());
      assert.ok(plan);
      assert.deepEqual(
        { ...plan, answered: plan.answered === plan.total && plan.total > 0 },
        {
          file: planFile(),
          title: 'a shared budget for the new reporting tool',
          counterpart: 'Finance',
          answered: true,
          total: plan.total,
          principles: { 'principle-1': true, 'principle-2': true, 'principle-3': false },
          nextCheckin: null,
          overdueCheckins: ['2020-04-06'],
          attention: [{ code: 'overdue-checkin', reason: 'a check-in is overdue' }],
        },
      );
      assert.match(await invoke('collabCoach_listPlans', { all: true }), /^Error: this tool takes no input, but got the property "all"\.$/);
    });

    it('writes no file', async function () {
      const before = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, planPath)));
      await invoke('collabCoach_checkPlan', { path: planPath });
      await invoke('collabCoach_listPlans', {});
      assert.equal(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, planPath))), before);
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'lm-tools-under-test'));
      assert.deepEqual(entries.map(([name]) => name).sort(), ['late.md', 'notes.md', 'open.md']);
    });
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseTips, type Tip } from '../../src/content/tips';
import { dailyTip, sectionTipForDate } from '../../src/tips/schedule';
import type { DailyTipController, TipSnapshot } from '../../src/tips/vscode/dailyTip';
import { activateExtension, EXTENSION_ID } from './support';

/** Settings changes reach the extension host as events; poll until the item has caught up. */
async function waitForSnapshot(
  tip: DailyTipController,
  matches: (snapshot: TipSnapshot) => boolean,
  what: string,
): Promise<TipSnapshot> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const snapshot = tip.snapshot();
    if (snapshot !== undefined && matches(snapshot)) {
      return snapshot;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting until ${what}; last snapshot: ${JSON.stringify(snapshot)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function byId(tips: readonly Tip[], id: string): Tip {
  const found = tips.find((tip) => tip.id === id);
  assert.ok(found, `no tip ${id}`);
  return found;
}

describe('daily tip (extension host)', () => {
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('collabCoach');
  let tip: DailyTipController;
  let tips: Tip[];
  let savedLanguage: unknown;
  let savedEnabled: unknown;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    tip = (await activateExtension()).tip;
    await tip.ready;
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'content', 'tips.json'));
    tips = parseTips(JSON.parse(new TextDecoder().decode(bytes)));

    savedLanguage = settings().inspect('language')?.globalValue;
    savedEnabled = settings().inspect('tip.enabled')?.globalValue;
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    await settings().update('tip.enabled', true, vscode.ConfigurationTarget.Global);
    // Another suite may have focused a section; start from the daily tip.
    tip.showSectionTip(undefined);
  });

  after(async () => {
    await settings().update('language', savedLanguage, vscode.ConfigurationTarget.Global);
    await settings().update('tip.enabled', savedEnabled, vscode.ConfigurationTarget.Global);
  });

  it("shows today's tip in English", async () => {
    // A fresh profile has skipped no tips today, so this is the tip the schedule names.
    const expected = dailyTip(tips, new Date());
    assert.ok(expected);
    const snapshot = await waitForSnapshot(tip, (s) => s.text === `$(lightbulb) ${expected.en.short}`, 'English text');
    assert.equal(snapshot.visible, true);
    assert.equal(snapshot.tipId, expected.id);
    assert.equal(snapshot.sectionId, expected.section);
    assert.ok(snapshot.tooltip.includes('command:collabCoach.nextTip'), snapshot.tooltip);
  });

  it("opens the lesson at the tip's section when clicked", () => {
    const snapshot = tip.snapshot();
    assert.ok(snapshot);
    assert.deepEqual(snapshot.command, { command: 'collabCoach.openLesson', arguments: [snapshot.sectionId, { preserveFocus: true }] });
    const openLink = `command:collabCoach.openLesson?${encodeURIComponent(JSON.stringify([snapshot.sectionId, { preserveFocus: true }]))}`;
    assert.ok(snapshot.tooltip.includes(openLink), snapshot.tooltip);
  });

  it('moves on to another tip with "Next tip"', async () => {
    const before = tip.snapshot();
    assert.ok(before);
    await vscode.commands.executeCommand('collabCoach.nextTip');
    const after = tip.snapshot();
    assert.ok(after);
    assert.notEqual(after.tipId, before.tipId);
    assert.notEqual(after.text, before.text);
    assert.equal(after.text, `$(lightbulb) ${byId(tips, after.tipId).en.short}`);
  });

  it('hides when the setting is off and comes back when it is on', async () => {
    const shownTipId = tip.snapshot()?.tipId;
    await settings().update('tip.enabled', false, vscode.ConfigurationTarget.Global);
    await waitForSnapshot(tip, (s) => !s.visible, 'the item is hidden');
    await settings().update('tip.enabled', true, vscode.ConfigurationTarget.Global);
    const shownAgain = await waitForSnapshot(tip, (s) => s.visible, 'the item is shown');
    assert.equal(shownAgain.tipId, shownTipId);
  });

  it('switches to Chinese with the content language', async () => {
    const shown = tip.snapshot();
    assert.ok(shown);
    const chinese = `$(lightbulb) ${byId(tips, shown.tipId)['zh-cn'].short}`;
    await settings().update('language', 'zh-cn', vscode.ConfigurationTarget.Global);
    await waitForSnapshot(tip, (s) => s.text === chinese, 'Chinese text');
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    await waitForSnapshot(tip, (s) => s.text === `$(lightbulb) ${byId(tips, shown.tipId).en.short}`, 'English again');
  });

  it('shows a tip of the focused section, and the daily tip again without one', () => {
    const daily = tip.snapshot();
    assert.ok(daily);
    tip.showSectionTip('example-finance');
    const expected = sectionTipForDate(tips, 'example-finance', new Date());
    assert.ok(expected);
    const focused = tip.snapshot();
    assert.ok(focused);
    assert.equal(focused.tipId, expected.id);
    assert.deepEqual(focused.command?.arguments, ['example-finance', { preserveFocus: true }]);

    tip.showSectionTip(undefined);
    assert.equal(tip.snapshot()?.tipId, daily.tipId);
    tip.showSectionTip('no-such-section');
    assert.equal(tip.snapshot()?.tipId, daily.tipId);
  });
});

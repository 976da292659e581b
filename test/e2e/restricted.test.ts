import * as assert from 'node:assert/strict';
import { type Workbench, openWorkbench } from './workbench';

// package.json declares `untrustedWorkspaces: limited`: in Restricted Mode the lesson, tips and
// built-in templates work, and nothing the workspace supplies (team notes, team templates) is used.
describe('in a Restricted Mode workspace', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await openWorkbench({ restricted: true });
  });

  after(async function () {
    await workbench?.close();
  });

  it('shows the lesson, says why the team notes are not shown, and renders none', async function () {
    await workbench.page.locator('.statusbar-item', { hasText: /Restricted Mode/i }).first().waitFor({ timeout: 30000 });
    await workbench.runCommand('Collab Coach: Open the Lesson');
    const panel = workbench.lessonFrame('panel');
    await panel.locator('main#lesson h1').waitFor({ timeout: 60000 });
    await panel.locator('#team-notes .team-notes-note').waitFor({ timeout: 30000 });
    assert.match(await panel.locator('#team-notes .team-notes-note').first().innerText(), /Restricted Mode/);
    assert.equal(await panel.locator('#team-notes article.team-note').count(), 0, 'no note rendered');
    await workbench.screenshot('restricted-mode');
  });

  it('offers the built-in templates but not the workspace ones', async function () {
    const { page } = workbench;
    await workbench.openFile('README.md', 'Sample project');
    await workbench.runCommand('Collab Coach: Insert Collaboration Plan');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Full collaboration plan' }).first().waitFor({ timeout: 15000 });
    const rows = (await page.locator('.quick-input-widget .monaco-list-rows').first().innerText()).replace(/\s+/g, ' ');
    assert.ok(!rows.includes('Team template'), `no team template offered: ${rows}`);
    await page.keyboard.press('Escape');
  });
});

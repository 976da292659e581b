import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Workbench, openWorkbench } from './workbench';

describe('planning templates, as a user inserts them', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
  });

  it('inserts the full plan under the title the file has, from the command palette; Tab walks the questions; the answers are saved to disk', async function () {
    const { page } = workbench;
    const file = path.join(workbench.folder, 'docs', 'budget-plan.md');
    await workbench.openFile('budget-plan.md', '年底预算协同');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+End');

    await workbench.runCommand('Collab Coach: Insert Collaboration Plan');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '完整协同计划' }).first().waitFor({ timeout: 15000 });
    await page.locator('.quick-input-widget input').first().fill('完整协同计划');
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-line', { hasText: '协同部门' }).first().waitFor({ timeout: 15000 });

    // The file has its own title, so the plan adds none: the first blank selected is the partner;
    // Tab moves to the next question, which typing replaces.
    await page.keyboard.type('财务部');
    await page.keyboard.press('Tab');
    await page.keyboard.type('按时关账，少做手工对账');
    await page.keyboard.press('Escape');
    await workbench.screenshot('plan-typed');
    await page.keyboard.press('Control+S');
    // What counts is the file on disk: wait until the save has reached it.
    const deadline = Date.now() + 20000;
    let saved = fs.readFileSync(file, 'utf8');
    while (!saved.includes('协同部门') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      saved = fs.readFileSync(file, 'utf8');
    }
    assert.match(saved, /^# 年底预算协同/);
    assert.match(saved, /- 协同部门：财务部\n/);
    assert.match(saved, /- \*\*我的诉求\*\*：按时关账，少做手工对账\n/);
    assert.equal(saved.match(/^# /gm)?.length, 1, 'one title');
    for (const marker of ['needs', 'shared-interest', 'self-protection', 'workload']) {
      assert.ok(saved.includes(`<!-- collab:${marker} -->`), `the saved plan has the ${marker} section`);
    }
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await workbench.screenshot('plan-inserted');
  });
});

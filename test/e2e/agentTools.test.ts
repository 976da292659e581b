import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { type Workbench, openWorkbench } from './workbench';

/** The tools' display names as package.nls.json gives them: what a user reads on the extension's page. */
const strings = JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
const TOOL_NAMES = Object.entries(strings)
  .filter(([key]) => /^tool\.[A-Za-z]+\.displayName$/.test(key))
  .map(([, name]) => name);

describe("the coach's tools for agents, as a user finds them", function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
  });

  it("lists the three tools on the extension's page, under its features", async function () {
    assert.equal(TOOL_NAMES.length, 3, 'three tools in package.nls.json');
    const { page } = workbench;
    await workbench.runCommand('Extensions: Show Installed Extensions');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Collab Coach' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    const editor = page.locator('.extension-editor');
    await editor.waitFor({ timeout: 30000 });
    await editor.locator('.action-label', { hasText: /^Features$/ }).first().click();
    await editor.locator('.monaco-list-row', { hasText: 'Language Model Tools' }).first().click();
    for (const name of TOOL_NAMES) {
      await editor.locator('.feature-body, .extension-feature-content', { hasText: name }).first().waitFor({ timeout: 15000 });
    }
    const shown = await editor.innerText();
    for (const name of TOOL_NAMES) {
      assert.ok(shown.includes(name), `${name} is listed`);
    }
    await workbench.screenshot('agent-tools');
  });
});

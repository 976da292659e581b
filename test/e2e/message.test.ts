import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localIsoDate } from '../../src/plan/slug';
import { type Workbench, openWorkbench } from './workbench';

/** Every placeholder question of the built-in templates (`${1:question}`), in both languages. */
function templateQuestions(): string[] {
  const folder = path.join('content', 'templates');
  return fs
    .readdirSync(folder)
    .flatMap((file) => [...fs.readFileSync(path.join(folder, file), 'utf8').matchAll(/\$\{\d+:([^}]+)\}/g)].map((match) => match[1] ?? ''))
    .filter((question) => question.length >= 8 && question !== 'YYYY-MM-DD');
}

describe('the message to the other department, as a user drafts it', function () {
  let workbench: Workbench;
  let folder: string;
  const planName = 'message-e2e/budget-with-finance.md';

  before(async function () {
    folder = process.env['COLLAB_COACH_E2E_FOLDER'] ?? '';
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    const complete = fs.readFileSync(path.join('test', 'fixtures', 'plans', 'complete.en.md'), 'utf8');
    fs.mkdirSync(path.join(folder, 'message-e2e'), { recursive: true });
    fs.writeFileSync(path.join(folder, planName), complete.replace('2026-04-06', localIsoDate(nextYear)));
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
    // Other specs count the workspace's plans.
    fs.rmSync(path.join(folder, 'message-e2e'), { recursive: true, force: true });
  });

  it('drafts it from the command palette, beside the plan: their name is there, no template question is', async function () {
    const { page } = workbench;
    await workbench.openFile('budget-with-finance.md', 'Collaboration plan');
    // The plan's title offers it too, with their name.
    await page.locator('.editor-instance .codelens-decoration', { hasText: 'Draft the Message to Finance' }).first().waitFor({ timeout: 30000 });

    await workbench.runCommand('Collab Coach: Draft the Message to the Other Department');
    const message = page.locator('.editor-group-container.active .editor-instance');
    await message.locator('.view-line', { hasText: 'Hi Finance,' }).first().waitFor({ timeout: 30000 });
    // An information toast hides after a few seconds: if it came and went, read it in the notification center.
    let notification = page.locator('.notification-toast', { hasText: 'Drafted the message to Finance' });
    const seen = await notification.waitFor({ timeout: 10000 }).then(
      () => true,
      () => false,
    );
    if (!seen) {
      await workbench.runCommand('Notifications: Show Notifications');
      notification = page.locator('.notifications-center .notification-list-item', { hasText: 'Drafted the message to Finance' });
      await notification.waitFor({ timeout: 15000 });
    }
    assert.ok(await notification.locator('.monaco-button', { hasText: 'Copy to Clipboard' }).isVisible());
    await workbench.screenshot('message-draft');

    assert.equal(await page.locator('.editor-group-container').count(), 2, 'the message opens beside the plan');
    const tabs = await page.locator('.editor-group-container .tab').allInnerTexts();
    assert.equal(tabs.filter((tab) => tab.includes('Kickoff')).length, 1, `one message tab: ${JSON.stringify(tabs)}`);
    const activeTab = await page.locator('.editor-group-container.active .tab.active').first().innerText();
    assert.match(activeTab, /Untitled/);
    const lines = await message.locator('.view-lines .view-line').evaluateAll((nodes) =>
      nodes.map((node) => ({ top: parseFloat((node as HTMLElement).style.top) || 0, text: node.textContent ?? '' })),
    );
    // Markdown wraps long lines in the editor: read the lines shown as one run of text.
    const shown = lines
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    assert.match(shown, /^# Kickoff: a shared budget for the new reporting tool Hi Finance, /);
    assert.match(shown, /## What is in it for you/);
    assert.match(shown, /Finance needs the year-end numbers to stay clean/);
    for (const question of templateQuestions()) {
      assert.ok(!shown.includes(question), `a template question in the message: ${question}`);
    }
    assert.ok(!shown.includes('I answer to the sales director'), 'our own report upward stays out');
  });
});

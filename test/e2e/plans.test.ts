import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localIsoDate } from '../../src/plan/slug';
import { type Workbench, openWorkbench } from './workbench';

describe('the Plans view and check-in reminders, as a user meets them', function () {
  let workbench: Workbench;
  let folder: string;
  const today = localIsoDate(new Date());
  const complete = fs.readFileSync(path.join('test', 'fixtures', 'plans', 'complete.en.md'), 'utf8');
  const lateName = 'plans-e2e/contract-review.md';
  const dueName = 'plans-e2e/reporting-budget.md';

  before(async function () {
    folder = process.env['COLLAB_COACH_E2E_FOLDER'] ?? '';
    fs.mkdirSync(path.join(folder, 'plans-e2e'), { recursive: true });
    // One plan with a check-in overdue for a year; one whose open check-in is today.
    fs.writeFileSync(
      path.join(folder, lateName),
      complete
        .replace('a shared budget for the new reporting tool', 'a contract review with Legal')
        .replace('Finance', 'Legal')
        .replace('2026-04-06', '2020-04-06')
        .replace('[x] 2026-02-02', '[x] 2020-02-02'),
    );
    fs.writeFileSync(path.join(folder, dueName), complete.replace('2026-04-06', today));
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
  });

  it("shows the day's check-in reminder, and Mark done ticks the box in the file on disk", async function () {
    const { page } = workbench;
    // The workbench's content language is Chinese (see test/harness/run-e2e.js); the buttons follow VS Code's.
    // An information toast hides after a few seconds: if it came and went, read it in the notification center.
    const text = '今天和Finance做阶段性检查';
    let reminder = page.locator('.notification-toast', { hasText: text });
    const seen = await reminder.waitFor({ timeout: 20000 }).then(
      () => true,
      () => false,
    );
    if (!seen) {
      await workbench.runCommand('Notifications: Show Notifications');
      reminder = page.locator('.notifications-center .notification-list-item', { hasText: text });
      await reminder.waitFor({ timeout: 40000 });
    }
    assert.match(await reminder.innerText(), /谁承担得更多？你们打算怎样重新平衡？/);
    await workbench.screenshot('checkin-reminder');
    await reminder.locator('.monaco-button', { hasText: 'Mark done' }).click();
    const file = path.join(folder, dueName);
    const deadline = Date.now() + 20000;
    while (!fs.readFileSync(file, 'utf8').includes(`- [x] ${today} `) && Date.now() < deadline) {
      await page.waitForTimeout(250);
    }
    assert.ok(fs.readFileSync(file, 'utf8').includes(`- [x] ${today} `), 'the check-in is ticked in the file on disk');
  });

  it('lists the plans with their marks, the one needing attention first, and a badge', async function () {
    const { page } = workbench;
    await workbench.openCollabCoachContainer();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Plans/ }) });
    await pane.locator('.pane-header').waitFor({ timeout: 30000 });
    if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) === 'false') {
      await pane.locator('.pane-header').click();
    }
    const planRows = pane.locator('.monaco-list-row[aria-level="1"]');
    await planRows.filter({ hasText: 'a contract review with Legal' }).waitFor({ timeout: 60000 });
    const texts = (await planRows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    console.log(`      Plans view rows: ${texts.length}`);
    const late = texts.findIndex((text) => text.includes('a contract review with Legal'));
    const calm = texts.findIndex((text) => text.includes('a shared budget for the new reporting tool') && text.includes('Finance'));
    assert.ok(late >= 0 && calm >= 0, texts.join('\n'));
    assert.ok(late < calm, 'the plan needing attention comes first');
    assert.match(texts[late] ?? '', /Legal · \d+\/\d+ answered · ①. ②. ③./);
    const badge = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Collab Coach"]') }).locator('.badge-content');
    await badge.first().waitFor({ timeout: 15000 });
    // The badge is drawn as the index settles: read it until it shows a count.
    let count = 0;
    for (const deadline = Date.now() + 20000; count < 1 && Date.now() < deadline; ) {
      count = Math.max(0, ...(await badge.allInnerTexts()).map((text) => Number(text.trim()) || 0));
      if (count < 1) {
        await page.waitForTimeout(250);
      }
    }
    const label = await page.locator('.activitybar [aria-label^="Collab Coach"]').first().getAttribute('aria-label');
    assert.ok(count >= 1, `the badge counts the plans that need attention (label: ${label ?? 'none'})`);
    assert.match(label ?? '', /plans? needs? attention/);
    // Room for the rows in the picture: the lesson's pane folded, the plan needing attention open.
    const lessonHeader = page.locator('.pane-header', { hasText: /^Lesson/ });
    if ((await lessonHeader.getAttribute('aria-expanded')) === 'true') {
      await lessonHeader.click();
    }
    await workbench.screenshot('plans-view');
  });

  it('opens the plan at a section when its row is clicked', async function () {
    const { page } = workbench;
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Plans/ }) });
    await pane.locator('.monaco-list-row[aria-level="1"]', { hasText: 'a contract review with Legal' }).locator('.monaco-tl-twistie').click();
    const section = pane.locator('.monaco-list-row[aria-level="2"]', { hasText: '4. Workload and keeping things even' });
    await section.waitFor({ timeout: 15000 });
    assert.ok((await pane.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Overdue check-in 2020-04-06' }).count()) === 1, 'the overdue check-in is listed');
    await section.click();
    await page.locator('.tab.active', { hasText: 'contract-review.md' }).waitFor({ timeout: 20000 });
    await page.locator('.editor-instance .view-line', { hasText: '## 4. Workload and keeping things even' }).first().waitFor({ timeout: 20000 });
    const current = page.locator('.editor-instance .view-overlays .current-line');
    await current.first().waitFor({ timeout: 10000 });
    await workbench.screenshot('plans-view-section');
  });

  it("opens the lesson at a rule's section when the finding's code is clicked in the Problems panel", async function () {
    const { page } = workbench;
    await workbench.runCommand('View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'overdue-checkin' }).first();
    await row.waitFor({ timeout: 30000 });
    await workbench.screenshot('plans-problems-code');
    await row.locator('a', { hasText: 'overdue-checkin' }).first().click();
    const lesson = workbench.lessonFrame('panel');
    await lesson.locator('main#lesson h1').waitFor({ timeout: 60000 });
    await lesson.locator('#principle-3').waitFor({ timeout: 15000 });
    const visible = await lesson.locator('#principle-3').evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= -5 && box.top < window.innerHeight;
    });
    assert.ok(visible, 'the lesson scrolled to principle 3');
  });
});

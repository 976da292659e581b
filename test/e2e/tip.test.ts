import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTips, tipText } from '../../src/content/tips';
import { dailyTip } from '../../src/tips/schedule';
import { type Workbench, openWorkbench } from './workbench';

describe('the daily tip, as a user sees it', function () {
  let workbench: Workbench;
  const tips = parseTips(JSON.parse(fs.readFileSync(path.join('content', 'tips.json'), 'utf8')));

  before(async function () {
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
  });

  it("shows today's tip in the status bar and its tooltip on hover", async function () {
    const expected = dailyTip(tips, new Date());
    assert.ok(expected, 'there is a tip for today');
    const item = workbench.statusTip();
    await item.waitFor({ timeout: 60000 });
    await workbench.page.locator(`[id="qianjinshe.collab-coach.collabCoach.tip"]`, { hasText: tipText(expected, 'zh-cn').short }).waitFor({ timeout: 30000 });
    assert.equal((await item.innerText()).trim(), tipText(expected, 'zh-cn').short);
    await item.hover();
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover', { hasText: tipText(expected, 'zh-cn').long.slice(0, 12) });
    await hover.first().waitFor({ timeout: 15000 });
    await workbench.screenshot('tip-tooltip');
    await workbench.page.mouse.move(700, 400);
  });

  it("opens the lesson panel at the tip's section when clicked", async function () {
    const expected = dailyTip(tips, new Date());
    assert.ok(expected);
    await workbench.statusTip().click();
    const panel = workbench.lessonFrame('panel');
    const heading = panel.locator(`[id="${expected.section}"]`);
    await heading.waitFor({ timeout: 60000 });
    // The section's heading is on screen, at (or near) the top of the page.
    await assert.doesNotReject(
      heading.evaluate((element) =>
        new Promise<void>((resolve, reject) => {
          const deadline = Date.now() + 10000;
          const check = (): void => {
            const top = element.getBoundingClientRect().top;
            if (top >= -2 && top < window.innerHeight - 20) {
              resolve();
            } else if (Date.now() > deadline) {
              reject(new Error(`heading top at ${top}px`));
            } else {
              setTimeout(check, 100);
            }
          };
          check();
        }),
      ),
    );
    // Opened from the status bar, the lesson shows the section but leaves the keyboard where it was
    // (a command palette opened meanwhile keeps its keys: see accessibility.test.ts).
    assert.equal(await panel.locator(':focus').count(), 0, 'the keyboard stays where it was');
    await workbench.screenshot('tip-click-opens-lesson');
  });
});

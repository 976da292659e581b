import * as assert from 'node:assert/strict';
import { type Workbench, openWorkbench } from './workbench';

describe('the lesson, as a reader sees it', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
  });

  it('shows the Chinese lesson with its three principles in the sidebar', async function () {
    await workbench.openCollabCoachContainer();
    const lesson = workbench.lessonFrame('view');
    await lesson.locator('main#lesson h1').waitFor({ timeout: 60000 });
    assert.match(await lesson.locator('main#lesson h1').innerText(), /如何高效推进跨部门协同/);
    // The title block paints first; the sections follow a frame later, and then the page is no longer busy.
    await lesson.locator('main#lesson[aria-busy="false"]').waitFor({ timeout: 15000 });
    const principles = await lesson.locator('main#lesson h3').allInnerTexts();
    assert.deepEqual(
      principles.map((title) => title.slice(0, 3)),
      ['原则一', '原则二', '原则三'],
    );
    await workbench.screenshot('lesson-sidebar-zh');
  });

  it('switches the sidebar to English with the in-view toggle', async function () {
    const lesson = workbench.lessonFrame('view');
    await lesson.locator('button[data-language="en"]').click();
    await lesson.locator('main#lesson h1', { hasText: /cross-department/i }).waitFor({ timeout: 30000 });
    assert.equal(await lesson.locator('button[data-language="en"]').getAttribute('aria-pressed'), 'true');
    // Each label is in its own language, on a page of either language (WCAG 3.1.2, language of parts).
    assert.equal(await lesson.locator('button[data-language="zh-cn"]').getAttribute('lang'), 'zh-cn');
    assert.equal(await lesson.locator('button[data-language="en"]').getAttribute('lang'), 'en');
    await workbench.screenshot('lesson-sidebar-en');
    await lesson.locator('button[data-language="zh-cn"]').click();
    await lesson.locator('main#lesson h1', { hasText: '如何高效推进跨部门协同' }).waitFor({ timeout: 30000 });
  });

  it('opens the lesson in an editor panel from the command palette', async function () {
    await workbench.runCommand('Collab Coach: Open the Lesson');
    const panel = workbench.lessonFrame('panel');
    await panel.locator('main#lesson h1').waitFor({ timeout: 60000 });
    assert.match(await panel.locator('main#lesson h1').innerText(), /如何高效推进跨部门协同/);
    await workbench.screenshot('lesson-panel-light');
  });

  it('follows a dark theme', async function () {
    await workbench.runCommand('Preferences: Toggle between Light/Dark Themes');
    await workbench.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15000 });
    const panel = workbench.lessonFrame('panel');
    // The page takes its colours from the theme's variables, so the text turns light.
    const color = await panel.locator('body').evaluate((body) => getComputedStyle(body).color);
    const [red = 0, green = 0, blue = 0] = (color.match(/\d+/g) ?? []).map(Number);
    assert.ok(red + green + blue > 3 * 128, `text colour ${color} is light on the dark theme`);
    await workbench.screenshot('lesson-panel-dark');
    await workbench.openCollabCoachContainer();
    await workbench.screenshot('lesson-sidebar-dark');
    await workbench.runCommand('Preferences: Toggle between Light/Dark Themes');
    await workbench.page.locator('.monaco-workbench.vs').waitFor({ timeout: 15000 });
  });

  it('comes back after a window reload at the same place (the panel serializer)', async function () {
    const { page } = workbench;
    await workbench.runCommand('Collab Coach: Open the Lesson');
    const panel = workbench.lessonFrame('panel');
    await panel.locator('#toc a[data-section="principle-3"]').click();
    assert.equal(await panel.locator(':focus').getAttribute('id'), 'principle-3');
    await page.waitForTimeout(500); // the page saves its state as it scrolls
    // Reload the way a user does, so the workbench shuts down in order and keeps its state.
    await workbench.runCommand('Developer: Reload Window');
    await page.waitForLoadState('domcontentloaded');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    const restored = workbench.lessonFrame('panel');
    const heading = restored.locator('#principle-3');
    await heading.waitFor({ timeout: 90000 });
    const top = await heading.evaluate((element) => element.getBoundingClientRect().top);
    assert.ok(top > -5 && top < 120, `principle 3 is back at the top of the panel (top at ${top}px)`);
    await workbench.screenshot('lesson-panel-restored');
  });

  it('shows the daily tip in the status bar', async function () {
    const tip = workbench.statusTip();
    await tip.waitFor({ timeout: 30000 });
    const text = (await tip.innerText()).trim();
    assert.ok(text.length > 0, 'the tip item has text');
  });
});

import * as assert from 'node:assert/strict';
import { type Workbench, openWorkbench } from './workbench';

describe('the walkthrough on the Welcome page', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
  });

  it('lists its four steps and completes the first when the lesson opens', async function () {
    const { page } = workbench;
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Collab Coach' }).first().waitFor({ timeout: 15000 });
    await page.locator('.quick-input-widget input').first().fill('Collab Coach');
    await page.keyboard.press('Enter');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-step', { hasText: 'Read the three principles' }).first().waitFor({ timeout: 30000 });
    const steps = await walkthrough.locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(
      steps.map((title) => title.trim()),
      ['Read the three principles', 'Create your first plan', 'Check it', 'Get to know the daily tip'],
    );
    // The step's picture: the SVG for the current theme, with its alt text.
    const picture = walkthrough.locator('.getting-started-media img').first();
    await picture.waitFor({ timeout: 30000 });
    await picture.evaluate((image: HTMLImageElement) => (image.complete ? undefined : new Promise((resolve) => image.addEventListener('load', resolve))));
    assert.match(await picture.evaluate((image: HTMLImageElement) => image.currentSrc || image.src), /principles\.light\.svg/);
    assert.match((await picture.getAttribute('alt')) ?? '', /Three principles/);
    await workbench.screenshot('walkthrough');
    await walkthrough.locator('.getting-started-step', { hasText: 'Read the three principles' }).first().click();
    await walkthrough.locator('a, .button-link', { hasText: 'Open the lesson' }).first().click();
    await workbench.lessonFrame('panel').locator('main#lesson h1').waitFor({ timeout: 60000 });
    await page.locator('.tab', { hasText: /welcome/i }).first().click();
    const firstStep = walkthrough.locator('.getting-started-step', { hasText: 'Read the three principles' }).first();
    await firstStep.waitFor({ timeout: 15000 });
    // A step is checked once its completion event (here onCommand:collabCoach.openLesson) has fired.
    await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Read the three principles' }).first().waitFor({ timeout: 15000 });
    assert.equal(await firstStep.getAttribute('aria-checked'), 'true');
    assert.equal(
      await walkthrough.locator('.getting-started-step', { hasText: 'Create your first plan' }).first().getAttribute('aria-checked'),
      'false',
      'the other steps wait for their own events',
    );
  });
});

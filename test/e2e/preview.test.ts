import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localIsoDate } from '../../src/plan/slug';
import { type Workbench, openWorkbench } from './workbench';

/** VS Code's Markdown preview: the webview of the built-in Markdown extension, and the page inside it. */
const PREVIEW_WEBVIEW = 'iframe.webview.ready[src*="extensionId=vscode.markdown-language-features"]';

describe('the plan in VS Code\'s Markdown preview, as a user sees it', function () {
  let workbench: Workbench;
  const planName = 'plan-in-the-preview.md';
  const folder = process.env['COLLAB_COACH_E2E_FOLDER'] ?? '';
  const plans = path.join(folder, 'preview-e2e');

  before(async function () {
    fs.mkdirSync(plans, { recursive: true });
    // One open check-in in the past (2026-03-02), the other next year: exactly one is overdue, whatever today is.
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    const plan = fs.readFileSync(path.join('test', 'fixtures', 'plans', 'preview.en.md'), 'utf8').replace('2026-04-06', localIsoDate(nextYear));
    fs.writeFileSync(path.join(plans, planName), plan);
    workbench = await openWorkbench();
  });

  after(async function () {
    // The specs after this one find the workbench as they expect it: no preview open, no extra plan.
    await workbench?.runCommand('View: Close All Editors').catch(() => undefined);
    await workbench?.close();
    fs.rmSync(plans, { recursive: true, force: true });
  });

  it('shows each section\'s badge, the muted prompts, the overdue check-in and the workload chart in the preview', async function () {
    const { page } = workbench;
    await workbench.openFile(planName, 'Collaboration plan');
    await workbench.runCommand('Markdown: Open Preview to the Side');
    const preview = page.frameLocator(PREVIEW_WEBVIEW).frameLocator('iframe#active-frame');
    // The first render may come before the templates' questions are known; the preview refreshes once they are.
    const badges = preview.locator('.collab-coach-badge');
    await badges.first().waitFor({ timeout: 60000 });
    assert.deepEqual(await badges.allInnerTexts(), ['Principle 1 · 3/4 answered', 'Principle 1, Principle 2 · 2/3 answered', 'Principle 3 · 5/5 answered']);
    assert.equal(await preview.locator('h2 .collab-coach-badge').count(), 3, 'each badge sits on its section\'s heading');

    const prompts = preview.locator('li.collab-coach-prompt');
    assert.equal(await prompts.count(), 2);
    assert.match(await prompts.first().innerText(), /^Their need: What is the other side's need\?/);
    const promptStyle = await prompts.first().evaluate((element) => getComputedStyle(element).fontStyle);
    assert.equal(promptStyle, 'italic', 'the preview style sheet (markdown.previewStyles) is applied');

    const overdue = preview.locator('li.collab-coach-overdue');
    assert.equal(await overdue.count(), 1);
    assert.match(await overdue.innerText(), /2026-03-02 .*overdue$/s);

    const chart = preview.locator('table + figure.collab-coach-chart svg[role="img"]');
    await chart.waitFor({ timeout: 10000 });
    assert.equal(await chart.getAttribute('aria-label'), 'Estimated effort: my side 6, their side 9.');
    assert.equal(await chart.locator('title').textContent(), 'Estimated effort of each side');
    const bars = await chart.locator('rect.collab-coach-chart-bar').evaluateAll((rects) =>
      rects.map((rect) => ({ width: Number(rect.getAttribute('width')), fill: getComputedStyle(rect).fill })),
    );
    assert.deepEqual(bars.map((bar) => bar.width), [147, 220]);
    assert.notEqual(bars[0]?.fill, bars[1]?.fill, 'each side has its own theme colour');
    assert.ok(bars.every((bar) => bar.fill !== 'none' && bar.fill !== ''), `bars are filled: ${JSON.stringify(bars)}`);

    // The picture for the README: the workload section, its badge, table, chart and check-ins.
    await preview.locator('h2', { hasText: 'Workload' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await preview.locator('li.collab-coach-overdue').waitFor({ state: 'visible' });
    await workbench.screenshot('plan-preview');
  });
});

// A page everyone can use: axe-core inside the real lesson webview (sidebar and panel; light, dark
// and both high-contrast themes; Chinese and English; team notes shown), and the page by keyboard.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { EXTENSION_ID, type Workbench, openWorkbench } from './workbench';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = [
  { name: 'Light Modern', workbenchClass: 'vs' },
  { name: 'Dark Modern', workbenchClass: 'vs-dark' },
  { name: 'Dark High Contrast', workbenchClass: 'hc-black' },
  { name: 'Light High Contrast', workbenchClass: 'hc-light' },
] as const;
const LANGUAGES = [
  { code: 'zh-cn', title: /如何高效推进跨部门协同/ },
  { code: 'en', title: /Cross-Department/i },
] as const;
const NOTE = [
  '# Working with Finance',
  '',
  'Ask first how they will account for it in their report; see [the first principle](#principle-1).',
  '',
  '## What worked',
  '',
  'A short note before the meeting. The template we used: <https://example.com/finance-template>.',
  '',
].join('\n');

interface AxeSummary {
  readonly violations: readonly { readonly id: string; readonly impact: string | null; readonly nodes: readonly string[] }[];
  readonly passes: number;
  readonly incomplete: number;
}

let axeSource: string | undefined;

async function runAxe(frame: Frame): Promise<AxeSummary> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated by the browser's debugging protocol, so the page's CSP (rightly) does not stop it.
  await frame.evaluate(`${axeSource}\n;0`);
  return frame.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeRawResult> } }).axe;
    interface AxeRawResult {
      violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[];
      passes: unknown[];
      incomplete: unknown[];
    }
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.slice(0, 300)),
      })),
      passes: result.passes.length,
      incomplete: result.incomplete.length,
    };
  }, WCAG_TAGS);
}

/** What the focused element in the page is, and whether its focus can be seen. */
async function focused(frame: Frame): Promise<{ key: string; visible: boolean } | undefined> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || !document.hasFocus()) {
      return undefined;
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const key = `${element.tagName.toLowerCase()} ${element.getAttribute('href') ?? element.getAttribute('data-language') ?? element.id} ${(element.textContent ?? '').trim().slice(0, 40)}`;
    return { key, visible: outline };
  });
}

/** The keyboard stops the page offers, in reading (document) order. */
async function expectedStops(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('button, a[href]'))
      .filter((element) => element.getClientRects().length > 0 && !element.closest('[hidden]'))
      .map((element) => `${element.tagName.toLowerCase()} ${element.getAttribute('href') ?? element.getAttribute('data-language') ?? element.id} ${(element.textContent ?? '').trim().slice(0, 40)}`),
  );
}

describe('the lesson page, for everyone (axe-core, keyboard only)', function () {
  let workbench: Workbench;
  let notePath: string;

  before(async function () {
    workbench = await openWorkbench();
    notePath = path.join(workbench.folder, '.collab', 'notes', 'accessibility-check.md');
    fs.mkdirSync(path.dirname(notePath), { recursive: true });
    fs.writeFileSync(notePath, NOTE);
  });

  after(async function () {
    if (notePath) {
      fs.rmSync(path.join(workbench.folder, '.collab'), { recursive: true, force: true });
    }
    await workbench?.close();
  });

  it('has no WCAG 2.1 A or AA violation in the sidebar and the panel, in four themes and both languages, with team notes shown', async function () {
    this.timeout(600000);
    const { page } = workbench;
    await workbench.openCollabCoachContainer();
    // Until its page is up, a webview that has the focus swallows F1: let the view load first.
    await workbench.lessonFrame('view').locator('main#lesson h1').waitFor({ timeout: 60000 });
    await workbench.runCommand('Collab Coach: Open the Lesson');
    // Opened from the palette, the panel takes the focus once its page is up: let it, before using the palette again.
    await workbench.lessonFrame('panel').locator('main#lesson h1').waitFor({ timeout: 60000 });
    const rows: string[] = [];
    const violations: string[] = [];
    for (const theme of THEMES) {
      await workbench.pickColorTheme(theme.name, theme.workbenchClass);
      for (const language of LANGUAGES) {
        const view = workbench.lessonFrame('view');
        await view.locator(`button[data-language="${language.code}"]`).click();
        for (const placement of ['view', 'panel'] as const) {
          const lesson = workbench.lessonFrame(placement);
          await lesson.locator('main#lesson h1', { hasText: language.title }).waitFor({ timeout: 30000 });
          await lesson.locator('#team-notes article.team-note', { hasText: 'Finance' }).waitFor({ timeout: 30000 });
          const summary = await runAxe(await workbench.lessonContentFrame(placement));
          rows.push(`${theme.name.padEnd(20)} ${language.code.padEnd(6)} ${placement.padEnd(6)} violations ${summary.violations.length}, rules passed ${summary.passes}, needing review ${summary.incomplete}`);
          for (const violation of summary.violations) {
            violations.push(`${theme.name} / ${language.code} / ${placement}: ${violation.id} (${violation.impact ?? 'n/a'}) on ${violation.nodes.length} node(s): ${violation.nodes.join(' | ')}`);
          }
        }
      }
    }
    await page.keyboard.press('Escape');
    console.log(`      axe-core ${WCAG_TAGS.join(', ')} in the real webview:\n${rows.map((row) => `        ${row}`).join('\n')}`);
    assert.equal(rows.length, THEMES.length * LANGUAGES.length * 2);
    assert.deepEqual(violations, [], 'no WCAG 2.1 A/AA violations');
    await workbench.pickColorTheme('Light Modern', 'vs');
    await workbench.lessonFrame('view').locator('button[data-language="zh-cn"]').click();
  });

  it('is usable by keyboard alone: Tab reaches the toggle, every contents link and every link in the text in reading order, with a visible focus', async function () {
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    await workbench.runCommand('Collab Coach: Open the Lesson');
    const panel = workbench.lessonFrame('panel');
    await panel.locator('#team-notes article.team-note', { hasText: 'Finance' }).waitFor({ timeout: 30000 });
    const frame = await workbench.lessonContentFrame('panel');
    const expected = await expectedStops(frame);
    assert.ok(expected.some((stop) => stop.startsWith('button zh-cn')) && expected.some((stop) => stop.startsWith('button en')), 'the toggle');
    assert.ok(expected.filter((stop) => stop.startsWith('a #')).length >= 11, 'the contents links');
    assert.ok(expected.some((stop) => stop.startsWith('a https://example.com')), 'a link in the text (of the team note)');
    const reached: string[] = [];
    const unseen: string[] = [];
    for (let press = 0; press < expected.length + 3 && reached.length < expected.length; press++) {
      await page.keyboard.press('Tab');
      const now = await focused(frame);
      if (now) {
        reached.push(now.key);
        if (!now.visible) {
          unseen.push(now.key);
        }
      }
    }
    console.log(`      keyboard: ${reached.length} of ${expected.length} stops reached by Tab, ${unseen.length} without a visible focus`);
    assert.deepEqual(reached, expected, 'Tab walks every stop, in reading order');
    assert.deepEqual(unseen, [], 'every stop shows its focus');
  });

  it('follows a contents link with Enter: the section comes to the top and takes the focus', async function () {
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    await workbench.runCommand('Collab Coach: Open the Lesson');
    const frame = await workbench.lessonContentFrame('panel');
    for (let press = 0; press < 40; press++) {
      await page.keyboard.press('Tab');
      if ((await focused(frame))?.key.startsWith('a #principle-3')) {
        break;
      }
    }
    assert.match((await focused(frame))?.key ?? '', /^a #principle-3/, 'Tab reached the contents link of principle 3');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.id === 'principle-3', undefined, { timeout: 10000 });
    const top = await frame.evaluate(() => document.getElementById('principle-3')?.getBoundingClientRect().top ?? -1);
    assert.ok(top > -5 && top < 120, `principle 3 is at the top (top at ${top}px)`);
  });

  it("never takes the keys of a command palette opened while the lesson opens from the tip", async function () {
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    await workbench.statusTip().click();
    // The reader sees the lesson's tab appear and opens the command palette while the page loads.
    await page.locator(`iframe.webview[src*="extensionId=${EXTENSION_ID}"]:not([src*="purpose=webviewView"])`).first().waitFor({ state: 'attached', timeout: 30000 });
    const input = await workbench.openCommandPalette();
    await page.keyboard.type('Collab');
    await workbench.lessonFrame('panel').locator('main#lesson h1').waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500); // the page has rendered and scrolled to the tip's section
    await page.keyboard.type(' Coach');
    assert.equal(await input.inputValue(), '>Collab Coach', 'every key went to the palette');
    assert.equal(await input.isVisible(), true, 'the palette is still open');
    await page.keyboard.press('Escape');
  });
});

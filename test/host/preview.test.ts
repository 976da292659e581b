import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CollabCoachExports } from '../../src/extension';
import { localIsoDate } from '../../src/plan/slug';
import { activateExports, EXTENSION_ID, waitFor } from './support';

const render = async (text: string): Promise<string> => String(await vscode.commands.executeCommand<string>('markdown.api.render', text));

const badges = (html: string): string[] => [...html.matchAll(/<span class="collab-coach-badge">([^<]*)<\/span>/g)].map((match) => match[1] ?? '');

/** What the plugin adds, taken out again (VS Code's own classes, such as code-line, stay). */
function withoutDecorations(html: string): string {
  return html
    .replace(/ <span class="collab-coach-(?:badge|prompt-label|overdue-label)">[^<]*<\/span>/g, '')
    .replace(/<figure class="collab-coach-chart">.*?<\/figure>\n?/gs, '')
    // Ours come first in a class list: the engine's source-map rule joins code-line after, and sets
    // data-line, after our class, where a plain block has data-line first.
    .replace(/collab-coach-(?:prompt|overdue) /g, '')
    .replace(/<(li|tr|p|h[1-6]) class="code-line" data-line="(\d+)"/g, '<$1 data-line="$2" class="code-line"');
}

/**
 * The plugin-free rendering of `text`, from the preview's own engine: every `collab:` renamed, so the
 * plugin's marker check fails and it leaves the document alone, then named back in the HTML. Marker
 * comments are HTML blocks the engine copies as they are, so only the name changes.
 */
async function renderedWithoutPlugin(text: string): Promise<string> {
  assert.ok(!text.includes('callob:'));
  return (await render(text.replaceAll('collab:', 'callob:'))).replaceAll('callob:', 'collab:');
}

describe('issue 13: the plan in the Markdown preview (extension host)', function () {
  let extensionExports: CollabCoachExports;
  let read: (...segments: string[]) => Promise<string>;
  let planEn: string;
  let planZh: string;

  before(async function () {
    extensionExports = await activateExports();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const decoder = new TextDecoder();
    read = async (...segments) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, ...segments)));
    // One open check-in stays in the past (2026-03-02), the other moves to next year: one is overdue, whatever today is.
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    planEn = (await read('test', 'fixtures', 'plans', 'preview.en.md')).replace('2026-04-06', localIsoDate(nextYear));
    planZh = (await read('test', 'fixtures', 'plans', 'preview.zh-cn.md')).replace('2026-04-06', localIsoDate(nextYear));
  });

  it('contributes its plugin to the Markdown extension (extendMarkdownIt on its exports, its style sheet)', function () {
    assert.equal(typeof extensionExports.extendMarkdownIt, 'function');
    const contributes = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: Record<string, unknown> } | undefined)?.contributes;
    assert.equal(contributes?.['markdown.markdownItPlugins'], true);
    assert.deepEqual(contributes?.['markdown.previewStyles'], ['./media/planPreview.css']);
  });

  it('shows badges, muted prompts, the workload chart and the overdue check-in in markdown.api.render', async function () {
    // The templates' knowledge loads when the engine takes the plugin: until then a plan renders plainly.
    const html = await waitFor('the plan rendered with its badges', () => render(planEn), (rendered) => rendered.includes('collab-coach-badge'));
    assert.deepEqual(badges(html), ['Principle 1 · 3/4 answered', 'Principle 1, Principle 2 · 2/3 answered', 'Principle 3 · 5/5 answered']);
    assert.equal((html.match(/<li [^>]*class="[^"]*\bcollab-coach-prompt\b/g) ?? []).length, 2);
    assert.match(html, /<\/table>\n<figure class="collab-coach-chart"><svg role="img" aria-label="Estimated effort: my side 6, their side 9\."/);
    assert.match(html, /<title>Estimated effort of each side<\/title>/);
    const overdue = [...html.matchAll(/<li [^>]*class="[^"]*\bcollab-coach-overdue\b[^>]*>(.*?)<\/li>/g)].map((match) => match[1] ?? '');
    assert.equal(overdue.length, 1);
    assert.match(overdue[0] ?? '', /2026-03-02 .*<span class="collab-coach-overdue-label">overdue<\/span>$/);
    assert.match(html, /<h2 [^>]*id="1-core-needs"[^>]*>1\. Core needs <span class="collab-coach-badge">/, 'the heading keeps its id');
  });

  it('speaks the plan\'s language: a Chinese plan gets Chinese badges and chart words', async function () {
    const html = await waitFor('the Chinese plan decorated', () => render(planZh), (rendered) => rendered.includes('collab-coach-badge'));
    assert.deepEqual(badges(html), ['原则一 · 3/4 已回答', '原则一、原则二 · 2/3 已回答', '原则三 · 5/5 已回答']);
    assert.match(html, /aria-label="预计工作量：我方 6，对方 9。"/);
    assert.match(html, /<span class="collab-coach-overdue-label">已逾期<\/span>/);
  });

  it('adds only its decorations to a plan: without them, the preview engine\'s HTML is the plugin-free one', async function () {
    for (const plan of [planEn, planZh]) {
      const html = await waitFor('the plan decorated', () => render(plan), (rendered) => rendered.includes('collab-coach-badge'));
      assert.equal(withoutDecorations(html), await renderedWithoutPlugin(plan));
    }
  });

  it('leaves Markdown that is not a plan exactly as the engine renders it without the plugin', async function () {
    await waitFor('the plugin ready', () => render(planEn), (rendered) => rendered.includes('collab-coach-badge'));
    const notPlans = [
      await read('README.md'),
      await read('content', 'lesson', 'en.md'),
      '# Notes\n\n```markdown\n<!-- collab:needs -->\n## 1. Core needs\n\n- **My need**: What is my need?\n```\n',
      'A comment in a line: <!-- collab:workload --> is no marker.\n\n| Side | Task | Estimated effort |\n| --- | --- | --- |\n| My side | x | 3 |\n',
    ];
    for (const text of notPlans) {
      const html = await render(text);
      assert.doesNotMatch(html, /collab-coach-(?:badge|prompt|overdue|chart)/);
      assert.equal(html, await renderedWithoutPlugin(text));
    }
  });
});

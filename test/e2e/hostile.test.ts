import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Workbench, openWorkbench } from './workbench';

// Every payload that could run script tries to set this attribute on the page; if any succeeds,
// the canary check below fails.
const TRIP = "document.documentElement.setAttribute('data-pwned','1')";

/** Hostile Markdown for team notes: name → bytes. */
function hostileNotes(): Map<string, Uint8Array> {
  const text = (markdown: string): Uint8Array => new TextEncoder().encode(markdown);
  const cases: [string, string | Uint8Array][] = [
    ['01-script-tag', `# Script\n\n<script>${TRIP}</script>\n`],
    ['02-img-onerror', `<img src=x onerror="${TRIP}">\n`],
    ['03-svg-onload', `<svg onload="${TRIP}"></svg>\n`],
    ['04-svg-script', `<svg><script>${TRIP}</script></svg>\n`],
    ['05-javascript-link', `[click](javascript:${TRIP})\n`],
    ['06-mixed-case-javascript', `[click](JaVaScRiPt:${TRIP})\n`],
    ['07-entity-javascript', `[click](&#106;avascript:${TRIP})\n`],
    ['08-data-link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n'],
    ['09-vbscript-link', '[click](vbscript:msgbox(1))\n'],
    ['10-command-link', '[next tip](command:collabCoach.nextTip)\n'],
    ['11-command-quit', '[quit](command:workbench.action.closeWindow)\n'],
    ['12-vscode-uri', '[open](vscode://file/etc/passwd)\n'],
    ['13-file-uri', '[open](file:///etc/passwd)\n'],
    ['14-javascript-image', `![img](javascript:${TRIP})\n`],
    ['15-data-svg-image', '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n'],
    ['16-remote-image', '![tracker](https://example.invalid/pixel.png)\n'],
    ['17-style-tag', '<style>body{display:none !important}</style>\n\nStill readable.\n'],
    ['18-inline-style', '<div style="position:fixed;inset:0;background:red;z-index:9">cover</div>\n'],
    ['19-html-anchor', `<a href="javascript:${TRIP}">click</a>\n`],
    ['20-iframe', `<iframe src="javascript:${TRIP}"></iframe>\n`],
    ['21-object-embed', '<object data="data:text/html,x"></object><embed src="x">\n'],
    ['22-meta-refresh', '<meta http-equiv="refresh" content="0;url=https://example.invalid">\n'],
    ['23-form', `<form action="javascript:${TRIP}"><button>go</button></form>\n`],
    ['24-unterminated-html', `<div <script>${TRIP}</script\n\n<p onclick="${TRIP}"\n`],
    ['25-unterminated-comment', '<!-- never closed\n\n# Heading after\n'],
    ['26-reference-link', `[click][evil]\n\n[evil]: javascript:${TRIP}\n`],
    ['27-autolink', `<javascript:${TRIP}>\n`],
    ['28-deep-list', Array.from({ length: 400 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n') + '\n'],
    ['29-deep-quote', '>'.repeat(2000) + ' deep\n'],
    ['30-rtl-zero-width', '# \u202eexe.txt\u202c \u200b\u200c\u200d\ufeff\n\n[\u202egnp.exe](https://example.invalid/\u200bx)\n'],
    ['31-heading-id-hijack', '## Fake overview {#overview}\n\n## Fake {#principle-2}\n'],
    ['32-attribute-breakout', `[x](https://example.invalid" onmouseover="${TRIP})\n`],
    ['33-base-and-link', '<base href="javascript:/">\n<link rel="stylesheet" href="https://example.invalid/x.css">\n'],
    ['34-long-line-200k', `${'长'.repeat(60000)}\n`],
    ['35-one-megabyte-line', 'x'.repeat(1024 * 1024)],
  ];
  const notes = new Map<string, Uint8Array>();
  for (const [name, body] of cases) {
    notes.set(`${name}.md`, typeof body === 'string' ? text(body) : body);
  }
  notes.set('36-invalid-utf8.md', new Uint8Array([0x23, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x0a]));
  return notes;
}

/** Hostile team templates: they must be listed (or listed as broken) and never run anything. */
function hostileTemplates(): Map<string, Uint8Array> {
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  return new Map<string, Uint8Array>([
    ['script.md', text(`---\nname: Script template\ndescription: <script>${TRIP}</script>\n---\n<script>${TRIP}</script> \${1:question}\n`)],
    ['clipboard.md', text('---\nname: Clipboard template\ndescription: tries to paste the clipboard\n---\n$CLIPBOARD ${TM_SELECTED_TEXT} ${1:question}\n')],
    ['no-front-matter.md', text('# no front matter\n')],
    ['binary.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x00, 0xfe, 0x00])],
    ['huge.md', text(`---\nname: Huge\ndescription: too big\n---\n${'x'.repeat(300 * 1024)}\n`)],
  ]);
}

describe('hostile input in team notes and team templates', function () {
  let workbench: Workbench;
  const notes = hostileNotes();
  const templates = hostileTemplates();

  before(async function () {
    const folder = process.env['COLLAB_COACH_E2E_FOLDER'] ?? '';
    const notesFolder = path.join(folder, '.collab', 'notes');
    const templatesFolder = path.join(folder, '.collab', 'templates');
    fs.mkdirSync(notesFolder, { recursive: true });
    fs.mkdirSync(templatesFolder, { recursive: true });
    for (const [name, bytes] of notes) {
      fs.writeFileSync(path.join(notesFolder, name), bytes);
    }
    for (const [name, bytes] of templates) {
      fs.writeFileSync(path.join(templatesFolder, name), bytes);
    }
    workbench = await openWorkbench();
  });

  after(async function () {
    await workbench?.close();
    const folder = process.env['COLLAB_COACH_E2E_FOLDER'] ?? '';
    fs.rmSync(path.join(folder, '.collab'), { recursive: true, force: true });
  });

  it(`renders ${notes.size} hostile notes in the real webview with no script, no live tag, no foreign link`, async function () {
    await workbench.runCommand('Collab Coach: Open the Lesson');
    const page = workbench.lessonFrame('panel');
    const section = page.locator('#team-notes');
    await section.locator('#team-notes-heading').waitFor({ timeout: 60000 });
    await page.locator('article.team-note').nth(notes.size - 3).waitFor({ timeout: 60000 });

    const report = await section.evaluate((element) => {
      const foreignHrefs = Array.from(element.querySelectorAll('a[href]'))
        .map((anchor) => anchor.getAttribute('href') ?? '')
        .filter((href) => !/^(https?:|mailto:|#)/i.test(href));
      return {
        pwned: document.documentElement.getAttribute('data-pwned'),
        articles: element.querySelectorAll('article.team-note').length,
        notices: Array.from(element.querySelectorAll('.team-notes-note')).map((notice) => notice.textContent ?? ''),
        liveTags: Array.from(element.querySelectorAll('script, img, svg, iframe, object, embed, style, form, meta, base, link, button, input')).map((tag) => tag.tagName),
        styled: Array.from(element.querySelectorAll('[style], [onerror], [onload], [onclick], [onmouseover]')).length,
        foreignHrefs,
        // VS Code injects its own bridge into <head>; the body holds only our page script.
        scriptsInPage: document.body.querySelectorAll('script').length,
        duplicateIds: (() => {
          const ids = Array.from(document.querySelectorAll('[id]')).map((node) => node.id);
          return ids.filter((id, index) => ids.indexOf(id) !== index);
        })(),
        bodyVisible: getComputedStyle(document.body).display !== 'none',
      };
    });
    const skipped = report.notices.length;
    console.log(
      `      hostile notes: ${notes.size} cases, ${report.articles} rendered, ${skipped} skipped with a notice, ` +
        `${report.liveTags.length} live tags, ${report.foreignHrefs.length} foreign links, canary ${report.pwned === null ? 'untouched' : 'TRIPPED'}`,
    );
    assert.equal(report.pwned, null, 'no injected script ran');
    assert.deepEqual(report.liveTags, []);
    assert.equal(report.styled, 0, 'no inline style or event handler attribute survived');
    assert.deepEqual(report.foreignHrefs, []);
    assert.equal(report.scriptsInPage, 1, 'only the page script itself');
    assert.equal(report.bodyVisible, true);
    assert.deepEqual(report.duplicateIds, [], 'no note takes an id the lesson uses');
    assert.equal(report.articles + skipped, notes.size, 'every note is either rendered or named as skipped');
    assert.ok(report.notices.some((notice) => notice.includes('35-one-megabyte-line.md')), 'the 1 MB note is skipped');
    assert.ok(report.notices.some((notice) => notice.includes('36-invalid-utf8.md')), 'the invalid UTF-8 note is skipped');
    await workbench.screenshot('hostile-notes');
  });

  it('clicking every link in the notes runs no command and leaves the view usable', async function () {
    const page = workbench.lessonFrame('panel');
    const tipBefore = (await workbench.statusTip().innerText()).trim();
    const links = page.locator('#team-notes a');
    const count = await links.count();
    let clicked = 0;
    for (let index = 0; index < count; index++) {
      const href = (await links.nth(index).getAttribute('href')) ?? '';
      if (/^https?:/i.test(href)) {
        continue; // Allowed links leave for the browser; they are not what this test is about.
      }
      await links.nth(index).click({ timeout: 5000 });
      clicked++;
    }
    console.log(`      hostile links clicked: ${clicked}; commands run: ${(await workbench.statusTip().innerText()).trim() === tipBefore ? 0 : 'SOME'}`);
    assert.equal((await workbench.statusTip().innerText()).trim(), tipBefore, 'the tip did not move: no command ran');
    assert.equal(await page.locator('html').getAttribute('data-pwned'), null);
    // Still usable: the table of contents moves focus, the language toggle answers.
    await page.locator('#toc a[data-section="principle-3"]').click();
    assert.equal(await page.locator(':focus').getAttribute('id'), 'principle-3');
    await page.locator('button[data-language="en"]').click();
    await page.locator('main#lesson h1', { hasText: /cross-department/i }).waitFor({ timeout: 30000 });
    await page.locator('button[data-language="zh-cn"]').click();
    await page.locator('main#lesson h1', { hasText: '如何高效推进跨部门协同' }).waitFor({ timeout: 30000 });
  });

  it(`lists ${templates.size} hostile team templates safely in the picker`, async function () {
    const { page } = workbench;
    await workbench.openFile('budget-plan.md', '年底预算协同');
    await workbench.runCommand('Collab Coach: Insert Collaboration Plan');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Script template' }).first().waitFor({ timeout: 15000 });
    const texts = (await page.locator('.quick-input-widget .monaco-list-rows').first().innerText()).replace(/\s+/g, ' ');
    const listed = ['Script template', 'Clipboard template', 'no-front-matter.md', 'binary.md', 'huge.md'].filter((name) => texts.includes(name));
    console.log(`      hostile templates: ${templates.size} cases, ${listed.length} listed (working or with their error)`);
    assert.equal(listed.length, templates.size, `listed: ${listed.join(', ')}`);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('html').getAttribute('data-pwned'), null);
  });
});

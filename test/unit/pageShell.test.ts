import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHostMessage, type RenderMessage } from '../../src/lesson/messages';
import { INITIAL_RENDER_ID, canInline, createNonce, lessonPageHtml } from '../../src/lesson/pageShell';
import { renderMarkdown } from '../../src/lesson/render';

function cspOf(html: string): string {
  return /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
}

/** Every `<script …>` and `<style …>` start tag in the page. */
function executableTags(html: string): string[] {
  return Array.from(html.matchAll(/<(script|style|link)\b[^>]*>/g), (match) => match[0]).filter((tag) => !tag.includes('type="application/json"'));
}

const initialRender: RenderMessage = {
  type: 'render',
  language: 'en',
  html: '<h1 id="t">Title</h1>\n<p>a </script><script>alert(1)</script> b</p>\n',
  toc: [{ id: 't', title: 'Title </script>', level: 1 }],
  labels: {
    contents: 'Contents', language: 'Language', chinese: '中文', english: 'English', lesson: 'Lesson',
    read: 'Read', notRead: 'Not read', practised: 'Practised', notPractised: 'Not practised', progress: 'Progress',
  },
  fontSize: 14,
  scrollTo: 'principle-2',
  progress: [{ sectionId: 'principle-1', read: true, practised: false }],
  teamNotes: { state: 'shown', heading: 'Team notes', notices: ['x\u2028y'], notes: [{ name: 'a.md', html: '<p><!-- x --></p>' }] },
};

describe('the lesson page shell', () => {
  const linked = {
    cspSource: 'https://webview.test',
    nonce: 'abc123',
    script: { src: 'https://webview.test/dist/webview/lesson.js' },
    style: { href: 'https://webview.test/media/lesson.css' },
    title: 'Lesson',
    language: 'zh-CN',
    placement: 'view' as const,
  };
  const inline = { ...linked, script: { inline: 'document.body.dataset.x = "1";' }, style: { inline: 'body { color: red; }' }, initialRender };

  it("starts its CSP from default-src 'none' and allows scripts only by nonce", () => {
    const html = lessonPageHtml(linked);
    const csp = cspOf(html);
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview\.test\/dist\/webview\/lesson\.js"><\/script>/);
    assert.doesNotMatch(html.replace(/<script nonce="abc123" src="[^"]+"><\/script>/, ''), /<script/);
  });

  it('inlines the stylesheet and the script under the nonce: no fetch before the first paint, the CSP as strict', () => {
    const html = lessonPageHtml(inline);
    const csp = cspOf(html);
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /style-src 'nonce-abc123'; /, 'no resource origin is needed for styles');
    assert.match(csp, /script-src 'nonce-abc123';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    assert.doesNotMatch(html, /\b(src|href)=/, 'nothing is fetched');
    const tags = executableTags(html);
    assert.deepEqual(tags, ['<style nonce="abc123">', '<script nonce="abc123">']);
  });

  it('carries the first render as a data block that no markup inside it can close', () => {
    const html = lessonPageHtml(inline);
    const blocks = Array.from(html.matchAll(/<script type="application\/json" id="([^"]+)" nonce="abc123">([\s\S]*?)<\/script>/g));
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]?.[1], INITIAL_RENDER_ID);
    const json = blocks[0]?.[2] ?? '';
    assert.doesNotMatch(json, /</, 'no < in the block');
    assert.deepEqual(parseHostMessage(JSON.parse(json)), initialRender, 'the page reads back exactly the render message');
    // Only the two nonce'd tags (and the data block) are scripts or styles: the lesson's markup stays data.
    assert.equal((html.match(/<script/g) ?? []).length, 2);
  });

  it('falls back to a URL where inlining is not safe, and never inlines text that could close its element', () => {
    assert.equal(canInline('a { }'), true);
    for (const unsafe of ['x = "</script>"', 'x = "</SCRIPT"', '/* </style> */', '<!--']) {
      assert.equal(canInline(unsafe), false, unsafe);
      assert.throws(() => lessonPageHtml({ ...linked, script: { inline: unsafe } }));
    }
  });

  it('renders the shipped page script and stylesheet inline when they are built (both are safe to inline)', function () {
    const script = path.join('dist', 'webview', 'lesson.js');
    assert.ok(fs.existsSync(script), 'npm run test:unit builds dist/webview/lesson.js first');
    assert.equal(canInline(fs.readFileSync(script, 'utf8')), true, 'dist/webview/lesson.js can be inlined');
    assert.equal(canInline(fs.readFileSync(path.join('media', 'lesson.css'), 'utf8')), true, 'media/lesson.css can be inlined');
  });

  it('uses a fresh nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
    }
  });

  it('escapes what it puts in attributes', () => {
    const html = lessonPageHtml({ ...linked, title: '"><script>alert(1)</script>' });
    assert.doesNotMatch(html, /<script>alert/);
  });
});

describe('heading levels in the rendered lesson', () => {
  for (const language of ['zh-cn', 'en']) {
    it(`never skip a level in ${language}.md, and start at one h1`, () => {
      const markdown = fs.readFileSync(path.join('content', 'lesson', `${language}.md`), 'utf8');
      const levels = Array.from(renderMarkdown(markdown).html.matchAll(/<h([1-6])\b/g), (match) => Number(match[1]));
      assert.ok(levels.length > 5, 'the lesson has headings');
      assert.equal(levels[0], 1, 'the lesson opens with its title');
      assert.equal(levels.filter((level) => level === 1).length, 1, 'one h1');
      levels.forEach((level, index) => {
        const previous = levels[index - 1] ?? 0;
        assert.ok(level <= previous + 1, `heading ${index + 1} (h${level}) follows h${previous}: no level is skipped`);
      });
    });
  }
});

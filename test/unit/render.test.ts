import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LESSON_SECTION_IDS } from '../../src/content/sections';
import { createLessonRenderer, isAllowedHref, renderCached, renderMarkdown, slugify } from '../../src/lesson/render';

/** Every live start tag in `html`: `<name attrs…>`. Escaped text (`&lt;…`) is not a tag. */
function startTags(html: string): { name: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    attributes: [...(match[2] ?? '').matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map(
      (attribute): [string, string] => [(attribute[1] ?? '').toLowerCase(), attribute[2] ?? ''],
    ),
  }));
}

const SAFE_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'code', 'pre',
  'blockquote', 'hr', 'br', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);

/** Fails unless `html` holds only safe tags, no event handlers and only allowed link targets. */
function assertInert(html: string, source: string): void {
  assert.doesNotMatch(html, /<script/i, source);
  assert.doesNotMatch(html, /<img/i, source);
  for (const tag of startTags(html)) {
    assert.ok(SAFE_TAGS.has(tag.name), `<${tag.name}> from ${source}`);
    for (const [name, value] of tag.attributes) {
      assert.ok(!name.startsWith('on'), `${name} attribute from ${source}`);
      assert.ok(!['src', 'style', 'srcdoc', 'formaction'].includes(name), `${name} attribute from ${source}`);
      if (name === 'href') {
        assert.match(value, /^(?:https?:\/\/|mailto:|#)/i, `href from ${source}`);
      }
    }
  }
}

describe('lesson renderer', () => {
  it('renders headings with ids, bold, a list, a web link and an anchor link', () => {
    const markdown = [
      '# Lesson',
      '',
      '## 概述 {#overview}',
      '',
      'Some **bold** text.',
      '',
      '- one',
      '- two',
      '',
      '[site](https://example.com) and [back](#overview)',
    ].join('\n');
    assert.deepEqual(renderMarkdown(markdown), {
      html:
        '<h1 id="lesson" tabindex="-1">Lesson</h1>\n' +
        '<h2 id="overview" tabindex="-1">概述</h2>\n' +
        '<p>Some <strong>bold</strong> text.</p>\n' +
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n' +
        '<p><a href="https://example.com">site</a> and <a href="#overview">back</a></p>\n',
      toc: [{ id: 'overview', title: '概述', level: 2 }],
    });
  });

  it('renders a mailto link and keeps a link title escaped', () => {
    assert.equal(
      renderMarkdown('[mail](mailto:a@example.com) [t](https://example.com "say \\"hi\\"")').html,
      '<p><a href="mailto:a@example.com">mail</a> <a href="https://example.com" title="say &quot;hi&quot;">t</a></p>\n',
    );
  });

  it('slugs headings without an id, keeps CJK (punctuation is a word break, the one slug rule of plan file names too) and de-duplicates', () => {
    const markdown = ['## Hello World', '## Hello World', '### 你好，世界！', '## overview', '#### X {#overview}'].join('\n');
    const rendered = renderMarkdown(markdown);
    assert.equal(
      rendered.html,
      '<h2 id="hello-world" tabindex="-1">Hello World</h2>\n' +
        '<h2 id="hello-world-2" tabindex="-1">Hello World</h2>\n' +
        '<h3 id="你好-世界" tabindex="-1">你好，世界！</h3>\n' +
        '<h2 id="overview-2" tabindex="-1">overview</h2>\n' +
        '<h4 id="overview" tabindex="-1">X</h4>\n',
    );
    assert.deepEqual(
      rendered.toc.map((entry) => entry.id),
      ['hello-world', 'hello-world-2', '你好-世界', 'overview-2', 'overview'],
    );
  });

  it('lists only levels 2–4 in the toc, with plain-text titles', () => {
    const markdown = ['# One', '## Two **bold** `code` {#two}', '### Three', '#### Four', '##### Five'].join('\n');
    assert.deepEqual(renderMarkdown(markdown).toc, [
      { id: 'two', title: 'Two bold code', level: 2 },
      { id: 'three', title: 'Three', level: 3 },
      { id: 'four', title: 'Four', level: 4 },
    ]);
    assert.deepEqual(
      renderMarkdown(markdown, { tocMinLevel: 1, tocMaxLevel: 1 }).toc,
      [{ id: 'one', title: 'One', level: 1 }],
    );
  });

  it('makes slugs from punctuation-only headings and long headings', () => {
    assert.equal(slugify('?!'), 'section');
    assert.equal(slugify('  A  B_c-D  '), 'a-b_c-d');
    assert.equal(slugify('_x'), 'x');
    assert.equal(slugify('a'.repeat(200)).length, 64);
  });

  it('renders both lessons with the section ids in the toc', () => {
    for (const language of ['zh-cn', 'en']) {
      const markdown = fs.readFileSync(path.join(process.cwd(), 'content', 'lesson', `${language}.md`), 'utf8');
      const rendered = renderMarkdown(markdown);
      assert.deepEqual(
        rendered.toc.map((entry) => entry.id),
        [...LESSON_SECTION_IDS],
      );
      assert.doesNotMatch(rendered.html, /\{#/, `no {#id} left in ${language}`);
      assert.doesNotMatch(rendered.html, /\*\*/, `no unrendered bold in ${language}`);
      assertInert(rendered.html, language);
    }
  });
});

describe('lesson renderer safety', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](command:workbench.action.quit)',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1) )',
    '[x](<java\tscript:alert(1)>)',
    '[x](&#106;avascript:alert(1))',
    '[x](java&#x73;cript:alert(1))',
    '[x](data:text/html;base64,xxx)',
    '![i](javascript:alert(1))',
    '![i](https://example.com/i.png)',
    '[x](vscode://file/etc/passwd)',
    '[x](file:///etc/passwd)',
    '[x](vbscript:msgbox(1))',
    '[x](./relative.md)',
    '[x](//example.com)',
    '[x](https://example.com" onmouseover="alert(1))',
    '<a href="javascript:x">y</a>',
    '<javascript:alert(1)>',
    '<command:workbench.action.quit>',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '[![i](https://example.com/i.png)](javascript:alert(1))',
    '## Title <img src=x onerror=alert(1)> {#t}',
    '```html" onload="alert(1)\n<script>alert(1)</script>\n```',
  ];
  for (const markdown of hostile) {
    it(`renders ${JSON.stringify(markdown)} inert`, () => {
      assertInert(renderMarkdown(markdown).html, markdown);
    });
  }

  it('keeps the text of a refused link and the alt text of an image, as plain text', () => {
    assert.equal(renderMarkdown('[go](command:workbench.action.quit)').html, '<p>go</p>\n');
    assert.equal(renderMarkdown('[a <b>](javascript:alert(1))').html, '<p>a &lt;b&gt;</p>\n');
    assert.equal(renderMarkdown('![a **b** <c>](https://example.com/i.png)').html, '<p>a b &lt;c&gt;</p>\n');
    assert.equal(
      renderMarkdown('[**x**](data:text/html,1) [y](https://example.com)').html,
      '<p><strong>x</strong> <a href="https://example.com">y</a></p>\n',
    );
  });

  it('escapes raw HTML instead of passing it through', () => {
    assert.equal(renderMarkdown('<script>alert(1)</script>').html, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('allows only http, https, mailto and anchors', () => {
    for (const href of ['http://a.b', 'HTTPS://a.b', 'mailto:a@b.c', '#id']) {
      assert.ok(isAllowedHref(href), href);
    }
    for (const href of ['javascript:x', ' https://a.b', 'command:x', 'data:x', 'file:///x', 'vscode://x', 'x.md', '//a.b', '']) {
      assert.ok(!isAllowedHref(href), href);
    }
  });

  it('never throws, whatever the input', () => {
    const inputs = [
      '',
      '\u0000',
      '['.repeat(5000),
      '>'.repeat(5000) + ' x',
      '- '.repeat(3000) + 'x',
      '*'.repeat(10000),
      '\uD800\uDC00\uD800',
      '[x](' + '('.repeat(2000) + ')',
      '## {#}',
      '## {#a} {#b}',
    ];
    for (const input of inputs) {
      assert.doesNotThrow(() => renderMarkdown(input));
    }
    assert.doesNotThrow(() => createLessonRenderer().render(undefined as unknown as string));
  });
});

describe('renderCached', () => {
  it('returns the same object for the same language and content', () => {
    const markdown = '## Cached {#cached}\n\nText.';
    const first = renderCached('en', markdown);
    assert.equal(renderCached('en', markdown), first);
    // Equal content in a different string object still hits the cache.
    assert.equal(renderCached('en', [markdown].join('')), first);
  });

  it('renders again when the content or the language changes', () => {
    const first = renderCached('en', '## A {#a}');
    const changed = renderCached('en', '## B {#a}');
    assert.notEqual(changed, first);
    assert.equal(changed.toc[0]?.title, 'B');
    assert.notEqual(renderCached('zh-cn', '## A {#a}'), first);
    assert.equal(renderCached('en', '## A {#a}'), first);
  });

  it('forgets the least recently used entry beyond eight', () => {
    const first = renderCached('en', 'entry 0');
    for (let index = 1; index <= 8; index++) {
      renderCached('en', `entry ${index}`);
    }
    assert.notEqual(renderCached('en', 'entry 0'), first);
  });

  it('hands out frozen results', () => {
    const rendered = renderCached('en', '## F {#f}');
    assert.ok(Object.isFrozen(rendered));
    assert.ok(Object.isFrozen(rendered.toc));
  });
});

describe('heading id prefix (team notes)', () => {
  it('prefixes explicit and generated ids, so a note cannot take a lesson id', () => {
    const { html, toc } = renderMarkdown('## Fake {#overview}\n\n## Plain title\n', { idPrefix: 'note-1-' });
    assert.equal(html, '<h2 id="note-1-overview" tabindex="-1">Fake</h2>\n<h2 id="note-1-plain-title" tabindex="-1">Plain title</h2>\n');
    assert.deepEqual(toc.map((entry) => entry.id), ['note-1-overview', 'note-1-plain-title']);
  });
});

describe('named entities', () => {
  it('decodes the common named entities and numeric ones', () => {
    assert.equal(renderMarkdown('&copy; 2026 &mdash; A &amp; B &lt;x&gt; &#169; &#x4E2D;').html, '<p>© 2026 — A &amp; B &lt;x&gt; © 中</p>\n');
  });
  it('leaves an unknown entity as literal, escaped text', () => {
    assert.equal(renderMarkdown('&NotAnEntity; &Aring;').html, '<p>&amp;NotAnEntity; &amp;Aring;</p>\n');
  });
  it('never turns an entity into markup', () => {
    assert.equal(renderMarkdown('&lt;script&gt;alert(1)&lt;/script&gt;').html, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isSectionIdShape, parseHostMessage } from '../../src/lesson/messages';
import { renderMarkdown } from '../../src/lesson/render';
import { checkProperty, textOf } from './fuzz';

const ids = (html: string): string[] => [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1] ?? '');

/** A render message as the host sends it, for the page's own validator. */
function renderMessage(html: string, toc: readonly { id: string; title: string; level: number }[]): unknown {
  const labels = Object.fromEntries(
    ['contents', 'language', 'chinese', 'english', 'lesson', 'read', 'notRead', 'practised', 'notPractised', 'progress'].map((key) => [key, key]),
  );
  return {
    type: 'render', language: 'en', html, toc, labels, fontSize: 14, scrollTo: undefined, progress: [],
    teamNotes: { state: 'none', heading: '', notices: [], notes: [] },
  };
}

const MARKDOWN_PIECES = [
  '# ', '## ', '### ', '\n', ' ', '{#', '}', 'a', 'same', '-', '_', '⺀', '部首', '́', 'é', 'ж', '\u3164', '\u200b', '|', ':-:', '---',
  '[x](#same)', '[y](#a)', '`', '```', '~~~', '\t', '>', '* ', '1. ', '<!-- x -->', '\\', '{#same}', '{#a}', '{#-x}', '2', '\u2028',
];

describe('issue 16: the lesson renderer on hostile notes', () => {
  it('gives a radical-only heading an id the page accepts, so the render message is kept (defect 7)', () => {
    const rendered = renderMarkdown('## ⺀ 部首\n\n## ⺀\n');
    for (const id of ids(rendered.html)) {
      assert.ok(isSectionIdShape(id), id);
    }
    assert.deepEqual(ids(rendered.html), ['部首', 'section']);
    assert.ok(parseHostMessage(renderMessage(rendered.html, rendered.toc)));
  });

  it('writes table alignment as classes, never as a style the CSP blocks (defect 8)', () => {
    const html = renderMarkdown('| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n').html;
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /<th class="align-left">a<\/th>/);
    assert.match(html, /<td class="align-center">2<\/td>/);
    assert.match(html, /<td class="align-right">3<\/td>/);
    assert.match(html, /<td>4<\/td>/);
  });

  it('never gives two headings the same id, explicit ids included (defect 8)', () => {
    const rendered = renderMarkdown('## One {#same}\n## Two {#same}\n## same\n## same-2\n');
    assert.deepEqual(ids(rendered.html), ['same', 'same-2', 'same-3', 'same-2-2']);
  });

  it('points a team note\'s links to its own headings at the prefixed ids, and leaves lesson anchors (issue 11, item 8)', () => {
    const note = '## Our rules {#rules}\n\nSee [the rules](#rules), [the list](#the-list) and [principle one](#principle-1).\n\n## The list\n';
    const html = renderMarkdown(note, { idPrefix: 'note-1-' }).html;
    assert.deepEqual(ids(html), ['note-1-rules', 'note-1-the-list']);
    assert.match(html, /href="#note-1-rules"/);
    assert.match(html, /href="#note-1-the-list"/);
    assert.match(html, /href="#principle-1"/);
  });

  it('keeps an explicit id the page would refuse as text of the heading', () => {
    const rendered = renderMarkdown('## Odd {#-x}\n');
    assert.deepEqual(ids(rendered.html), ['odd-x']);
  });

  it('renders any Markdown without throwing, every id passing the page check and unique', () => {
    checkProperty(
      'render ids valid',
      fc.property(textOf(MARKDOWN_PIECES, 60), fc.boolean(), (markdown, prefixed) => {
        const rendered = renderMarkdown(markdown, prefixed ? { idPrefix: 'note-3-' } : {});
        const found = ids(rendered.html);
        assert.equal(new Set(found).size, found.length, JSON.stringify(markdown));
        for (const id of found) {
          assert.ok(isSectionIdShape(id), `${id} from ${JSON.stringify(markdown)}`);
        }
        assert.doesNotMatch(rendered.html, /style=/);
        assert.ok(parseHostMessage(renderMessage(rendered.html, rendered.toc)), JSON.stringify(markdown));
      }),
      1000,
    );
  });
});

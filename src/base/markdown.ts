/**
 * The one place markdown-it is configured (pure): for the lesson, and for reading plans. markdown-it
 * ships once, in the feature bundle both hosts share (dist/web/extension.js, see esbuild.js), loaded
 * with the first feature that reads Markdown; the Node host's startup entry never loads it.
 *
 * Plans are read the way VS Code's own Markdown preview reads them — CommonMark with tables and
 * HTML blocks — so the plan model sees exactly the headings, fences, tables and comments a user
 * sees. Only block tokens are needed: inline parsing is switched off (each `inline` token keeps its
 * raw source in `content`), which makes reading a plan cheaper than rendering it.
 */
import MarkdownIt, { type Token } from 'markdown-it';

export type { Token };

/**
 * The lesson's configuration: no HTML (a lesson or team note never brings its own markup). The
 * lesson renderer adds its rules to it, and the lesson's sections are read from its block tokens,
 * so both see the same headings and fences.
 */
export function createMarkdownIt(): MarkdownIt {
  return withLeanNormalize(new MarkdownIt({ html: false, linkify: false, typographer: false }));
}

/** What markdown-it's `normalize` rewrites: CR and CRLF line ends, and NUL characters. */
const NEEDS_NORMALIZING = /[\r\0]/;

/**
 * markdown-it's `normalize` core rule, the same rewrite, skipped when there is nothing to rewrite:
 * the original copies the whole text through a regex replace of every `\n` by `\n`, which on a
 * large file is a copy as big as the file that lives through the parse (and one more collection of
 * V8's young generation for it). One test of the text decides instead.
 */
function withLeanNormalize(md: MarkdownIt): MarkdownIt {
  md.core.ruler.at('normalize', (state) => {
    if (NEEDS_NORMALIZING.test(state.src)) {
      state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
    }
  });
  return md;
}

let blockReader: MarkdownIt | undefined;
let lessonBlockReader: MarkdownIt | undefined;

/** Only the block rules: headings, fences and the rest keep their raw text in `inline.content`. */
function blocksOnly(md: MarkdownIt): MarkdownIt {
  md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  return md;
}

function planBlockReader(): MarkdownIt {
  if (!blockReader) {
    blockReader = blocksOnly(withLeanNormalize(new MarkdownIt('default', { html: true, linkify: false, typographer: false })));
  }
  return blockReader;
}

/** Block tokens of Markdown text, with `map` line ranges as VS Code numbers lines (CRLF, CR, LF). */
export function readMarkdownBlocks(text: string): Token[] {
  // A byte order mark is not part of the first line's text (VS Code's document drops it too).
  return planBlockReader().parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {});
}

/**
 * Block tokens of lesson Markdown, read with the lesson renderer's configuration (no HTML), so the
 * headings and fences are the ones the page shows.
 */
export function readLessonBlocks(text: string): Token[] {
  lessonBlockReader ??= blocksOnly(createMarkdownIt());
  return lessonBlockReader.parse(text, {});
}

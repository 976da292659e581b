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
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}

let blockReader: MarkdownIt | undefined;

function planBlockReader(): MarkdownIt {
  if (!blockReader) {
    blockReader = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
    blockReader.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return blockReader;
}

/** Block tokens of Markdown text, with `map` line ranges as VS Code numbers lines (CRLF, CR, LF). */
export function readMarkdownBlocks(text: string): Token[] {
  // A byte order mark is not part of the first line's text (VS Code's document drops it too).
  return planBlockReader().parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {});
}

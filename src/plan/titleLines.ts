/**
 * Pure: where a Markdown text's top-level headings are, as CommonMark (and so VS Code's preview)
 * reads them, through the one shared markdown-it reader.
 */
import { readMarkdownBlocks } from '../base/markdown';

/** Line ranges ([start, end), 0-based) of the top-level headings: `#` lines or text underlined with `=`. */
export function titleLineRanges(text: string): [number, number][] {
  return readMarkdownBlocks(text).flatMap((token) => (token.type === 'heading_open' && token.tag === 'h1' && token.level === 0 && token.map ? [[token.map[0], token.map[1]] as [number, number]] : []));
}

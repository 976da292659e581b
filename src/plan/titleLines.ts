/**
 * Pure: where a Markdown text's top-level headings are, as CommonMark (and so VS Code's preview)
 * reads them. Kept apart from merge.ts so only the insert command's chunk carries markdown-it, not
 * the coach's.
 */
import MarkdownIt from 'markdown-it';

let commonMark: MarkdownIt | undefined;

/** Line ranges ([start, end), 0-based) of the top-level headings: `#` lines or text underlined with `=`. */
export function titleLineRanges(text: string): [number, number][] {
  commonMark ??= new MarkdownIt('commonmark');
  return commonMark.parse(text, {}).flatMap((token) => (token.type === 'heading_open' && token.tag === 'h1' && token.map ? [token.map] : []));
}

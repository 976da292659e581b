/**
 * The one markdown-it configuration: the lesson renderer (src/lesson/render.ts) adds its rules to
 * it, and the lesson's sections (src/content/lesson.ts) are read from its block tokens, so both see
 * the same headings and fences. Pure; markdown-it loads only where these modules are imported
 * (the lazily loaded chunks, never the startup entry).
 */
import MarkdownIt from 'markdown-it';

export function createMarkdownIt(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}

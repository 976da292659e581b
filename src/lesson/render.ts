/**
 * Renders lesson Markdown to the HTML the lesson webview shows. Pure: no 'vscode', no Node
 * built-ins, so it also runs in the browser host and its web worker.
 *
 * The output is meant for a webview whose CSP allows no content images and no inline script, and
 * whose page script forwards link clicks to the host. So the renderer keeps to a small safe set:
 * no raw HTML, no images, and links only to http(s), mailto and anchors in the page.
 */
import type MarkdownIt from 'markdown-it';
import { type StateCore, type Token } from 'markdown-it';
import { createMarkdownIt } from '../base/markdown';
import { splitHeadingId } from '../content/lesson';
import { headingSlug } from '../content/slug';

/** One heading in the table of contents. */
export interface TocEntry {
  readonly id: string;
  readonly title: string;
  readonly level: number;
}

export interface RenderedLesson {
  readonly html: string;
  /** Headings of level `tocMinLevel`..`tocMaxLevel` (default 2–4), in document order. */
  readonly toc: readonly TocEntry[];
}

export interface RenderOptions {
  /** Shallowest heading level listed in the toc; default 2. */
  readonly tocMinLevel?: number;
  /** Deepest heading level listed in the toc; default 4. */
  readonly tocMaxLevel?: number;
  /**
   * Put before every heading id, explicit or generated. Team notes render with one, so a note can
   * never take an id the lesson's own sections use.
   */
  readonly idPrefix?: string;
}

export interface LessonRenderer {
  render(markdown: string, options?: RenderOptions): RenderedLesson;
}

/** Allowed link targets: web pages, mail, and anchors in the page. Everything else is dropped. */
const ALLOWED_HREF = /^(?:https?:\/\/|mailto:|#)/i;

export function isAllowedHref(href: string): boolean {
  return ALLOWED_HREF.test(href);
}

/**
 * Plain text of inline tokens, for toc titles, slugs and the alt text of dropped images.
 * Inline code keeps its content; line breaks become spaces.
 */
function plainText(tokens: readonly Token[] | null): string {
  let text = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        text += plainText(token.children);
        break;
      default:
        break;
    }
  }
  return text;
}

/** A heading's generated id: the one slug rule (src/content/slug.ts), as the page's id check takes it. */
export function slugify(text: string): string {
  return headingSlug(text);
}

/**
 * Core rule, before inline parsing: moves a trailing `{#id}` of a heading into the heading's `id`
 * attribute, so the attribute never shows as text.
 */
function takeHeadingIds(state: StateCore): void {
  const tokens = state.tokens;
  tokens.forEach((token, index) => {
    const inline = tokens[index + 1];
    if (token.type !== 'heading_open' || inline?.type !== 'inline') {
      return;
    }
    const { title, id } = splitHeadingId(inline.content);
    if (id !== undefined) {
      token.attrSet('id', id);
      inline.content = title;
    }
  });
}

/**
 * Core rule, after inline parsing: gives every heading a unique id — explicit ids first come first
 * served, a repeated one and every heading without one get a slug with the first free `-n` (the
 * search for each slug resumes where it stopped, so a thousand equal headings stay linear) —
 * makes headings focusable, records the toc in `env`, and points the document's own anchor links
 * at the prefixed ids.
 */
function finishHeadings(state: StateCore): void {
  const env = state.env as RenderEnv;
  const tokens = state.tokens;
  const used = new Set<string>();
  for (const token of tokens) {
    const id = token.type === 'heading_open' ? token.attrGet('id') : null;
    if (id !== null) {
      used.add(id);
    }
  }
  const claimed = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const unique = (base: string): string => {
    let suffix = nextSuffix.get(base) ?? 2;
    let id = `${base}-${suffix}`;
    while (used.has(id)) {
      suffix += 1;
      id = `${base}-${suffix}`;
    }
    nextSuffix.set(base, suffix + 1);
    used.add(id);
    return id;
  };
  tokens.forEach((token, index) => {
    const inline = tokens[index + 1];
    if (token.type !== 'heading_open' || inline?.type !== 'inline') {
      return;
    }
    const title = plainText(inline.children).trim();
    const explicit = token.attrGet('id');
    let id: string;
    if (explicit !== null && !claimed.has(explicit)) {
      id = explicit;
    } else {
      const base = explicit ?? slugify(title);
      id = used.has(base) || claimed.has(base) ? unique(base) : base;
      used.add(id);
    }
    claimed.add(id);
    id = env.idPrefix + id;
    token.attrSet('id', id);
    token.attrSet('tabindex', '-1');
    const level = Number(token.tag.slice(1));
    if (level >= env.tocMinLevel && level <= env.tocMaxLevel) {
      env.toc.push({ id, title, level });
    }
  });
  if (env.idPrefix !== '') {
    prefixOwnAnchors(tokens, claimed, env.idPrefix);
  }
}

/** Links to the document's own headings (`#id`) follow the ids' prefix; other anchors stay. */
function prefixOwnAnchors(tokens: readonly Token[], ownIds: ReadonlySet<string>, prefix: string): void {
  for (const block of tokens) {
    for (const token of block.type === 'inline' ? (block.children ?? []) : []) {
      const href = token.type === 'link_open' ? token.attrGet('href') : null;
      if (href?.startsWith('#') && ownIds.has(decodeFragment(href.slice(1)))) {
        token.attrSet('href', '#' + prefix + href.slice(1));
      }
    }
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Core rule: table cells carry their alignment as a class (`align-left` …) instead of the inline
 * `style` markdown-it writes, which the page's CSP would block.
 */
function alignmentClasses(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') {
      continue;
    }
    const style = token.attrGet('style');
    if (style === null) {
      continue;
    }
    const align = /^text-align:(left|center|right)$/.exec(style)?.[1];
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    if (align) {
      token.attrJoin('class', `align-${align}`);
    }
  }
}

/**
 * Core rule, after inline parsing: unwraps links whose target is not allowed (their text stays,
 * as plain text) and replaces every image with its alt text.
 */
function neutraliseLinksAndImages(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) {
      continue;
    }
    const kept: Token[] = [];
    // For each open link, whether it was dropped, so its link_close goes the same way.
    const openLinks: boolean[] = [];
    for (const token of block.children) {
      if (token.type === 'link_open') {
        const allowed = isAllowedHref(token.attrGet('href') ?? '');
        openLinks.push(allowed);
        if (allowed) {
          kept.push(token);
        }
      } else if (token.type === 'link_close') {
        if (openLinks.pop() === true) {
          kept.push(token);
        }
      } else if (token.type === 'image') {
        const alt = new state.Token('text', '', 0);
        alt.content = plainText(token.children);
        kept.push(alt);
      } else {
        kept.push(token);
      }
    }
    block.children = kept;
  }
}

interface RenderEnv {
  readonly tocMinLevel: number;
  readonly tocMaxLevel: number;
  readonly idPrefix: string;
  readonly toc: TocEntry[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function createLessonMarkdownIt(): MarkdownIt {
  const md = createMarkdownIt();
  // Parse every destination into a token, so the core rule below can keep the link text of a
  // refused link instead of leaving the raw `[text](target)` source on the page.
  md.validateLink = () => true;
  md.core.ruler.before('inline', 'lesson_heading_ids', takeHeadingIds);
  md.core.ruler.push('lesson_links_images', neutraliseLinksAndImages);
  md.core.ruler.push('lesson_headings', finishHeadings);
  md.core.ruler.push('lesson_table_alignment', alignmentClasses);

  // Second line of defence: whatever reaches the renderer, it writes no image and no link with a
  // refused target. (The core rule has already unwrapped those, so this never drops a close tag.)
  md.renderer.rules.image = (tokens, index) => escapeHtml(plainText(tokens[index]?.children ?? null));
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    const token = tokens[index];
    return token && isAllowedHref(token.attrGet('href') ?? '') ? renderToken(tokens, index, options) : '';
  };
  return md;
}

export function createLessonRenderer(): LessonRenderer {
  const md = createLessonMarkdownIt();
  return {
    render(markdown: string, options: RenderOptions = {}): RenderedLesson {
      // Callers in plain JavaScript (the web worker) could hand over anything.
      const source = typeof markdown === 'string' ? markdown : '';
      const env: RenderEnv = {
        tocMinLevel: options.tocMinLevel ?? 2,
        tocMaxLevel: options.tocMaxLevel ?? 4,
        idPrefix: options.idPrefix ?? '',
        toc: [],
      };
      try {
        const html = md.render(source, env);
        return Object.freeze({ html, toc: Object.freeze(env.toc.map((entry) => Object.freeze(entry))) });
      } catch {
        // markdown-it should not throw, but a lesson page must always show something.
        return Object.freeze({ html: `<pre>${escapeHtml(source)}</pre>\n`, toc: Object.freeze([]) });
      }
    },
  };
}

let sharedRenderer: LessonRenderer | undefined;

/** Renders with one shared renderer, created on first use. */
export function renderMarkdown(markdown: string, options?: RenderOptions): RenderedLesson {
  sharedRenderer ??= createLessonRenderer();
  return sharedRenderer.render(markdown, options);
}

interface CacheEntry {
  readonly language: string;
  readonly markdown: string;
  readonly rendered: RenderedLesson;
}

const CACHE_LIMIT = 8;
/** Most recently used first. */
const cache: CacheEntry[] = [];

/**
 * Renders like `renderMarkdown` with default options, but returns the very same object for the
 * same language and content. Keeps the `CACHE_LIMIT` most recently used results.
 */
export function renderCached(language: string, markdown: string): RenderedLesson {
  const index = cache.findIndex((entry) => entry.language === language && entry.markdown === markdown);
  const hit = index >= 0 ? cache.splice(index, 1)[0] : undefined;
  const entry = hit ?? { language, markdown, rendered: renderMarkdown(markdown) };
  cache.unshift(entry);
  cache.length = Math.min(cache.length, CACHE_LIMIT);
  return entry.rendered;
}

/**
 * The lesson page's HTML. The first page carries the rendered lesson (as the same `render` message
 * the host posts later, in a JSON data block), so the first paint needs no round trip; the page's
 * stylesheet and script come inline under the page's nonce, so it needs no fetch either. The CSP
 * stays `default-src 'none'` with a fresh nonce per page. Pure: no `vscode`, no Node built-ins.
 */
import type { RenderMessage } from './messages';

/** The stylesheet inline (no fetch), or by URL from the webview's resource route. */
export type PageStyle = { readonly inline: string } | { readonly href: string };
/** The page script inline (no fetch), or by URL. */
export type PageScript = { readonly inline: string } | { readonly src: string };

export interface PageShellOptions {
  /** The webview's `cspSource` (where our media and dist files are served from). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly style: PageStyle;
  readonly script: PageScript;
  readonly title: string;
  readonly language: string;
  /** `view` for the sidebar, `panel` for the editor area: the page adapts its layout. */
  readonly placement: 'view' | 'panel';
  /** The lesson to show at once; without it the page waits for a `render` message. */
  readonly initialRender?: RenderMessage;
}

/** The id of the JSON data block that holds the first `render` message. */
export const INITIAL_RENDER_ID = 'initial-render';

/** A random nonce, fresh for every page (Web Crypto exists in Node ≥ 18 and in browsers). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/[+/=]/g, (char) => (char === '+' ? '-' : char === '/' ? '_' : ''));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text that may sit inside a raw-text element (`<script>`, `<style>`) only if nothing in it can
 * close the element or open a comment there.
 */
export function canInline(text: string): boolean {
  return !/<\/(script|style)|<!--/i.test(text);
}

/** JSON inside a data block: `<` escaped, so no part of it can end the block. */
function jsonForDataBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function styleElement(style: PageStyle, nonce: string): string {
  if ('inline' in style && canInline(style.inline)) {
    return `<style nonce="${nonce}">${style.inline}</style>`;
  }
  if ('href' in style) {
    return `<link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(style.href)}">`;
  }
  throw new Error('The page stylesheet cannot be inlined safely');
}

function scriptElement(script: PageScript, nonce: string): string {
  if ('inline' in script && canInline(script.inline)) {
    return `<script nonce="${nonce}">${script.inline}</script>`;
  }
  if ('src' in script) {
    return `<script nonce="${nonce}" src="${escapeAttribute(script.src)}"></script>`;
  }
  throw new Error('The page script cannot be inlined safely');
}

export function lessonPageHtml(options: PageShellOptions): string {
  const nonce = escapeAttribute(options.nonce);
  const linked = 'href' in options.style;
  const csp = [
    "default-src 'none'",
    `style-src ${linked ? `${options.cspSource} ` : ''}'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
    "img-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const initial = options.initialRender
    ? `<script type="application/json" id="${INITIAL_RENDER_ID}" nonce="${nonce}">${jsonForDataBlock(options.initialRender)}</script>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styleElement(options.style, nonce)}
<title>${escapeAttribute(options.title)}</title>
</head>
<body class="placement-${options.placement}">
<header id="toolbar" role="banner"></header>
<nav id="toc" aria-label=""></nav>
<main id="lesson" aria-busy="true"></main>
<section id="team-notes" hidden></section>
${initial}${scriptElement(options.script, nonce)}
</body>
</html>`;
}

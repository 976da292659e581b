/**
 * The lesson page's HTML shell. Content arrives later by message; the shell only loads our own
 * stylesheet and script under a strict CSP with a fresh nonce. Pure: no `vscode`, no Node built-ins.
 */

export interface PageShellOptions {
  /** The webview's `cspSource` (where our media and dist files are served from). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  readonly language: string;
  /** `view` for the sidebar, `panel` for the editor area: the page adapts its layout. */
  readonly placement: 'view' | 'panel';
}

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

export function lessonPageHtml(options: PageShellOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
    "img-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${escapeAttribute(options.nonce)}" href="${escapeAttribute(options.styleUri)}">
<title>${escapeAttribute(options.title)}</title>
</head>
<body class="placement-${options.placement}">
<header id="toolbar" role="banner"></header>
<nav id="toc" aria-label=""></nav>
<main id="lesson" aria-busy="true"></main>
<section id="team-notes" hidden></section>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

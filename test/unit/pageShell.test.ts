import * as assert from 'node:assert/strict';
import { createNonce, lessonPageHtml } from '../../src/lesson/pageShell';

describe('the lesson page shell', () => {
  const options = {
    cspSource: 'https://webview.test',
    nonce: 'abc123',
    scriptUri: 'https://webview.test/dist/webview/lesson.js',
    styleUri: 'https://webview.test/media/lesson.css',
    title: 'Lesson',
    language: 'zh-CN',
    placement: 'view' as const,
  };

  it("starts its CSP from default-src 'none' and allows scripts only by nonce", () => {
    const html = lessonPageHtml(options);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview\.test\/dist\/webview\/lesson\.js"><\/script>/);
    assert.doesNotMatch(html.replace(/<script nonce="abc123" src="[^"]+"><\/script>/, ''), /<script/);
  });

  it('uses a fresh nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    assert.equal(nonces.size, 200);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
    }
  });

  it('escapes what it puts in attributes', () => {
    const html = lessonPageHtml({ ...options, title: '"><script>alert(1)</script>' });
    assert.doesNotMatch(html, /<script>alert/);
  });
});

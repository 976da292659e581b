import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readZip } = require('../bench/zip.js') as { readZip(file: string): Map<string, Buffer> };
// Read from the repository at run time (not bundled into this test): esbuild.js finds its sources by its own path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeBundleFiles } = require(path.join(process.cwd(), 'esbuild.js')) as { nodeBundleFiles: readonly string[] };
const NODE_BUNDLE = nodeBundleFiles.map((file) => `dist/${file}`);

/** What may ship: only what runs (see .vscodeignore); the Node bundle's files as esbuild.js lists them. */
const ALLOWED: readonly (RegExp | ((file: string) => boolean))[] = [
  /^package\.json$/,
  /^package\.nls(\.zh-cn)?\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  (file: string) => NODE_BUNDLE.includes(file),
  /^dist\/web\/extension\.js$/,
  /^dist\/webview\/lesson\.js$/,
  /^media\/(icon\.png|collab\.svg|lesson\.css|planPreview\.css)$/,
  /^media\/walkthrough\/themes\/[a-z]+\.(light|dark|hc)\.svg$/,
  /^l10n\/bundle\.l10n\.zh-cn\.json$/,
  /^content\/lesson\/(zh-cn|en)\.md$/,
  /^content\/tips\.json$/,
  /^content\/templates\/[a-z-]+\.(zh-cn|en)\.md$/,
  /^content\/snippets\/markdown\.code-snippets$/,
];

describe('the packaged .vsix', function () {
  const vsix = path.resolve('collab-coach.vsix');

  it('lists (vsce ls) only files from the allowlist, and every file that must ship', function () {
    const listed = execFileSync(process.execPath, [path.join('node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const allowed = (file: string): boolean => ALLOWED.some((rule) => (typeof rule === 'function' ? rule(file) : rule.test(file)));
    const outside = listed.filter((file) => !allowed(file));
    assert.deepEqual(outside, [], 'files outside the allowlist');
    for (const required of [
      'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', ...NODE_BUNDLE, 'dist/web/extension.js', 'dist/webview/lesson.js', 'content/lesson/zh-cn.md', 'content/lesson/en.md',
      'content/tips.json', 'l10n/bundle.l10n.zh-cn.json', 'package.nls.zh-cn.json',
    ]) {
      assert.ok(listed.includes(required), `${required} ships`);
    }
    console.log(`      vsce ls: ${listed.length} files, all on the allowlist`);
  });

  it('holds the same files, with the icon, LICENSE and CHANGELOG, and stays within 200 KB', function () {
    assert.ok(fs.existsSync(vsix), 'npm run package produced collab-coach.vsix');
    const entries = [...readZip(vsix).keys()];
    for (const name of ['extension/media/icon.png', 'extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md', 'extension/package.json']) {
      assert.ok(entries.includes(name), `${name} is in the .vsix`);
    }
    assert.ok(!entries.some((name) => /\.map$|\/src\/|\/test\/|node_modules/.test(name)), 'no sources, maps, tests or node_modules');
    const bytes = fs.statSync(vsix).size;
    console.log(`      .vsix size: ${(bytes / 1024).toFixed(1)} KB of 200 KB`);
    assert.ok(bytes <= 200 * 1024, `${bytes} bytes`);
  });
});

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\d+)\}/g)].map((match) => match[1] ?? '').sort();

describe('translations', function () {
  this.timeout(60000);

  it('l10n/bundle.l10n.json holds exactly the strings the code passes to vscode.l10n.t', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'collab-coach-l10n-'));
    try {
      execFileSync(process.execPath, [path.join('node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, './src'], { stdio: 'pipe' });
      const extracted = readJson(path.join(out, 'bundle.l10n.json'));
      const committed = readJson(path.join('l10n', 'bundle.l10n.json'));
      assert.deepEqual(Object.keys(committed).sort(), Object.keys(extracted).sort(), 'run `npm run l10n` and translate the new strings');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('the Chinese bundle translates every runtime string, keeping its placeholders', () => {
    const english = readJson(path.join('l10n', 'bundle.l10n.json'));
    const chinese = readJson(path.join('l10n', 'bundle.l10n.zh-cn.json'));
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    for (const [key, value] of Object.entries(chinese)) {
      assert.equal(typeof value, 'string', key);
      assert.ok((value as string).trim().length > 0, `empty translation for ${key}`);
      assert.deepEqual(placeholders(value as string), placeholders(key), `placeholders of ${key}`);
    }
  });

  it('every %key% of the manifest is in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = fs.readFileSync('package.json', 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1] ?? ''))].sort();
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.ok(keys.length >= 30, `the manifest uses ${keys.length} keys`);
    assert.deepEqual(Object.keys(english).sort(), keys, 'package.nls.json has exactly the manifest keys');
    assert.deepEqual(Object.keys(chinese).sort(), keys, 'package.nls.zh-cn.json has exactly the manifest keys');
    for (const key of keys) {
      assert.ok(String(chinese[key]).trim().length > 0, `empty Chinese manifest string ${key}`);
    }
  });

  it('the manifest has no user-visible string left untranslated', () => {
    const contributes = (readJson('package.json')['contributes'] ?? {}) as Record<string, unknown>;
    const visible: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (typeof value === 'string') {
        if (['title', 'name', 'description', 'markdownDescription', 'altText', 'category'].includes(key) || key === 'enumDescriptions') {
          visible.push(value);
        }
      } else if (Array.isArray(value)) {
        value.forEach((item) => walk(item, key));
      } else if (value && typeof value === 'object') {
        for (const [childKey, child] of Object.entries(value)) {
          walk(child, childKey);
        }
      }
    };
    // A language model tool's `name` is its id, which agents call it by: not words to translate.
    const tools = contributes['languageModelTools'];
    const toolsWithoutIds = Array.isArray(tools) ? tools.map((tool: Record<string, unknown>) => ({ ...tool, name: undefined })) : tools;
    walk({ ...contributes, languageModelTools: toolsWithoutIds }, '');
    const literal = visible.filter((text) => !/^%[^%]+%$/.test(text));
    assert.deepEqual(literal, []);
  });
});

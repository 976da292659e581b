import * as assert from 'node:assert/strict';
import { enabledPatterns, excludeMatcher } from '../../src/plan/excludePatterns';

describe('issue 12: files.exclude and search.exclude patterns for the Plans scan', () => {
  it('matches ** across folders, * and ? within one name, as VS Code settings do', () => {
    const matcher = excludeMatcher(['**/node_modules', 'drafts/**', '*.tmp.md', 'notes/?.md']);
    assert.ok(matcher.excludes('node_modules/pkg/plan.md'));
    assert.ok(matcher.excludes('a/b/node_modules/plan.md'));
    assert.ok(matcher.excludes('drafts/plan.md'));
    assert.ok(matcher.excludes('drafts/deep/plan.md'));
    assert.ok(matcher.excludes('x.tmp.md'));
    assert.ok(matcher.excludes('notes/a.md'));
    assert.ok(!matcher.excludes('docs/drafts/plan.md'), 'drafts/** is anchored at the folder');
    assert.ok(!matcher.excludes('sub/x.tmp.md'), '* does not cross a folder');
    assert.ok(!matcher.excludes('notes/ab.md'), '? is one character');
    assert.ok(!matcher.excludes('node_modules_not/plan.md'));
    assert.ok(!matcher.excludes('plans/budget.md'));
  });

  it('excludes everything beneath a folder a pattern names', () => {
    const matcher = excludeMatcher(['archive', '**/old']);
    assert.ok(matcher.excludes('archive/2020/plan.md'));
    assert.ok(matcher.excludes('x/old/plan.md'));
    assert.ok(!matcher.excludes('archived/plan.md'));
  });

  it('reads {a,b} alternatives, nested ones too, and [..] classes', () => {
    const matcher = excludeMatcher(['{build,out}/**', '**/*.{bak,orig{1,2}}.md', 'v[0-9].md', 'x[!a].md']);
    assert.ok(matcher.excludes('build/plan.md'));
    assert.ok(matcher.excludes('out/a/plan.md'));
    assert.ok(matcher.excludes('a/plan.bak.md'));
    assert.ok(matcher.excludes('plan.orig2.md'));
    assert.ok(matcher.excludes('v7.md'));
    assert.ok(matcher.excludes('xb.md'));
    assert.ok(!matcher.excludes('xa.md'));
    assert.ok(!matcher.excludes('vx.md'));
    assert.ok(!matcher.excludes('plan.orig3.md'));
    assert.ok(!matcher.excludes('src/plan.md'));
  });

  it('takes characters special to regular expressions literally', () => {
    const matcher = excludeMatcher(['a+b (c).md', 'd$.md']);
    assert.ok(matcher.excludes('a+b (c).md'));
    assert.ok(matcher.excludes('d$.md'));
    assert.ok(!matcher.excludes('aab (c).md'));
    assert.ok(!matcher.excludes('ab c.md'));
  });

  it('excludes nothing without patterns, and counts only the patterns set to true', () => {
    assert.ok(!excludeMatcher([]).excludes('node_modules/plan.md'));
    assert.deepEqual(enabledPatterns({ '**/.git': true, 'off/**': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
    assert.deepEqual(enabledPatterns(undefined), []);
    assert.deepEqual(enabledPatterns('**/x'), []);
  });
});

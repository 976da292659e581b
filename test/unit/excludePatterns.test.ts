import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { enabledPatterns, excludeMatcher, globMatchesWhole } from '../../src/plan/excludePatterns';
import { checkProperty, textOf } from './fuzz';

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

describe('issue 12: one exclude test per path', () => {
  /** The definition: the path, or a folder above it, matches one of the patterns as a whole. */
  function excludedByDefinition(patterns: readonly string[], relativePath: string): boolean {
    const segments = relativePath.split('/');
    for (let length = segments.length; length > 0; length--) {
      const folder = segments.slice(0, length).join('/');
      if (patterns.some((pattern) => globMatchesWhole(pattern, folder))) {
        return true;
      }
    }
    return false;
  }

  it('agrees with testing the path and every folder above it, on generated globs and paths', () => {
    const glob = textOf(['*', '**', '?', '/', 'a', 'b', '.md', '{a,b}', '[ab]', '[!a]', '**/', '.'], 8);
    const path = textOf(['a', 'b', '/', '.md', 'ab', '.'], 10);
    checkProperty(
      'exclude matcher vs per-folder definition',
      fc.property(fc.array(glob, { minLength: 1, maxLength: 3 }), path, (patterns, relativePath) => {
        assert.equal(excludeMatcher(patterns).excludes(relativePath), excludedByDefinition(patterns, relativePath));
      }),
      2000,
    );
  });
});

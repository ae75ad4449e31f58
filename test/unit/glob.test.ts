import * as assert from 'assert';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, GlobError, globProblem, globToRegExp, literalGlob } from '../../src/core/glob';

describe('globToRegExp', () => {
  it('matches the default include at any depth', () => {
    const g = globToRegExp(DEFAULT_INCLUDE);
    assert.ok(g.test('a.txt'));
    assert.ok(g.test('news/2025/b.md'));
    assert.ok(!g.test('c.pdf'));
    assert.ok(!g.test('d.txt.bak'));
  });

  it('excludes tool folders', () => {
    const g = globToRegExp(DEFAULT_EXCLUDE);
    assert.ok(g.test('node_modules/x/readme.md'));
    assert.ok(g.test('sub/.git/HEAD'));
    assert.ok(!g.test('notes/git.txt'));
  });

  it('handles ? and literal dots', () => {
    const g = globToRegExp('sport/1?.txt');
    assert.ok(g.test('sport/12.txt'));
    assert.ok(!g.test('sport/123.txt'));
    assert.ok(!g.test('sport/12xtxt'));
  });
});

describe('globToRegExp on globs it must refuse or read literally', () => {
  it('refuses unclosed braces and classes and a stray }', () => {
    assert.throws(() => globToRegExp('{a'), (e: Error) => e instanceof GlobError && /"\{" at 1 is never closed/.test(e.message));
    assert.throws(() => globToRegExp('['), (e: Error) => e instanceof GlobError && /"\[" at 1 is never closed/.test(e.message));
    assert.throws(() => globToRegExp('a}'), GlobError);
    assert.throws(() => globToRegExp(''), GlobError);
    assert.strictEqual(globProblem('**/*.txt'), undefined);
  });

  it('reads [...] classes, negated ones and a leading ]', () => {
    const g = globToRegExp('draft[0-9].txt');
    assert.ok(g.test('draft7.txt') && !g.test('draftx.txt'));
    assert.ok(globToRegExp('[!a]*.md').test('b.md') && !globToRegExp('[!a]*.md').test('a.md'));
    assert.ok(globToRegExp('[]x].txt').test('].txt'));
  });

  it('literalGlob matches exactly the path it was made from', () => {
    for (const p of ['reports/[draft] {v2}, final?.md', 'a*b.md', 'x]y.txt']) {
      const g = globToRegExp(literalGlob(p));
      assert.ok(g.test(p), p);
      assert.ok(!g.test(p.replace(/[^/]$/, 'Z')), p);
    }
  });
});

import * as assert from 'assert';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, globToRegExp } from '../../src/core/glob';

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

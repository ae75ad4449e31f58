// Issue 12's hangs: the reproductions finish with a correct result, and the per-document time
// budget stops whatever still runs too long, on this thread and in workers.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../src/core/analyze';
import { BudgetExceeded, runWithin } from '../../src/core/budget';
import { analyzeDates } from '../../src/core/dates';
import { detectDocumentDate } from '../../src/core/documentDate';
import { repoRoot } from './sharedCorpora';
import { tempFolder } from './tempFolder';

/** Capitalised words in a fixed pseudo-random order (the 200,000-word reproduction). */
export function capitalisedRun(words: number, seed = 7): string {
  const pool = ['John', 'Smith', 'Bank', 'Of', 'New', 'York'];
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out.push(pool[s % pool.length]);
  }
  return out.join(' ') + '.';
}

describe('linear-time reproductions (outside the entity layer)', function () {
  // Each took minutes before; a regression shows up as a timeout here.
  this.timeout(60000);

  it('100,000 full dates on one leading line: no byline, every date found', () => {
    const text = Array(100000).fill('January 1, 2020').join(' ') + '\n';
    assert.deepStrictEqual(detectDocumentDate(text), { source: 'none' });
    const { dates } = analyzeDates(text);
    assert.strictEqual(dates.length, 100000);
    assert.ok(dates.every((d) => d.value === '2020-01-01'));
    // A byline on a short line is still one.
    assert.strictEqual(detectDocumentDate('By Kari Lund | January 1, 2020\n\nText.').value, '2020-01-01');
  });

  it('"1-" repeated 100,000 times holds no date', () => {
    assert.deepStrictEqual(analyzeDates('1-'.repeat(100000)).dates, []);
  });
});

describe('per-document time budget', function () {
  this.timeout(120000);

  it('runWithin stops a function that never returns, and passes results and errors through', () => {
    assert.throws(() => runWithin(() => {
      for (;;);
    }, 50), BudgetExceeded);
    assert.strictEqual(runWithin(() => 42, 1000), 42);
    assert.throws(() => runWithin(() => {
      throw new RangeError('own error');
    }, 1000), RangeError);
  });

  it('a document over its budget keeps what was found in time, with a warning', () => {
    const text = capitalisedRun(20000);
    const a = analyzeDocument('caps.txt', text, [], undefined, 1);
    assert.deepStrictEqual(a.entities, []);
    assert.ok(a.warnings.some((w) => /^caps\.txt: entity analysis stopped: the document's time budget of 0\.0 s ran out; its entities are left out$/.test(w)), a.warnings.join('\n'));
    // Sentences and lines do not depend on the analyzers.
    assert.strictEqual(a.sentences.length, 1);
    const full = analyzeDocument('caps.txt', text, [], undefined, 0);
    assert.ok(full.entities.length > 0);
    assert.deepStrictEqual(full.warnings, []);
  });

  describe('through the CLI', () => {
    let dir = '';
    tempFolder('dossier-budget-', (d) => {
      dir = d;
      fs.writeFileSync(path.join(d, 'caps.txt'), capitalisedRun(40000));
      fs.writeFileSync(path.join(d, 'ok.txt'), 'date 2025-05-02\nLena Holm visited Oslo on Tuesday.\n');
    });

    for (const jobs of ['0', '2']) {
      it(`--jobs ${jobs}: the slow document is reported and degraded, the others analyzed`, () => {
        const r = spawnSync('node', [path.join(repoRoot, 'dist', 'cli.js'), 'export', dir, '--jobs', jobs, '--time-budget', '0.001'], { encoding: 'utf8' });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.match(r.stderr, /warning: caps\.txt: entity analysis stopped: the document's time budget/);
        const x = JSON.parse(r.stdout);
        assert.deepStrictEqual(x.documents.map((d: { path: string }) => d.path), ['caps.txt', 'ok.txt']);
        assert.ok(!x.entities.some((e: { mentions: { path: string }[] }) => e.mentions.some((m) => m.path === 'caps.txt')));
      });
    }
  });
});

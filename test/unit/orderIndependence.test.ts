// Documents reach the index in whatever order workers finish, the cache answers or the file
// watcher reports them; the entities, their names and the export must not depend on it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../src/core/analyze';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { exportJson } from '../../src/core/export';
import { listFiles } from '../../src/core/folder';
import { DocumentAnalysis } from '../../src/core/types';
import { AnalysisPool } from '../../src/core/workerPool';
import { skipWithoutCorpus } from './sharedCorpora';

type Doc = { analysis: DocumentAnalysis; text: string };

function exportInOrder(docs: Doc[]): string {
  const index = new CorpusIndex();
  for (const d of docs) index.set(d.analysis, d.text);
  return exportJson(index);
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Deterministic shuffles (tests must repeat). */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('The index does not depend on the order documents arrive in', function () {
  this.timeout(120_000);

  it('a name written two ways, equally often, links its surname the same way in every order', () => {
    // Invented articles. The hyphenated spelling alone would read as a two-word East-Asian-style
    // name (family name first); the spaced one has the family name last. Which spelling counts
    // must not depend on which article came first.
    const docs: Doc[] = [
      ['a.txt', 'date 2025-04-02\nMarta Lind-Ostrova, the harbour engineer, inspected the cranes in Valmora.\n'],
      ['b.txt', 'date 2025-04-03\nThe engineer Marta Lind Ostrova said the cranes were safe.\n'],
      ['c.txt', 'date 2025-04-04\nMs Ostrova told reporters the inspection was over. Ostrova left on Friday.\n'],
    ].map(([p, t]) => ({ analysis: analyzeDocument(p, t), text: t }));
    const exports = permutations(docs).map(exportInOrder);
    for (const e of exports.slice(1)) assert.strictEqual(e, exports[0]);
  });

  it('the BBC corpus gives the same export in sorted and shuffled orders', async function () {
    const dir = skipWithoutCorpus(this, 'bbc');
    // Every second article keeps the test quick and still holds thousands of names.
    const files = listFiles(dir).filter((_, i) => i % 2 === 0);
    const pool = new AnalysisPool({ size: 2 });
    let docs: Doc[];
    try {
      docs = await Promise.all(
        files.map(async (f) => {
          const text = fs.readFileSync(path.join(dir, f), 'utf8');
          return { analysis: await pool.analyze(f, text), text };
        }),
      );
    } finally {
      await pool.close();
    }
    const sorted = exportInOrder(docs);
    for (const seed of [1, 2, 3]) assert.ok(exportInOrder(shuffled(docs, seed)) === sorted, `shuffle ${seed} gives another export`);
  });
});

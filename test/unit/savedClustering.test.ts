// A warm start adopts the clustering saved with the analysis cache instead of computing it. The
// result must be the one a computation gives, edits afterwards must patch it correctly, and any
// change to the corpus or the corrections, or a damaged file, must mean computing it again.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { AnalysisCache } from '../../src/core/analysisCache';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { parseCorrections } from '../../src/core/corrections';
import { exportJson } from '../../src/core/export';
import { loadFolderAsync } from '../../src/core/folder';
import { drain } from '../../src/core/steps';
import { rebuilt } from './rebuilt';
import { repoRoot, sharedCorpus } from './sharedCorpora';
import { tempFolder } from './tempFolder';

describe('Saved clustering', function () {
  this.timeout(120_000);
  let tmp = '';
  tempFolder('dossier-clusters-', (dir) => (tmp = dir));

  for (const [name, folder] of [
    ['samples', path.join(repoRoot, 'samples')],
    ['the BBC corpus', sharedCorpus('bbc')],
  ] as const) {
    it(`a warm load of ${name} adopts the saved clustering and exports exactly what a computed one gives`, async function () {
      if (!folder) this.skip();
      const cache = path.join(tmp, 'cache');
      const cold = await loadFolderAsync(folder, { cache, jobs: 2 });
      assert.ok(fs.existsSync(path.join(new AnalysisCache(cache).dir, 'clusters.json.gz')), 'no clustering saved');
      const warm = await loadFolderAsync(folder, { cache, jobs: 2 });
      assert.strictEqual(warm.index.clusteringStats.full, 0, 'the warm load computed a clustering');
      const computed = exportJson(rebuilt(warm.index));
      assert.ok(exportJson(warm.index) === computed, 'the adopted clustering exports differently');
      assert.ok(exportJson(cold.index) === computed);
    });
  }

  it('edits after adopting a saved clustering are patched locally and equal a computed index', async () => {
    const cache = path.join(tmp, 'cache');
    const folder = path.join(repoRoot, 'samples');
    await loadFolderAsync(folder, { cache, jobs: 0 });
    const { index } = await loadFolderAsync(folder, { cache, jobs: 0 });
    const [first, second] = index.paths();
    index.update(first, index.text(first)! + '\nHarbour pilot Oskar Vantanen said the cranes were idle.\n');
    index.entities();
    index.update(second, index.text(second)!.replace(/\n[^\n]*$/, '\n'));
    index.entities();
    assert.strictEqual(index.clusteringStats.full, 0, 'an edit needed a full clustering');
    assert.ok(index.clusteringStats.patched >= 1);
    assert.ok(exportJson(index) === exportJson(rebuilt(index)));
  });

  it('is not adopted for another corpus or other corrections, and a damaged file only means computing again', async () => {
    const folder = path.join(tmp, 'corpus');
    fs.mkdirSync(folder);
    for (const f of fs.readdirSync(path.join(repoRoot, 'samples')).filter((n) => n.endsWith('.txt'))) {
      fs.copyFileSync(path.join(repoRoot, 'samples', f), path.join(folder, f));
    }
    const cache = path.join(tmp, 'cache');
    await loadFolderAsync(folder, { cache, jobs: 0 });
    const saved = (await new AnalysisCache(cache).loadClustering())!;
    assert.ok(saved.clusters.length > 0);

    // One document changed: the saved clustering no longer fits.
    const index = (await loadFolderAsync(folder, { cache, jobs: 0 })).index;
    const other = rebuilt(index);
    other.update(other.paths()[0], other.text(other.paths()[0]) + '\nMayor Lise Brandt visited Kraków.\n');
    assert.strictEqual(other.restoreClustering(saved), false);
    // Other corrections: neither.
    const corrected = new CorpusIndex({ corrections: parseCorrections(JSON.stringify({ ignore: ['Valmora'] })).corrections });
    for (const p of index.paths()) corrected.set(index.analysis(p)!, index.text(p)!);
    assert.strictEqual(corrected.restoreClustering(saved), false);
    // The same documents in a fresh index: adopted.
    assert.strictEqual(rebuilt(index).restoreClustering(saved), true);

    // Garbage with a valid gzip frame, then a truncated file: warnings, and the same result.
    const file = path.join(new AnalysisCache(cache).dir, 'clusters.json.gz');
    const expected = exportJson(index);
    for (const damage of [zlib.gzipSync('{"format":"dossier-clusters/1","clusters":[{"id":1}]}'), fs.readFileSync(file).subarray(0, 40)]) {
      fs.writeFileSync(file, damage);
      const again = await loadFolderAsync(folder, { cache, jobs: 0 });
      assert.ok(again.warnings.some((w) => /clusters\.json\.gz .*(damaged|cannot be read)/.test(w)), again.warnings.join('\n'));
      assert.ok(exportJson(again.index) === expected);
      assert.strictEqual(again.index.clusteringStats.full, 1);
    }
  });

  it('restoring in slices gives up when the index changes meanwhile, and the index stays right', () => {
    // Invented people, enough of them for the restore to yield several times.
    const given = ['Ada', 'Bruno', 'Carla', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kaori', 'Lucan'];
    const family = ['Varnel', 'Ostrik', 'Penhale', 'Quist', 'Rademaker', 'Solano', 'Trevane', 'Ulverston', 'Vossberg', 'Wendell', 'Yardley', 'Zabrin']
      .flatMap((f) => [f, `${f}sen`, `${f}ov`]);
    const index = new CorpusIndex();
    family.forEach((f, i) => {
      const text = `date 2025-05-${String((i % 28) + 1).padStart(2, '0')}\n` + given.map((g) => `Engineer ${g} ${f} inspected the cranes. ${f} said so.`).join(' ') + '\n';
      index.update(`doc${i}.txt`, text);
    });
    index.entities();
    const snapshot = index.clusteringSnapshot()!;
    assert.ok(snapshot.clusters.length > 300, `${snapshot.clusters.length} clusters`);
    for (const stepsBeforeChange of [1, 3]) {
      const fresh = rebuilt(index);
      const steps = fresh.restoreSteps(snapshot);
      for (let i = 0; i < stepsBeforeChange; i++) assert.strictEqual(steps.next().done, false);
      fresh.update('doc0.txt', fresh.text('doc0.txt') + 'Mayor Lise Brandt visited Krakow on Monday.\n');
      assert.strictEqual(drain(steps), false);
      assert.ok(fresh.entities().some((e) => e.name === 'Lise Brandt'));
      assert.ok(exportJson(fresh) === exportJson(rebuilt(fresh)));
    }
    assert.strictEqual(drain(rebuilt(index).restoreSteps(snapshot)), true);
  });
});

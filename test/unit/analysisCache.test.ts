import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { AnalysisCache, ANALYZER_VERSION } from '../../src/core/analysisCache';
import { analyzeDocument, contentHash } from '../../src/core/analyze';
import { exportJson } from '../../src/core/export';
import { loadFolderAsync } from '../../src/core/folder';
import { DocumentAnalysis } from '../../src/core/types';
import { tempFolder } from './tempFolder';

// Hand-written articles (invented people and places).
const DOCS: [string, string][] = [
  [
    'herald.txt',
    'date 2025-03-12\nDockworkers strike in Valmora\n\nPort director Ingrid Halvorsen said on Monday that talks had failed. Halvorsen blamed the ministry.\n',
  ],
  [
    'wire.txt',
    'date 2025-03-14\r\nHalvorsen under pressure\r\n\r\nIngrid Halvorsen met the Northern Dockers Union (NDU) on March 10 in Valmora. The NDU said so.\r\n',
  ],
  ['empty.md', ''],
  ['odd.txt', 'Café owner Zoë Brandt-Ølund opened in Kraków last Friday, said Mayor Tomas Ek. 🎉\rOld Mac line\rend'],
  ['undated.txt', 'In the spring of that year, Senator Ruth Obi visited Lagos and met officials of the World Bank.\n'],
];

function bucketOf(cache: AnalysisCache, text: string): string {
  return cache.bucketFile(contentHash(text));
}

describe('AnalysisCache', function () {
  this.timeout(60000);
  let root = '';
  tempFolder('dossier-cache-', (dir) => (root = dir));

  function fill(): Map<string, DocumentAnalysis> {
    const cache = new AnalysisCache(root);
    const out = new Map<string, DocumentAnalysis>();
    for (const [p, t] of DOCS) {
      const a = analyzeDocument(p, t, [`${p}: note`]);
      out.set(p, a);
      assert.ok(cache.put(a, t, [`${p}: note`]));
    }
    cache.flushSync();
    assert.deepStrictEqual(cache.warnings, []);
    return out;
  }

  it('round-trips every analysis exactly, for any path and decode warnings', () => {
    const original = fill();
    const cache = new AnalysisCache(root);
    for (const [p, t] of DOCS) {
      assert.deepStrictEqual(cache.get(p, t, [`${p}: note`]), original.get(p), p);
      // Same content under another path: a hit, with that path and those warnings.
      assert.deepStrictEqual(cache.get(`copy/${p}`, t), analyzeDocument(`copy/${p}`, t));
    }
    assert.strictEqual(cache.get('herald.txt', DOCS[0][1] + ' '), undefined);
    assert.deepStrictEqual(cache.warnings, []);
    assert.strictEqual(cache.stats.hits, DOCS.length * 2);
  });

  it('keeps properties whose value is undefined, and mention texts that differ from the slice', () => {
    const text = 'Mayor Tomas Ek spoke on Friday.';
    const a = analyzeDocument('x.txt', text);
    a.entities.push({ start: 6, end: 14, text: 'T. Ek', type: 'person', expansion: undefined });
    a.dates.push({ start: 24, end: 30, text: 'Friday', value: undefined, granularity: undefined, how: 'unresolved' });
    const cache = new AnalysisCache(root);
    cache.put(a, text);
    cache.flushSync();
    assert.deepStrictEqual(new AnalysisCache(root).get('x.txt', text), a);
  });

  it('a truncated bucket is a miss with a warning, and only that bucket is lost', () => {
    fill();
    const probe = new AnalysisCache(root);
    const file = bucketOf(probe, DOCS[0][1]);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cache = new AnalysisCache(root);
    assert.strictEqual(cache.get('herald.txt', DOCS[0][1]), undefined);
    assert.match(cache.warnings.join('\n'), /bucket .* is corrupt .*re-analyzed/);
    for (const [p, t] of DOCS.slice(1)) {
      if (bucketOf(cache, t) !== file) assert.ok(cache.get(p, t), `${p} should still be cached`);
    }
  });

  it('garbage bytes, garbage text in valid gzip, and a damaged line are misses with warnings, never throws', () => {
    fill();
    const probe = new AnalysisCache(root);
    const [p0, t0] = DOCS[0];
    const [p1, t1] = DOCS[1];
    const [p4, t4] = DOCS[4];
    const f0 = bucketOf(probe, t0);
    const f1 = bucketOf(probe, t1);
    const f4 = bucketOf(probe, t4);
    assert.ok(new Set([f0, f1, f4]).size === 3, 'test documents share a bucket');
    fs.writeFileSync(f0, Buffer.from('\u0000\u0001 not gzip at all'));
    fs.writeFileSync(f1, zlib.gzipSync('{"format":"dossier-cache/1"\nthis is not json\n'));
    // A valid bucket whose entry has spans pointing outside the text.
    const h4 = contentHash(t4);
    fs.writeFileSync(
      f4,
      zlib.gzipSync(
        JSON.stringify({ format: 'dossier-cache/1', version: String(ANALYZER_VERSION) }) +
          `\n${h4}\t{"date":{"source":"none"},"dates":[],"entities":[{"start":5,"end":99999,"text":0,"type":"person"}]}\n` +
          `${h4.slice(0, 39)}\tbroken line\n`,
      ),
    );
    const cache = new AnalysisCache(root);
    assert.strictEqual(cache.get(p0, t0), undefined);
    assert.strictEqual(cache.get(p1, t1), undefined);
    assert.strictEqual(cache.get(p4, t4), undefined);
    assert.strictEqual(cache.warnings.length, 4, cache.warnings.join('\n'));
    assert.match(cache.warnings.join('\n'), /damaged entry for undated\.txt/);
    // Re-analyzed, stored again, and whole afterwards.
    for (const [p, t] of [DOCS[0], DOCS[1], DOCS[4]]) cache.put(analyzeDocument(p, t), t);
    cache.flushSync();
    const again = new AnalysisCache(root);
    for (const [p, t] of DOCS) assert.deepStrictEqual(again.get(p, t), analyzeDocument(p, t));
    assert.deepStrictEqual(again.warnings, []);
  });

  it('a corrupt bucket makes loadFolderAsync re-analyze that document, with the same result', async () => {
    const folder = path.join(root, 'docs');
    fs.mkdirSync(folder);
    for (const [p, t] of DOCS) fs.writeFileSync(path.join(folder, p), t);
    const cacheDir = path.join(root, 'cache');
    const cold = await loadFolderAsync(folder, { jobs: 0, cache: cacheDir });
    assert.strictEqual(cold.stats.cacheHits, 0);
    const warm = await loadFolderAsync(folder, { jobs: 0, cache: cacheDir });
    assert.strictEqual(warm.stats.cacheHits, DOCS.length);
    assert.strictEqual(warm.stats.analyzed, 0);
    assert.strictEqual(exportJson(warm.index), exportJson(cold.index));
    const file = new AnalysisCache(cacheDir).bucketFile(contentHash(DOCS[0][1]));
    fs.writeFileSync(file, 'garbage');
    const healed = await loadFolderAsync(folder, { jobs: 0, cache: cacheDir });
    assert.strictEqual(healed.stats.analyzed, 1);
    assert.match(healed.warnings.join('\n'), /^cache: bucket .* is corrupt/m);
    assert.strictEqual(exportJson(healed.index), exportJson(cold.index));
    const after = await loadFolderAsync(folder, { jobs: 0, cache: cacheDir });
    assert.strictEqual(after.stats.cacheHits, DOCS.length);
    assert.deepStrictEqual(after.warnings, cold.warnings);
  });

  it('another analyzer version misses, and its old folder is cleaned up', () => {
    fill();
    const next = new AnalysisCache(root, { version: ANALYZER_VERSION + 1 });
    for (const [p, t] of DOCS) assert.strictEqual(next.get(p, t), undefined);
    assert.deepStrictEqual(next.warnings, []);
    const [p, t] = DOCS[0];
    next.put(analyzeDocument(p, t), t);
    next.flushSync();
    assert.deepStrictEqual(fs.readdirSync(root), [`v${ANALYZER_VERSION + 1}`]);
    assert.ok(new AnalysisCache(root, { version: ANALYZER_VERSION + 1 }).get(p, t));
    assert.strictEqual(new AnalysisCache(root).get(p, t), undefined);
  });

  it('a bucket file carrying another version inside is a miss', () => {
    fill();
    const cache = new AnalysisCache(root);
    const file = bucketOf(cache, DOCS[0][1]);
    const body = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    fs.writeFileSync(file, zlib.gzipSync(body.replace(`"version":"${ANALYZER_VERSION}"`, '"version":"0"')));
    assert.strictEqual(cache.get(...DOCS[0]), undefined);
  });

  it('merges with entries another process wrote meanwhile, and prune() drops the rest', () => {
    const a = new AnalysisCache(root);
    const b = new AnalysisCache(root);
    for (const [p, t] of DOCS) {
      a.get(p, t); // both have read every (empty) bucket
      b.get(p, t);
    }
    const [even, odd] = [DOCS.filter((_, i) => i % 2 === 0), DOCS.filter((_, i) => i % 2 === 1)];
    for (const [p, t] of even) a.put(analyzeDocument(p, t), t);
    for (const [p, t] of odd) b.put(analyzeDocument(p, t), t);
    a.flushSync();
    b.flushSync();
    const c = new AnalysisCache(root);
    for (const [p, t] of DOCS) assert.ok(c.get(p, t), p);
    assert.strictEqual(c.prune(new Set([contentHash(DOCS[0][1])])), DOCS.length - 1);
    c.flushSync();
    const d = new AnalysisCache(root);
    assert.ok(d.get(...DOCS[0]));
    for (const [p, t] of DOCS.slice(1)) assert.strictEqual(d.get(p, t), undefined);
  });

  it('does not cache analyses in which an analyzer failed', () => {
    const [p, t] = DOCS[0];
    const a = analyzeDocument(p, t);
    a.warnings.push(`${p}: entity analysis failed: boom`);
    const cache = new AnalysisCache(root);
    assert.strictEqual(cache.put(a, t), false);
    cache.flushSync();
    assert.strictEqual(new AnalysisCache(root).get(p, t), undefined);
  });

  it('an unusable cache folder gives warnings, not exceptions', async () => {
    const notADir = path.join(root, 'file');
    fs.writeFileSync(notADir, 'x');
    const cache = new AnalysisCache(notADir);
    const [p, t] = DOCS[0];
    assert.strictEqual(cache.get(p, t), undefined);
    cache.put(analyzeDocument(p, t), t);
    cache.flushSync();
    await cache.flush();
    assert.ok(cache.warnings.length >= 1);
    assert.match(cache.warnings[0], /cache: cannot/);
  });

  it('async flush and preload agree with the sync paths', async () => {
    const cache = new AnalysisCache(root);
    for (const [p, t] of DOCS) cache.put(analyzeDocument(p, t), t);
    await cache.flush();
    const again = new AnalysisCache(root);
    await again.preload();
    for (const [p, t] of DOCS) assert.deepStrictEqual(again.get(p, t), analyzeDocument(p, t));
    assert.ok(again.sizeOnDisk() > 0);
  });

  it('lets go of written buckets after a flush, and still finds their entries', async () => {
    const cache = new AnalysisCache(root);
    for (const [p, t] of DOCS) cache.put(analyzeDocument(p, t), t);
    assert.ok(cache.bucketsInMemory > 0);
    await cache.flush();
    assert.strictEqual(cache.bucketsInMemory, 0);
    for (const [p, t] of DOCS) assert.deepStrictEqual(cache.get(p, t), analyzeDocument(p, t));
    assert.ok(cache.bucketsInMemory > 0);
    cache.flushSync();
    assert.strictEqual(cache.bucketsInMemory, 0);
    assert.deepStrictEqual(cache.warnings, []);
  });

  it('keeps every entry stored while flushes are writing, however flushes and stores interleave', async () => {
    const cache = new AnalysisCache(root);
    const texts = Array.from({ length: 600 }, (_, i) => `Note ${i}: Mayor Tomas Ek visited Valmora on Monday.`);
    const store = (t: string) => assert.ok(cache.put(analyzeDocument(`n/${t.slice(5, 9)}.txt`, t), t));
    texts.slice(0, 300).forEach(store);
    // Stores land on every turn of the event loop while flushes (some overlapping) are under way.
    const flushes = [cache.flush()];
    for (let i = 300; i < texts.length; i++) {
      store(texts[i]);
      if (i % 50 === 0) flushes.push(cache.flush());
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(flushes);
    await cache.flush();
    const reread = new AnalysisCache(root);
    await reread.preload();
    const missing = texts.filter((t) => !reread.get('x.txt', t));
    assert.deepStrictEqual(missing, []);
    assert.deepStrictEqual(cache.warnings, []);
  });
});

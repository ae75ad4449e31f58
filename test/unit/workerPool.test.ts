import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeDocument } from '../../src/core/analyze';
import { listFiles, loadFolder, loadFolderAsync } from '../../src/core/folder';
import { exportJson } from '../../src/core/export';
import { AnalysisPool, defaultPoolSize, defaultWorkerScript, PoolError } from '../../src/core/workerPool';
import { repoRoot, sharedCorpus } from './sharedCorpora';
import { tempFolder } from './tempFolder';

// Hand-written articles (invented people and places).
const DOCS: [string, string][] = [
  [
    'a.txt',
    'date 2025-03-12\nDockworkers strike in Valmora\n\nPort director Ingrid Halvorsen said on Monday that talks had failed. Halvorsen blamed the ministry.\n',
  ],
  [
    'b.txt',
    'date 2025-03-14\r\nHalvorsen under pressure\r\n\r\nIngrid Halvorsen met the Northern Dockers Union (NDU) on March 10 in Valmora. The NDU said so.\r\n',
  ],
  ['c.md', '# Notes\n\nNothing here.\n'],
  ['d.txt', ''],
  ['e.txt', 'Café owner Zoë Brandt-Ølund opened in Kraków last Friday, said Mayor Tomas Ek. 🎉 Prices rose 5%.\n'],
];

/** A worker entry that crashes or hangs on magic texts, otherwise behaves like the real one. */
function wrapperScript(dir: string): string {
  const file = path.join(dir, 'testWorker.js');
  fs.writeFileSync(
    file,
    `const { parentPort } = require('worker_threads');
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) =>
  on(event, event !== 'message' ? listener : (m) => {
    if (m.text === '__crash__') process.exit(7);
    if (m.text === '__throw__') throw new Error('boom');
    if (m.text === '__hang__') for (;;) {}
    return listener(m);
  });
require(${JSON.stringify(defaultWorkerScript())});
`,
  );
  return file;
}

describe('AnalysisPool', function () {
  this.timeout(120000);
  let tmp = '';
  tempFolder('dossier-pool-', (dir) => (tmp = dir), 'suite');

  it('finds its worker script beside the compiled module and sizes itself from the cores', () => {
    assert.ok(fs.existsSync(defaultWorkerScript()), defaultWorkerScript());
    assert.ok(defaultPoolSize() >= 1);
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'analysisWorker.js')), 'esbuild did not build dist/analysisWorker.js');
  });

  it('returns exactly what analyzeDocument returns on the same text', async () => {
    const pool = new AnalysisPool({ size: 2 });
    try {
      const docs = [...DOCS];
      const bbc = sharedCorpus('bbc');
      if (bbc) {
        const files = listFiles(bbc).filter((_, i) => i % 150 === 0);
        for (const f of files) docs.push([f, fs.readFileSync(path.join(bbc, f), 'utf8')]);
      }
      const results = await Promise.all(docs.map(([p, t]) => pool.analyze(p, t, ['note'])));
      docs.forEach(([p, t], i) => assert.deepStrictEqual(results[i], analyzeDocument(p, t, ['note']), p));
      assert.strictEqual(pool.stats.completed, docs.length);
    } finally {
      await pool.close();
    }
  });

  it('works from the esbuild bundle too (dist/analysisWorker.js)', async () => {
    const pool = new AnalysisPool({ size: 1, workerScript: path.join(repoRoot, 'dist', 'analysisWorker.js') });
    try {
      const [p, t] = DOCS[1];
      assert.deepStrictEqual(await pool.analyze(p, t), analyzeDocument(p, t));
    } finally {
      await pool.close();
    }
  });

  it('runs its workers at a lower priority when asked (Linux), leaving this thread at its own', async function () {
    if (process.platform !== 'linux') this.skip();
    const own = os.getPriority(0);
    const pool = new AnalysisPool({ size: 2, niceness: 10 });
    try {
      await Promise.all(DOCS.map(([p, t]) => pool.analyze(p, t)));
      assert.deepStrictEqual(pool.workerNiceness, [Math.max(own, 10), Math.max(own, 10)]);
      assert.strictEqual(os.getPriority(0), own, 'the calling thread was reniced too');
    } finally {
      await pool.close();
    }
    const normal = new AnalysisPool({ size: 1 });
    try {
      await normal.analyze(DOCS[0][0], DOCS[0][1]);
      assert.deepStrictEqual(normal.workerNiceness, [], 'no niceness asked, none applied');
    } finally {
      await normal.close();
    }
  });

  it('runs high-priority jobs before queued normal ones, and promote() moves a queued document up', async () => {
    const pool = new AnalysisPool({ size: 1 });
    try {
      const order: string[] = [];
      const text = DOCS[0][1];
      const jobs = ['n1', 'n2', 'n3', 'n4', 'n5'].map((p) => pool.analyze(p, text).then(() => order.push(p)));
      // n1 is already running on the only worker; everything else is queued.
      jobs.push(pool.analyze('h1', text, [], { priority: 'high' }).then(() => order.push('h1')));
      assert.strictEqual(pool.promote('n4'), 1);
      jobs.push(pool.analyze('h2', text, [], { priority: 'high' }).then(() => order.push('h2')));
      await Promise.all(jobs);
      assert.deepStrictEqual(order, ['n1', 'h1', 'n4', 'h2', 'n2', 'n3', 'n5']);
    } finally {
      await pool.close();
    }
  });

  it('a crashing worker rejects only its own job and is replaced', async () => {
    const pool = new AnalysisPool({ size: 2, workerScript: wrapperScript(tmp) });
    try {
      const texts = [DOCS[0][1], '__crash__', DOCS[1][1], DOCS[4][1], '__throw__', DOCS[2][1]];
      const settled = await Promise.allSettled(texts.map((t, i) => pool.analyze(`doc${i}.txt`, t)));
      settled.forEach((s, i) => {
        if (texts[i].startsWith('__')) {
          assert.strictEqual(s.status, 'rejected', `doc${i} should fail`);
          const e = (s as PromiseRejectedResult).reason;
          assert.ok(e instanceof PoolError && e.kind === 'crash', String(e));
          assert.match(e.message, new RegExp(`^doc${i}\\.txt: analysis worker`));
        } else {
          assert.strictEqual(s.status, 'fulfilled', String((s as PromiseRejectedResult).reason));
          assert.deepStrictEqual((s as PromiseFulfilledResult<unknown>).value, analyzeDocument(`doc${i}.txt`, texts[i]));
        }
      });
      assert.strictEqual(pool.stats.crashes, 2);
      // Replacements start when work is waiting, so how many depends on when each crash lands.
      assert.ok(pool.stats.workersStarted >= 3, String(pool.stats.workersStarted));
      // Still serving.
      assert.strictEqual((await pool.analyze('after.txt', DOCS[0][1])).path, 'after.txt');
    } finally {
      await pool.close();
    }
  });

  it('stops a job that runs past its budget and keeps going', async () => {
    const pool = new AnalysisPool({ size: 1, workerScript: wrapperScript(tmp), jobTimeoutMs: 1500 });
    try {
      const hang = pool.analyze('hang.txt', '__hang__');
      const next = pool.analyze('next.txt', DOCS[0][1]);
      next.catch(() => undefined);
      await assert.rejects(hang, (e: PoolError) => e.kind === 'timeout' && /hang\.txt: .*longer than/.test(e.message));
      assert.strictEqual((await next).path, 'next.txt');
    } finally {
      await pool.close();
    }
  });

  it('fails clearly, without respawning forever, when the worker script is missing or broken', async () => {
    assert.throws(() => new AnalysisPool({ workerScript: path.join(tmp, 'nope.js') }), /worker script not found/);
    const broken = path.join(tmp, 'broken.js');
    fs.writeFileSync(broken, 'throw new Error("cannot load");\n');
    const pool = new AnalysisPool({ size: 2, workerScript: broken });
    try {
      const all = await Promise.allSettled([1, 2, 3, 4, 5, 6, 7, 8].map((i) => pool.analyze(`d${i}`, 'text')));
      assert.ok(all.every((s) => s.status === 'rejected'));
      assert.ok(pool.stats.workersStarted <= 4, `started ${pool.stats.workersStarted} workers`);
      await assert.rejects(pool.analyze('later', 'text'), /failed to start/);
    } finally {
      await pool.close();
    }
  });

  it('stops idle workers after idleTimeoutMs and starts new ones on demand', async () => {
    const pool = new AnalysisPool({ size: 1, idleTimeoutMs: 200 });
    try {
      const [p, t] = DOCS[0];
      assert.deepStrictEqual(await pool.analyze(p, t), analyzeDocument(p, t));
      await new Promise((r) => setTimeout(r, 600));
      assert.strictEqual(pool.stats.crashes, 0);
      assert.deepStrictEqual(await pool.analyze(p, t), analyzeDocument(p, t));
      assert.strictEqual(pool.stats.workersStarted, 2);
    } finally {
      await pool.close();
    }
  });

  it('close() rejects queued work and later calls', async () => {
    const pool = new AnalysisPool({ size: 1 });
    const settled = Promise.allSettled([1, 2, 3].map((i) => pool.analyze(`d${i}`, DOCS[0][1])));
    await pool.close();
    assert.ok((await settled).every((s) => s.status === 'rejected'));
    await assert.rejects(pool.analyze('x', 'y'), /closed/);
  });

  it('loadFolderAsync builds the same index as loadFolder, with bad files reported the same way', async () => {
    const dir = path.join(tmp, 'folder');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    for (const [p, t] of DOCS) fs.writeFileSync(path.join(dir, p), t);
    fs.writeFileSync(path.join(dir, 'sub', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    fs.writeFileSync(path.join(dir, 'sub', 'latin1.txt'), Buffer.concat([Buffer.from('Mayor Tomas Ek paid '), Buffer.from([0xa3]), Buffer.from('5.')]));
    const sync = loadFolder(dir);
    for (const jobs of [0, 2]) {
      const progress: number[] = [];
      const r = await loadFolderAsync(dir, { jobs, onProgress: (done) => progress.push(done) });
      assert.deepStrictEqual(r.skipped, sync.skipped);
      assert.deepStrictEqual(r.warnings, sync.warnings);
      assert.strictEqual(exportJson(r.index), exportJson(sync.index));
      assert.strictEqual(r.stats.workers, jobs);
      assert.strictEqual(progress[progress.length - 1], 7);
    }
  });
});

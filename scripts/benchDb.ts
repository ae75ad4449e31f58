// `npm run bench:db`: the team index at scale. Builds a folder of BBC copies (default 45 copies of
// the 2,225 articles, ~100k documents; each copy's files end with a line naming the copy, so
// every hash differs), ingests it with 2 concurrent `dossier index --shard` processes into a fresh
// database, then times `db cluster`, `export --db` and the hover query. Prints numbers only.
// Usage: node out/scripts/benchDb.js [corpus-folder] [--copies N] [--db URL] [--jobs N] [--heap-mb MB] [--no-export]
//        node out/scripts/benchDb.js [corpus-folder] --queries URL   (the query timings only, on a team index built before)
// (db cluster and export --db still hold the whole corpus in memory: --heap-mb is their node heap.)
// Without --db (or DOSSIER_TEST_DATABASE_URL) it starts a throwaway server (scripts/pg-throwaway.sh).
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client, type Pool } from 'pg';
import { documentKey, openDatabase, redactUrl, storedEntityAt, storedTargetAt, teamLocations, teamSources } from '../src/core/db';
import { listFiles } from '../src/core/folder';

const repo = path.join(__dirname, '..', '..');
const cli = path.join(repo, 'dist', 'cli.js');
const now = () => performance.now();
const MB = 1024 * 1024;

/** CPU seconds (user + system) of the children waited for so far (/proc: cutime + cstime). */
function childCpuS(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Heap for the commands that hold the whole corpus (db cluster, export --db): about 25× the text. */
let heapMb = 0;

function runCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const node = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
    const child = spawn('node', [...node, cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8'); // a chunk may end inside a multi-byte character
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`dossier ${args[0]} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Times the hover and F12 queries at random mentions and dates of the corpus "default" (positions
 * drawn up front, off the clock), as an editor whose workspace holds the first copy (c0/) asks them.
 */
async function timeQueries(pool: Pool, files: string[]): Promise<void> {
  // Hovers at random mentions of random documents (the positions drawn up front, off the clock).
  const random = rng(13);
  const sample = await pool.query<{ path: string; start_offset: number; alias_key: string | null }>(
    `SELECT d.path, m.start_offset, m.alias_key FROM mentions m TABLESAMPLE SYSTEM (2) JOIN documents d USING (corpus_id, doc_id) LIMIT 5000`,
  );
  const dates = await pool.query<{ value: string }>(`SELECT value FROM date_mentions TABLESAMPLE SYSTEM (2) WHERE value IS NOT NULL LIMIT 2000`);
  const positions = sample.rows;
  const keyed = positions.filter((x) => x.alias_key);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  // What an editor whose workspace holds one copy of BBC leaves out of its team-index questions.
  const workspace = files.map((rel) => documentKey(`c0/${rel}`));
  const timed = async (what: string, n: number, ask: () => Promise<unknown>) => {
    if (!positions.length) return;
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = now();
      await ask();
      ms.push(now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`${what}, ${ms.length} queries: p50 ${percentile(ms, 50).toFixed(2)} ms, p99 ${percentile(ms, 99).toFixed(2)} ms`);
  };
  await timed('hover query (entity + 8 sources)', 1000, () => {
    const p = pick(positions);
    return storedEntityAt(pool, 'default', p.path, p.start_offset + 1);
  });
  await timed(`editor hover, entity (8 sources outside a ${workspace.length}-document workspace)`, 1000, () => {
    const p = pick(keyed);
    return teamSources(pool, 'default', { kind: 'entity', aliasKey: p.alias_key! }, { exclude: workspace, limit: 8 });
  });
  await timed(`editor hover, date (8 sources outside the workspace)`, 500, () =>
    teamSources(pool, 'default', { kind: 'date', value: pick(dates.rows).value }, { exclude: workspace, limit: 8 }),
  );
  await timed('editor hover inside a dossier: document (target at the offset)', 500, () => {
    const p = pick(positions);
    return storedTargetAt(pool, 'default', p.path, p.start_offset + 1);
  });
  await timed('editor F12 (first mention per document, at most 200 documents)', 300, () => {
    const p = pick(keyed);
    return teamLocations(pool, 'default', { kind: 'entity', aliasKey: p.alias_key! }, { exclude: workspace, limit: 200, firstOnly: true });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
  const source = path.resolve(positional[0] ?? path.join(repo, '..', 'shared', 'corpora', 'bbc'));
  const copies = Number(opt('--copies') ?? 45);
  const jobs = opt('--jobs') ?? '1';
  heapMb = Number(opt('--heap-mb') ?? 12288);
  if (!fs.existsSync(source)) throw new Error(`corpus not found: ${source}`);
  // --queries URL: only time the editor's queries against a team index built by an earlier run.
  const existing = opt('--queries');
  if (existing) {
    const pool = openDatabase(existing);
    try {
      const n = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM documents');
      console.log(`bench:db queries on ${redactUrl(existing)}: ${n.rows[0].n} documents`);
      await timeQueries(pool, listFiles(source));
    } finally {
      await pool.end();
    }
    return;
  }

  let server = opt('--db') ?? process.env.DOSSIER_TEST_DATABASE_URL;
  let throwaway: string | undefined;
  if (!server) {
    const started = spawnSync(path.join(repo, 'scripts', 'pg-throwaway.sh'), ['start'], { encoding: 'utf8' });
    if (started.status !== 0) throw new Error(`cannot start a throwaway server: ${started.stderr}`);
    throwaway = /PG_THROWAWAY_DIR=(\S+)/.exec(started.stdout)![1];
    server = /DOSSIER_TEST_DATABASE_URL=(\S+)/.exec(started.stdout)![1];
  }
  const name = `dossier_bench_${process.pid}`;
  const url = new URL(server);
  url.pathname = '/' + name;
  const db = url.toString();
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-db-'));
  try {
    const files = listFiles(source);
    let bytes = 0;
    for (let c = 0; c < copies; c++) {
      for (const rel of files) {
        const to = path.join(folder, `c${c}`, rel);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        const text = Buffer.concat([fs.readFileSync(path.join(source, rel)), Buffer.from(`\nCopy ${c}.\n`)]);
        fs.writeFileSync(to, text);
        bytes += text.length;
      }
    }
    const docs = files.length * copies;
    console.log(`bench:db: ${docs} documents (${copies} × ${files.length} from ${source}), ${(bytes / MB).toFixed(1)} MB, server ${redactUrl(server)}`);
    await admin(`CREATE DATABASE ${name}`);
    await runCli(['db', 'migrate', '--db', db]);

    // Each phase: wall time, and CPU time of the dossier processes (steadier on a shared machine).
    const phase = async <T>(run: () => Promise<T>): Promise<{ s: number; cpu: number; value: T }> => {
      const t0 = now();
      const c0 = childCpuS();
      const value = await run();
      return { s: (now() - t0) / 1000, cpu: childCpuS() - c0, value };
    };
    const ingest = await phase(() => Promise.all(['0/2', '1/2'].map((s) => runCli(['index', folder, '--db', db, '--shard', s, '--jobs', jobs]))));
    console.log(`ingest, 2 concurrent shards (--jobs ${jobs} each): ${ingest.s.toFixed(1)} s (CPU ${ingest.cpu.toFixed(0)} s), ${(docs / ingest.s).toFixed(0)} documents/s`);

    const rerun = await phase(() => runCli(['index', folder, '--db', db]));
    console.log(`re-run, nothing changed: ${rerun.s.toFixed(1)} s (CPU ${rerun.cpu.toFixed(1)} s)`);

    const pool = openDatabase(db);
    try {
      const size = await pool.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b');
      console.log(`database size: ${(Number(size.rows[0].b) / MB).toFixed(0)} MB (${(Number(size.rows[0].b) / bytes).toFixed(1)}× the text)`);

      const cluster = await phase(() => runCli(['db', 'cluster', '--db', db]));
      console.log(`db cluster: ${cluster.s.toFixed(1)} s (CPU ${cluster.cpu.toFixed(0)} s)`);
      const again = await phase(() => runCli(['db', 'cluster', '--db', db]));
      console.log(`db cluster again, nothing changed: ${again.s.toFixed(1)} s (CPU ${again.cpu.toFixed(0)} s)`);

      if (!argv.includes('--no-export')) {
        const out = path.join(folder, 'export.json');
        const exported = await phase(() => runCli(['export', '--db', db, '--out', out]));
        console.log(`export --db (json): ${exported.s.toFixed(1)} s (CPU ${exported.cpu.toFixed(0)} s), ${(fs.statSync(out).size / MB).toFixed(0)} MB`);
        fs.rmSync(out, { force: true });
      }

      await timeQueries(pool, files);
    } finally {
      await pool.end();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    if (throwaway) spawnSync(path.join(repo, 'scripts', 'pg-throwaway.sh'), ['stop', throwaway]);
  }
}

main().catch((e) => {
  console.error(`bench:db: ${(e as Error).message}`);
  process.exitCode = 1;
});

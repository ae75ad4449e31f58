// `npm run bench`: speed and scale of the analysis on a real corpus (default ../shared/corpora/bbc).
// Prints numbers only; asserts nothing. Usage:
//   node out/scripts/bench.js [corpus-folder] [--jobs N] [--baseline-every K | --baseline-all] [--quick] [--large] [--size-only]
// - Cold: loadFolderAsync with the worker pool (pool startup included) and a fresh cache folder,
//   until the index is ready (aliases resolved).
// - Baseline, in a child process (single thread, so it neither competes with nor inflates the
//   numbers of the main process): plain compromise nlp(text) + people/places/organizations on
//   every K-th file of the same corpus (default every 3rd; --baseline-all for all of them), after
//   our own analyzer stage by stage on every file (dates vs entities vs the rest).
// - Warm: loadFolderAsync again on the cache written by the cold run, until the index is ready, in
//   a fresh process as when a window reopens (the figure), then once more in this process.
// - Edit: CorpusIndex.update of one ~5 KB document after a small edit + an entityAt query.
// - Hover: entityAt + dateAt + firstMentionPerDocument + references at 1,000 random positions.
// - Size (benchSize.ts): BBC×1, ×2, ×4 — with --large also ~100 MB of BBC copies — each through the
//   CLI (wall, CPU, peak RSS) and in process (heap once ready and after an export), with the ratio
//   per doubling; then BBC×4 through the CLI with --jobs 0 and with the pool. --size-only runs
//   only this part.
import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisCache } from '../src/core/analysisCache';
import { contentHash } from '../src/core/hash';
import { CorpusIndex } from '../src/core/corpusIndex';
import { decodeDocument } from '../src/core/document';
import { listFiles, loadFolderAsync } from '../src/core/folder';
import { AnalysisPool, defaultPoolSize } from '../src/core/workerPool';
import { benchJobs, benchSizes, SizeRow } from './benchSize';

const MB = 1024 * 1024;

interface ChildRequest {
  root: string;
  files: string[];
  baselineFiles: string[];
}
interface ChildResult {
  baseline: { bytes: number; words: number; ms: number; mentions: number; files: number };
  stages: { bytes: number; ms: Record<string, number> };
}

const words = (t: string) => (t.match(/\S+/g) ?? []).length;
const now = () => performance.now();
const fmt = (n: number, d = 2) => n.toFixed(d);

function readText(root: string, rel: string): string | undefined {
  const d = decodeDocument(fs.readFileSync(path.join(root, rel)), rel);
  return d.text;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Child: compromise baseline + our per-stage timings, single thread.

async function child(): Promise<void> {
  const req = await new Promise<ChildRequest>((resolve) => process.once('message', (m) => resolve(m as ChildRequest)));
  // Loaded here so that the parent never loads compromise's tagger.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const nlp = require('compromise') as typeof import('compromise').default;
  const { analyzeDates } = require('../src/core/dates') as typeof import('../src/core/dates');
  const { findEntityMentions } = require('../src/core/entities') as typeof import('../src/core/entities');
  const { computeLineStarts, splitSentences } = require('../src/core/text') as typeof import('../src/core/text');

  // Warm-ups (lexicons, lazy tables) are excluded from both measurements.
  findEntityMentions('Warm up, said John Smith in London.');
  analyzeDates('date 2020-01-01\nWarm up on Monday.');

  // Our stages first, so that compromise's own warm-up (the baseline) does not flatter them.
  const ms: Record<string, number> = { dates: 0, entities: 0, sentences: 0, lineStarts: 0, hash: 0 };
  let bytes = 0;
  for (const rel of req.files) {
    const text = readText(req.root, rel);
    if (text === undefined) continue;
    bytes += Buffer.byteLength(text);
    let t = now();
    analyzeDates(text);
    ms.dates += now() - t;
    t = now();
    findEntityMentions(text);
    ms.entities += now() - t;
    t = now();
    splitSentences(text);
    ms.sentences += now() - t;
    t = now();
    computeLineStarts(text);
    ms.lineStarts += now() - t;
    t = now();
    contentHash(text);
    ms.hash += now() - t;
  }
  nlp('Warm up, said John Smith in London.').people();
  const baseline = { bytes: 0, words: 0, ms: 0, mentions: 0, files: 0 };
  for (const rel of req.baselineFiles) {
    const text = readText(req.root, rel);
    if (text === undefined) continue;
    const t0 = now();
    const doc = nlp(text);
    const n = doc.people().length + doc.places().length + doc.organizations().length;
    baseline.ms += now() - t0;
    baseline.bytes += Buffer.byteLength(text);
    baseline.words += words(text);
    baseline.mentions += n;
    baseline.files++;
  }

  const result: ChildResult = { baseline, stages: { bytes, ms } };
  process.send!(result, () => process.exit(0));
}

function runChild(req: ChildRequest): { proc: ChildProcess; done: Promise<ChildResult> } {
  const proc = fork(__filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const done = new Promise<ChildResult>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as ChildResult));
    proc.once('exit', (code) => reject(new Error(`baseline child exited with ${code}`)));
  });
  proc.send(req);
  return { proc, done };
}

// ---------------------------------------------------------------------------------------------
// Warm-start child: what reopening a window does, in a fresh process (this one still holds the
// cold index, whose heap would slow the collector and flatter nothing).

interface WarmResult {
  loadMs: number;
  /** Part of loadMs: adopting the clustering saved with the cache (or resolving, if it did not fit). */
  aliasesMs: number;
  adopted: boolean;
  resolveMs: number;
  documents: number;
  hits: number;
}

async function warmChild(): Promise<void> {
  const { root, cacheDir, jobs } = await new Promise<{ root: string; cacheDir: string; jobs?: number }>((resolve) =>
    process.once('message', (m) => resolve(m as { root: string; cacheDir: string; jobs?: number })),
  );
  const t0 = now();
  const warm = await loadFolderAsync(root, { jobs, cache: cacheDir });
  const t1 = now();
  warm.index.entities();
  const result: WarmResult = {
    loadMs: t1 - t0,
    aliasesMs: warm.stats.ms.aliases,
    adopted: warm.index.clusteringStats.full === 0,
    resolveMs: now() - t1,
    documents: warm.index.size,
    hits: warm.stats.cacheHits,
  };
  process.send!(result, () => process.exit(0));
}

function warmStartInFreshProcess(root: string, cacheDir: string, jobs: number | undefined): Promise<WarmResult> {
  const proc = fork(__filename, ['--warm-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const done = new Promise<WarmResult>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as WarmResult));
    proc.once('exit', (code) => reject(new Error(`warm-start child exited with ${code}`)));
  });
  proc.send({ root, cacheDir, jobs });
  return done;
}

async function coldLoad(root: string, jobs: number | undefined, cacheDir: string) {
  const c0 = process.cpuUsage();
  const t0 = now();
  const r = await loadFolderAsync(root, { jobs, cache: cacheDir });
  const tLoaded = now();
  r.index.entities();
  const tReady = now();
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  return { r, loadMs: tLoaded - t0, resolveMs: tReady - tLoaded, totalMs: tReady - t0, cpuMs };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string) => argv.includes(name);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--jobs', '--baseline-every'].includes(argv[i - 1])));
  const root = path.resolve(positional[0] ?? path.join(__dirname, '..', '..', '..', 'shared', 'corpora', 'bbc'));
  if (!fs.existsSync(root)) {
    console.error(`bench: corpus not found: ${root}`);
    process.exitCode = 2;
    return;
  }
  const jobs = opt('--jobs') !== undefined ? Number(opt('--jobs')) : undefined;
  const every = flag('--baseline-all') ? 1 : Number(opt('--baseline-every') ?? 3);
  const quick = flag('--quick');
  const large = flag('--large');
  if (flag('--size-only')) {
    await benchSizes(root, { jobs, large, heap: true });
    benchJobs(root, jobs ?? defaultPoolSize());
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  const cacheDir = path.join(tmp, 'cache');

  const files = listFiles(root);
  let bytes = 0;
  let wordCount = 0;
  for (const rel of files) {
    const buf = fs.readFileSync(path.join(root, rel));
    bytes += buf.length;
    const t = decodeDocument(buf, rel).text;
    if (t) wordCount += words(t);
  }
  console.log(`bench: ${root}`);
  console.log(
    `corpus: ${files.length} files, ${fmt(bytes / MB)} MB, ${wordCount} words; ` +
      `machine: ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? '?'}), load avg ${os.loadavg().map((l) => fmt(l, 1)).join(' ')}; ` +
      `node ${process.version}; pool size ${jobs ?? defaultPoolSize()}`,
  );

  // 1. Cold, with the pool and a fresh cache.
  const cold = await coldLoad(root, jobs, cacheDir);
  const coldMbS = bytes / MB / (cold.totalMs / 1000);
  const cache = new AnalysisCache(cacheDir);
  console.log(
    `cold:  ${fmt(cold.totalMs / 1000)} s to a ready index = ${fmt(coldMbS, 3)} MB/s, ${Math.round(wordCount / (cold.totalMs / 1000))} words/s ` +
      `(read+analyze ${fmt(cold.r.stats.ms.analysis / 1000)} s, cache write ${fmt(cold.r.stats.ms.cacheFlush / 1000)} s, ` +
      `alias resolution ${fmt((cold.r.stats.ms.aliases + cold.resolveMs) / 1000)} s (saved with the cache); ${cold.r.stats.analyzed} analyzed on ${cold.r.stats.workers} workers, ` +
      `${cold.r.index.entities().length} entities)`,
  );
  console.log(
    `       CPU ${fmt(cold.cpuMs / 1000)} s over all threads = ${fmt(cold.cpuMs / cold.totalMs)} of ${os.cpus().length} cores on average ` +
      `(the rest went to other processes on this shared machine); at full use of ${jobs ?? defaultPoolSize()} cores that is ` +
      `${fmt(bytes / MB / (cold.cpuMs / 1000 / (jobs ?? defaultPoolSize())), 3)} MB/s`,
  );
  console.log(`cache: ${fmt(cache.sizeOnDisk() / MB)} MB on disk in ${cache.dir}`);

  // 2. Warm start from the cache: in a fresh process (the figure), then here for the queries below.
  const fresh = await warmStartInFreshProcess(root, cacheDir, jobs);
  const warmMs = fresh.loadMs + fresh.resolveMs;
  console.log(
    `warm:  ${fmt(warmMs / 1000, 3)} s to a ready index in a fresh process (load ${fmt(fresh.loadMs / 1000, 3)} s, of which aliases ` +
      `${fresh.adopted ? 'adopted from the cache' : 'resolved again'} ${fmt(fresh.aliasesMs / 1000, 3)} s, + entity list ` +
      `${fmt(fresh.resolveMs / 1000, 3)} s; ${fresh.hits}/${fresh.documents} cache hits)`,
  );
  const tw = now();
  const warm = await loadFolderAsync(root, { jobs, cache: cacheDir });
  const tWarmLoaded = now();
  warm.index.entities();
  console.log(
    `       ${fmt((now() - tw) / 1000, 3)} s again in this process, beside the cold index (load ${fmt((tWarmLoaded - tw) / 1000, 3)} s + entity list ` +
      `${fmt((now() - tWarmLoaded) / 1000, 3)} s; ${warm.stats.cacheHits}/${warm.index.size} cache hits, ` +
      `${warm.stats.analyzed} analyzed)`,
  );
  const index = warm.index;

  // 3. Hover / definition / references at 1,000 random positions (half inside entity mentions).
  const paths = index.paths();
  const rand = rng(12345);
  const lat: number[] = [];
  let onEntity = 0;
  for (let i = 0; i < 1000; i++) {
    const p = paths[Math.floor(rand() * paths.length)];
    const len = index.text(p)!.length;
    let offset = Math.floor(rand() * (len + 1));
    if (i % 2 === 1) {
      const ms = index.mentionsIn(p);
      if (ms.length) offset = ms[Math.floor(rand() * ms.length)].mention.start + 1;
    }
    const t0 = now();
    const hit = index.entityAt(p, offset);
    index.dateAt(p, offset);
    if (hit) {
      index.firstMentionPerDocument(hit.entity.id);
      index.references(hit.entity.id);
      onEntity++;
    }
    lat.push(now() - t0);
  }
  lat.sort((a, b) => a - b);
  const hoverP99 = percentile(lat, 99);
  console.log(
    `hover: p50 ${fmt(percentile(lat, 50), 3)} ms, p99 ${fmt(hoverP99, 3)} ms, max ${fmt(lat[lat.length - 1], 3)} ms ` +
      `(entityAt + dateAt + firstMentionPerDocument + references; ${onEntity}/1000 positions on an entity)`,
  );
  const rssIndexMb = process.resourceUsage().maxRSS / 1024;
  const mem = process.memoryUsage();
  console.log(
    `rss:   peak ${fmt(rssIndexMb, 0)} MB so far (cold pool + warm index; heap used now ${fmt(mem.heapUsed / MB, 0)} MB, rss now ${fmt(mem.rss / MB, 0)} MB)`,
  );

  // 4. Edit one ~5 KB document: CorpusIndex.update + entityAt until the index answers again.
  let editPath = paths[0];
  for (const p of paths) if (Math.abs(index.text(p)!.length - 5000) < Math.abs(index.text(editPath)!.length - 5000)) editPath = p;
  const original = index.text(editPath)!;
  const editTimes: number[] = [];
  const analyzeTimes: number[] = [];
  const resolveTimes: number[] = [];
  const rounds = quick ? 3 : 7;
  for (let i = 0; i < rounds + 1; i++) {
    const at = original.indexOf('. ', Math.floor(original.length / 2)) + 2 || original.length;
    const edited = `${original.slice(0, at)}Analyst Petra Lindqvist${i} of the Harbour Council said so. ${original.slice(at)}`;
    const t0 = now();
    const ta = now();
    index.update(editPath, edited);
    const tu = now();
    const hit = index.entityAt(editPath, at + 10);
    const t1 = now();
    if (i > 0) {
      // round 0 warms this process's analyzer (lexicon load); the extension's workers are warm.
      editTimes.push(t1 - t0);
      analyzeTimes.push(tu - ta);
      resolveTimes.push(t1 - tu);
    }
    if (i === rounds && !hit) console.log(`edit: warning: no entity found at the inserted name`);
  }
  index.update(editPath, original);
  const med = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const editMs = med(editTimes);
  // The extension's path: analysis in a warm worker, then set + query.
  const pool = new AnalysisPool({ size: 1 });
  await pool.analyze(editPath, original);
  const poolTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const at = original.indexOf('. ', Math.floor(original.length / 2)) + 2 || original.length;
    const edited = `${original.slice(0, at)}Analyst Petra Lindqvist${i} said so. ${original.slice(at)}`;
    const t0 = now();
    index.set(await pool.analyze(editPath, edited), edited);
    index.entityAt(editPath, at + 10);
    poolTimes.push(now() - t0);
  }
  await pool.close();
  index.update(editPath, original);
  console.log(
    `edit:  ${fmt(editMs, 1)} ms median over ${rounds} edits of ${editPath} (${original.length} chars): analyzeDocument ` +
      `${fmt(med(analyzeTimes), 1)} ms + alias re-resolution of the whole corpus on the next query ${fmt(med(resolveTimes), 1)} ms; ` +
      `via a warm worker: ${fmt(med(poolTimes), 1)} ms`,
  );

  // 5. Baseline + stage timings in a child process (single thread), while the parent idles.
  const baselineFiles = files.filter((_, i) => i % every === 0);
  const tc = now();
  const { done } = runChild({ root, files: quick ? baselineFiles : files, baselineFiles });
  const child = await done;
  const b = child.baseline;
  const compromiseMbS = b.bytes / MB / (b.ms / 1000);
  const stageTotal = Object.values(child.stages.ms).reduce((a, x) => a + x, 0);
  const oursSingleMbS = child.stages.bytes / MB / (stageTotal / 1000);
  console.log(
    `compromise: ${fmt(compromiseMbS, 3)} MB/s, ${Math.round(b.words / (b.ms / 1000))} words/s single thread ` +
      `(nlp(text) + people/places/organizations on ${b.files} files (${every === 1 ? 'all of them' : `1 in ${every}`}), ${fmt(b.bytes / MB)} MB, ` +
      `${b.mentions} mentions, ${fmt(b.ms / 1000, 1)} s)`,
  );
  const ratio = coldMbS / compromiseMbS;
  console.log(
    `ratio: ${fmt(ratio, 1)}x (our cold pool throughput / compromise single thread); per thread: ours ${fmt(oursSingleMbS, 3)} MB/s = ` +
      `${fmt(oursSingleMbS / compromiseMbS, 1)}x compromise`,
  );
  console.log(
    `stages (single thread, ${fmt(child.stages.bytes / MB)} MB): ` +
      Object.entries(child.stages.ms)
        .map(([k, v]) => `${k} ${fmt(v / 1000)} s (${fmt((100 * v) / stageTotal, 0)}%)`)
        .join(', ') +
      `; child total ${fmt((now() - tc) / 1000, 1)} s`,
  );

  // 6. Size: BBC×1, ×2, ×4 (and ~100 MB with --large) through the CLI and in process; the second core.
  const sizes = quick ? [] : await benchSizes(root, { jobs, large, heap: true });
  const ratioOf = (a?: SizeRow, b?: SizeRow) => (a && b ? b.cli.wallS / a.cli.wallS : NaN);
  const scale = ratioOf(sizes[0], sizes[1]);
  const scale4 = ratioOf(sizes[1], sizes[2]);
  const x4 = sizes[2];
  const jobsRun = quick ? undefined : benchJobs(root, jobs ?? defaultPoolSize());
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`rss:   peak ${fmt(peak, 0)} MB over the whole run of this process; load avg now ${os.loadavg().map((l) => fmt(l, 1)).join(' ')}`);
  fs.rmSync(tmp, { recursive: true, force: true });

  console.log(
    `bench: cold_mb_s=${fmt(coldMbS, 3)} ratio_vs_compromise=${fmt(ratio, 1)} warm_s=${fmt(warmMs / 1000, 3)} edit_ms=${fmt(editMs, 1)} ` +
      `hover_p99_ms=${fmt(hoverP99, 3)} rss_mb=${fmt(rssIndexMb, 0)} scale_2x=${fmt(scale)} scale_4x=${fmt(scale4)} ` +
      `x4_cli_rss_mb=${fmt(x4?.cli.peakRssMb ?? NaN, 0)} x4_heap_mb=${fmt(x4?.heap?.heapReadyMb ?? NaN, 0)} ` +
      `x4_jobs_speedup=${fmt(jobsRun ? jobsRun.serial.wallS / jobsRun.pooled.wallS : NaN)}` +
      (sizes[3] ? ` large_cli_rss_mb=${fmt(sizes[3].cli.peakRssMb, 0)} large_s=${fmt(sizes[3].cli.wallS, 1)}` : ''),
  );
}

if (process.argv.includes('--warm-child')) {
  warmChild().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if (process.argv.includes('--child')) {
  child().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

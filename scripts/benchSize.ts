// The size part of `npm run bench`: BBC×1, ×2, ×4 (and with --large a ~100 MB folder made of BBC
// copies), each measured twice, each time in a fresh process:
// - the CLI, as a user runs it: `node dist/cli.js export <folder> --format json` to /dev/null,
//   under /usr/bin/time (wall time, CPU time of all threads, peak RSS);
// - the index in process: loadFolderAsync (worker pool, no cache) until entities and timeline are
//   ready, then a full JSON export served to nowhere; heap used after a GC at both points.
// The copies of a corpus differ by a marker line appended to each file (so their hashes, cache
// keys and documents differ); the folders are built once under the system's temp folder and kept
// for later runs.
import { spawnSync, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportJsonChunks } from '../src/core/export';
import { listFiles, loadFolderAsync } from '../src/core/folder';
import { contentHash } from '../src/core/hash';

const MB = 1024 * 1024;
const fmt = (n: number, d = 2) => n.toFixed(d);

export interface CliRun {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  exitCode: number;
}

export interface HeapRun {
  wallS: number;
  cpuS: number;
  /** Heap used after a GC once entities and timeline are ready. */
  heapReadyMb: number;
  /** Heap used after a GC once a whole export was served (every mention materialised). */
  heapExportedMb: number;
  peakRssMb: number;
  documents: number;
  entities: number;
  /** Size of the export served, in MB of UTF-16 characters (to see it was whole). */
  exportMb: number;
}

/**
 * A folder of `copies` copies of root (c00/, c01/, …), every file of copy i ending in its own
 * marker line; built once (a `.complete` file marks it done) under the system's temp folder.
 */
export function copiesFolder(root: string, copies: number): { dir: string; files: number; bytes: number } {
  const files = listFiles(root);
  const id = contentHash(`${path.resolve(root)}\n${files.length}\n${copies}`).slice(0, 12);
  const dir = path.join(os.tmpdir(), `dossier-bench-${path.basename(root)}-x${copies}-${id}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) {
    const { files: n, bytes } = JSON.parse(fs.readFileSync(done, 'utf8')) as { files: number; bytes: number };
    return { dir, files: n, bytes };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < copies; i++) {
    const copy = `c${String(i).padStart(2, '0')}`;
    for (const rel of files) {
      const buf = fs.readFileSync(path.join(root, rel));
      // Copy 0 is the corpus as it is; the others end in a line that only changes the hash.
      const out = i === 0 ? buf : Buffer.concat([buf, Buffer.from(`\n\ncopy ${i}\n`)]);
      const dest = path.join(dir, copy, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, out);
      bytes += out.length;
    }
  }
  fs.writeFileSync(done, JSON.stringify({ files: files.length * copies, bytes }));
  return { dir, files: files.length * copies, bytes };
}

/** How many copies of root make about `targetMb` of text. */
export function copiesForSize(root: string, targetMb: number): number {
  let bytes = 0;
  for (const rel of listFiles(root)) bytes += fs.statSync(path.join(root, rel)).size;
  return Math.max(1, Math.round((targetMb * MB) / bytes));
}

/** The CLI's export of folder to /dev/null under /usr/bin/time. */
export function runCli(folder: string, jobs: number | undefined): CliRun {
  const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  const timeFile = path.join(os.tmpdir(), `dossier-bench-time-${process.pid}.txt`);
  const args = ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, cli, 'export', folder, '--format', 'json'];
  if (jobs !== undefined) args.push('--jobs', String(jobs));
  const r = spawnSync('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MB });
  const [wall, user, sys, rssKb] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(timeFile, { force: true });
  if (r.status !== 0) process.stderr.write(`bench: the CLI exited with ${r.status}: ${r.stderr.toString().slice(-500)}\n`);
  return { wallS: wall, cpuS: user + sys, peakRssMb: rssKb / 1024, exitCode: r.status ?? -1 };
}

/** The index in a fresh process (heapChild below). */
export function runHeap(folder: string, jobs: number | undefined): Promise<HeapRun> {
  const proc = fork(__filename, ['--heap-child'], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<HeapRun>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as HeapRun));
    proc.once('exit', (code) => reject(new Error(`heap child exited with ${code}`)));
    proc.send({ folder, jobs });
  });
}

async function heapChild(): Promise<void> {
  const { folder, jobs } = await new Promise<{ folder: string; jobs?: number }>((resolve) => process.once('message', (m) => resolve(m as { folder: string; jobs?: number })));
  const gc = (globalThis as { gc?: () => void }).gc!;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed / MB;
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { index } = await loadFolderAsync(folder, { jobs });
  const entities = index.entities().length;
  index.timeline();
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const heapReadyMb = heap();
  let chars = 0;
  for (const chunk of exportJsonChunks(index)) chars += chunk.length;
  const heapExportedMb = heap();
  const result: HeapRun = {
    wallS,
    cpuS: (c.user + c.system) / 1e6,
    heapReadyMb,
    heapExportedMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    documents: index.size,
    entities,
    exportMb: chars / MB,
  };
  process.send!(result, () => process.exit(0));
}

export interface SizeRow {
  label: string;
  copies: number;
  files: number;
  mb: number;
  cli: CliRun;
  heap?: HeapRun;
}

/** One line per size, then the ratios per doubling; returns the rows for the summary line. */
export async function benchSizes(root: string, options: { jobs?: number; large: boolean; heap: boolean }): Promise<SizeRow[]> {
  const sizes: { label: string; copies: number }[] = [
    { label: 'BBC×1', copies: 1 },
    { label: 'BBC×2', copies: 2 },
    { label: 'BBC×4', copies: 4 },
  ];
  if (options.large) {
    const copies = copiesForSize(root, 100);
    sizes.push({ label: `${copies}×BBC (~100 MB)`, copies });
  }
  const rows: SizeRow[] = [];
  for (const { label, copies } of sizes) {
    const folder = copies === 1 ? { dir: root, ...countFolder(root) } : copiesFolder(root, copies);
    const cli = runCli(folder.dir, options.jobs);
    const heap = options.heap ? await runHeap(folder.dir, options.jobs) : undefined;
    const row: SizeRow = { label, copies, files: folder.files, mb: folder.bytes / MB, cli, heap };
    rows.push(row);
    console.log(
      `size:  ${label}: ${row.files} files, ${fmt(row.mb, 1)} MB; CLI export ${fmt(cli.wallS, 1)} s, CPU ${fmt(cli.cpuS, 1)} s, ` +
        `peak RSS ${fmt(cli.peakRssMb, 0)} MB${cli.exitCode ? ` (exit ${cli.exitCode})` : ''}` +
        (heap
          ? `; in process: ${fmt(heap.wallS, 1)} s to a ready index, CPU ${fmt(heap.cpuS, 1)} s, heap ${fmt(heap.heapReadyMb, 0)} MB ready, ` +
            `${fmt(heap.heapExportedMb, 0)} MB after an export, peak RSS ${fmt(heap.peakRssMb, 0)} MB (${heap.documents} docs, ${heap.entities} entities, export ${fmt(heap.exportMb, 1)} M chars)`
          : ''),
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const doublings = Math.log2(b.copies / a.copies);
    const per = (x: number, y: number) => fmt(Math.pow(y / x, 1 / doublings));
    console.log(
      `scale: ${b.label} / ${a.label}, per doubling: CLI time ×${per(a.cli.wallS, b.cli.wallS)}, CPU ×${per(a.cli.cpuS, b.cli.cpuS)}, ` +
        `peak RSS ×${per(a.cli.peakRssMb, b.cli.peakRssMb)}` +
        (a.heap && b.heap ? `, heap ×${per(a.heap.heapReadyMb, b.heap.heapReadyMb)}` : ''),
    );
  }
  return rows;
}

/**
 * Cold CLI export of BBC×4 with --jobs 0 and --jobs N, alternately `rounds` times each; the best
 * of each counts (on a machine others share, the best run is the one least slowed by them).
 */
export function benchJobs(root: string, jobs: number, rounds = 2): { serial: CliRun; pooled: CliRun } {
  const folder = copiesFolder(root, 4);
  const serialRuns: CliRun[] = [];
  const pooledRuns: CliRun[] = [];
  for (let i = 0; i < rounds; i++) {
    serialRuns.push(runCli(folder.dir, 0));
    pooledRuns.push(runCli(folder.dir, jobs));
  }
  const best = (runs: CliRun[]) => runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
  const serial = best(serialRuns);
  const pooled = best(pooledRuns);
  const walls = (runs: CliRun[]) => runs.map((r) => fmt(r.wallS, 1)).join(', ');
  console.log(
    `jobs:  BBC×4 CLI export, best of ${rounds}: --jobs 0 ${fmt(serial.wallS, 1)} s (CPU ${fmt(serial.cpuS, 1)} s, ${fmt(serial.peakRssMb, 0)} MB) vs ` +
      `--jobs ${jobs} ${fmt(pooled.wallS, 1)} s (CPU ${fmt(pooled.cpuS, 1)} s, ${fmt(pooled.peakRssMb, 0)} MB) = ${fmt(serial.wallS / pooled.wallS)}× faster ` +
      `(all runs: ${walls(serialRuns)} s vs ${walls(pooledRuns)} s)`,
  );
  return { serial, pooled };
}

function countFolder(root: string): { files: number; bytes: number } {
  const files = listFiles(root);
  let bytes = 0;
  for (const rel of files) bytes += fs.statSync(path.join(root, rel)).size;
  return { files: files.length, bytes };
}

if (process.argv.includes('--heap-child')) {
  heapChild().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

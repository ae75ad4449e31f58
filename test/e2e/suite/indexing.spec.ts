// Indexing off the extension host's thread: a larger copy of the workspace (the seeds ×20 or
// more, each copy with its own content) is indexed by the worker pool while a timer probe
// records how long the extension host's event loop was ever blocked and a hover is asked for
// every 200 ms, as a reader would, with the Dossier sidebar open. Figures are printed (one
// `editor:` line sums them up against the CLI's cold export of the same folder), not asserted
// beyond a generous sanity bound; the warm rebuild must come from the cache.
// DOSSIER_E2E_BBC=1 (or a folder) adds a copy of ../shared/corpora/bbc for a BBC-sized run.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as inspector from 'inspector';
import { PerformanceObserver } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import { AnalysisCache } from '../../../src/core/analysisCache';
import type { DossierApi } from '../../../src/extension';
import { activeApi, basename, eventually, EXTENSION_ID } from './helpers';

/** The q-quantile (0..1) of the values, nearest rank; 0 for none. */
function quantile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Records how late a 5 ms timer fired, every time: how long the event loop was blocked. */
class LagProbe {
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  /** Every lateness seen, ms (one per timer tick). */
  readonly lags: number[] = [];
  /** CPU time of the whole extension host process (its worker threads included) since start(). */
  cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  private cpuStart: NodeJS.CpuUsage | undefined;
  max = 0;
  over50 = 0;
  /** Stalls over 50 ms: [ms since start, lag]. */
  stalls: [number, number][] = [];
  /** The same stalls on the monotonic clock CPU profiles use: [µs at which the stall began, lag ms]. */
  stallsMonotonic: [number, number][] = [];
  private t0 = 0;
  private gc: PerformanceObserver | undefined;
  /** Longest garbage-collection pause seen meanwhile (the probe cannot tell it from our own work). */
  maxGc = 0;
  start(): this {
    this.gc = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.maxGc = Math.max(this.maxGc, e.duration);
    });
    this.gc.observe({ entryTypes: ['gc'] });
    this.cpuStart = process.cpuUsage();
    this.last = this.t0 = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const lag = Math.max(0, now - this.last - 5);
      this.lags.push(lag);
      if (lag > this.max) this.max = lag;
      if (lag > 50) {
        this.over50++;
        this.stalls.push([Math.round(now - lag - this.t0), Math.round(lag)]);
        this.stallsMonotonic.push([Number(process.hrtime.bigint() / 1000n) - Math.round(lag * 1000), Math.round(lag)]);
      }
      this.last = now;
    }, 5);
    return this;
  }
  stop(): this {
    if (this.timer) clearInterval(this.timer);
    this.gc?.disconnect();
    this.cpu = process.cpuUsage(this.cpuStart);
    return this;
  }
  get p99(): number {
    return quantile(this.lags, 0.99);
  }
}

/** The 8 longest stalls, in time order. */
function longest(stalls: [number, number][]): [number, number][] {
  return [...stalls].sort((a, b) => b[1] - a[1]).slice(0, 8).sort((a, b) => a[0] - b[0]);
}

/** A hover on an indexed document counts as unanswered when it takes longer than this. */
const HOVER_ANSWER_MS = 5000;

/**
 * Asks VS Code for the hover at one position every ~200 ms, as a reader moving the mouse would,
 * and records how long each answer took (through the workbench and back, as an editor sees it).
 */
class HoverProbe {
  private timer: NodeJS.Timeout | undefined;
  readonly latencies: number[] = [];
  private stopped = false;
  private readonly waiting = new Set<Promise<void>>();
  /** Answers that said indexing was under way instead of describing the entity. */
  indexingNotes = 0;
  constructor(
    private readonly uri: vscode.Uri,
    private readonly position: vscode.Position,
  ) {}
  start(): this {
    this.timer = setInterval(() => {
      const asked = performance.now();
      const answer = Promise.resolve(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', this.uri, this.position)).then(
        (hovers) => {
          if (this.stopped) return;
          this.latencies.push(performance.now() - asked);
          const text = (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
          if (/indexing/i.test(text)) this.indexingNotes++;
        },
        () => {
          if (!this.stopped) this.latencies.push(performance.now() - asked);
        },
      );
      const tracked = answer.finally(() => this.waiting.delete(tracked));
      this.waiting.add(tracked);
    }, 200);
    return this;
  }
  /** Stops asking; waits for the answers still due (at most HOVER_ANSWER_MS more). */
  async stop(): Promise<this> {
    if (this.timer) clearInterval(this.timer);
    await Promise.race([Promise.all([...this.waiting]), new Promise((r) => setTimeout(r, HOVER_ANSWER_MS))]);
    this.stopped = true;
    // Hovers that never came back count as unanswered, at an endless wait.
    for (let i = 0; i < this.waiting.size; i++) this.latencies.push(Infinity);
    this.waiting.clear();
    return this;
  }
  get asked(): number {
    return this.latencies.length;
  }
  get unanswered(): number {
    return this.latencies.filter((ms) => ms > HOVER_ANSWER_MS).length;
  }
  summary(): string {
    const f = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : '∞');
    return `hover p50 ${f(quantile(this.latencies, 0.5))} / p99 ${f(quantile(this.latencies, 0.99))} / max ${f(quantile(this.latencies, 1))} ms, ${this.unanswered}/${this.asked} unanswered in ${HOVER_ANSWER_MS / 1000} s`;
  }
}

/** The CLI's cold export of a folder (no cache, default --jobs): wall and CPU seconds. */
async function cliExport(folder: string): Promise<{ s: number; cpuS: number; ok: boolean }> {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-'));
  // Reports the process's CPU time (worker threads included) as it exits.
  const cpuReport = path.join(out, 'cpu.js');
  fs.writeFileSync(cpuReport, `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu-us ' + (u.user + u.system) + '\\n'); });`);
  const t0 = performance.now();
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['-r', cpuReport, path.join(root, 'dist', 'cli.js'), 'export', folder, '--format', 'json', '--out', path.join(out, 'export.json')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8'); // a chunk may end inside a multi-byte character
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', (e) => resolve({ code: -1, stderr: String(e) }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const s = (performance.now() - t0) / 1000;
  fs.rmSync(out, { recursive: true, force: true });
  const cpu = /cpu-us (\d+)/.exec(result.stderr);
  if (result.code !== 0) console.log(`      CLI export failed (${result.code}): ${result.stderr.slice(-400)}`);
  return { s, cpuS: cpu ? Number(cpu[1]) / 1e6 : NaN, ok: result.code === 0 };
}

/**
 * DOSSIER_E2E_PROFILE=DIR: a CPU profile of the extension host's thread for each phase, written
 * as DIR/<phase>.cpuprofile (open in Chrome DevTools, or `node scripts/stalls.js` on it) to see
 * what ran during a stall.
 */
class PhaseProfiler {
  private session: inspector.Session | undefined;
  constructor(private readonly dir = process.env.DOSSIER_E2E_PROFILE) {}
  async start(): Promise<void> {
    if (!this.dir) return;
    this.session = new inspector.Session();
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }
  async stop(phase: string, probe: LagProbe): Promise<void> {
    if (!this.session || !this.dir) return;
    const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
    this.session.disconnect();
    this.session = undefined;
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${phase}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    fs.writeFileSync(file.replace(/\.cpuprofile$/, '.stalls.json'), JSON.stringify(probe.stallsMonotonic));
    console.log(`      profile: ${file}`);
  }
  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.session!.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
    );
  }
}

const MIN_COPIES = 20;
const MIN_DOCUMENTS = 100;

/** The BBC corpus to add, when asked for and present. */
function bbcFolder(): string | undefined {
  const asked = process.env.DOSSIER_E2E_BBC;
  if (!asked) return undefined;
  const dir = asked === '1' ? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpora', 'bbc') : asked;
  return fs.existsSync(dir) ? dir : undefined;
}

/** Text files of the BBC corpus (its topic folders), relative paths. */
function bbcFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(dir, d.name)).filter((f) => f.endsWith('.txt')).map((f) => `${d.name}/${f}`));
}

describe('Indexing off the extension host thread (seeds copied ×20)', function () {
  this.timeout(300_000);
  let api: DossierApi;
  let bulk: vscode.Uri;

  before(async function () {
    api = await activeApi();
    bulk = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'bulk-copy');
  });

  after(async function () {
    try {
      await vscode.workspace.fs.delete(bulk, { recursive: true });
    } catch {
      /* never made */
    }
    await eventually('the copies to leave the index', async () =>
      api.workspace.index.paths().some((p) => p.includes('/bulk-copy/')) ? undefined : true,
    );
    await api.workspace.whenIdle();
  });

  it('indexes a larger folder in workers without blocking the event loop; a warm rebuild reuses the cache', async function () {
    const originals = (await vscode.workspace.findFiles('*.txt')).filter((u) => /^\d{3}_/.test(basename(u)));
    if (!originals.length) this.skip();
    const copies = Math.max(MIN_COPIES, Math.ceil(MIN_DOCUMENTS / originals.length));
    const texts = await Promise.all(originals.map(async (u) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u))));
    let bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) * copies;
    const before = api.workspace.index.size + api.workspace.skippedCount;
    let expected = before + originals.length * copies;
    const bbc = bbcFolder();
    const bbcList = bbc ? bbcFiles(bbc) : [];
    for (const f of bbcList) bytes += fs.statSync(path.join(bbc!, f)).size;
    expected += bbcList.length;
    if (bbc) console.log(`      + ${bbcList.length} BBC articles from ${bbc}`);
    const figures: string[] = [];
    const line = (what: string, ms: number, probe: LagProbe) => {
      const s = `${what}: ${ms} ms (${((bytes / 1e6) / (ms / 1000)).toFixed(2)} MB/s), max event-loop lag ${probe.max.toFixed(1)} ms (longest GC pause ${probe.maxGc.toFixed(1)} ms), ${probe.over50} stalls > 50 ms${probe.stalls.length ? ` (the longest at ${longest(probe.stalls).map(([t, l]) => `${t} ms: ${l} ms`).join(', ')})` : ''}`;
      figures.push(s);
      console.log(`      ${s}`);
    };
    console.log(`      ${originals.length} seeds ×${copies} = ${originals.length * copies} documents; ${(bytes / 1e6).toFixed(2)} MB in all; ${api.workspace.lastIndex?.workers ?? '?'} workers`);

    // A reader's session: the Dossier sidebar open, a seed article open, the mouse on a name in it.
    await vscode.commands.executeCommand('workbench.view.extension.dossier');
    const hovered = await vscode.workspace.openTextDocument(originals[0]);
    await vscode.window.showTextDocument(hovered, { preview: false });
    const name = api.workspace.index.mentionsIn(hovered.uri.toString())[0];
    assert.ok(name, `no entity in ${basename(originals[0])}`);
    const hoverAt = hovered.positionAt(name.mention.start + 1);
    const editor: string[] = [];
    const phaseFigures = (probe: LagProbe, hovers: HoverProbe, sidebarMs: number | undefined) =>
      `stall p99 ${probe.p99.toFixed(0)} ms, max ${probe.max.toFixed(0)} ms; ${hovers.summary()}; sidebar ${sidebarMs === undefined ? 'never' : `${(sidebarMs / 1000).toFixed(1)} s`}; host CPU ${((probe.cpu.user + probe.cpu.system) / 1e6).toFixed(1)} s`;

    // 1. The copies appear on disk: the watcher feeds them to the workers (each copy has its own
    //    first line, hence its own content hash: nothing comes from the cache).
    const profiler = new PhaseProfiler();
    await profiler.start();
    let probe = new LagProbe().start();
    let hovers = new HoverProbe(hovered.uri, hoverAt).start();
    let t0 = performance.now();
    await vscode.workspace.fs.createDirectory(bulk);
    for (let c = 0; c < copies; c++) {
      await Promise.all(
        texts.map((text, i) =>
          vscode.workspace.fs.writeFile(
            vscode.Uri.joinPath(bulk, `copy${String(c).padStart(3, '0')}_${basename(originals[i])}`),
            new TextEncoder().encode(`Copy ${c + 1} of ${basename(originals[i])}.\n${text}`),
          ),
        ),
      );
    }
    for (const f of bbcList) {
      const to = path.join(bulk.fsPath, 'bbc', f);
      await fs.promises.mkdir(path.dirname(to), { recursive: true });
      await fs.promises.copyFile(path.join(bbc!, f), to);
    }
    // Every copy ends up indexed or skipped (a corpus may hold files Dossier refuses); should the
    // watcher drop events under the flood, the rebuilds below still find every file.
    const seen = () => api.workspace.index.size + api.workspace.skippedCount;
    let last = -1;
    let lastChange = performance.now();
    // The sidebar is populated once every file is in, aliases resolved, the entities listed.
    const index = api.workspace.index;
    const populated = () => seen() >= expected && index.prepared && index.entities().length > 0;
    let sidebarMs: number | undefined;
    while (seen() < expected && performance.now() - lastChange < 20_000) {
      if (seen() !== last) [last, lastChange] = [seen(), performance.now()];
      await new Promise((r) => setTimeout(r, 100));
    }
    while (sidebarMs === undefined && performance.now() - lastChange < 60_000) {
      if (populated()) sidebarMs = performance.now() - t0;
      else await new Promise((r) => setTimeout(r, 50));
    }
    await api.workspace.whenIdle();
    line(`new files through the watcher (cold, ${seen() - before}/${expected - before} arrived)`, Math.round(performance.now() - t0), probe.stop());
    await hovers.stop();
    editor.push(`watcher: ${phaseFigures(probe, hovers, sidebarMs)}`);
    if (seen() < expected) {
      const indexed = new Set(api.workspace.index.paths());
      const copiesWritten = [...Array(copies).keys()].flatMap((c) =>
        originals.map((u) => vscode.Uri.joinPath(bulk, `copy${String(c).padStart(3, '0')}_${basename(u)}`)),
      );
      const all = [...copiesWritten, ...bbcList.map((f) => vscode.Uri.joinPath(bulk, 'bbc', f))];
      const missing = all.filter((u) => !indexed.has(u.toString()));
      console.log(`      not indexed after the burst (${missing.length}, skipped ones included): ${missing.slice(0, 8).map((u) => u.path.slice(bulk.path.length + 1)).join(', ')}`);
    }
    await profiler.stop('watcher', probe);

    // 2. A cold rebuild (the cache ignored): every document analyzed again in the workers.
    await profiler.start();
    probe = new LagProbe().start();
    hovers = new HoverProbe(hovered.uri, hoverAt).start();
    t0 = performance.now();
    const previousIndex = api.workspace.lastIndex;
    const rebuilt = vscode.commands.executeCommand('dossier.rebuildIndex', { cache: false });
    sidebarMs = undefined;
    while (sidebarMs === undefined && performance.now() - t0 < 120_000) {
      if (api.workspace.lastIndex !== previousIndex && populated()) sidebarMs = performance.now() - t0;
      else await new Promise((r) => setTimeout(r, 50));
    }
    await rebuilt;
    await api.workspace.whenIdle();
    line('cold rebuild', Math.round(performance.now() - t0), probe.stop());
    await hovers.stop();
    editor.push(`cold open: ${phaseFigures(probe, hovers, sidebarMs)}`);
    await profiler.stop('cold-rebuild', probe);
    assert.strictEqual(seen(), expected);
    expected = api.workspace.index.size;
    assert.strictEqual(api.workspace.lastIndex?.cacheHits, 0);
    assert.strictEqual(api.workspace.lastIndex?.clusteringRestored, false, 'a rebuild ignoring the cache adopted its clustering');
    assert.ok((api.workspace.lastIndex?.analyzed ?? 0) >= expected, `analyzed ${api.workspace.lastIndex?.analyzed}`);
    const entities = api.workspace.index.entities().length;

    // The CLI on the same folder, cold (no cache), with its default worker threads.
    const cli = await cliExport(vscode.workspace.workspaceFolders![0].uri.fsPath);
    const ratio = (seconds: string | undefined) => (seconds && cli.ok ? `${(Number(seconds) / cli.s).toFixed(2)}×` : '?');
    const sidebars = editor.map((e) => /sidebar ([\d.]+) s/.exec(e)?.[1]);
    const editorLine =
      `editor: ${expected} documents, ${(bytes / 1e6).toFixed(1)} MB; ${editor.join('; ')}; ` +
      `CLI cold export ${cli.ok ? `${cli.s.toFixed(1)} s (CPU ${cli.cpuS.toFixed(1)} s)` : 'failed'}; ` +
      `sidebar/CLI ${ratio(sidebars[0])} (watcher), ${ratio(sidebars[1])} (cold open)`;
    console.log(editorLine);

    // 3. A warm rebuild: the corpus did not change, so everything comes from the cache.
    await profiler.start();
    probe = new LagProbe().start();
    t0 = performance.now();
    await vscode.commands.executeCommand('dossier.rebuildIndex');
    await api.workspace.whenIdle();
    line('warm rebuild (cache)', Math.round(performance.now() - t0), probe.stop());
    await profiler.stop('warm-rebuild', probe);
    assert.strictEqual(api.workspace.index.size, expected);
    assert.strictEqual(api.workspace.lastIndex?.analyzed, 0, 'a warm rebuild analyzed documents again');
    assert.strictEqual(api.workspace.lastIndex?.clusteringRestored, true, 'a warm rebuild resolved aliases again');
    assert.ok((api.workspace.lastIndex?.cacheHits ?? 0) >= expected, `cache hits ${api.workspace.lastIndex?.cacheHits}`);
    assert.strictEqual(api.workspace.index.entities().length, entities, 'the cache gives the same entities');

    // 4. What a new window would find: the cache on disk (workspace storage) holds every document.
    const dir = api.workspace.cacheDirectory;
    assert.ok(dir, 'no cache directory');
    const onDisk = new AnalysisCache(dir);
    await onDisk.preload();
    const missing = index.paths().filter((p) => !onDisk.get(p, index.text(p)!, [], index.analysis(p)!.hash));
    assert.deepStrictEqual(missing, [], `${missing.length} documents not in the cache on disk`);
    console.log(`      cache on disk: ${(onDisk.sizeOnDisk() / 1e6).toFixed(2)} MB in ${dir}`);
    if (process.env.DOSSIER_E2E_PROFILE) {
      // Live heap, without garbage: a full collection first (profiling runs only).
      v8.setFlagsFromString('--expose-gc');
      (vm.runInNewContext('gc') as () => void)();
    }
    const mem = process.memoryUsage();
    console.log(`      extension host (VS Code's own share included): heap ${(mem.heapUsed / 1e6).toFixed(0)} MB used of ${(mem.heapTotal / 1e6).toFixed(0)} MB, RSS ${(mem.rss / 1e6).toFixed(0)} MB`);

    // 5. The folder is deleted: one event per file (and the folder), every copy leaves the index.
    await profiler.start();
    probe = new LagProbe().start();
    t0 = performance.now();
    await vscode.workspace.fs.delete(bulk, { recursive: true });
    await eventually('the copies to leave the index', async () => (index.pathsUnder(bulk.toString()).length ? undefined : true), 60_000);
    await api.workspace.whenIdle();
    line('folder deleted', Math.round(performance.now() - t0), probe.stop());
    await profiler.stop('delete', probe);
    assert.strictEqual(index.size + api.workspace.skippedCount, before);

    // Speed is reported, not asserted; this only catches an extension host frozen outright.
    for (const f of figures) assert.ok(!/max event-loop lag (\d{4,})/.test(f), f);
  });

  it('indexes every file of a folder copied in, including those written before the watcher saw the folder', async function () {
    // Folders made and filled at once, as a copy or an unzip does: on Linux the watcher adds a
    // new folder only after hearing of it, so files written straight away raise no event.
    const root = vscode.Uri.joinPath(bulk, 'copied-folder');
    const names: string[] = [];
    for (const section of ['harbour', 'council', 'weather']) {
      const dir = path.join(root.fsPath, section);
      fs.mkdirSync(dir, { recursive: true });
      for (let i = 1; i <= 4; i++) {
        const name = `${section}/${String(i).padStart(3, '0')}.txt`;
        fs.writeFileSync(path.join(root.fsPath, name), `date 2025-05-0${i}\nThe ${section} desk of the Valmora Courier filed report ${i}.\n`);
        names.push(name);
      }
    }
    const keys = names.map((n) => vscode.Uri.joinPath(root, n).toString());
    await eventually('every copied file in the index', async () => {
      const indexed = new Set(api.workspace.index.paths());
      return keys.every((k) => indexed.has(k)) ? true : undefined;
    });
    await api.workspace.whenIdle();
  });
});

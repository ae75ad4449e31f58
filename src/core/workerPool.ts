// A pool of worker threads running analyzeDocument, shared by the CLI and the extension host.
// - Size: os.availableParallelism() (or cpus().length), at least 1, overridable.
// - Priority: analyze(..., { priority: 'high' }) jumps the queue (open / visible documents);
//   promote(path) moves an already-queued document to the front.
// - Robustness: a worker that crashes or exceeds its time budget rejects only its in-flight job
//   and is replaced; workers that cannot even start fail the queue with a clear error instead of
//   respawning forever.
// - Worker script: `analysisWorker.js` beside this module's compiled file. That is
//   dist/analysisWorker.js from the esbuild bundles (dist/cli.js, dist/extension.js, whose
//   __dirname is dist/) and out/src/core/analysisWorker.js from tsc output; override with
//   options.workerScript.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { BudgetPolicy, budgetPolicy, documentBudgetMs } from './budget';
import type { DateContext } from './dateContext';
import type { DocumentAnalysis } from './types';

export interface WorkerRequest {
  id: number;
  path: string;
  text: string;
  warnings: string[];
  dateContext?: DateContext;
}

export type WorkerResponse =
  | { id: number; analysis: DocumentAnalysis; error?: undefined }
  | { id: number; error: string; analysis?: undefined }
  | { ready: true; niceness?: number };

/** Given to each worker at start. */
export interface WorkerData {
  niceness?: number;
  /** The per-document time budget analyses run under (budget.ts). */
  budget?: BudgetPolicy;
}

export type Priority = 'high' | 'normal';

export interface PoolOptions {
  /** Number of worker threads; default defaultPoolSize(). */
  size?: number;
  /** Absolute path of the worker entry; default analysisWorker.js beside this file. */
  workerScript?: string;
  /**
   * Per-job limit in ms before the worker is terminated and the job rejected; default twice
   * the document's time budget plus 10 s (the budget itself stops the analysis inside the
   * worker, with a degraded result; this catches whatever the budget cannot). 0 disables.
   */
  jobTimeoutMs?: number;
  /** Time budget of each document in the workers; default: this thread's (budget.ts). */
  budget?: BudgetPolicy;
  /**
   * Stop workers idle for this long (ms) to give their memory back (each holds compromise's
   * lexicon, tens of MB); they restart on demand (~0.5–1 s). Default: keep them.
   */
  idleTimeoutMs?: number;
  /**
   * Nice value for the worker threads (Linux only, where it is per thread): the editor's own
   * thread then wins the CPU whenever both want it, so analysis never makes typing or the UI
   * wait. 0 or unset: normal priority (the CLI, which has nothing to yield to).
   */
  niceness?: number;
  /** Passed to each Worker (e.g. { maxOldGenerationSizeMb: 512 }). */
  resourceLimits?: import('worker_threads').ResourceLimits;
}

export interface AnalyzeOptions {
  priority?: Priority;
  /** What the folder says about the document's publication date (analyzeDocument's last argument). */
  dateContext?: DateContext;
}

export class PoolError extends Error {
  constructor(
    message: string,
    readonly kind: 'crash' | 'timeout' | 'closed' | 'cancelled' | 'startup' | 'analysis',
  ) {
    super(message);
    this.name = 'PoolError';
  }
}

interface Job {
  id: number;
  path: string;
  text: string;
  warnings: string[];
  dateContext?: DateContext;
  priority: Priority;
  resolve: (a: DocumentAnalysis) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
  ready: boolean;
  dead: boolean;
}

/** Worker count for this machine: available parallelism, at least 1. */
export function defaultPoolSize(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n || 1);
}

/** Where the worker entry is expected when none is given. */
export function defaultWorkerScript(): string {
  return path.join(__dirname, 'analysisWorker.js');
}

/** FIFO with O(1) dequeue. */
class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(x: T): void {
    this.items.push(x);
  }
  unshift(x: T): void {
    if (this.head > 0) this.items[--this.head] = x;
    else this.items.unshift(x);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
  /** Removes and returns the items matching pred, keeping the others in order. */
  extract(pred: (x: T) => boolean): T[] {
    const out: T[] = [];
    const keep: T[] = [];
    for (let i = this.head; i < this.items.length; i++) {
      const x = this.items[i] as T;
      (pred(x) ? out : keep).push(x);
    }
    this.items = keep;
    this.head = 0;
    return out;
  }
}

const MAX_STARTUP_FAILURES = 3;

export class AnalysisPool {
  readonly size: number;
  readonly workerScript: string;
  private readonly jobTimeoutMs: number | undefined;
  private readonly resourceLimits: PoolOptions['resourceLimits'];
  private readonly idleTimeoutMs: number | undefined;
  private readonly niceness: number | undefined;
  private readonly budget: BudgetPolicy;
  private readonly slots: Slot[] = [];
  private readonly high = new Queue<Job>();
  private readonly normal = new Queue<Job>();
  private nextId = 1;
  private closed = false;
  private startupFailures = 0;
  /** Counters, for progress reporting and tests. */
  readonly stats = { completed: 0, crashes: 0, timeouts: 0, workersStarted: 0 };
  /** Nice values the started workers report having (none where the platform keeps them at the default). */
  readonly workerNiceness: number[] = [];

  constructor(options: PoolOptions = {}) {
    const size = options.size ?? defaultPoolSize();
    this.size = Math.max(1, Math.floor(Number.isFinite(size) ? size : 1));
    this.workerScript = options.workerScript ?? defaultWorkerScript();
    this.jobTimeoutMs = options.jobTimeoutMs;
    this.resourceLimits = options.resourceLimits;
    this.idleTimeoutMs = options.idleTimeoutMs;
    this.niceness = options.niceness;
    this.budget = options.budget ?? budgetPolicy();
    if (!fs.existsSync(this.workerScript)) {
      throw new PoolError(`analysis worker script not found: ${this.workerScript}`, 'startup');
    }
  }

  /** True once workers failed to start MAX_STARTUP_FAILURES times in a row (e.g. a broken script). */
  get broken(): boolean {
    return this.startupFailures >= MAX_STARTUP_FAILURES && this.slots.length === 0;
  }

  /** Jobs queued or running. */
  get pending(): number {
    return this.high.length + this.normal.length + this.slots.filter((s) => s.job).length;
  }

  /** Analyzes one document in a worker; same result as analyzeDocument(path, text, warnings, options.dateContext). */
  analyze(path: string, text: string, warnings: string[] = [], options: AnalyzeOptions = {}): Promise<DocumentAnalysis> {
    if (this.closed) return Promise.reject(new PoolError('AnalysisPool is closed', 'closed'));
    if (this.broken) return Promise.reject(new PoolError(`analysis workers failed to start (${this.workerScript})`, 'startup'));
    return new Promise<DocumentAnalysis>((resolve, reject) => {
      const job: Job = { id: this.nextId++, path, text, warnings, dateContext: options.dateContext, priority: options.priority ?? 'normal', resolve, reject };
      (job.priority === 'high' ? this.high : this.normal).push(job);
      this.ensureWorkers();
      this.dispatch();
    });
  }

  /** Moves queued (not yet running) jobs for path to the front of the queue. Returns how many. */
  promote(path: string): number {
    const moved = this.normal.extract((j) => j.path === path);
    for (const j of moved) {
      j.priority = 'high';
      this.high.push(j);
    }
    return moved.length;
  }

  /** Rejects queued (not yet running) jobs for path, e.g. when the document changed again. */
  cancel(path: string): number {
    const gone = [...this.high.extract((j) => j.path === path), ...this.normal.extract((j) => j.path === path)];
    for (const j of gone) j.reject(new PoolError(`${path}: analysis cancelled`, 'cancelled'));
    return gone.length;
  }

  /** Stops all workers; queued and running jobs are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = () => new PoolError('AnalysisPool is closed', 'closed');
    for (const q of [this.high, this.normal]) for (let j = q.shift(); j; j = q.shift()) j.reject(err());
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        if (s.idleTimer) clearTimeout(s.idleTimer);
        s.dead = true;
        const job = s.job;
        s.job = undefined;
        job?.reject(err());
        await s.worker.terminate().catch(() => undefined);
      }),
    );
  }

  private ensureWorkers(): void {
    while (!this.closed && this.slots.length < this.size && this.startupFailures < MAX_STARTUP_FAILURES) {
      this.slots.push(this.spawn());
    }
  }

  private spawn(): Slot {
    const workerData: WorkerData = { niceness: this.niceness, budget: this.budget };
    const worker = new Worker(this.workerScript, { resourceLimits: this.resourceLimits, workerData });
    this.stats.workersStarted++;
    const slot: Slot = { worker, ready: false, dead: false };
    worker.on('message', (msg: WorkerResponse) => this.onMessage(slot, msg));
    worker.on('error', (e) => this.onDeath(slot, `crashed: ${e?.message ?? e}`, 'crash'));
    worker.on('exit', (code) => this.onDeath(slot, `exited with code ${code}`, 'crash'));
    worker.unref();
    return slot;
  }

  private onMessage(slot: Slot, msg: WorkerResponse): void {
    if ('ready' in msg) {
      slot.ready = true;
      this.startupFailures = 0;
      if (msg.niceness !== undefined) this.workerNiceness.push(msg.niceness);
      if (slot.job) this.startTimer(slot, slot.job);
      return;
    }
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    this.stats.completed++;
    if (msg.analysis) job.resolve(msg.analysis);
    else job.reject(new PoolError(`${job.path}: analysis failed in worker: ${msg.error}`, 'analysis'));
    this.dispatch();
  }

  private onDeath(slot: Slot, why: string, kind: 'crash' | 'timeout'): void {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (this.closed) return;
    if (!slot.ready) this.startupFailures++;
    if (kind === 'crash') this.stats.crashes++;
    const job = slot.job;
    slot.job = undefined;
    if (job) job.reject(new PoolError(`${job.path}: analysis worker ${why}`, kind));
    if (kind === 'timeout') slot.worker.terminate().catch(() => undefined);
    if (this.broken) {
      const err = () => new PoolError(`analysis workers failed to start (${this.workerScript}): ${why}`, 'startup');
      for (const q of [this.high, this.normal]) for (let j = q.shift(); j; j = q.shift()) j.reject(err());
      return;
    }
    if (this.high.length + this.normal.length > 0) this.ensureWorkers();
    this.dispatch();
  }

  private startTimer(slot: Slot, job: Job): void {
    const analysisBudget = documentBudgetMs(job.text.length, this.budget);
    const budget = this.jobTimeoutMs ?? (analysisBudget > 0 ? 2 * analysisBudget + 10_000 : 60_000 + (job.text.length / 1_000_000) * 20_000);
    if (budget <= 0) return;
    slot.timer = setTimeout(() => {
      this.stats.timeouts++;
      this.onDeath(slot, `took longer than ${(budget / 1000).toFixed(1)} s and was stopped`, 'timeout');
    }, budget);
    slot.timer.unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || slot.dead) continue;
      const job = this.high.shift() ?? this.normal.shift();
      if (!job) break;
      slot.job = job;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = undefined;
      // The budget counts from when a started worker gets the job, not from worker startup.
      if (slot.ready) this.startTimer(slot, job);
      const req: WorkerRequest = { id: job.id, path: job.path, text: job.text, warnings: job.warnings, dateContext: job.dateContext };
      slot.worker.postMessage(req);
      slot.worker.ref();
    }
    for (const slot of this.slots) {
      if (slot.job) continue;
      slot.worker.unref();
      if (this.idleTimeoutMs && this.idleTimeoutMs > 0 && !slot.idleTimer) {
        slot.idleTimer = setTimeout(() => this.retire(slot), this.idleTimeoutMs);
        slot.idleTimer.unref();
      }
    }
  }

  /** Stops an idle worker (idleTimeoutMs); a later analyze() starts a new one. */
  private retire(slot: Slot): void {
    if (slot.job || slot.dead) return;
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.worker.terminate().catch(() => undefined);
  }
}

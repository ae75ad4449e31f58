// Keeps a CorpusIndex in step with the workspace: the first full index (with progress), the file
// watcher, and unsaved edits (re-analyzed after a short pause in typing). Providers and views read
// `index` directly and listen to `onDidChange` to refresh. The index answers them from a snapshot
// (CorpusIndex queries: 'snapshot'): a hover never waits for alias resolution; prepare() builds
// the next snapshot in slices and swaps it in, and documents land in the index only between
// preparations, so each one runs to its end.
// Analysis runs off the extension host's thread, in an AnalysisPool of worker threads (open and
// visible documents first), and results persist in an AnalysisCache in the workspace storage, so
// a warm start with an unchanged corpus analyzes nothing. This thread only reads, decodes, looks
// up the cache and files results, in slices short enough to keep the editor responsive.
import * as vscode from 'vscode';
import { AnalysisCache } from '../core/analysisCache';
import { CorpusIndex } from '../core/corpusIndex';
import { DateMention, Entity, MentionRef } from '../core/types';
import { Slicer } from '../core/steps';
import { AnalysisPool, Priority } from '../core/workerPool';
import { DocumentPipeline, FileHost, LoadRequest } from '../core/documentPipeline';
import { fsReason, readRegularFileAsync } from '../core/files';
import { toKey } from './convert';
import { WorkspaceSettings } from './workspace/settings';
import { WorkspaceWatcher } from './workspace/watcher';
import { WorkspaceDocumentDates } from './documentDates';
import { DossierStatus } from './status';
import { plural } from './format';

/** Pause after the last keystroke before an open document is re-analyzed. */
export const EDIT_DEBOUNCE_MS = 300;
/** Pause after a file-system event before the file is re-read (saves come in bursts). */
const WATCH_DEBOUNCE_MS = 100;
/** Views refresh at most this often while the index changes. */
const CHANGE_EVENT_DELAY_MS = 150;
/**
 * ...and at most this often while a burst of file events is being worked through (a folder
 * copied in, a branch switched): each refresh re-resolves the whole corpus for the views, on a
 * thread that shares the machine's cores with the workers analysing the burst.
 */
const BURST_EVENT_DELAY_MS = 5000;
/** Files read and waiting for (or in) analysis at once during a full index. */
const MAX_IN_FLIGHT = 64;
/** Longest stretch of work on this thread before giving the event loop a turn. */
const SLICE_MS = 8;
/** Changed cache buckets are written this long after a single-document update... */
const CACHE_FLUSH_DELAY_MS = 2000;
/** ...or, during a burst, once it is over but at most this long after the first update. */
const CACHE_FLUSH_MAX_WAIT_MS = 30_000;
/**
 * Workers run at this nice value (Linux): on a machine with as many workers as cores, the
 * extension host's thread and the window would otherwise queue behind analysis for the CPU.
 */
const WORKER_NICENESS = 10;
/** Workers idle this long are stopped (each holds the tagger's lexicon); they restart on demand. */
const WORKER_IDLE_MS = 5 * 60_000;

export interface WorkspaceIndexOptions {
  /** Folder of the persistent analysis cache (the workspace storage); none: no cache. */
  cacheDir?: string;
  /** Worker entry (dist/analysisWorker.js); none or unusable: analysis on this thread. */
  workerScript?: string;
  /** Worker threads; default: the core count. 0: analysis on this thread. */
  workers?: number;
}

export interface RebuildOptions {
  /** Show a progress notification (the first index does). */
  notify?: boolean;
  /** Ignore the persistent cache: analyze every document again (results are still stored). */
  cache?: boolean;
}

/** What the last full index did (also read by the extension-host tests). */
export interface IndexStats {
  documents: number;
  analyzed: number;
  cacheHits: number;
  /** Aliases adopted as resolved at the last index or close, the corpus being unchanged since. */
  clusteringRestored: boolean;
  workers: number;
  ms: number;
}

/**
 * How the editor reads files for the DocumentPipeline: local files straight through Node's fs
 * (asynchronously, with the same checks as the CLI: VS Code's file-system API costs several times
 * more of this thread per file, which a folder of thousands of files feels at every start);
 * other schemes through VS Code. `file` is the document's URI.
 */
const editorFileHost: FileHost = {
  async read(file, maxBytes, tooLarge) {
    const uri = vscode.Uri.parse(file);
    if (uri.scheme === 'file') return readRegularFileAsync(uri.fsPath, maxBytes, tooLarge);
    try {
      const st = await vscode.workspace.fs.stat(uri);
      if (st.type & vscode.FileType.Directory) return { problem: 'a folder' };
      if (st.size > maxBytes) return { problem: tooLarge(st.size) };
      return { bytes: Buffer.from(await vscode.workspace.fs.readFile(uri)) };
    } catch (e) {
      return { problem: fsReason(e), code: (e as { code?: string }).code };
    }
  },
};

export class WorkspaceIndex implements vscode.Disposable {
  /**
   * Every piece of work this thread does in slices (decoding, cache lookups, filing results,
   * file events, preparing the index's snapshot) shares one slicer: all of it together, not
   * each kind on its own, stays within SLICE_MS per turn of the event loop.
   */
  private readonly slices = new Slicer(SLICE_MS);
  readonly index = new CorpusIndex({ queries: 'snapshot', slicer: this.slices });
  /** The preparation of the index's next snapshot under way, if any. */
  private preparation: Promise<void> | undefined;
  /** Documents read (or removed) since the file events under way began. */
  private burstDone = 0;
  /** Progress of the full index under way. */
  private fullIndex: { done: number; total: number } | undefined;
  private readonly settings: WorkspaceSettings;
  private readonly watcher: WorkspaceWatcher;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) after the index changed. */
  readonly onDidChange = this.changed.event;
  private changeTimer: { current: NodeJS.Timeout } | undefined;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private generation = 0;
  private skipped = new Set<string>();
  private firstIndex: Promise<void> | undefined;
  private indexing: Promise<void> | undefined;
  /** Per document, a counter bumped by every read, edit and removal: only the latest result lands. */
  private readonly versions = new Map<string, number>();
  /** Documents being read, with the version of the read under way. */
  private readonly reading = new Map<string, number>();
  /** Single-document reads and edits under way (outside a full index). */
  private readonly work = new Set<Promise<unknown>>();
  /** Documents of the running full index not analyzed yet (cancelled when a newer one starts). */
  private queued = new Set<string>();
  private pool: AnalysisPool | undefined;
  private poolFailed = false;
  private readonly cache: AnalysisCache | undefined;
  private cacheLoaded: Promise<void> | undefined;
  private cacheTimer: { current: NodeJS.Timeout } | undefined;
  /** Publication dates the folders give (settings, sidecar): part of each document's analysis. */
  private readonly documentDates: WorkspaceDocumentDates;
  /** Read → decode → cache → workers, as the CLI does it (rebuilt when maxFileSizeKB changes). */
  private pipeline: DocumentPipeline;
  /** Signature of the clustering saved in the cache (none saved or known: undefined). */
  private savedClustering: string | undefined;
  /** Figures of the last full index. */
  lastIndex: IndexStats | undefined;

  constructor(
    private readonly status: DossierStatus,
    private readonly options: WorkspaceIndexOptions = {},
  ) {
    this.settings = new WorkspaceSettings(status.log);
    this.documentDates = new WorkspaceDocumentDates(status.log);
    if (options.cacheDir) {
      this.cache = new AnalysisCache(options.cacheDir);
      // Buckets are read and unzipped in the background, so lookups never wait on the disk.
      this.cacheLoaded = this.cache.preload().catch((e) => this.log.warn(`cache: cannot be read (${(e as Error).message})`));
    }
    this.pipeline = this.makePipeline();
    this.disposables.push(
      this.changed,
      this.documentDates,
      // Documents whose dates come from their own text keep their cache key and are not re-analyzed.
      this.documentDates.onDidChange(() => void this.rebuild(false)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.settings.accepts(e.document.uri)) this.scheduleEdit(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Closing a document with unsaved edits discards them: go back to the file on disk.
        if (this.index.analysis(toKey(doc.uri)) && this.index.text(toKey(doc.uri)) !== doc.getText()) {
          this.scheduleRead(doc.uri);
        }
      }),
      // A document the user opens while the folder is being indexed goes to the front of the queue.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.pool?.promote(toKey(e.document.uri));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (WorkspaceSettings.affected(e)) {
          this.settings.reload();
          this.pipeline = this.makePipeline();
          this.watcher.watch();
          void this.rebuild(false);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild(false)),
    );
    this.watcher = new WorkspaceWatcher(this.settings, this.slices, {
      changed: (uri) => this.scheduleRead(uri),
      deleted: (uri) => this.removePath(uri),
      known: (uri) => {
        const key = toKey(uri);
        return !!this.index.analysis(key) || this.skipped.has(key) || this.pending.has(key) || this.reading.has(key);
      },
      track: (work) => this.track(work),
    });
    this.disposables.push(this.watcher);
  }

  /** Where analyses persist between sessions (undefined: no cache). */
  get cacheDirectory(): string | undefined {
    return this.options.cacheDir;
  }

  /** Files left out of the index (binary, too large, unreadable). */
  get skippedCount(): number {
    return this.skipped.size;
  }

  get log(): vscode.LogOutputChannel {
    return this.status.log;
  }

  /** Resolves once the first full index is done. */
  whenReady(): Promise<void> {
    return this.firstIndex ?? this.rebuild(true);
  }

  /** Resolves when no indexing, edit or file event is pending, and queries see every change. */
  async whenIdle(): Promise<void> {
    await this.whenReady();
    for (;;) {
      if (this.indexing) await this.indexing;
      else if (this.work.size) await Promise.allSettled([...this.work]);
      else if (this.pending.size || this.watcher.scanPending) await new Promise((r) => setTimeout(r, 50));
      else if (this.preparation || !this.index.prepared) await this.whenCurrent();
      else return;
    }
  }

  /**
   * Builds the index's next snapshot (in slices) and swaps it in; one at a time. Documents
   * arriving meanwhile wait for it (landing()), so it is never abandoned halfway.
   */
  private prepareSnapshot(): Promise<void> {
    return (this.preparation ??= this.index.prepare().finally(() => (this.preparation = undefined)));
  }

  /** Resolves once queries see every change made so far (after a correction, say), or after a few tries. */
  async whenCurrent(): Promise<void> {
    for (let attempt = 0; attempt < 5 && (this.preparation || !this.index.prepared); attempt++) await this.prepareSnapshot();
  }

  /** Resolves when no preparation runs: the moment a document may enter or leave the index. */
  private async landing(): Promise<void> {
    while (this.preparation) await this.preparation;
  }

  /**
   * What a hover or a view may say while answers are incomplete: "indexing 40% (930/2,325
   * documents)", or "updating entities" while the snapshot lags the documents; undefined when
   * everything is in.
   */
  busyNote(): string | undefined {
    const progress = this.indexingProgress();
    if (progress) {
      const percent = progress.total ? Math.floor((100 * progress.done) / progress.total) : 0;
      return `indexing ${percent}% (${progress.done.toLocaleString('en')}/${progress.total.toLocaleString('en')} documents)`;
    }
    return this.index.prepared ? undefined : 'updating entities';
  }

  /** Documents done and to do in the full index or the burst of file events under way. */
  indexingProgress(): { done: number; total: number } | undefined {
    if (this.fullIndex) return { ...this.fullIndex };
    const left = this.pending.size + this.reading.size;
    return left > 0 ? { done: this.burstDone, total: this.burstDone + left } : undefined;
  }

  /** Tells views and decorations the index changed (e.g. new corrections); debounced. */
  notifyChanged(): void {
    this.fireChanged();
  }

  private fireChanged(): void {
    if (this.changeTimer) return;
    this.changeTimer = this.afterBurst(CHANGE_EVENT_DELAY_MS, BURST_EVENT_DELAY_MS, () => {
      this.changeTimer = undefined;
      // The next snapshot first (in slices), then the views refresh from it.
      void this.prepareSnapshot().then(() => {
        if (!this.index.prepared) this.fireChanged(); // changed again meanwhile: once more
        this.changed.fire();
        this.reportReady();
      });
    });
  }

  /**
   * Runs fn `delay` ms from now, or, while a burst of file events is still being worked through
   * (a folder copied in, a branch switched), once it is over, but no later than `maxWait` ms from
   * now. Returns a handle whose `current` timer dispose() can clear.
   */
  private afterBurst(delay: number, maxWait: number, fn: () => void): { current: NodeJS.Timeout } {
    const first = Date.now();
    const handle = { current: undefined as unknown as NodeJS.Timeout };
    const fire = () => {
      if ((this.work.size || this.pending.size || this.watcher.scanPending) && Date.now() - first < maxWait) handle.current = setTimeout(fire, delay);
      else fn();
    };
    handle.current = setTimeout(fire, delay);
    return handle;
  }

  private reportReady(): void {
    if (this.indexing) return;
    if (!this.pending.size && !this.reading.size) this.burstDone = 0;
    const documents = this.index.size;
    this.status.ready(documents, this.index.entities().length, this.skipped.size);
    void vscode.commands.executeCommand('setContext', 'dossier.documentCount', documents);
  }

  private cancelPending(key: string): void {
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    this.pending.delete(key);
  }

  /** A new version number for a document: results for older ones are dropped. */
  private bump(key: string): number {
    const v = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, v);
    return v;
  }

  private isCurrent(key: string, version: number): boolean {
    return this.versions.get(key) === version;
  }

  /** Tracks a single-document job so whenIdle() waits for it. */
  private track<T>(p: Promise<T>): Promise<T> {
    this.work.add(p);
    void p.finally(() => this.work.delete(p)).catch(() => undefined);
    return p;
  }

  /** Open documents (shown in an editor or not) get analyzed first. */
  private priorityOf(key: string, open = this.openKeys()): Priority {
    return open.has(key) ? 'high' : 'normal';
  }

  /**
   * Keys of the open documents. Taken once per batch: each read of VS Code's document and editor
   * lists copies them, which for thousands of files adds up to a long block of this thread.
   */
  private openKeys(): Set<string> {
    const keys = new Set(vscode.workspace.textDocuments.map((d) => toKey(d.uri)));
    for (const e of vscode.window.visibleTextEditors) keys.add(toKey(e.document.uri));
    return keys;
  }

  private getPool(): AnalysisPool | undefined {
    if (this.pool || this.poolFailed || this.options.workers === 0 || !this.options.workerScript) return this.pool;
    try {
      this.pool = new AnalysisPool({
        workerScript: this.options.workerScript,
        size: this.options.workers,
        idleTimeoutMs: WORKER_IDLE_MS,
        niceness: WORKER_NICENESS,
      });
      this.log.info(`Analysis runs in ${this.pool.size} worker thread${this.pool.size === 1 ? '' : 's'}`);
    } catch (e) {
      this.poolFailed = true;
      this.log.warn(`${(e as Error).message}; analyzing on the extension host's thread`);
    }
    return this.pool;
  }

  private makePipeline(): DocumentPipeline {
    return new DocumentPipeline({
      host: editorFileHost,
      slicer: this.slices,
      maxFileSizeKB: this.settings.current.maxFileSizeKB,
      cache: this.cache,
      pool: () => this.getPool(),
      warn: (message) => this.log.warn(message),
      stored: () => this.scheduleCacheFlush(),
    });
  }

  /** What the pipeline needs to know of a document (its key is its URI). */
  private request(uri: vscode.Uri, key: string, priority: Priority, wanted: () => boolean, useCache = true): LoadRequest {
    return { key, file: key, label: uri.scheme === 'file' ? uri.fsPath : key, dateContext: this.documentDates.contextFor(key), priority, useCache, wanted };
  }

  private scheduleCacheFlush(): void {
    if (!this.cache || this.cacheTimer || this.indexing) return;
    // Not in the middle of a burst: writing buckets then only competes with filing results.
    this.cacheTimer = this.afterBurst(CACHE_FLUSH_DELAY_MS, CACHE_FLUSH_MAX_WAIT_MS, () => {
      this.cacheTimer = undefined;
      void this.flushCache();
    });
  }

  /** Saves the current clustering for the next start (the index must be prepared). */
  private async saveClustering(): Promise<void> {
    const snapshot = this.index.clusteringSnapshot();
    if (!this.cache || !snapshot) return;
    await this.cache.saveClustering(snapshot);
    this.savedClustering = snapshot.signature;
  }

  private async flushCache(): Promise<void> {
    if (!this.cache) return;
    await this.cache.flush();
    for (const w of this.cache.drainWarnings()) this.log.warn(w);
  }

  private scheduleEdit(doc: vscode.TextDocument): void {
    const key = toKey(doc.uri);
    this.cancelPending(key);
    this.pending.set(
      key,
      setTimeout(() => void this.track(this.applyEdit(doc)), EDIT_DEBOUNCE_MS),
    );
  }

  /** Re-analyzes an open document's unsaved text, in a worker ahead of everything else. */
  private async applyEdit(doc: vscode.TextDocument): Promise<void> {
    const key = toKey(doc.uri);
    this.cancelPending(key);
    if (doc.isClosed) return;
    const text = doc.getText();
    if (this.index.text(key) === text) return;
    const version = this.bump(key);
    const current = () => this.isCurrent(key, version);
    const outcome = await this.pipeline.analyse(this.request(doc.uri, key, 'high', current), text, []);
    if (outcome.kind === 'skipped') this.log.warn(outcome.reason);
    if (outcome.kind !== 'analysed') return;
    await this.landing();
    if (!current()) return;
    this.index.set(outcome.analysis, text);
    this.fireChanged();
  }

  /**
   * A request (hover, definition…) on a document with an edit still waiting for the typing pause:
   * the edit goes to a worker now, ahead of everything else. The request itself answers at once,
   * from the index as it is (lookupAt checks that the text there is still what was analysed).
   */
  hurry(doc: vscode.TextDocument): void {
    const key = toKey(doc.uri);
    if (this.pending.has(key) && this.index.analysis(key) && !doc.isClosed) void this.track(this.applyEdit(doc));
  }

  /**
   * The entity or dated mention at a position of a document, from the index's snapshot, at once;
   * undefined when there is none, or when the document's text there changed since it was
   * analysed (an unsaved edit on its way).
   */
  lookupAt(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): { key: string; entity?: { entity: Entity; mention: MentionRef }; date?: DateMention } | undefined {
    this.hurry(document);
    const key = toKey(document.uri);
    const index = this.index;
    if (!index.analysis(key)) return undefined;
    const offset = document.offsetAt(position);
    const edited = index.text(key) !== document.getText();
    const unchanged = (start: number, end: number, text: string) =>
      !edited || document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))) === text;
    const hit = index.entityAt(key, offset);
    if (hit && unchanged(hit.mention.start, hit.mention.end, hit.mention.text)) return { key, entity: hit };
    const date = index.dateAt(key, offset);
    if (date && unchanged(date.start, date.end, date.text)) return { key, date };
    return { key };
  }

  private scheduleRead(uri: vscode.Uri): void {
    const key = toKey(uri);
    this.cancelPending(key);
    this.pending.set(
      key,
      setTimeout(() => {
        this.cancelPending(key);
        // Hundreds of these timers fire together in a burst: start each read in a slice.
        const read = this.slices.run(() => this.readOne(uri, this.priorityOf(key))).then((reading) => reading);
        void this.track(read).then((changed) => {
          this.burstDone++;
          if (changed) this.fireChanged();
        });
      }, WATCH_DEBOUNCE_MS),
    );
  }

  /** A deleted file, or a deleted folder (everything under it goes, a slice at a time). */
  private removePath(uri: vscode.Uri): void {
    const key = toKey(uri);
    this.bump(key);
    if (!this.skipped.delete(key) && this.skipped.size) {
      for (const path of this.skipped) if (path.startsWith(key + '/')) this.skipped.delete(path);
    }
    // A folder's deletion comes with one event per file in it as well: each must stay cheap.
    if (this.index.analysis(key)) return this.removeDocument(key);
    for (const path of this.index.pathsUnder(key)) {
      const version = this.bump(path);
      // Unless the file came back meanwhile (its newer read then decides).
      void this.track(this.landing().then(() => this.slices.run(() => this.isCurrent(path, version) && this.removeDocument(path))));
    }
  }

  private removeDocument(path: string): void {
    this.cancelPending(path);
    if (!this.preparation) {
      if (this.index.remove(path)) this.fireChanged();
      return;
    }
    const version = this.bump(path);
    void this.track(this.landing().then(() => this.isCurrent(path, version) && this.index.remove(path) && this.fireChanged()));
  }

  /** Reads one file (or the open editor's unsaved text) into the index; false when nothing changed. */
  private async readOne(uri: vscode.Uri, priority: Priority, useCache = true): Promise<boolean> {
    const key = toKey(uri);
    const version = this.bump(key);
    this.reading.set(key, version);
    try {
      return await this.read(uri, key, version, priority, useCache);
    } finally {
      if (this.reading.get(key) === version) this.reading.delete(key);
    }
  }

  private async read(uri: vscode.Uri, key: string, version: number, priority: Priority, useCache: boolean): Promise<boolean> {
    const current = () => this.isCurrent(key, version);
    const request = this.request(uri, key, priority, current, useCache);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    // The editor's text wins over the file until it is saved or discarded.
    const decoded = open?.isDirty ? { kind: 'text' as const, text: open.getText(), warnings: [] } : await this.pipeline.read(request);
    if (decoded.kind === 'superseded') return false;
    if (decoded.kind === 'skipped') {
      if (decoded.reason === `${request.label}: skipped, a folder`) return false; // a folder's event, not a document's
      this.skip(key, decoded.reason);
      return this.unindex(key, current);
    }
    this.skipped.delete(key);
    if (this.index.text(key) === decoded.text) return false;
    const outcome = await this.pipeline.analyse(request, decoded.text, decoded.warnings);
    if (outcome.kind === 'superseded') return false;
    if (outcome.kind === 'skipped') {
      this.skip(key, outcome.reason);
      return this.unindex(key, current);
    }
    await this.landing();
    return this.slices.run(() => {
      if (!current()) return false;
      this.index.set(outcome.analysis, outcome.text);
      for (const w of outcome.analysis.warnings) this.log.warn(w);
      return true;
    });
  }

  /** Takes a document out of the index (between preparations), if `current` still holds. */
  private async unindex(key: string, current: () => boolean): Promise<boolean> {
    await this.landing();
    return current() && this.index.remove(key);
  }

  private skip(key: string, message: string): void {
    this.skipped.add(key);
    this.log.warn(message);
  }

  private async findFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    const { include, exclude: excludes } = this.settings.current;
    const exclude = excludes.length === 1 ? excludes[0] : undefined;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of include) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude);
        for (const uri of uris) if (this.settings.accepts(uri)) found.set(toKey(uri), uri);
      }
    }
    return [...found.keys()].sort().map((k) => found.get(k)!);
  }

  /** Re-indexes everything from scratch. `true` (or { notify: true }) shows a progress notification. */
  rebuild(options: boolean | RebuildOptions = {}): Promise<void> {
    const { notify = false, cache: useCache = true } = typeof options === 'boolean' ? { notify: options } : options;
    const generation = ++this.generation;
    // Whatever an older full index still has queued is stale now.
    for (const key of this.queued) this.pool?.cancel(key);
    const queued = (this.queued = new Set<string>());
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      const started = Date.now();
      const uris = await this.findFiles();
      await this.cacheLoaded;
      await this.documentDates.ready;
      if (generation !== this.generation) return;
      await this.landing();
      this.index.clear();
      this.skipped.clear();
      this.status.indexing(0, uris.length);
      this.fullIndex = { done: 0, total: uris.length };
      // Visible and open documents first: the user is looking at them.
      const open = this.openKeys();
      const prioritized = uris
        .map((uri) => ({ uri, priority: this.priorityOf(toKey(uri), open) }))
        .sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1));
      const hitsBefore = this.cache?.stats.hits ?? 0;
      const completedBefore = this.pool?.stats.completed ?? 0;
      let done = 0;
      let lastReport = 0;
      const report = () => {
        const now = Date.now();
        if (now - lastReport < 100 && done < uris.length) return;
        lastReport = now;
        this.status.indexing(done, uris.length);
        progress?.report({ message: `${done}/${uris.length}` });
      };
      const inFlight = new Set<Promise<unknown>>();
      for (const { uri, priority } of prioritized) {
        if (generation !== this.generation) return; // a newer rebuild took over
        const key = toKey(uri);
        this.cancelPending(key);
        queued.add(key);
        const job = this.readOne(uri, priority, useCache)
          .catch((e) => this.log.error(`${uri.fsPath}: ${(e as Error).stack ?? e}`))
          .finally(() => {
            queued.delete(key);
            inFlight.delete(job);
            done++;
            if (generation === this.generation) this.fullIndex = { done, total: uris.length };
            report();
          });
        inFlight.add(job);
        // Backpressure: keep the workers fed without holding the whole folder in memory.
        while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      if (generation !== this.generation) return;
      // The corpus as it was when this window last indexed or closed: adopt its clustering.
      const saved = useCache ? await this.cache?.loadClustering() : undefined;
      if (generation !== this.generation) return;
      const clusteringRestored = !!saved && (await this.slices.steps(this.index.restoreSteps(saved))) === true;
      if (clusteringRestored) this.savedClustering = saved!.signature;
      await this.prepareSnapshot();
      if (!this.index.prepared) await this.prepareSnapshot(); // an edit landed meanwhile
      const entities = this.index.entities().length;
      const analyzed = (this.pool?.stats.completed ?? 0) - completedBefore;
      const cacheHits = (this.cache?.stats.hits ?? 0) - hitsBefore;
      this.lastIndex = { documents: this.index.size, analyzed, cacheHits, clusteringRestored, workers: this.pool?.size ?? 0, ms: Date.now() - started };
      this.log.info(
        `Indexed ${plural(this.index.size, 'document')} (${this.skipped.size} skipped), ${plural(entities, 'entity', 'entities')} in ${Date.now() - started} ms ` +
          `(${cacheHits} from the cache, ${analyzed} analyzed in ${plural(this.pool?.size ?? 0, 'worker')}` +
          `${clusteringRestored ? ', aliases as resolved last time' : ''})`,
      );
      if (this.cache) {
        // Keep only what this corpus holds, so the cache does not grow with every old version.
        this.cache.prune(new Set(this.index.paths().map((p) => this.index.analysis(p)!.hash)));
        if (!clusteringRestored) await this.saveClustering();
        await this.flushCache();
      }
    };
    const task = (async () => {
      try {
        if (notify) {
          await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Dossier: indexing', cancellable: false },
            (progress) => run(progress),
          );
        } else {
          await run();
        }
      } catch (e) {
        this.log.error(`Indexing failed: ${(e as Error).stack ?? e}`);
      } finally {
        if (generation === this.generation) {
          this.indexing = undefined;
          this.fullIndex = undefined;
          void vscode.commands.executeCommand('setContext', 'dossier.indexed', true);
          this.reportReady();
          this.changed.fire();
        }
      }
    })();
    this.indexing = task;
    if (!this.firstIndex) this.firstIndex = task;
    return task;
  }

  dispose(): void {
    this.generation++;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    if (this.changeTimer) clearTimeout(this.changeTimer.current);
    if (this.cacheTimer) clearTimeout(this.cacheTimer.current);
    // Results analyzed since the last write are worth keeping for the next start, and so is the
    // clustering of the corpus as it is now, when it is ready and differs from the saved one.
    this.cache?.flushSync();
    const snapshot = this.index.prepared ? this.index.clusteringSnapshot() : undefined;
    if (this.cache && snapshot && snapshot.signature !== this.savedClustering) this.cache.saveClusteringSync(snapshot);
    void this.pool?.close();
    for (const d of this.disposables) d.dispose();
  }
}

// Keeps a CorpusIndex in step with the workspace: the first full index (with progress), the file
// watcher, and unsaved edits (re-analyzed after a short pause in typing). Providers and views read
// `index` directly and listen to `onDidChange` to refresh.
import * as vscode from 'vscode';
import { CorpusIndex } from '../core/corpusIndex';
import { decodeDocument } from '../core/document';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, globToRegExp, matchesAny } from '../core/glob';
import { toKey } from './convert';
import { DossierStatus } from './status';

/** Pause after the last keystroke before an open document is re-analyzed. */
export const EDIT_DEBOUNCE_MS = 300;
/** Pause after a file-system event before the file is re-read (saves come in bursts). */
const WATCH_DEBOUNCE_MS = 100;
/** Views refresh at most this often while the index changes. */
const CHANGE_EVENT_DELAY_MS = 150;

interface Settings {
  include: string[];
  exclude: string[];
  maxFileSizeKB: number;
}

function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('dossier');
  const list = (v: unknown, fallback: string): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : typeof v === 'string' && v ? [v] : [fallback];
  return {
    include: list(c.get('include'), DEFAULT_INCLUDE),
    exclude: list(c.get('exclude'), DEFAULT_EXCLUDE),
    maxFileSizeKB: Math.max(1, c.get<number>('maxFileSizeKB') ?? 10240),
  };
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex implements vscode.Disposable {
  readonly index = new CorpusIndex();
  private settings = readSettings();
  private includeRe: RegExp[] = [];
  private excludeRe: RegExp[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) after the index changed. */
  readonly onDidChange = this.changed.event;
  private changeTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private watchers: vscode.FileSystemWatcher[] = [];
  private generation = 0;
  private skipped = new Set<string>();
  private firstIndex: Promise<void> | undefined;
  private indexing: Promise<void> | undefined;

  constructor(private readonly status: DossierStatus) {
    this.compileGlobs();
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.accepts(e.document.uri)) this.scheduleEdit(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Closing a document with unsaved edits discards them: go back to the file on disk.
        if (this.index.analysis(toKey(doc.uri)) && this.index.text(toKey(doc.uri)) !== doc.getText()) {
          this.scheduleRead(doc.uri);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['dossier.include', 'dossier.exclude', 'dossier.maxFileSizeKB'].some((s) => e.affectsConfiguration(s))) {
          this.settings = readSettings();
          this.compileGlobs();
          this.watch();
          void this.rebuild(false);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild(false)),
    );
    this.watch();
  }

  get log(): vscode.LogOutputChannel {
    return this.status.log;
  }

  /** Resolves once the first full index is done. */
  whenReady(): Promise<void> {
    return this.firstIndex ?? this.rebuild(true);
  }

  /** Resolves when no indexing, edit or file event is pending. */
  async whenIdle(): Promise<void> {
    await this.whenReady();
    while (this.indexing || this.pending.size) {
      await (this.indexing ?? new Promise((r) => setTimeout(r, 50)));
    }
  }

  private compileGlobs(): void {
    this.includeRe = this.settings.include.map(globToRegExp);
    this.excludeRe = this.settings.exclude.map(globToRegExp);
  }

  private relative(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  /** Whether a file belongs in the index under the current include/exclude settings. */
  accepts(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote') return false;
    const rel = this.relative(uri);
    return rel !== undefined && matchesAny(rel, this.includeRe) && !matchesAny(rel, this.excludeRe);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = this.settings.include.map((glob) => {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      w.onDidCreate((uri) => this.accepts(uri) && this.scheduleRead(uri));
      w.onDidChange((uri) => this.accepts(uri) && this.scheduleRead(uri));
      w.onDidDelete((uri) => this.removePath(uri));
      return w;
    });
    // A deleted or renamed folder reports only the folder: drop everything under it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    folders.onDidDelete((uri) => this.removePath(uri));
    this.watchers.push(folders);
  }

  private fireChanged(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
      this.reportReady();
    }, CHANGE_EVENT_DELAY_MS);
  }

  private reportReady(): void {
    if (this.indexing) return;
    const documents = this.index.size;
    this.status.ready(documents, this.index.entities().length, this.skipped.size);
    void vscode.commands.executeCommand('setContext', 'dossier.documentCount', documents);
  }

  private cancelPending(key: string): void {
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    this.pending.delete(key);
  }

  private scheduleEdit(doc: vscode.TextDocument): void {
    const key = toKey(doc.uri);
    this.cancelPending(key);
    this.pending.set(
      key,
      setTimeout(() => this.applyEdit(doc), EDIT_DEBOUNCE_MS),
    );
  }

  private applyEdit(doc: vscode.TextDocument): void {
    const key = toKey(doc.uri);
    this.cancelPending(key);
    if (doc.isClosed) return;
    const text = doc.getText();
    if (this.index.text(key) === text) return;
    try {
      this.index.update(key, text);
      this.fireChanged();
    } catch (e) {
      this.log.error(`${doc.uri.fsPath}: analysis failed: ${(e as Error).stack ?? e}`);
    }
  }

  /** Applies a pending unsaved edit now, so a request sees the text the user sees. */
  flush(doc: vscode.TextDocument): void {
    if (this.pending.has(toKey(doc.uri)) && this.accepts(doc.uri)) this.applyEdit(doc);
  }

  private scheduleRead(uri: vscode.Uri): void {
    const key = toKey(uri);
    this.cancelPending(key);
    this.pending.set(
      key,
      setTimeout(() => {
        this.cancelPending(key);
        void this.readOne(uri).then((changed) => changed && this.fireChanged());
      }, WATCH_DEBOUNCE_MS),
    );
  }

  private removePath(uri: vscode.Uri): void {
    const key = toKey(uri);
    const prefix = key.endsWith('/') ? key : key + '/';
    let removed = false;
    for (const path of this.index.paths()) {
      if (path === key || path.startsWith(prefix)) {
        this.cancelPending(path);
        removed = this.index.remove(path) || removed;
      }
    }
    this.skipped.delete(key);
    if (removed) this.fireChanged();
  }

  /** Reads one file (or the open editor's unsaved text) into the index; false when nothing changed. */
  private async readOne(uri: vscode.Uri): Promise<boolean> {
    const key = toKey(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open?.isDirty) {
      // The editor's text wins over the file until it is saved or discarded.
      if (this.index.text(key) === open.getText()) return false;
      this.index.update(key, open.getText());
      return true;
    }
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return false;
      if (stat.size > this.settings.maxFileSizeKB * 1024) {
        this.skip(key, `${uri.fsPath}: skipped, ${Math.round(stat.size / 1024)} KB is larger than dossier.maxFileSizeKB (${this.settings.maxFileSizeKB} KB)`);
        return this.index.remove(key);
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      // Deleted or renamed while we were reading, or unreadable: say so, keep the rest.
      this.skip(key, `${uri.fsPath}: skipped, cannot be read (${(e as { code?: string }).code ?? (e as Error).message})`);
      return this.index.remove(key);
    }
    const decoded = decodeDocument(bytes, uri.fsPath, this.settings.maxFileSizeKB);
    if (decoded.skipped || decoded.text === undefined) {
      this.skip(key, decoded.skipped ?? `${uri.fsPath}: skipped`);
      return this.index.remove(key);
    }
    this.skipped.delete(key);
    if (this.index.text(key) === decoded.text) return false;
    try {
      const analysis = this.index.update(key, decoded.text, decoded.warnings);
      for (const w of analysis.warnings) this.log.warn(w);
    } catch (e) {
      this.log.error(`${uri.fsPath}: analysis failed: ${(e as Error).stack ?? e}`);
      return this.index.remove(key);
    }
    return true;
  }

  private skip(key: string, message: string): void {
    this.skipped.add(key);
    this.log.warn(message);
  }

  private async findFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    const exclude = this.settings.exclude.length === 1 ? this.settings.exclude[0] : undefined;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of this.settings.include) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude);
        for (const uri of uris) if (this.accepts(uri)) found.set(toKey(uri), uri);
      }
    }
    return [...found.keys()].sort().map((k) => found.get(k)!);
  }

  /** Re-indexes everything from scratch. `withNotification` shows a progress notification. */
  rebuild(withNotification: boolean): Promise<void> {
    const generation = ++this.generation;
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      const started = Date.now();
      const uris = await this.findFiles();
      if (generation !== this.generation) return;
      this.index.clear();
      this.skipped.clear();
      this.status.indexing(0, uris.length);
      let lastReport = 0;
      for (let i = 0; i < uris.length; i++) {
        if (generation !== this.generation) return; // a newer rebuild took over
        await this.readOne(uris[i]);
        const now = Date.now();
        if (now - lastReport > 100 || i === uris.length - 1) {
          lastReport = now;
          this.status.indexing(i + 1, uris.length);
          progress?.report({ message: `${i + 1}/${uris.length}`, increment: 0 });
        }
        // Analysis is synchronous: give the extension host a turn between files.
        await nextTick();
      }
      if (generation !== this.generation) return;
      const entities = this.index.entities().length;
      this.log.info(
        `Indexed ${this.index.size} documents (${this.skipped.size} skipped), ${entities} entities in ${Date.now() - started} ms`,
      );
    };
    const task = (async () => {
      try {
        if (withNotification) {
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
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

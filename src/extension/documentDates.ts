// What each workspace folder says about its documents' publication dates: the settings
// `dossier.documentDate.default` and `dossier.documentDate.namePattern`, and the sidecar table
// `.dossier/dates.csv`. WorkspaceIndex asks for each document's DateContext; when a folder's
// settings or sidecar change, `onDidChange` fires and the index re-resolves (the cache key
// follows the context, so only the affected documents are analyzed again).
import * as fs from 'fs';
import * as vscode from 'vscode';
import { DateContext, dateContextFor, FolderDates, parseDefaultDate, parseSidecar, SIDECAR_FILE } from '../core/dateContext';
import { toUri } from './convert';

const WATCH_DEBOUNCE_MS = 100;

/** A local file's modification time (only asked for when the folder opted in). */
function modifiedTime(uri: vscode.Uri): number | undefined {
  if (uri.scheme !== 'file') return undefined;
  try {
    return fs.statSync(uri.fsPath).mtimeMs;
  } catch {
    return undefined;
  }
}
const SETTINGS = ['dossier.documentDate.default', 'dossier.documentDate.namePattern', 'dossier.documentDate.useModifiedTime'];

export class WorkspaceDocumentDates implements vscode.Disposable {
  private readonly folders = new Map<string, FolderDates>();
  /** What each folder's dates were built from, to fire only on real changes. */
  private readonly signatures = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Settles once every folder has been read (the first index waits for it). */
  ready: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SETTINGS.some((s) => e.affectsConfiguration(s))) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        this.scheduleReload();
      }),
    );
    this.watch();
    this.ready = this.reload(false);
  }

  /** The date context of the document with this index key (undefined: nothing applies). */
  contextFor(key: string): DateContext | undefined {
    const uri = toUri(key);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
    if (!uri.path.startsWith(base)) return undefined;
    const dates = this.folders.get(folder.uri.toString());
    return dateContextFor(dates, uri.path.slice(base.length), dates?.useModifiedTime ? modifiedTime(uri) : undefined);
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, SIDECAR_FILE));
      const later = () => this.scheduleReload();
      w.onDidCreate(later);
      w.onDidChange(later);
      w.onDidDelete(later);
      return w;
    });
  }

  private scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ready = this.reload(true);
    }, WATCH_DEBOUNCE_MS);
  }

  private async reload(notify: boolean): Promise<void> {
    let changed = false;
    const open = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const key = folder.uri.toString();
      open.add(key);
      const c = vscode.workspace.getConfiguration('dossier.documentDate', folder.uri);
      const fallback = c.get<string>('default') ?? '';
      const namePattern = c.get<string>('namePattern') ?? '';
      const useModifiedTime = c.get<boolean>('useModifiedTime') ?? false;
      let sidecarText = '';
      try {
        sidecarText = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, ...SIDECAR_FILE.split('/'))));
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError) || e.code !== 'FileNotFound') this.log.warn(`${folder.name}: ${SIDECAR_FILE} cannot be read (${(e as Error).message})`);
      }
      const signature = JSON.stringify([fallback, namePattern, useModifiedTime, sidecarText]);
      if (this.signatures.get(key) === signature) continue;
      this.signatures.set(key, signature);
      changed = true;
      const dates: FolderDates = { sidecar: new Map(), useModifiedTime };
      const parsedDefault = parseDefaultDate(fallback);
      if (parsedDefault.problem) this.log.warn(`${folder.name}: dossier.documentDate.${parsedDefault.problem}`);
      dates.default = parsedDefault.value;
      if (namePattern) {
        try {
          new RegExp(namePattern);
          dates.namePattern = namePattern;
        } catch (e) {
          this.log.warn(`${folder.name}: dossier.documentDate.namePattern is not a regular expression (${(e as Error).message}); ignored`);
        }
      }
      if (sidecarText) {
        const { dates: rows, problems } = parseSidecar(sidecarText);
        dates.sidecar = rows;
        for (const p of problems) this.log.warn(`${folder.name}: ${p}`);
        this.log.info(`${folder.name}: ${SIDECAR_FILE} gives ${rows.size} publication date${rows.size === 1 ? '' : 's'}`);
      }
      this.folders.set(key, dates);
    }
    for (const key of [...this.folders.keys()]) {
      if (open.has(key)) continue;
      this.folders.delete(key);
      this.signatures.delete(key);
      changed = true;
    }
    if (notify && changed) this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

// Follows the workspace's files: VS Code's file watchers for the include globs, deleted folders,
// and new folders (scanned once for files written into them before the watcher saw them).
// Events are only queued where VS Code delivers them and handled in slices.
import * as vscode from 'vscode';
import type { Slicer } from '../../core/steps';
import { toKey } from '../convert';
import type { WorkspaceSettings } from './settings';

/** Pause after the last new folder appeared before new folders are scanned for files the watcher missed... */
const FOLDER_SCAN_DELAY_MS = 1000;
/** ...but no longer than this after the first one. */
const FOLDER_SCAN_MAX_WAIT_MS = 10_000;

/** What the watcher tells the index (and asks it). */
export interface WatcherSink {
  /** A file created or changed that the settings accept. */
  changed(uri: vscode.Uri): void;
  /** A file or a folder deleted (or renamed away). */
  deleted(uri: vscode.Uri): void;
  /** Whether the index already knows the file (indexed, skipped, or on its way): a folder scan leaves it alone. */
  known(uri: vscode.Uri): boolean;
  /** Work under way that "idle" must wait for. */
  track<T>(work: Promise<T>): Promise<T>;
}

export class WorkspaceWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  /** Folders created since the last folder scan, by key. */
  private readonly newFolders = new Map<string, vscode.Uri>();
  private folderScanSince: number | undefined;
  private folderScan: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: WorkspaceSettings,
    private readonly slices: Slicer,
    private readonly sink: WatcherSink,
  ) {
    this.watch();
  }

  /** A folder scan is due. */
  get scanPending(): boolean {
    return this.folderScan !== undefined;
  }

  /** (Re)creates the watchers for the current settings. */
  watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = this.settings.current.include.map((glob) => {
      const w = vscode.workspace.createFileSystemWatcher(glob);
      w.onDidCreate((uri) => this.onFileEvent(() => this.settings.accepts(uri) && this.sink.changed(uri)));
      w.onDidChange((uri) => this.onFileEvent(() => this.settings.accepts(uri) && this.sink.changed(uri)));
      w.onDidDelete((uri) => this.onFileEvent(() => this.sink.deleted(uri)));
      return w;
    });
    // A deleted or renamed folder reports only the folder: everything under it goes.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    folders.onDidDelete((uri) => this.onFileEvent(() => this.sink.deleted(uri)));
    folders.onDidCreate((uri) => this.onFileEvent(() => !this.settings.accepts(uri) && !this.settings.excluded(uri) && this.scheduleFolderScan(uri)));
    this.watchers.push(folders);
  }

  /**
   * File events arrive by the hundred in one go during a burst (a folder copied in or deleted, a
   * branch switched), all dispatched in one turn of the event loop: only queue them there, and
   * handle them in slices.
   */
  private onFileEvent(handle: () => unknown): void {
    void this.sink.track(this.slices.run(handle));
  }

  /**
   * A folder just created (copied in, unpacked) is scanned a moment later: the watcher starts
   * watching a new folder only once it learns of it, so the first files written into it right
   * away are never reported (seen on Linux: the first 1–3 files of each folder copied in).
   * New folders are collected and scanned once they stop appearing (at most FOLDER_SCAN_MAX_WAIT_MS
   * after the first), only the outermost of them: an archive unpacked costs one scan, not one
   * per folder.
   */
  private scheduleFolderScan(uri: vscode.Uri): void {
    this.newFolders.set(toKey(uri), uri);
    this.folderScanSince ??= Date.now();
    if (this.folderScan && Date.now() - this.folderScanSince >= FOLDER_SCAN_MAX_WAIT_MS) return; // due soon anyway
    if (this.folderScan) clearTimeout(this.folderScan);
    this.folderScan = setTimeout(() => {
      this.folderScan = undefined;
      this.folderScanSince = undefined;
      const keys = [...this.newFolders.keys()].sort();
      const outermost = keys.filter((k, i) => !keys.slice(0, i).some((a) => k.startsWith(a + '/')));
      const uris = outermost.map((k) => this.newFolders.get(k)!);
      this.newFolders.clear();
      for (const folder of uris) void this.sink.track(this.scanNewFolder(folder));
    }, FOLDER_SCAN_DELAY_MS);
  }

  private async scanNewFolder(folder: vscode.Uri): Promise<void> {
    try {
      if (!((await vscode.workspace.fs.stat(folder)).type & vscode.FileType.Directory)) return;
    } catch {
      return; // gone again
    }
    for (const glob of this.settings.current.include) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob))) {
        if (!this.sink.known(uri) && this.settings.accepts(uri)) this.sink.changed(uri);
      }
    }
  }

  dispose(): void {
    if (this.folderScan) clearTimeout(this.folderScan);
    for (const w of this.watchers) w.dispose();
  }
}

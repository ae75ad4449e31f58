// The analyst's corrections in the editor: reads `.dossier/aliases.json` of every workspace folder,
// watches it, applies it to the index (CorpusIndex.setCorrections), and writes new corrections
// into it. The file is the source of truth; what the commands write is applied at once, without
// waiting for the watcher.
import * as vscode from 'vscode';
import { aliasKey } from '../core/aliasKey';
import { Corrections, CORRECTIONS_FILE, CorrectionsFile, parseCorrections } from '../core/corrections';
import { readCorrectionsFile } from '../core/folder';
import { Entity } from '../core/types';
import { toKey, toUri } from './convert';
import { WorkspaceIndex } from './workspaceIndex';

interface FolderState {
  /** Text last read or written (undefined: no file). */
  text: string | undefined;
  corrections: Corrections | undefined;
}

const WATCH_DEBOUNCE_MS = 100;

export function correctionsUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...CORRECTIONS_FILE.split('/'));
}

/** Corrections of several workspace folders as one set (the index spans all folders). */
function combine(all: Corrections[]): Corrections {
  const out: Corrections = { merge: [], split: new Set(), rename: new Map(), retype: new Map(), ignore: new Set(), dismissed: [] };
  for (const c of all) {
    out.merge.push(...c.merge);
    out.dismissed.push(...c.dismissed);
    for (const k of c.split) out.split.add(k);
    for (const k of c.ignore) out.ignore.add(k);
    for (const [k, v] of c.rename) out.rename.set(k, v);
    for (const [k, v] of c.retype) out.retype.set(k, v);
  }
  return out;
}

/** The distinct alias keys of an entity, each with the surface written most often. */
export function entitySurfaces(entity: Entity): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of entity.mentions) {
    const key = aliasKey(m.text);
    const byText = counts.get(key) ?? new Map<string, number>();
    byText.set(m.text, (byText.get(m.text) ?? 0) + 1);
    counts.set(key, byText);
  }
  const out = new Map<string, string>();
  for (const [key, byText] of counts) out.set(key, [...byText.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]);
  return out;
}

/**
 * The name that stands for an entity in the file: a surface the analyzers found (so it resolves
 * back to this entity; a display name set by "rename" would not). The canonical name when it is
 * one, else the most complete surface ("John Ratcliffe" rather than "Ratcliffe").
 */
export function referenceName(entity: Entity): string {
  const surfaces = entitySurfaces(entity);
  if (surfaces.has(aliasKey(entity.name))) return entity.name;
  const best = [...surfaces.values()].sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
  return best ?? entity.name;
}

export class WorkspaceCorrections implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Resolves once every folder's file has been read the first time. */
  readonly ready: Promise<void>;
  /** Corrections from elsewhere (the team index), applied with the folders' files. */
  private shared: Corrections | undefined;
  private readonly wrote = new vscode.EventEmitter<{ before: CorrectionsFile; after: CorrectionsFile }>();
  /** Fires after a correction command wrote a folder's file (the team index records it too). */
  readonly onDidWrite = this.wrote.event;

  constructor(private readonly workspace: WorkspaceIndex) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watch();
        void this.reloadAll();
      }),
    );
    this.watch();
    this.ready = this.reloadAll();
  }

  private watch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, CORRECTIONS_FILE));
      const later = () => this.scheduleReload(folder);
      w.onDidCreate(later);
      w.onDidChange(later);
      w.onDidDelete(later);
      return w;
    });
  }

  private scheduleReload(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.reload(folder);
      }, WATCH_DEBOUNCE_MS),
    );
  }

  /** Re-reads every folder's file. */
  async reloadAll(): Promise<void> {
    const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
    for (const key of [...this.folders.keys()]) if (!open.has(key)) this.folders.delete(key);
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.reload(f, false)));
    this.apply();
  }

  /** Re-reads one folder's file and applies the result when it changed. */
  async reload(folder: vscode.WorkspaceFolder, apply = true): Promise<void> {
    const uri = correctionsUri(folder);
    let text: string | undefined;
    if (uri.scheme === 'file') {
      // Node's fs, regular files of bounded size only: a FIFO or /dev/zero must not hang the host.
      const read = readCorrectionsFile(uri.fsPath);
      if (read.problem) this.workspace.log.warn(`${folder.name}: ${read.problem}`);
      this.setText(folder, read.text?.replace(/^\uFEFF/, ''), apply);
      return;
    }
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError) || e.code !== 'FileNotFound') {
        this.workspace.log.warn(`${uri.fsPath}: cannot be read (${(e as Error).message}); corrections ignored`);
      }
      text = undefined;
    }
    this.setText(folder, text, apply);
  }

  private setText(folder: vscode.WorkspaceFolder, text: string | undefined, apply: boolean): void {
    const key = folder.uri.toString();
    const before = this.folders.get(key);
    if (before && before.text === text) return;
    let corrections: Corrections | undefined;
    if (text !== undefined) {
      const parsed = parseCorrections(text);
      for (const p of parsed.problems) this.workspace.log.warn(`${folder.name}: ${p}`);
      corrections = parsed.corrections;
      this.workspace.log.info(`${folder.name}: ${CORRECTIONS_FILE} applied`);
    } else if (before?.text !== undefined) {
      this.workspace.log.info(`${folder.name}: ${CORRECTIONS_FILE} removed; corrections no longer apply`);
    }
    this.folders.set(key, { text, corrections });
    if (apply) this.apply();
  }

  /** Sets the corrections from elsewhere (undefined: none) and applies everything again. */
  setShared(corrections: Corrections | undefined): void {
    this.shared = corrections;
    this.apply();
  }

  private apply(): void {
    // The team's first, so a folder's own rename or retype of the same entity wins.
    const all = [this.shared, ...[...this.folders.values()].map((f) => f.corrections)].filter((c): c is Corrections => !!c);
    this.workspace.index.setCorrections(combine(all));
    this.workspace.notifyChanged();
  }

  /** The folder whose file holds corrections about an entity: where it is first mentioned. */
  folderFor(entity: Entity | undefined): vscode.WorkspaceFolder | undefined {
    const first = entity?.mentions[0];
    const folder = first && vscode.workspace.getWorkspaceFolder(toUri(first.path));
    return folder ?? vscode.workspace.workspaceFolders?.[0];
  }

  /**
   * Rewrites the folder's file with `edit` (created with `.dossier/` when missing; `edit` gets
   * what is there and keeps it, normally through core's addCorrection) and applies the result at
   * once. Returns the file written, or undefined when it could not be (the user is told why).
   */
  async update(folder: vscode.WorkspaceFolder, edit: (file: CorrectionsFile) => CorrectionsFile): Promise<CorrectionsFile | undefined> {
    const uri = correctionsUri(folder);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === toKey(uri));
    if (open?.isDirty) {
      void vscode.window.showErrorMessage(`Dossier: ${CORRECTIONS_FILE} has unsaved changes. Save or revert it, then try again.`);
      return undefined;
    }
    let current: CorrectionsFile = {};
    let exists = true;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const raw: unknown = text.trim() ? JSON.parse(text) : {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('it does not hold a JSON object');
      current = raw as CorrectionsFile;
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
        exists = false;
      } else {
        // Never overwrite what the analyst wrote by hand just because it does not parse.
        const why = `${uri.fsPath} cannot be updated: ${(e as Error).message}. Fix the file, then try again.`;
        this.workspace.log.error(why);
        void vscode.window.showErrorMessage(`Dossier: ${why}`);
        return undefined;
      }
    }
    const next = edit(current);
    const text = JSON.stringify(next, null, 2) + '\n';
    try {
      if (!exists) await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, ...CORRECTIONS_FILE.split('/').slice(0, -1)));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    } catch (e) {
      const why = `${uri.fsPath} cannot be written: ${(e as Error).message}`;
      this.workspace.log.error(why);
      void vscode.window.showErrorMessage(`Dossier: ${why}`);
      return undefined;
    }
    this.setText(folder, text, true);
    this.wrote.fire({ before: current, after: next });
    return next;
  }

  dispose(): void {
    this.wrote.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

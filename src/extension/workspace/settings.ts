// Which files of the workspace Dossier indexes: the `dossier.include` / `dossier.exclude` globs
// (relative to each workspace folder) and `dossier.maxFileSizeKB`, read and compiled once per change.
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, globProblem, globToRegExp, matchesAny } from '../../core/glob';

export interface Settings {
  include: string[];
  exclude: string[];
  maxFileSizeKB: number;
}

/** The settings this module reads: a change to any of them means reading the workspace again. */
const SETTINGS = ['dossier.include', 'dossier.exclude', 'dossier.maxFileSizeKB'];

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

export class WorkspaceSettings {
  current: Settings = readSettings();
  private includeRe: RegExp[] = [];
  private excludeRe: RegExp[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.compile();
  }

  /** Whether a configuration change touches these settings. */
  static affected(e: vscode.ConfigurationChangeEvent): boolean {
    return SETTINGS.some((s) => e.affectsConfiguration(s));
  }

  reload(): void {
    this.current = readSettings();
    this.compile();
  }

  private compile(): void {
    this.includeRe = this.compileSetting('dossier.include', this.current.include);
    this.excludeRe = this.compileSetting('dossier.exclude', this.current.exclude);
  }

  /** The setting's globs; one Dossier cannot read is logged and left out, not fatal. */
  private compileSetting(name: string, globs: string[]): RegExp[] {
    const out: RegExp[] = [];
    for (const glob of globs) {
      const problem = globProblem(glob);
      if (problem) this.log.warn(`${name}: ${problem}; glob ignored`);
      else out.push(globToRegExp(glob));
    }
    return out;
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

  /** Whether a folder (or file) is outside the workspace or excluded, with everything under it. */
  excluded(uri: vscode.Uri): boolean {
    const rel = this.relative(uri);
    return rel === undefined || matchesAny(rel, this.excludeRe) || matchesAny(rel + '/', this.excludeRe);
  }
}

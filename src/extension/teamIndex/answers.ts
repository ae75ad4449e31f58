// What hovers and F12 ask the team index, cached per document version (and per connection
// generation: a reconnect, a settings change or a correction starts afresh). Works for documents
// on disk (the target comes from the local index) and for `dossier:` documents (from the database).
// "Documents only in the team index" are the stored ones whose path the workspace does not have.
import * as path from 'path';
import * as vscode from 'vscode';
import { DatedPath, DatedSource, documentKey, storedTargetAt, TeamAnswer, TeamLocation, teamLocations, teamNeighbour, teamSources, TeamTarget } from '../../core/db';
import { WorkspaceIndex } from '../workspaceIndex';
import { TeamIndexConnection } from './connection';
import { teamPathOf, teamUri } from './documents';

/** Answers kept at most; older ones go first. */
const CACHE_SIZE = 500;
/** Teammates ingest and correct meanwhile: a cached answer is asked again after this long. */
const CACHE_TTL_MS = 60_000;
/** Documents F12 / Shift+F12 list from the team index at most. */
export const MAX_LOCATION_DOCUMENTS = 200;

/** The path a document of the workspace has in a corpus: relative to its workspace folder, `/`-separated. */
export function corpusPath(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const rel = path.posix.relative(folder.uri.path, uri.path);
  return rel && !rel.startsWith('..') ? rel : undefined;
}

export class TeamAnswers implements vscode.Disposable {
  private readonly cache = new Map<string, { at: number; answer: Promise<unknown> }>();
  private local: { paths: Set<string>; keys: number[] } | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    readonly connection: TeamIndexConnection,
    readonly workspace: WorkspaceIndex,
  ) {
    this.disposables = [
      workspace.onDidChange(() => (this.local = undefined)),
      connection.onDidChange(() => this.cache.clear()),
    ];
  }

  /** The documents the workspace holds, by corpus path and document key (left out of "only in the team index"). */
  private localDocuments(): { paths: Set<string>; keys: number[] } {
    if (!this.local) {
      const paths = new Set<string>();
      for (const key of this.workspace.index.paths()) {
        const rel = corpusPath(vscode.Uri.parse(key));
        if (rel) paths.add(rel);
      }
      this.local = { paths, keys: [...paths].map(documentKey) };
    }
    return this.local;
  }

  /** The workspace's documents by document key: what the team index's lists leave out. */
  workspaceKeys(): number[] {
    return this.localDocuments().keys;
  }

  /** True when the workspace has the stored path on disk (then it opens from there). */
  isLocal(corpusPathOf: string): boolean {
    return this.localDocuments().paths.has(corpusPathOf);
  }

  /** Where a stored document opens: from disk when the workspace has it, else read-only from the team index. */
  uriOf(corpusPathOf: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder && this.isLocal(corpusPathOf)) return vscode.Uri.joinPath(folder.uri, ...corpusPathOf.split('/'));
    return teamUri(this.connection.corpus ?? '', corpusPathOf);
  }

  private cached<T>(document: vscode.TextDocument, what: string, ask: () => Promise<T>): Promise<T> {
    const key = `${this.connection.generation}|${document.uri.toString()}@${document.version}|${what}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.answer as Promise<T>;
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    const answer = ask();
    this.cache.set(key, { at: now, answer });
    return answer;
  }

  /** The entity (by its alias key) or resolved date at a position, as the team index can be asked about it. */
  async targetAt(document: vscode.TextDocument, position: vscode.Position): Promise<TeamTarget | undefined> {
    if (this.connection.state !== 'online') return undefined;
    const offset = document.offsetAt(position);
    const stored = teamPathOf(document.uri);
    if (stored) {
      return this.cached(document, `target@${offset}`, () => this.connection.ask('the name at a position', (db, corpus) => storedTargetAt(db, corpus, stored.path, offset)));
    }
    // From the local snapshot, at once (an unsaved edit there is on its way to a worker).
    const found = this.workspace.lookupAt(document, position);
    const hit = found?.entity;
    if (found && hit) {
      const placed = this.workspace.index.placedMentions(found.key);
      const i = placed.firstAtOrAfter(hit.mention.start);
      return i < placed.length && placed.start(i) === hit.mention.start && placed.end(i) === hit.mention.end ? { kind: 'entity', aliasKey: placed.key(i) } : undefined;
    }
    return found?.date?.value ? { kind: 'date', value: found.date.value } : undefined;
  }

  /**
   * The paths left out of an answer: on a workspace document, the workspace's documents (the local
   * providers list those); inside a `dossier:` document, itself, except for references, which
   * include the mention asked from.
   */
  private exclude(document: vscode.TextDocument, self = false): number[] {
    const stored = teamPathOf(document.uri);
    if (!stored) return this.localDocuments().keys;
    return self ? [] : [documentKey(stored.path)];
  }

  /** The stored entity or date and its first documents (for a hover). */
  sources(document: vscode.TextDocument, target: TeamTarget, limit: number): Promise<TeamAnswer | undefined> {
    return this.cached(document, `sources ${JSON.stringify(target)} ${limit}`, () =>
      this.connection.ask('a hover', (db, corpus) => teamSources(db, corpus, target, { exclude: this.exclude(document), limit })),
    );
  }

  /** Mentions in stored documents (the first per document for F12, all for Shift+F12). */
  locations(document: vscode.TextDocument, target: TeamTarget, firstOnly: boolean): Promise<TeamLocation[] | undefined> {
    return this.cached(document, `locations ${JSON.stringify(target)} ${firstOnly}`, () =>
      this.connection.ask('go to definition / references', (db, corpus) =>
        teamLocations(db, corpus, target, { exclude: this.exclude(document, !firstOnly), limit: MAX_LOCATION_DOCUMENTS, firstOnly }),
      ),
    );
  }

  /**
   * For Next/Previous Source: the stored document after (+1) or before (-1) `here` that mentions
   * the target, outside the workspace's documents. Not cached: it depends on where the cursor is.
   */
  neighbour(document: vscode.TextDocument, target: TeamTarget, here: DatedPath & { local?: boolean }, direction: 1 | -1): Promise<DatedSource | undefined> {
    return this.connection.ask('next / previous source', (db, corpus) => teamNeighbour(db, corpus, target, here, direction, this.exclude(document)));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

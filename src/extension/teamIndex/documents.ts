// Documents of the team index that are not on disk open read-only from their stored text, as
// `dossier:/<path>?corpus=<name>` documents (a TextDocumentContentProvider: VS Code offers no way to
// edit them). Hovers and F12 work inside them too (hover.ts, navigation.ts).
import * as vscode from 'vscode';
import { storedText } from '../../core/db';
import { TeamIndexConnection } from './connection';

export const TEAM_SCHEME = 'dossier';

/** The read-only document of a stored path (relative, `/`) in a corpus. */
export function teamUri(corpus: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TEAM_SCHEME, path: '/' + path, query: new URLSearchParams({ corpus }).toString() });
}

/** The corpus and stored path of a `dossier:` document; undefined for any other document. */
export function teamPathOf(uri: vscode.Uri): { corpus: string; path: string } | undefined {
  if (uri.scheme !== TEAM_SCHEME) return undefined;
  const corpus = new URLSearchParams(uri.query).get('corpus');
  return corpus ? { corpus, path: uri.path.replace(/^\//, '') } : undefined;
}

export class TeamDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly connection: TeamIndexConnection) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const stored = teamPathOf(uri);
    if (!stored) throw new Error(`not a team-index document: ${uri.toString()}`);
    if (stored.corpus !== this.connection.corpus) throw new Error(`Dossier reads corpus "${this.connection.corpus ?? '(none)'}", not "${stored.corpus}"`);
    const text = await this.connection.run(`reading ${stored.path}`, (db, corpus) => storedText(db, corpus, stored.path));
    if (text === undefined) {
      throw new Error(this.connection.state === 'online' ? `the team index has no document ${stored.path}` : `the team index is not reachable (${this.connection.label})`);
    }
    return text;
  }
}

/** Arguments of `dossier.openTeamDocument` (command links in hovers): JSON-safe. */
export interface OpenTeamDocumentArgs {
  corpus: string;
  path: string;
  /** UTF-16 offsets of the mention to select. */
  start: number;
  end: number;
}

export async function openTeamDocument(args: OpenTeamDocumentArgs): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(teamUri(args.corpus, args.path));
  const selection = new vscode.Selection(document.positionAt(args.start), document.positionAt(args.end));
  return vscode.window.showTextDocument(document, { selection, preview: true });
}

export function registerTeamDocuments(connection: TeamIndexConnection): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(TEAM_SCHEME, new TeamDocumentProvider(connection)),
    vscode.commands.registerCommand('dossier.openTeamDocument', (args: OpenTeamDocumentArgs) => openTeamDocument(args)),
  ];
}

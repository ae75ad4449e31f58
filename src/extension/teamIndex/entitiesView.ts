// The "Team Index" view: the corpus's most mentioned entities as `db cluster` stored them, each
// expandable to the stored documents that mention it most (a document the workspace has opens
// from disk, any other read-only). Shown only while a team index is connected.
import * as vscode from 'vscode';
import { TeamEntity, TeamSource, teamSources, topEntities } from '../../core/db';
import { entityIcon } from '../convert';
import { plural } from '../format';
import { TeamAnswers } from './answers';

/** Entities listed, and documents under each. */
const TOP_ENTITIES = 200;
const TOP_DOCUMENTS = 50;

export type TeamNode = { kind: 'entity'; entity: TeamEntity } | { kind: 'document'; source: TeamSource };

export class TeamEntitiesProvider implements vscode.TreeDataProvider<TeamNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TeamNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly answers: TeamAnswers) {
    this.subscription = answers.connection.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: TeamNode): Promise<TeamNode[]> {
    const connection = this.answers.connection;
    if (!node) {
      const top = await connection.ask('the Team Index view', (db, corpus) => topEntities(db, corpus, TOP_ENTITIES));
      return (top ?? []).map((entity) => ({ kind: 'entity', entity }));
    }
    if (node.kind !== 'entity') return [];
    const answer = await connection.ask('the Team Index view', (db, corpus) =>
      teamSources(db, corpus, { kind: 'entity', aliasKey: node.entity.aliasKey }, { limit: TOP_DOCUMENTS }),
    );
    return (answer?.sources ?? []).map((source) => ({ kind: 'document', source }));
  }

  getTreeItem(node: TeamNode): vscode.TreeItem {
    if (node.kind === 'entity') {
      const e = node.entity;
      const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${plural(e.mentionCount, 'mention')} · ${e.type}`;
      item.iconPath = entityIcon(e.type);
      item.contextValue = 'teamEntity';
      return item;
    }
    const s = node.source;
    const item = new vscode.TreeItem(s.path.slice(s.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.None);
    item.description = `${s.published ?? 'undated'} · ${plural(s.mentions, 'mention')}`;
    item.tooltip = `${s.path}${this.answers.isLocal(s.path) ? '' : ' (team index, read-only)'}`;
    item.iconPath = new vscode.ThemeIcon(this.answers.isLocal(s.path) ? 'file' : 'database');
    const uri = this.answers.uriOf(s.path);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerTeamEntitiesView(answers: TeamAnswers): { provider: TeamEntitiesProvider; disposables: vscode.Disposable[] } {
  const provider = new TeamEntitiesProvider(answers);
  return { provider, disposables: [provider, vscode.window.createTreeView('dossier.teamIndex', { treeDataProvider: provider })] };
}

// The Entities view: people / organizations / places, most mentioned first, each expandable to
// the documents that mention it (by date) and to every mention there; above them, the pairs that
// may be one entity ("Possible Same Entity"), to confirm or dismiss. A filter (by name or alias)
// narrows the lists.
import * as vscode from 'vscode';
import { foldKey } from '../core/aliasKey';
import type { SameEntitySuggestion } from '../core/suggestions';
import { Entity, EntityType, MentionRef } from '../core/types';
import { documentLabel, entityIcon, openMentionArgs, toUri } from './convert';
import { couldAlsoBe, documentDate, escapeMarkdown, plural, snippetAround, snippetText } from './format';
import { WorkspaceIndex } from './workspaceIndex';

export type EntitiesNode =
  | { kind: 'suggestions'; count: number }
  | { kind: 'suggestion'; suggestion: SameEntitySuggestion }
  | { kind: 'group'; type: EntityType; count: number }
  | { kind: 'entity'; entity: Entity }
  | { kind: 'document'; entity: Entity; path: string; mentions: MentionRef[] }
  | { kind: 'mention'; entity: Entity; ref: MentionRef }
  /** The rest of a group, past the entities it lists. */
  | { kind: 'more'; type: EntityType; remaining: number };

const GROUPS: { type: EntityType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
  { type: 'place', label: 'Places' },
];

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntitiesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntitiesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  /** Folded text the entities' names or aliases must contain; '' shows everything. */
  private filterText = '';
  /**
   * How many entities each group lists, past the first page. A group of thousands would make
   * every refresh send thousands of items through the workbench, which then answers hovers late.
   */
  private readonly shown = new Map<EntityType, number>();

  constructor(private readonly workspace: WorkspaceIndex) {
    this.subscription = workspace.onDidChange(() => this.changed.fire(undefined));
  }

  get filter(): string {
    return this.filterText;
  }

  /** Shows only entities (and suggestions) with a name or alias containing `text`; '' clears. */
  setFilter(text: string): void {
    this.filterText = foldKey(text);
    this.shown.clear();
    void vscode.commands.executeCommand('setContext', 'dossier.entitiesFiltered', this.filterText !== '');
    this.changed.fire(undefined);
  }

  private get pageSize(): number {
    return Math.max(10, vscode.workspace.getConfiguration('dossier').get<number>('entities.pageSize') ?? 200);
  }

  /** Lists another page of a group's entities. */
  showMore(type: EntityType): void {
    this.shown.set(type, (this.shown.get(type) ?? this.pageSize) + this.pageSize);
    this.changed.fire(undefined);
  }

  private matches(e: Entity): boolean {
    const f = this.filterText;
    return !f || foldKey(e.name).includes(f) || e.aliases.some((a) => foldKey(a).includes(f));
  }

  /** Entities that pass the filter, most mentioned first. */
  visibleEntities(): Entity[] {
    const all = this.workspace.index.entities();
    return this.filterText ? all.filter((e) => this.matches(e)) : all;
  }

  visibleSuggestions(): SameEntitySuggestion[] {
    const all = this.workspace.index.sameEntitySuggestions();
    return this.filterText ? all.filter((s) => this.matches(s.a) || this.matches(s.b)) : all;
  }

  getChildren(element?: EntitiesNode): EntitiesNode[] {
    const index = this.workspace.index;
    if (!element) {
      const entities = this.visibleEntities();
      if (!entities.length) return [];
      const groups: EntitiesNode[] = GROUPS.map(({ type }) => ({ kind: 'group' as const, type, count: entities.filter((e) => e.type === type).length })).filter(
        (g) => g.count > 0,
      );
      const suggestions = this.visibleSuggestions();
      return suggestions.length ? [{ kind: 'suggestions', count: suggestions.length }, ...groups] : groups;
    }
    switch (element.kind) {
      case 'suggestions':
        return this.visibleSuggestions().map((suggestion) => ({ kind: 'suggestion' as const, suggestion }));
      case 'group': {
        // entities() is already sorted by mention count: a page lists the most mentioned.
        const all = this.visibleEntities().filter((e) => e.type === element.type);
        const shown = this.shown.get(element.type) ?? this.pageSize;
        const nodes: EntitiesNode[] = all.slice(0, shown).map((entity) => ({ kind: 'entity' as const, entity }));
        if (all.length > shown) nodes.push({ kind: 'more', type: element.type, remaining: all.length - shown });
        return nodes;
      }
      case 'entity':
        return index.firstMentionPerDocument(element.entity.id).map((first) => ({
          kind: 'document' as const,
          entity: element.entity,
          path: first.path,
          mentions: element.entity.mentions.filter((m) => m.path === first.path),
        }));
      case 'document':
        return element.mentions.map((ref) => ({ kind: 'mention' as const, entity: element.entity, ref }));
      default:
        return [];
    }
  }

  getTreeItem(element: EntitiesNode): vscode.TreeItem {
    const index = this.workspace.index;
    switch (element.kind) {
      case 'suggestions': {
        const item = new vscode.TreeItem('Possible Same Entity', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'suggestions';
        item.description = String(element.count);
        item.iconPath = new vscode.ThemeIcon('git-merge');
        item.tooltip = 'Pairs of entities that may be one. Confirm to merge them (.dossier/aliases.json), or dismiss.';
        item.contextValue = 'suggestions';
        return item;
      }
      case 'suggestion': {
        const { a, b, confidence, evidence } = element.suggestion;
        const item = new vscode.TreeItem(`${a.name} ↔ ${b.name}`, vscode.TreeItemCollapsibleState.None);
        item.id = `suggestion:${a.id}:${b.id}`;
        item.description = `${Math.round(confidence * 100)}% · ${a.type}`;
        item.iconPath = entityIcon(a.type);
        item.contextValue = 'suggestion';
        const tip = new vscode.MarkdownString(`**${escapeMarkdown(a.name)}** and **${escapeMarkdown(b.name)}** may be one ${a.type}:`);
        for (const line of evidence) tip.appendMarkdown(`\n- ${escapeMarkdown(line)}`);
        tip.appendMarkdown(`\n\n${plural(a.mentionCount, 'mention')} and ${plural(b.mentionCount, 'mention')}.`);
        item.tooltip = tip;
        return item;
      }
      case 'group': {
        const label = GROUPS.find((g) => g.type === element.type)!.label;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${element.type}`;
        item.description = String(element.count);
        item.iconPath = entityIcon(element.type);
        item.contextValue = 'entityGroup';
        return item;
      }
      case 'entity': {
        const e = element.entity;
        const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${e.id}`;
        item.description = `${plural(e.mentionCount, 'mention')} · ${plural(e.documents.length, 'doc')}`;
        item.iconPath = entityIcon(e.type);
        item.contextValue = 'entity';
        // The tooltip comes from resolveTreeItem, when a pointer rests on the item: a refresh
        // draws thousands of entities, and VS Code parses each tooltip's Markdown on the host.
        return item;
      }
      case 'document': {
        const item = new vscode.TreeItem(documentLabel(element.path), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `doc:${element.entity.id}:${element.path}`;
        item.description = `${documentDate(index, element.path)} · ×${element.mentions.length}`;
        item.resourceUri = toUri(element.path);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'entityDocument';
        const first = element.mentions[0];
        if (first) item.command = { command: 'dossier.openMention', title: 'Open', arguments: [openMentionArgs(first)] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`Show ${Math.min(this.pageSize, element.remaining)} more…`, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${element.type}`;
        item.description = `${element.remaining} not listed · Filter finds any`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'dossier.showMoreEntities', title: 'Show more', arguments: [element.type] };
        return item;
      }
      case 'mention': {
        const ref = element.ref;
        const snippet = snippetText(snippetAround(index, ref.path, ref.start, ref.end, 80));
        const item = new vscode.TreeItem(snippet, vscode.TreeItemCollapsibleState.None);
        item.id = `mention:${element.entity.id}:${ref.path}#${ref.start}`;
        item.description = `Ln ${ref.range.start.line + 1}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'entityMention';
        item.command = { command: 'dossier.openMention', title: 'Open', arguments: [openMentionArgs(ref)] };
        return item;
      }
    }
  }

  resolveTreeItem(item: vscode.TreeItem, element: EntitiesNode): vscode.TreeItem {
    if (element.kind !== 'entity' || item.tooltip) return item;
    const e = element.entity;
    const tip = new vscode.MarkdownString(`**${escapeMarkdown(e.name)}** · ${e.type}`);
    if (e.aliases.length) tip.appendMarkdown(`\n\nAlso written: ${e.aliases.map(escapeMarkdown).join(', ')}`);
    if (e.ambiguousWith?.length) tip.appendMarkdown(`\n\nCould also be: ${couldAlsoBe(e.ambiguousWith)}`);
    item.tooltip = tip;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerEntitiesView(workspace: WorkspaceIndex): { provider: EntitiesTreeProvider; view: vscode.TreeView<EntitiesNode>; disposables: vscode.Disposable[] } {
  const provider = new EntitiesTreeProvider(workspace);
  const view = vscode.window.createTreeView('dossier.entities', { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => (view.description = provider.filter ? `filter: ${provider.filter}` : undefined);
  // Scripts and tests pass the text: executeCommand('dossier.filterEntities', 'halvorsen').
  const filter = vscode.commands.registerCommand('dossier.filterEntities', async (text?: unknown) => {
    const value =
      typeof text === 'string'
        ? text
        : await vscode.window.showInputBox({ title: 'Filter Entities', prompt: 'Show entities whose name or alias contains…', value: provider.filter });
    if (value === undefined) return;
    provider.setFilter(value);
    describe();
  });
  const more = vscode.commands.registerCommand('dossier.showMoreEntities', (type: EntityType) => provider.showMore(type));
  const clear = vscode.commands.registerCommand('dossier.clearEntitiesFilter', () => {
    provider.setFilter('');
    describe();
  });
  return { provider, view, disposables: [provider, view, filter, more, clear] };
}

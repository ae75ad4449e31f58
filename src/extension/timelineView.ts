// The Timeline view: year → month → day → entries, with periods as ranges where they belong
// (dates/values.ts periodPath: a week under the month it starts in, a quarter under its year, a
// decade at the top). Entries of a coarser granularity sit at their own level; a day reported by
// several documents says how many (corroboration).
import * as vscode from 'vscode';
import { compareDateValues, periodPath } from '../core/dates/values';
import { Granularity, TimelineEntry } from '../core/types';
import { documentLabel, openMentionArgs, toKey } from './convert';
import { documentDate, escapeMarkdown, longDate, monthName, oneLine, plural, weekday } from './format';
import { WorkspaceIndex } from './workspaceIndex';

export interface EntryNode {
  kind: 'entry';
  id: string;
  entry: TimelineEntry;
  date: string;
  granularity: Granularity;
  parent: PeriodNode;
}

export interface PeriodNode {
  kind: Granularity;
  id: string;
  /** A date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-Qn`, `196X`…). */
  value: string;
  /** Entries dated exactly to this period. */
  entries: EntryNode[];
  /** Finer periods inside this one (months of a year, days of a month). */
  children: PeriodNode[];
  parent?: PeriodNode;
  /** Distinct documents among `entries`. */
  sources: number;
  /** Entries here and in every finer period. */
  total: number;
}

export type TimelineNode = PeriodNode | EntryNode;

const SNIPPET_LENGTH = 64;

/** A one-line excerpt of the sentence, keeping the date mention in view. */
function entrySnippet(entry: TimelineEntry): string {
  const sentence = oneLine(entry.sentence);
  if (sentence.length <= SNIPPET_LENGTH) return sentence;
  const at = Math.max(0, oneLine(entry.sentence.slice(0, entry.start - entry.sentenceSpan.start)).length);
  const from = Math.max(0, Math.min(at - 20, sentence.length - SNIPPET_LENGTH));
  return (from > 0 ? '…' : '') + sentence.slice(from, from + SNIPPET_LENGTH).trim() + (from + SNIPPET_LENGTH < sentence.length ? '…' : '');
}

export class TimelineTreeProvider implements vscode.TreeDataProvider<TimelineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimelineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private years: PeriodNode[] | undefined;
  private readonly entriesById = new Map<string, EntryNode>();
  private filterId: string | undefined;
  private view: vscode.TreeView<TimelineNode> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly workspace: WorkspaceIndex) {
    this.subscription = workspace.onDidChange(() => this.refresh());
  }

  attach(view: vscode.TreeView<TimelineNode>): void {
    this.view = view;
    this.describeFilter();
  }

  /** The entity the timeline is filtered by, if any. */
  get filter(): string | undefined {
    return this.filterId;
  }

  setFilter(entityId: string | undefined): void {
    this.filterId = entityId;
    void vscode.commands.executeCommand('setContext', 'dossier.timelineFiltered', !!entityId);
    this.describeFilter();
    this.refresh();
  }

  private describeFilter(): void {
    if (!this.view) return;
    const entity = this.filterId ? this.workspace.index.entity(this.filterId) : undefined;
    this.view.description = this.filterId ? `filtered: ${entity?.name ?? this.filterId}` : undefined;
  }

  refresh(): void {
    this.years = undefined;
    this.describeFilter();
    this.changed.fire(undefined);
  }

  private build(): PeriodNode[] {
    if (this.years) return this.years;
    this.entriesById.clear();
    const years = new Map<string, PeriodNode>();
    const period = (value: string, kind: Granularity, parent?: PeriodNode): PeriodNode => {
      const siblings = parent ? parent.children : undefined;
      let node = siblings ? siblings.find((c) => c.value === value) : years.get(value);
      if (!node) {
        node = { kind, id: `${kind}:${value}`, value, entries: [], children: [], parent, sources: 0, total: 0 };
        if (siblings) siblings.push(node);
        else years.set(value, node);
      }
      return node;
    };
    for (const day of this.workspace.index.timeline({ entityId: this.filterId })) {
      let node: PeriodNode | undefined;
      for (const step of periodPath(day.date)) node = period(step.value, step.granularity, node);
      if (!node) continue;
      for (const entry of day.entries) {
        const id = `entry:${entry.path}#${entry.start}`;
        const leaf: EntryNode = { kind: 'entry', id, entry, date: day.date, granularity: day.granularity, parent: node };
        node.entries.push(leaf);
        this.entriesById.set(id, leaf);
        for (let p: PeriodNode | undefined = node; p; p = p.parent) p.total++;
      }
      node.sources = new Set(node.entries.map((e) => e.entry.path)).size;
    }
    const byValue = (a: PeriodNode, b: PeriodNode) => compareDateValues(a.value, b.value);
    const sortDeep = (nodes: PeriodNode[]) => {
      nodes.sort(byValue);
      for (const n of nodes) sortDeep(n.children);
    };
    this.years = [...years.values()];
    sortDeep(this.years);
    return this.years;
  }

  getChildren(element?: TimelineNode): TimelineNode[] {
    if (!element) return this.build();
    if (element.kind === 'entry') return [];
    // Coarser entries ("in January") first, then the finer periods, as the design orders them.
    return [...element.entries, ...element.children];
  }

  getParent(element: TimelineNode): TimelineNode | undefined {
    return element.parent;
  }

  /** A period by its value ("2026", "2026-01", "2026-01-15", "2026-W03"…), for commands and tests. */
  findPeriod(value: string): PeriodNode | undefined {
    let nodes = this.build();
    let found: PeriodNode | undefined;
    for (const step of periodPath(value)) {
      found = nodes.find((n) => n.value === step.value);
      if (!found) return undefined;
      nodes = found.children;
    }
    return found?.value === value ? found : undefined;
  }

  /** The entry for the date mention starting at `start` in document `key`. */
  findEntry(key: string, start: number): EntryNode | undefined {
    this.build();
    return this.entriesById.get(`entry:${key}#${start}`);
  }

  getTreeItem(element: TimelineNode): vscode.TreeItem {
    return element.kind === 'entry' ? this.entryItem(element) : this.periodItem(element);
  }

  private periodItem(node: PeriodNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.value);
    item.id = node.id;
    item.contextValue = `period.${node.kind}`;
    if (node.kind === 'year') {
      // Open the year the corpus is mostly about; the others stay one click away.
      const main = this.build().reduce((a, b) => (b.total > a.total ? b : a));
      item.collapsibleState = node === main ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      item.description = plural(node.total, 'entry', 'entries');
      item.iconPath = new vscode.ThemeIcon('calendar');
    } else if (node.kind === 'month') {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
      item.description = `${monthName(node.value).split(' ')[0]} · ${plural(node.total, 'entry', 'entries')}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
    } else if (node.kind !== 'day') {
      // A range: a week, a weekend, a quarter, a half, a season, a decade.
      item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
      item.description = `${longDate(node.value, node.kind)} · ${plural(node.total, 'entry', 'entries')}`;
      item.iconPath = new vscode.ThemeIcon('calendar');
    } else {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
      item.description = `${weekday(node.value) ?? ''} · ${plural(node.sources, 'source')}`;
      // Several documents reporting the same day is corroboration: make it stand out.
      item.iconPath = new vscode.ThemeIcon(node.sources > 1 ? 'layers' : 'circle-small');
      item.tooltip = `${node.value}: ${plural(node.entries.length, 'mention')} in ${plural(node.sources, 'document')}`;
    }
    return item;
  }

  private entryItem(node: EntryNode): vscode.TreeItem {
    const { entry } = node;
    const index = this.workspace.index;
    const item = new vscode.TreeItem(entrySnippet(entry), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = 'timelineEntry';
    const source = documentLabel(entry.path);
    item.description = node.granularity === 'day' ? source : `“${oneLine(entry.mentionText)}” · ${source}`;
    item.iconPath = new vscode.ThemeIcon('quote');
    const names = entry.entities.map((id) => index.entity(id)?.name).filter((n): n is string => !!n);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(node.date)}** — “${escapeMarkdown(oneLine(entry.mentionText))}”\n\n`);
    tooltip.appendMarkdown(`${escapeMarkdown(oneLine(entry.sentence))}\n\n`);
    tooltip.appendMarkdown(`*${escapeMarkdown(source)}* · ${escapeMarkdown(documentDate(index, entry.path))}`);
    if (names.length) tooltip.appendMarkdown(`\n\n${names.map(escapeMarkdown).join(' · ')}`);
    item.tooltip = tooltip;
    const range = { start: index.positionAt(entry.path, entry.sentenceSpan.start), end: index.positionAt(entry.path, entry.sentenceSpan.end) };
    item.command = { command: 'dossier.openMention', title: 'Open sentence', arguments: [openMentionArgs({ path: entry.path, range })] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Selects the timeline entry of the date under the cursor (or the given mention). */
export async function revealInTimeline(
  workspace: WorkspaceIndex,
  provider: TimelineTreeProvider,
  view: vscode.TreeView<TimelineNode>,
  target?: { key: string; offset: number },
): Promise<void> {
  let key = target?.key;
  let offset = target?.offset;
  if (!key || offset === undefined) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    workspace.flush(editor.document);
    key = toKey(editor.document.uri);
    offset = editor.document.offsetAt(editor.selection.active);
  }
  const date = workspace.index.dateAt(key, offset);
  if (!date?.value) {
    void vscode.window.setStatusBarMessage('Dossier: no resolved date under the cursor', 3000);
    return;
  }
  let node = provider.findEntry(key, date.start);
  if (!node && provider.filter) {
    provider.setFilter(undefined);
    node = provider.findEntry(key, date.start);
  }
  if (node) await view.reveal(node, { select: true, focus: true, expand: true });
}

export function registerTimelineView(workspace: WorkspaceIndex): { provider: TimelineTreeProvider; view: vscode.TreeView<TimelineNode>; disposables: vscode.Disposable[] } {
  const provider = new TimelineTreeProvider(workspace);
  const view = vscode.window.createTreeView('dossier.timeline', { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  return { provider, view, disposables: [provider, view] };
}

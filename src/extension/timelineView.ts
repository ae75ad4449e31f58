// The Timeline view: year → month → day → entries, with periods as ranges where they belong
// (dates/values.ts periodPath: a week under the month it starts in, a quarter under its year, a
// decade at the top). Entries of a coarser granularity sit at their own level; a day reported by
// several documents says how many (corroboration). Sentences dated only to a year or month sit
// in a "during 2004" node after that period's months; documents without a publication date are
// counted in an "Undated documents" node, each with Set Date…. Oldest or newest first. With a team
// index online, a "Team index" node lists the latest dates of its documents the workspace lacks.
import * as vscode from 'vscode';
import type { TeamTimelineDay, TeamTimelineEntry } from '../core/db';
import { compareDateValues, periodPath } from '../core/dates/values';
import { Granularity, TimelineEntry } from '../core/types';
import { documentLabel, openMentionArgs, toKey, toUri } from './convert';
import { TIMELINE_SNIPPET_MAX } from '../core/export';
import { snippetOf, snippetText } from '../core/snippet';
import { documentDate, escapeMarkdown, longDate, monthName, oneLine, plural, weekday } from './format';
import { WorkspaceIndex } from './workspaceIndex';

export interface EntryNode {
  kind: 'entry';
  id: string;
  entry: TimelineEntry;
  date: string;
  granularity: Granularity;
  parent: PeriodNode | DuringNode;
}

/** The sentences dated to a whole period that also has finer periods ("during 2004"). */
export interface DuringNode {
  kind: 'during';
  id: string;
  period: PeriodNode;
  parent: PeriodNode;
}

export interface UndatedNode {
  kind: 'undated';
  id: string;
  documents: DocumentNode[];
}

export interface DocumentNode {
  kind: 'document';
  id: string;
  path: string;
  parent: UndatedNode;
}

export interface PeriodNode {
  kind: Granularity;
  id: string;
  /** A date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-Qn`, `196X`…). */
  value: string;
  /** Entries dated exactly to this period. */
  entries: EntryNode[];
  /** Holds `entries` when the period also has finer periods. */
  during?: DuringNode;
  /** Finer periods inside this one (months of a year, days of a month). */
  children: PeriodNode[];
  parent?: PeriodNode;
  /** Distinct documents among `entries`. */
  sources: number;
  /** Entries here and in every finer period. */
  total: number;
}

/** The "Team index" section: dates of the team corpus's documents that the workspace lacks. */
export interface TeamSectionNode {
  kind: 'team';
  id: string;
  corpus: string;
  days: TeamDayNode[];
}

export interface TeamDayNode {
  kind: 'teamDay';
  id: string;
  day: TeamTimelineDay;
  entries: TeamEntryNode[];
  parent: TeamSectionNode;
}

export interface TeamEntryNode {
  kind: 'teamEntry';
  id: string;
  entry: TeamTimelineEntry;
  parent: TeamDayNode;
}

export type TimelineNode = PeriodNode | EntryNode | DuringNode | UndatedNode | DocumentNode | TeamSectionNode | TeamDayNode | TeamEntryNode;

/** Where the "Team index" section comes from (teamIndex/timeline.ts). */
export interface TeamTimelineSource {
  /** The corpus read; undefined while no team index is online. */
  readonly corpus: string | undefined;
  readonly onDidChange: vscode.Event<void>;
  days(): Promise<TeamTimelineDay[] | undefined>;
}

const SNIPPET_LENGTH = 64;

/** A one-line excerpt of the sentence, keeping the date mention in view (bounded, however long the sentence). */
function entrySnippet(text: string, entry: TimelineEntry, max: number): string {
  return snippetText(snippetOf(text, entry.sentenceSpan, entry.start, entry.end, max));
}

export class TimelineTreeProvider implements vscode.TreeDataProvider<TimelineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimelineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private years: PeriodNode[] | undefined;
  private undated: UndatedNode | undefined;
  private newest = false;
  private readonly entriesById = new Map<string, EntryNode>();
  private filterId: string | undefined;
  private view: vscode.TreeView<TimelineNode> | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private team: TeamTimelineSource | undefined;
  /** The team section as last asked (undefined: none, or not asked yet); `asking`: a question under way. */
  private teamDays: TeamTimelineDay[] | undefined;
  private teamCorpus = '';
  private asking: Promise<void> | undefined;
  private askAgain = false;

  constructor(private readonly workspace: WorkspaceIndex) {
    this.subscriptions = [
      workspace.onDidChange(() => {
        this.refresh();
        // The workspace's documents may have changed, and with them what only the team index has.
        this.askTeam();
      }),
    ];
  }

  /** Adds the "Team index" section from this source, asked again whenever it or the workspace changes. */
  setTeam(team: TeamTimelineSource): void {
    this.team = team;
    this.subscriptions.push(team.onDidChange(() => this.askTeam()));
    this.askTeam();
  }

  /** Fetches the team section (one question at a time; changes meanwhile ask once more), then redraws. */
  private askTeam(): void {
    if (!this.team) return;
    if (this.asking) {
      this.askAgain = true;
      return;
    }
    const team = this.team;
    this.asking = (async () => {
      // After every listener of the change that asked (the team answers' list of workspace documents among them).
      await Promise.resolve();
      const corpus = team.corpus;
      const days = corpus ? await team.days() : undefined;
      this.teamCorpus = corpus ?? '';
      this.teamDays = days?.length ? days : undefined;
      this.changed.fire(undefined);
    })().finally(() => {
      this.asking = undefined;
      if (this.askAgain) {
        this.askAgain = false;
        this.askTeam();
      }
    });
  }

  /** Resolves once the team section is up to date with what was last changed (for tests). */
  async teamSettled(): Promise<void> {
    while (this.asking) await this.asking;
  }

  /** The "Team index" section as shown: newest or oldest first, like the periods; none while filtered. */
  teamSection(): TeamSectionNode | undefined {
    if (!this.teamDays || this.filterId) return undefined;
    const node: TeamSectionNode = { kind: 'team', id: 'team', corpus: this.teamCorpus, days: [] };
    const days = this.newest ? [...this.teamDays].reverse() : this.teamDays;
    for (const day of days) {
      const dayNode: TeamDayNode = { kind: 'teamDay', id: `team:${day.date}`, day, entries: [], parent: node };
      dayNode.entries = day.entries.map((entry) => ({ kind: 'teamEntry', id: `team:${day.date}:${entry.path}#${entry.start}`, entry, parent: dayNode }));
      node.days.push(dayNode);
    }
    return node;
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

  /** Newest first (years, months, days and periods in reverse calendar order) or oldest first. */
  get newestFirst(): boolean {
    return this.newest;
  }

  setNewestFirst(newest: boolean): void {
    this.newest = newest;
    void vscode.commands.executeCommand('setContext', 'dossier.timelineNewestFirst', newest);
    this.refresh();
  }

  refresh(): void {
    this.years = undefined;
    this.undated = undefined;
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
    const direction = this.newest ? -1 : 1;
    const byValue = (a: PeriodNode, b: PeriodNode) => direction * compareDateValues(a.value, b.value);
    const sortDeep = (nodes: PeriodNode[]) => {
      nodes.sort(byValue);
      for (const n of nodes) {
        sortDeep(n.children);
        if (n.entries.length && n.children.length) {
          const during: DuringNode = { kind: 'during', id: `during:${n.value}`, period: n, parent: n };
          n.during = during;
          for (const e of n.entries) e.parent = during;
        }
      }
    };
    this.years = [...years.values()];
    sortDeep(this.years);
    return this.years;
  }

  /** Documents without a publication date (none in the text, the name, the sidecar or the folder default). */
  private undatedNode(): UndatedNode | undefined {
    if (this.undated) return this.undated.documents.length ? this.undated : undefined;
    const index = this.workspace.index;
    const node: UndatedNode = { kind: 'undated', id: 'undated', documents: [] };
    for (const path of index.paths()) {
      if (!index.analysis(path)?.date.value) node.documents.push({ kind: 'document', id: `undated:${path}`, path, parent: node });
    }
    this.undated = node;
    return node.documents.length ? node : undefined;
  }

  getChildren(element?: TimelineNode): TimelineNode[] {
    if (!element) {
      const undated = this.undatedNode();
      const team = this.teamSection();
      return [...this.build(), ...(undated ? [undated] : []), ...(team ? [team] : [])];
    }
    switch (element.kind) {
      case 'entry':
      case 'document':
      case 'teamEntry':
        return [];
      case 'team':
        return element.days;
      case 'teamDay':
        return element.entries;
      case 'during':
        return element.period.entries;
      case 'undated':
        return element.documents;
      default:
        // The finer periods, then what is dated to the whole period ("during 2004") after them.
        if (element.during) return [...element.children, element.during];
        return [...element.entries, ...element.children];
    }
  }

  getParent(element: TimelineNode): TimelineNode | undefined {
    return element.kind === 'undated' || element.kind === 'team' ? undefined : element.parent;
  }

  /** The period showing `value`, or the closest enclosing one shown (a day's month, a month's year). */
  closestPeriod(value: string): PeriodNode | undefined {
    let nodes = this.build();
    let found: PeriodNode | undefined;
    for (const step of periodPath(value)) {
      const next = nodes.find((n) => n.value === step.value);
      if (!next) break;
      found = next;
      nodes = next.children;
    }
    return found;
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
    switch (element.kind) {
      case 'entry':
        return this.entryItem(element);
      case 'during':
        return this.duringItem(element);
      case 'undated':
        return this.undatedItem(element);
      case 'document':
        return this.documentItem(element);
      case 'team':
        return this.teamItem(element);
      case 'teamDay':
        return this.teamDayItem(element);
      case 'teamEntry':
        return this.teamEntryItem(element);
      default:
        return this.periodItem(element);
    }
  }

  private duringItem(node: DuringNode): vscode.TreeItem {
    const item = new vscode.TreeItem(`during ${longDate(node.period.value, node.period.kind)}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.contextValue = 'period.during';
    const sources = new Set(node.period.entries.map((e) => e.entry.path)).size;
    item.description = `${plural(node.period.entries.length, 'entry', 'entries')} · ${plural(sources, 'source')}`;
    item.iconPath = new vscode.ThemeIcon('history');
    item.tooltip = `Sentences dated to ${longDate(node.period.value, node.period.kind)} as a whole, not to a finer period`;
    return item;
  }

  private undatedItem(node: UndatedNode): vscode.TreeItem {
    const item = new vscode.TreeItem('Undated documents', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.contextValue = 'undated';
    item.description = String(node.documents.length);
    item.iconPath = new vscode.ThemeIcon('question');
    item.tooltip = 'Documents with no publication date: relative dates in them ("on Thursday", "last year") stay unresolved. Set Date… writes .dossier/dates.csv.';
    return item;
  }

  private documentItem(node: DocumentNode): vscode.TreeItem {
    const item = new vscode.TreeItem(documentLabel(node.path), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = 'undatedDocument';
    item.resourceUri = toUri(node.path);
    item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [toUri(node.path)] };
    return item;
  }

  private teamItem(node: TeamSectionNode): vscode.TreeItem {
    const item = new vscode.TreeItem('Team index', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.contextValue = 'teamTimeline';
    item.description = `${plural(node.days.length, 'date')} · ${node.corpus}`;
    item.iconPath = new vscode.ThemeIcon('database');
    item.tooltip = `The latest dates mentioned in documents of the team index (corpus "${node.corpus}") that the workspace does not have; they open read-only.`;
    return item;
  }

  private teamDayItem(node: TeamDayNode): vscode.TreeItem {
    const { day } = node;
    const item = new vscode.TreeItem(day.date, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.contextValue = 'teamTimelineDay';
    const when = day.granularity === 'day' ? (weekday(day.date) ?? '') : longDate(day.date, day.granularity);
    item.description = `${when} · ${plural(day.sources, 'source')}${day.more ? ' (first listed)' : ''}`;
    item.iconPath = new vscode.ThemeIcon(day.sources > 1 ? 'layers' : 'circle-small');
    return item;
  }

  private teamEntryItem(node: TeamEntryNode): vscode.TreeItem {
    const { entry } = node;
    const corpus = node.parent.parent.corpus;
    const item = new vscode.TreeItem(oneLine(`${entry.before}${entry.mentionText}${entry.after}`).trim(), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = 'teamTimelineEntry';
    const source = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    item.description = node.parent.day.granularity === 'day' ? source : `“${oneLine(entry.mentionText)}” · ${source}`;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.tooltip = `${entry.path} · ${entry.published ?? 'undated'} (team index, read-only)`;
    item.command = { command: 'dossier.openTeamDocument', title: 'Open', arguments: [{ corpus, path: entry.path, start: entry.start, end: entry.end }] };
    return item;
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
    const text = index.text(entry.path) ?? '';
    const item = new vscode.TreeItem(entrySnippet(text, entry, SNIPPET_LENGTH), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = 'timelineEntry';
    const source = documentLabel(entry.path);
    item.description = node.granularity === 'day' ? source : `“${oneLine(entry.mentionText)}” · ${source}`;
    item.iconPath = new vscode.ThemeIcon('quote');
    const names = entry.entities.map((id) => index.entity(id)?.name).filter((n): n is string => !!n);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(node.date)}** — “${escapeMarkdown(oneLine(entry.mentionText))}”\n\n`);
    tooltip.appendMarkdown(`${escapeMarkdown(entrySnippet(text, entry, TIMELINE_SNIPPET_MAX))}\n\n`);
    tooltip.appendMarkdown(`*${escapeMarkdown(source)}* · ${escapeMarkdown(documentDate(index, entry.path))}`);
    if (names.length) tooltip.appendMarkdown(`\n\n${names.map(escapeMarkdown).join(' · ')}`);
    item.tooltip = tooltip;
    const range = { start: index.positionAt(entry.path, entry.sentenceSpan.start), end: index.positionAt(entry.path, entry.sentenceSpan.end) };
    item.command = { command: 'dossier.openMention', title: 'Open sentence', arguments: [openMentionArgs({ path: entry.path, range })] };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
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
    workspace.hurry(editor.document);
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

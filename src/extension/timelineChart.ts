// Dossier: Open Timeline Chart — the timeline drawn on a time axis in a webview
// (src/webviews/timelineChart/). It follows the Timeline view's filter; a click opens the sentence.
import * as vscode from 'vscode';
import { periodOf } from '../core/timeline';
import { TimelineEntry } from '../core/types';
import { ChartData, ChartEntity, ChartFromWebview, ChartToWebview } from '../webviews/timelineChart/protocol';
import { documentLabel, toUri, toVsRange } from './convert';
import { oneLine } from './format';
import { TimelineTreeProvider } from './timelineView';
import { SinglePanel } from './webviewPanel';
import { WorkspaceIndex } from './workspaceIndex';

const SENTENCE_LENGTH = 280;

const BODY = `
<header>
  <label>Lanes: <input id="lane" list="entities" placeholder="add an entity…" size="24"></label>
  <datalist id="entities"></datalist>
  <span id="chips"></span>
  <button id="clear" hidden>Clear timeline filter</button>
  <span id="summary" class="summary"></span>
</header>
<div id="chart" class="canvas"></div>`;

export class TimelineChart implements vscode.Disposable {
  private readonly panel: SinglePanel<ChartToWebview, ChartFromWebview>;
  private generation = 0;
  /** The entries of the last data sent, by event index. */
  private entries: TimelineEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly timeline: TimelineTreeProvider,
    extensionUri: vscode.Uri,
  ) {
    this.panel = new SinglePanel(extensionUri, { viewType: 'dossier.timelineChart', title: 'Dossier Timeline', script: 'timelineChart', body: BODY }, (m) => this.receive(m));
    // The tree refreshes on every index change and filter change: so does the chart, once settled.
    this.subscription = timeline.onDidChangeTreeData(() => this.scheduleSend());
  }

  show(): void {
    this.panel.show();
  }

  private async receive(message: ChartFromWebview): Promise<void> {
    if (message.type === 'ready') await this.send();
    else if (message.type === 'clearFilter') this.timeline.setFilter(undefined);
    else if (message.type === 'open' && message.generation === this.generation) {
      const entry = this.entries[message.event];
      if (!entry) return;
      const index = this.workspace.index;
      const range = { start: index.positionAt(entry.path, entry.sentenceSpan.start), end: index.positionAt(entry.path, entry.sentenceSpan.end) };
      await this.panel.showBeside(toUri(entry.path), toVsRange(range));
    }
  }

  private scheduleSend(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), 200);
  }

  private async send(): Promise<void> {
    if (!this.panel.visible) return;
    await this.workspace.whenReady();
    this.panel.post({ type: 'data', data: this.data() });
  }

  /** The timeline, as filtered in the Timeline view, in the chart's terms. */
  data(): ChartData {
    const index = this.workspace.index;
    const entities: ChartEntity[] = [];
    const numberOf = new Map<string, number>();
    const entityNumber = (id: string): number | undefined => {
      let n = numberOf.get(id);
      if (n === undefined) {
        const e = index.entity(id);
        if (!e) return undefined;
        numberOf.set(id, (n = entities.length));
        entities.push({ id, name: e.name, type: e.type });
      }
      return n;
    };
    this.entries = [];
    const events: ChartData['events'] = [];
    for (const day of index.timeline({ entityId: this.timeline.filter })) {
      for (const entry of day.entries) {
        const sentence = oneLine(entry.sentence);
        this.entries.push(entry);
        const period = periodOf(day.date);
        events.push({
          date: day.date,
          granularity: day.granularity,
          ...(period ? { period } : {}),
          source: documentLabel(entry.path),
          sentence: sentence.length > SENTENCE_LENGTH ? sentence.slice(0, SENTENCE_LENGTH - 1) + '…' : sentence,
          entities: entry.entities.map(entityNumber).filter((n): n is number => n !== undefined),
        });
      }
    }
    const filtered = this.timeline.filter ? index.entity(this.timeline.filter) : undefined;
    return {
      generation: ++this.generation,
      events,
      entities,
      ...(filtered ? { filter: { id: filtered.id, name: filtered.name, type: filtered.type } } : {}),
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.panel.dispose();
  }
}

export function registerTimelineChart(workspace: WorkspaceIndex, timeline: TimelineTreeProvider, extensionUri: vscode.Uri): vscode.Disposable[] {
  const chart = new TimelineChart(workspace, timeline, extensionUri);
  return [chart, vscode.commands.registerCommand('dossier.openTimelineChart', () => chart.show())];
}

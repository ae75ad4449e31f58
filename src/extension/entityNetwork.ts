// Dossier: Open Entity Network — the co-mention network (core/network.ts) in a webview
// (src/webviews/entityNetwork/). A click shows the entity's references, a double click filters
// the timeline by it.
import * as vscode from 'vscode';
import { buildNetwork, CoMentionNetwork, selectNetwork } from '../core/network';
import { GraphData, NetworkFromWebview, NetworkQuery, NetworkToWebview } from '../webviews/entityNetwork/protocol';
import { toUri, toVsRange } from './convert';
import { SinglePanel } from './webviewPanel';
import { WorkspaceIndex } from './workspaceIndex';

const TYPES: { type: string; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
  { type: 'place', label: 'Places' },
];

const BODY = `
<header>
  <label title="How many entities to draw: those with the most neighbours">Top <input id="top" type="range" min="10" max="500" step="10"> <span id="topValue"></span></label>
  ${TYPES.map((t) => `<label><input type="checkbox" name="type" value="${t.type}"><span class="swatch ${t.type}"></span>${t.label}</label>`).join('\n  ')}
  <label title="When two entities count as named together">Linked in the same <select id="scope"><option value="sentence">sentence</option><option value="document">document</option></select></label>
  <label title="Links named together fewer times are left out">Min. weight <input id="minWeight" type="number" min="1" step="1"></label>
  <label title="Documents published from… to…">From <input id="from" type="date"></label>
  <label>to <input id="to" type="date"></label>
  <span id="summary" class="summary"></span>
</header>
<div id="graph" class="canvas"></div>`;

/** The largest N the control offers; more would not stay fluid in the webview. */
const MAX_TOP = 500;

export class EntityNetwork implements vscode.Disposable {
  private readonly panel: SinglePanel<NetworkToWebview, NetworkFromWebview>;
  /** Networks by scope and date range, until the index changes. */
  private readonly networks = new Map<string, CoMentionNetwork>();
  private lastQuery: NetworkQuery | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly workspace: WorkspaceIndex,
    extensionUri: vscode.Uri,
  ) {
    this.panel = new SinglePanel(extensionUri, { viewType: 'dossier.entityNetwork', title: 'Dossier Entity Network', script: 'entityNetwork', body: BODY }, (m) => this.receive(m));
    this.subscription = workspace.onDidChange(() => {
      this.networks.clear();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.lastQuery && void this.answer(this.lastQuery), 500);
    });
  }

  show(): void {
    this.panel.show();
  }

  private async receive(message: NetworkFromWebview): Promise<void> {
    if (message.type === 'query') await this.answer(message.query);
    else if (message.type === 'open') {
      const first = this.workspace.index.firstMentionPerDocument(message.id)[0];
      if (!first) return;
      // Open the earliest source beside the panel, then peek every reference from there.
      await this.panel.showBeside(toUri(first.path), toVsRange(first.range));
      await vscode.commands.executeCommand('dossier.showReferences', message.id);
    } else if (message.type === 'filterTimeline') {
      await vscode.commands.executeCommand('dossier.filterTimeline', message.id);
    }
  }

  private async answer(query: NetworkQuery): Promise<void> {
    this.lastQuery = query;
    await this.workspace.whenReady();
    if (!this.panel.visible) return;
    this.panel.post({ type: 'graph', graph: this.graph(query) });
  }

  /** The selection a query asks for, computing the network of its date range once. */
  graph(query: NetworkQuery): GraphData {
    const started = Date.now();
    const scope = query.scope === 'document' ? 'document' : 'sentence';
    const key = `${scope}|${query.from}|${query.to}`;
    let network = this.networks.get(key);
    if (!network) {
      network = buildNetwork(this.workspace.index, { scope, from: query.from || undefined, to: query.to || undefined });
      this.networks.set(key, network);
    }
    const top = Math.max(1, Math.min(MAX_TOP, Math.round(query.top)));
    const selected = selectNetwork(network, { types: query.types, minWeight: query.minWeight, top, connectedOnly: true });
    return {
      query: { ...query, top, scope },
      nodes: selected.nodes.map((n) => ({ id: n.id, name: n.name, type: n.type, mentions: n.mentions, degree: selected.degree.get(n.id) ?? 0 })),
      edges: selected.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
      available: selected.available,
      ms: Date.now() - started,
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.panel.dispose();
  }
}

export function registerEntityNetwork(workspace: WorkspaceIndex, extensionUri: vscode.Uri): vscode.Disposable[] {
  const network = new EntityNetwork(workspace, extensionUri);
  return [network, vscode.commands.registerCommand('dossier.openEntityNetwork', () => network.show())];
}

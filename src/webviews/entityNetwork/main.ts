// The Entity Network webview: the best-connected entities and their co-mentions, drawn with
// cytoscape.js. The host selects what to draw (core/network.ts); the controls here only ask.
import cytoscape from 'cytoscape';
import { connect, entityColour, markClickTarget, onThemeChange, themeColour } from '../shared/vscodeApi';
import { DEFAULT_QUERY, GraphData, NetworkFromWebview, NetworkQuery, NetworkToWebview } from './protocol';
import type { EntityType } from '../../core/types';

interface State {
  query: NetworkQuery;
}

const TYPES: EntityType[] = ['person', 'organization', 'place'];
/** Between a click and a double click: a click waits this long before it opens references. */
const DOUBLE_CLICK_MS = 300;

let graph: GraphData | undefined;
const vscode = connect<NetworkToWebview, NetworkFromWebview, State>((message) => {
  if (message.type === 'graph') {
    graph = message.graph;
    draw();
  }
});
// A state saved by an older version may lack newer fields: the defaults fill them in.
let state: State = { query: { ...DEFAULT_QUERY, ...vscode.getState()?.query } };

const container = document.getElementById('graph')!;
const summary = document.getElementById('summary')!;
const top = document.getElementById('top') as HTMLInputElement;
const topValue = document.getElementById('topValue')!;
const minWeight = document.getElementById('minWeight') as HTMLInputElement;
const scope = document.getElementById('scope') as HTMLSelectElement;
const from = document.getElementById('from') as HTMLInputElement;
const to = document.getElementById('to') as HTMLInputElement;
const typeBoxes = [...document.querySelectorAll<HTMLInputElement>('input[name="type"]')];

// cytoscape.js adds a <style> for its container unless an element with this id exists; the CSP
// forbids inline styles, so the shared stylesheet (which holds that rule) takes the id instead.
document.querySelector('link[rel="stylesheet"]')!.id = '__________cytoscape_stylesheet';
const cy = cytoscape({ container, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });

function style(): cytoscape.StylesheetJson {
  const foreground = themeColour('editor-foreground', '#cccccc');
  const outline = themeColour('editor-background', '#1e1e1e');
  const edge = themeColour('editorWidget-border', '#666666');
  const selected = themeColour('focusBorder', '#007fd4');
  const colours = Object.fromEntries(
    TYPES.map((t) => [t, entityColour(t)]),
  );
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(name)',
        color: foreground,
        'font-size': 11,
        'text-outline-color': outline,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'min-zoomed-font-size': 7,
      },
    },
    ...(Object.entries(colours).map(([type, colour]) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': colour } })) as cytoscape.StylesheetJson),
    { selector: 'edge', style: { width: 'data(width)', 'line-color': edge, opacity: 0.4, 'curve-style': 'haystack' } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': selected } },
    { selector: 'edge:selected', style: { 'line-color': selected, opacity: 1 } },
  ];
}

function draw(): void {
  if (!graph) return;
  const g = graph;
  showQuery(g.query);
  // The summary first: it may change the header's height, and so where the graph is drawn.
  summary.textContent =
    `${g.nodes.length} of ${g.available} linked ${g.available === 1 ? 'entity' : 'entities'} (the best connected), ` +
    `${g.edges.length} ${g.edges.length === 1 ? 'link' : 'links'}: names in the same ${g.query.scope}${g.query.minWeight > 1 ? `, at least ${g.query.minWeight} times` : ''} · ${g.ms} ms`;
  const elements: cytoscape.ElementDefinition[] = [
    ...g.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, name: n.name, type: n.type, size: 5 + 2.5 * Math.log2(1 + n.mentions) } })),
    ...g.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, width: Math.min(8, 0.6 + Math.log2(e.weight)) } })),
  ];
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
    cy.style(style());
  });
  const layout = cy.layout({
    name: 'cose',
    animate: false,
    randomize: true,
    nodeDimensionsIncludeLabels: false,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 60000,
    edgeElasticity: (edge: cytoscape.EdgeSingular) => 60 / Number(edge.data('width')),
    // A force layout costs about N² per iteration: fewer iterations for large N keep it in seconds.
    numIter: g.nodes.length > 300 ? 150 : g.nodes.length > 150 ? 400 : 1000,
  } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => {
    cy.fit(undefined, 24);
    markBestConnected();
  });
  layout.run();
}

/** Where the best-connected entity is drawn (for tests and assistive tools). */
function markBestConnected(): void {
  const best = graph?.nodes.reduce((a, b) => (b.degree > a.degree ? b : a), graph.nodes[0]);
  if (!best) return;
  const p = cy.$id(best.id).renderedPosition();
  markClickTarget('bestNode', p.x, p.y);
  document.body.dataset.bestNodeName = best.name;
}

function showQuery(q: NetworkQuery): void {
  top.value = String(q.top);
  topValue.textContent = String(q.top);
  minWeight.value = String(q.minWeight);
  scope.value = q.scope;
  from.value = q.from;
  to.value = q.to;
  for (const box of typeBoxes) box.checked = q.types.includes(box.value as EntityType);
}

function ask(): void {
  const query: NetworkQuery = {
    top: Number(top.value) || DEFAULT_QUERY.top,
    types: typeBoxes.filter((b) => b.checked).map((b) => b.value as EntityType),
    minWeight: Math.max(1, Number(minWeight.value) || 1),
    scope: scope.value === 'document' ? 'document' : 'sentence',
    from: from.value,
    to: to.value,
  };
  state = { query };
  vscode.setState(state);
  vscode.postMessage({ type: 'query', query });
}

top.addEventListener('input', () => (topValue.textContent = top.value));
for (const control of [top, minWeight, scope, from, to, ...typeBoxes]) control.addEventListener('change', ask);

let pendingClick: ReturnType<typeof setTimeout> | undefined;
cy.on('tap', 'node', (e) => {
  const id = e.target.id() as string;
  clearTimeout(pendingClick);
  pendingClick = setTimeout(() => vscode.postMessage({ type: 'open', id }), DOUBLE_CLICK_MS);
});
cy.on('dbltap', 'node', (e) => {
  clearTimeout(pendingClick);
  vscode.postMessage({ type: 'filterTimeline', id: e.target.id() as string });
});

onThemeChange(() => cy.style(style()));
// A resized panel (an editor opened beside it, a header that wraps) keeps the whole graph in view.
new ResizeObserver(() => {
  cy.resize();
  cy.fit(undefined, 24);
  markBestConnected();
}).observe(container);
showQuery(state.query);
vscode.postMessage({ type: 'ready' });
vscode.postMessage({ type: 'query', query: state.query });

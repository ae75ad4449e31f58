// The co-mention network as GraphML (graphml.graphdrawing.org), as Gephi, yEd and networkx read
// it: node label/type/mentions/documents, edge weight (co-mentions) and documents.
import { CoMentionNetwork } from '../network';
import { escapeXml, xmlAttributes } from './xml';

const KEYS: { id: string; for: 'node' | 'edge'; name: string; type: 'string' | 'int' | 'double' }[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'type', for: 'node', name: 'type', type: 'string' },
  { id: 'mentions', for: 'node', name: 'mentions', type: 'int' },
  { id: 'documents', for: 'node', name: 'documents', type: 'int' },
  // Gephi and networkx take an edge attribute named "weight" as the edge's weight.
  { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'edgeDocuments', for: 'edge', name: 'documents', type: 'int' },
];

function data(key: string, value: string | number): string {
  return `<data key="${key}">${escapeXml(String(value))}</data>`;
}

export function exportGraphml(network: CoMentionNetwork): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <!-- Dossier co-mention network: an edge joins entities named in the same ${network.scope}. -->`,
    ...KEYS.map((k) => `  <key${xmlAttributes({ id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type })}/>`),
    '  <graph id="dossier" edgedefault="undirected">',
  ];
  for (const n of network.nodes) {
    out.push(`    <node${xmlAttributes({ id: n.id })}>${data('label', n.name)}${data('type', n.type)}${data('mentions', n.mentions)}${data('documents', n.documents)}</node>`);
  }
  network.edges.forEach((e, i) => {
    out.push(`    <edge${xmlAttributes({ id: `e${i}`, source: e.source, target: e.target })}>${data('weight', e.weight)}${data('edgeDocuments', e.documents)}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

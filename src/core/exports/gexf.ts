// The co-mention network as GEXF 1.2 (gexf.net), Gephi's own format, which networkx also reads:
// node label, type, mentions and documents, a colour per type and a size by mentions; edge weight.
import { CoMentionNetwork } from '../network';
import { EntityType } from '../types';
import { escapeXml, xmlAttributes } from './xml';

/** The entity colours of the dark theme (package.json `colors`), so Gephi starts from the same picture. */
const TYPE_COLOURS: Record<EntityType, [number, number, number]> = {
  person: [0xc5, 0x86, 0xc0],
  organization: [0x4e, 0xc9, 0xb0],
  place: [0xdc, 0xdc, 0xaa],
};

const NODE_ATTRIBUTES = [
  { id: 'type', title: 'type', type: 'string' },
  { id: 'mentions', title: 'mentions', type: 'integer' },
  { id: 'documents', title: 'documents', type: 'integer' },
];

function attvalues(values: Record<string, string | number>): string {
  const inner = Object.entries(values).map(([key, value]) => `<attvalue${xmlAttributes({ for: key, value })}/>`);
  return `<attvalues>${inner.join('')}</attvalues>`;
}

export function exportGexf(network: CoMentionNetwork): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    `  <meta><creator>Dossier</creator><description>Co-mention network: an edge joins entities named in the same ${escapeXml(network.scope)}.</description></meta>`,
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a) => `      <attribute${xmlAttributes(a)}/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    `      <attribute${xmlAttributes({ id: 'documents', title: 'documents', type: 'integer' })}/>`,
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of network.nodes) {
    const [r, g, b] = TYPE_COLOURS[n.type];
    const size = (1 + Math.log2(n.mentions)).toFixed(2);
    out.push(
      `      <node${xmlAttributes({ id: n.id, label: n.name })}>${attvalues({ type: n.type, mentions: n.mentions, documents: n.documents })}` +
        `<viz:color${xmlAttributes({ r, g, b })}/><viz:size value="${size}"/></node>`,
    );
  }
  out.push('    </nodes>', '    <edges>');
  network.edges.forEach((e, i) => {
    out.push(`      <edge${xmlAttributes({ id: `e${i}`, source: e.source, target: e.target, weight: e.weight })}>${attvalues({ documents: e.documents })}</edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

// The co-mention network: entities as nodes, pairs of entities named in the same sentence (or the
// same document) as weighted edges. Computed once here for the GraphML/GEXF exports and the
// Entity Network view; the view draws only a selection of it (selectNetwork).
import { CorpusIndex } from './corpusIndex';
import { EntityType } from './types';

/** Which passage two mentions must share to count as a co-mention. */
export type CoMentionScope = 'sentence' | 'document';

export interface NetworkNode {
  /** The entity id. */
  id: string;
  name: string;
  type: EntityType;
  /** Mentions in the documents the network was built from. */
  mentions: number;
  /** Documents (of those) that mention it. */
  documents: number;
}

export interface NetworkEdge {
  /** Entity ids, source < target: the network is undirected. */
  source: string;
  target: string;
  /** Passages (sentences or documents, as the scope says) naming both. */
  weight: number;
  /** Documents in which they are co-mentioned. */
  documents: number;
}

export interface CoMentionNetwork {
  scope: CoMentionScope;
  /** Most mentioned first, then by name. */
  nodes: NetworkNode[];
  /** Heaviest first, then by ids. */
  edges: NetworkEdge[];
}

export interface NetworkOptions {
  scope?: CoMentionScope;
  /** Only documents published on or after / on or before these days (`YYYY-MM-DD`; undated documents are left out when either is set). */
  from?: string;
  to?: string;
}

/** True when a publication date lies in the range; a partial date (`YYYY-MM`) counts by its prefix. */
export function inDateRange(date: string | undefined, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  if (from && date < from && !from.startsWith(date)) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}

export function buildNetwork(index: CorpusIndex, options: NetworkOptions = {}): CoMentionNetwork {
  const scope = options.scope ?? 'sentence';
  // Entities get small numbers so that a pair is one number, not a string, in the maps below.
  const number = new Map<string, number>();
  const nodes: NetworkNode[] = [];
  const pairs = new Map<number, { weight: number; documents: number; lastPath: string }>();
  const ordered = index.entities();
  const width = ordered.length + 1;
  for (const path of index.paths()) {
    const analysis = index.analysis(path)!;
    if (!inDateRange(analysis.date.value, options.from, options.to)) continue;
    const mentions = index.mentionsIn(path);
    if (!mentions.length) continue;
    const sentences = analysis.sentences;
    const seenInDocument = new Set<number>();
    let passage: number[] = [];
    let sentence = 0;
    const closePassage = () => {
      const ids = [...new Set(passage)].sort((a, b) => a - b);
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const key = ids[i] * width + ids[j];
          let pair = pairs.get(key);
          if (!pair) pairs.set(key, (pair = { weight: 0, documents: 0, lastPath: '' }));
          pair.weight++;
          if (pair.lastPath !== path) {
            pair.lastPath = path;
            pair.documents++;
          }
        }
      }
      passage = [];
    };
    for (const { entity, mention } of mentions) {
      let n = number.get(entity.id);
      if (n === undefined) {
        number.set(entity.id, (n = nodes.length));
        nodes.push({ id: entity.id, name: entity.name, type: entity.type, mentions: 0, documents: 0 });
      }
      nodes[n].mentions++;
      if (!seenInDocument.has(n)) {
        seenInDocument.add(n);
        nodes[n].documents++;
      }
      if (scope === 'sentence') {
        // Mentions are sorted by offset: move to the sentence holding this one, closing the last.
        let moved = false;
        while (sentence < sentences.length && sentences[sentence].end <= mention.start) {
          sentence++;
          moved = true;
        }
        if (moved) closePassage();
      }
      passage.push(n);
    }
    closePassage();
  }
  const rank = new Map(ordered.map((e, i) => [e.id, i]));
  nodes.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  const edges: NetworkEdge[] = [];
  const byNumber = [...number.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  for (const [key, pair] of pairs) {
    const a = byNumber[Math.floor(key / width)];
    const b = byNumber[key % width];
    const [source, target] = a < b ? [a, b] : [b, a];
    edges.push({ source, target, weight: pair.weight, documents: pair.documents });
  }
  edges.sort((x, y) => y.weight - x.weight || compareText(x.source, y.source) || compareText(x.target, y.target));
  return { scope, nodes, edges };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface NetworkSelection {
  /** Entity types to keep (all when absent). */
  types?: EntityType[];
  /** Edges lighter than this are dropped before degrees are counted. */
  minWeight?: number;
  /** How many nodes to keep, by degree (then mentions). */
  top?: number;
  /** Leave out entities linked to none of the others (after the filters): a picture has no use for them. */
  connectedOnly?: boolean;
}

export interface SelectedNetwork extends CoMentionNetwork {
  /** Degree of each kept node within the filtered network (before the cut to the top N). */
  degree: Map<string, number>;
  /** Nodes that passed the filters (and are connected, when asked), before the cut. */
  available: number;
}

/**
 * The part of a network worth drawing: the filters applied, then the `top` nodes with the most
 * neighbours and the edges among them. Isolated nodes rank after every connected one.
 */
export function selectNetwork(network: CoMentionNetwork, selection: NetworkSelection = {}): SelectedNetwork {
  const types = selection.types ? new Set(selection.types) : undefined;
  const minWeight = selection.minWeight ?? 1;
  const kept = types ? network.nodes.filter((n) => types.has(n.type)) : network.nodes;
  const keptIds = new Set(kept.map((n) => n.id));
  const edges = network.edges.filter((e) => e.weight >= minWeight && keptIds.has(e.source) && keptIds.has(e.target));
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const candidates = selection.connectedOnly ? kept.filter((n) => degree.has(n.id)) : kept;
  const ranked = [...candidates].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || b.mentions - a.mentions || compareText(a.name, b.name));
  const top = ranked.slice(0, selection.top ?? ranked.length);
  const topIds = new Set(top.map((n) => n.id));
  return {
    scope: network.scope,
    nodes: top,
    edges: edges.filter((e) => topIds.has(e.source) && topIds.has(e.target)),
    degree,
    available: candidates.length,
  };
}

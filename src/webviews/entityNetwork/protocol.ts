// Messages between the Entity Network panel (src/extension/entityNetwork.ts) and its webview
// (./main.ts). Types only: both sides import this file, neither imports the other.
import type { CoMentionScope } from '../../core/network';
import { EntityType } from '../../core/types';

/** What the webview asks to see; the host computes the selection (core/network.ts). */
export interface NetworkQuery {
  /** How many entities to draw, by degree. */
  top: number;
  types: EntityType[];
  minWeight: number;
  /** Linked when named in the same sentence, or anywhere in the same document. */
  scope: CoMentionScope;
  /** Publication dates, `YYYY-MM-DD`; empty for no bound. */
  from: string;
  to: string;
}

export const DEFAULT_QUERY: NetworkQuery = { top: 100, types: ['person', 'organization', 'place'], minWeight: 1, scope: 'sentence', from: '', to: '' };

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  degree: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
}

export interface GraphData {
  query: NetworkQuery;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Entities passing the filters and linked to another, of which `nodes` are the best connected. */
  available: number;
  /** Milliseconds the host took to compute the graph. */
  ms: number;
}

export type NetworkToWebview = { type: 'graph'; graph: GraphData };

export type NetworkFromWebview =
  | { type: 'ready' }
  | { type: 'query'; query: NetworkQuery }
  /** A click: show the entity's references. */
  | { type: 'open'; id: string }
  /** A double click: filter the timeline by the entity. */
  | { type: 'filterTimeline'; id: string };

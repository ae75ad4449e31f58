// Messages between the Timeline Chart panel (src/extension/timelineChart.ts) and its webview
// (./main.ts). Types only: both sides import this file, neither imports the other.
import { EntityType, Granularity } from '../../core/types';

export interface ChartEntity {
  id: string;
  name: string;
  type: EntityType;
}

/** One dated sentence of the timeline. */
export interface ChartEvent {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  granularity: Granularity;
  /** For a period the sentence names (a week, a quarter, a half-year): its first and last day. */
  period?: { start: string; end: string };
  /** The document's file name. */
  source: string;
  /** The sentence on one line, shortened. */
  sentence: string;
  /** Indexes into ChartData.entities of the entities the sentence names. */
  entities: number[];
}

export interface ChartData {
  /** Changes with every data message; an `open` names the data it was clicked in. */
  generation: number;
  events: ChartEvent[];
  entities: ChartEntity[];
  /** The Timeline view's entity filter, which the chart follows. */
  filter?: ChartEntity;
}

export type ChartToWebview = { type: 'data'; data: ChartData };

export type ChartFromWebview =
  | { type: 'ready' }
  /** Open the sentence of events[event]. */
  | { type: 'open'; generation: number; event: number }
  | { type: 'clearFilter' };

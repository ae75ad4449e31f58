// The data the date grammar passes between its stages: parsers emit Candidates carrying a Parse
// (what was written, still unresolved), refiners settle and merge them, resolvers turn each
// Parse into a value. One Parse shape per kind, so each resolver sees exactly its fields.
import type { Granularity, Span } from '../types';
import type { Holiday } from './holidays';

export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';
export type Modifier = 'last' | 'next' | 'this';

interface Common {
  /** Said in the explanation: "start of a range", "found by chrono-node"… */
  note?: string;
  /** "early", "late", "mid", "earlier"…: kept for the explanation. */
  part?: string;
}

export type Parse = Common &
  (
    | { kind: 'full'; y: number; m: number; d: number; wd?: number } // day, month and year written
    | { kind: 'monthDay'; m: number; d: number; yearRel?: number; wd?: number } // "January 15", "November 18 of last year"
    | { kind: 'monthYear'; y: number; m: number } // "August 2025", "early January 2019"
    | { kind: 'month'; m: number; mod?: Modifier; yearRel?: number } // "in August", "last November"
    | { kind: 'year'; y: number } // "in 1962", "post-1959", "nineteen ninety-one"
    | { kind: 'decade'; y: number } // "the 1990s"
    | { kind: 'quarter'; q: number; y?: number; yearRel?: number } // "the third quarter of 2004" (q 1-4), halves as q 5-6
    | { kind: 'weekday'; wd: number; mod?: Modifier } // "Thursday", "last Thursday", "el jueves"
    | { kind: 'ordinalDay'; d: number; monthRel?: number } // "the 20th", "the 3rd of this month"
    | { kind: 'relative'; unit: Unit; amount: number; mod?: Modifier } // yesterday, last week, two weeks ago
    | { kind: 'weekend'; mod?: Modifier } // "last weekend", "over the weekend"
    | { kind: 'season'; mod: Modifier; season: 'spring' | 'summer' | 'autumn' | 'winter' } // "last summer", "this fall"
    | { kind: 'offset'; unit: Unit; amount?: number; inner?: Candidate } // "three days after January 3", "two days later"
    | { kind: 'holiday'; holiday: Holiday; mod?: Modifier; y?: number } // "Christmas Eve", "Thanksgiving 2024"
    | { kind: 'yearEnd'; yearRel?: number } // "the end of the year", "year-end"
    | { kind: 'isoWeek'; y: number; week: number } // "2026-W03"
    | { kind: 'anaphor'; amount: number; wd?: number } // "the previous Friday", "that day", "the day before"
    | { kind: 'vague'; reason?: string } // a date-like expression with no resolvable value
  );

export type Kind = Parse['kind'];
export type ParseOf<K extends Kind> = Extract<Parse, { kind: K }>;

export interface Candidate extends Span {
  parse: Parse;
  /** Several mentions produced by one match (ranges); selected or dropped together. */
  group?: Candidate[];
  /** Accepted only when chained to an accepted neighbour ("in 2004 and 2005"). */
  needsChain?: boolean;
}

export interface Options {
  /** Accept bare months/years/ordinals without a preposition (a whole expression was given). */
  lenient: boolean;
}

/** One pattern family of the grammar: scans the whole text once, pushing candidates to `out`. */
export interface Parser {
  name: string;
  parse(text: string, out: Candidate[], opt: Options): void;
}

export interface Resolved {
  value?: string;
  granularity?: Granularity;
  how: string;
}

/** The date a text was talking about just before an anaphor. */
export interface Anchor {
  value: string;
  granularity: Granularity;
  end: number;
}

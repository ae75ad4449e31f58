// Date values as the export writes them (TIMEX3 style) and the calendar range each covers:
//   day `2026-01-15`, month `2026-01`, year `2026`, ISO week `2026-W03`, weekend `2026-W03-WE`,
//   quarter `2026-Q3`, half `2026-H1`, season `2025-SU` (SP, SU, FA, WI), decade `196X`.
// The timeline sorts and nests periods by these ranges.
import type { Granularity } from '../types';
import { addMonths, daysInMonth, formatDay, formatIsoWeek, fromDayNumber, isoWeekMonday, IsoWeek } from './calendar';

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** First month of each season (northern meteorological seasons; winter runs into the next year). */
const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const formatWeek = (w: IsoWeek): string => formatIsoWeek(w);
export const formatWeekend = (w: IsoWeek): string => `${formatIsoWeek(w)}-WE`;
export const formatQuarter = (y: number, q: number): string => `${y}-Q${q}`;
export const formatHalf = (y: number, h: number): string => `${y}-H${h}`;
export const formatSeason = (y: number, s: Season): string => `${y}-${s}`;
export const formatDecade = (startYear: number): string => `${String(Math.floor(startYear / 10))}X`;

export interface DayRange {
  /** First and last day, `YYYY-MM-DD`. */
  first: string;
  last: string;
}

function monthsRange(y: number, m: number, months: number): DayRange {
  const end = addMonths(y, m, months - 1);
  return { first: formatDay({ y, m, d: 1 }), last: formatDay({ y: end.y, m: end.m, d: daysInMonth(end.y, end.m) }) };
}

function daysRange(firstDay: number, days: number): DayRange {
  return { first: formatDay(fromDayNumber(firstDay)), last: formatDay(fromDayNumber(firstDay + days - 1)) };
}

/** The granularity a value is written in, or undefined when it is not a date value. */
export function granularityOfValue(value: string): Granularity | undefined {
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
  if (/^\d{4}-W\d{2}-WE$/.test(value)) return 'weekend';
  if (/^\d{4}-Q[1-4]$/.test(value)) return 'quarter';
  if (/^\d{4}-H[12]$/.test(value)) return 'half';
  if (/^\d{4}-(?:SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{3}X$/.test(value)) return 'decade';
  return undefined;
}

/** The days a value covers; undefined for what is not a date value. */
export function rangeOf(value: string): DayRange | undefined {
  const y = Number(value.slice(0, 4));
  switch (granularityOfValue(value)) {
    case 'year':
      return monthsRange(y, 1, 12);
    case 'month':
      return monthsRange(y, Number(value.slice(5, 7)), 1);
    case 'day':
      return { first: value, last: value };
    case 'week':
      return daysRange(isoWeekMonday({ year: y, week: Number(value.slice(6, 8)) }), 7);
    case 'weekend':
      return daysRange(isoWeekMonday({ year: y, week: Number(value.slice(6, 8)) }) + 5, 2);
    case 'quarter':
      return monthsRange(y, (Number(value[6]) - 1) * 3 + 1, 3);
    case 'half':
      return monthsRange(y, (Number(value[6]) - 1) * 6 + 1, 6);
    case 'season':
      return monthsRange(y, SEASON_START[value.slice(5) as Season], 3);
    case 'decade': {
      const start = Number(value.slice(0, 3)) * 10;
      return monthsRange(start, 1, 120);
    }
    default:
      return undefined;
  }
}

/**
 * Orders date values along the calendar: by first day, then the longer period first (a year
 * before its January, a week before its Monday); values that are not dates go last.
 */
export function compareDateValues(a: string, b: string): number {
  const ra = rangeOf(a);
  const rb = rangeOf(b);
  if (!ra || !rb) return ra ? -1 : rb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  if (ra.first !== rb.first) return ra.first < rb.first ? -1 : 1;
  if (ra.last !== rb.last) return ra.last > rb.last ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The month (`YYYY-MM`) a value starts in; the timeline nests weeks and weekends there. */
export function monthOfValue(value: string): string | undefined {
  return rangeOf(value)?.first.slice(0, 7);
}

export interface PeriodStep {
  granularity: Granularity;
  value: string;
}

/**
 * Where a value sits in the timeline's tree, outermost first: a day under its month under its
 * year; a week or weekend under the month it starts in; a quarter, half or season under its
 * year; a decade at the top.
 */
export function periodPath(value: string): PeriodStep[] {
  const granularity = granularityOfValue(value);
  const range = rangeOf(value);
  if (!granularity || !range) return [];
  if (granularity === 'decade') return [{ granularity, value }];
  const year: PeriodStep = { granularity: 'year', value: value.slice(0, 4) };
  if (granularity === 'year') return [year];
  if (granularity === 'quarter' || granularity === 'half' || granularity === 'season') return [year, { granularity, value }];
  const first = granularity === 'week' || granularity === 'weekend' ? range.first : value;
  const path: PeriodStep[] = [
    { granularity: 'year', value: first.slice(0, 4) },
    { granularity: 'month', value: first.slice(0, 7) },
  ];
  if (granularity !== 'month') path.push({ granularity, value });
  return path;
}

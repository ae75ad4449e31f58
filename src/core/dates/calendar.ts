// Calendar arithmetic: pure integer arithmetic on UTC days, so no time zone can shift a date.
// The bottom of the dates folder: imports nothing.

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const MS_PER_DAY = 86_400_000;
export const WEEK_DAYS = 7;
/** Publication dates and date values outside these years are taken as misreadings. */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2100 };

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isPlausibleYear(y: number): boolean {
  return y >= PLAUSIBLE_YEARS.min && y <= PLAUSIBLE_YEARS.max;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: Ymd): number {
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: Ymd): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function addDays(date: Ymd, n: number): Ymd {
  return fromDayNumber(toDayNumber(date) + n);
}

export function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + delta;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function formatDay(date: Ymd): string {
  return `${pad4(date.y)}-${pad2(date.m)}-${pad2(date.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

/** Parses `YYYY-MM-DD`; undefined when malformed or not a real day. */
export function parseIsoDay(value: string | undefined): Ymd | undefined {
  const m = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const ymd = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidYmd(ymd.y, ymd.m, ymd.d) ? ymd : undefined;
}

// ---------------------------------------------------------------------------------------------
// ISO 8601 weeks: weeks start on Monday; week 1 holds the year's first Thursday.

export interface IsoWeek {
  year: number;
  week: number;
}

/** Monday of the ISO week holding `date`, as a day number. */
export function mondayOf(date: Ymd): number {
  return toDayNumber(date) - ((weekdayOf(date) + 6) % WEEK_DAYS);
}

export function isoWeekOf(date: Ymd): IsoWeek {
  const thursday = fromDayNumber(mondayOf(date) + 3);
  const jan1 = toDayNumber({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toDayNumber(thursday) - jan1) / WEEK_DAYS) + 1 };
}

export function formatIsoWeek(w: IsoWeek): string {
  return `${pad4(w.year)}-W${pad2(w.week)}`;
}

/** The Monday of ISO week `week` of `year`, as a day number. */
export function isoWeekMonday(w: IsoWeek): number {
  const jan4: Ymd = { y: w.year, m: 1, d: 4 };
  return mondayOf(jan4) + (w.week - 1) * WEEK_DAYS;
}

// Resolvers: one per kind of Parse, each turning what was written into a value against the
// article's date (and, for anaphora, the date mentioned just before), with an explanation a
// reader can check ("Thursday → 2026-01-15, the most recent Thursday on or before…").
import { DATE_SOURCE_LABELS } from '../documentDate';
import type { DateMention, DateSource, Granularity } from '../types';
import { addDays, addMonths, formatDay, formatMonth, fromDayNumber, isoWeekOf, isValidYmd, parseIsoDay, toDayNumber, weekdayOf, WEEK_DAYS, Ymd } from './calendar';
import { Direction, directionAt, pastCue } from './cues';
import { holidayIn } from './holidays';
import { MONTH_NAMES, WEEKDAY_NAMES } from './lexicon';
import type { Anchor, Candidate, Kind, ParseOf, Resolved } from './types';
import { formatDecade, formatHalf, formatQuarter, formatSeason, formatWeek, formatWeekend, Season } from './values';

/** A bare month-day may be this far after the reference before we read it as last year's. */
export const FUTURE_TOLERANCE_DAYS = 30;

const SEASON_CODES: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', winter: 'WI' };

const DIRECTION_WORDS: Record<Direction, string> = { future: 'on or after', past: 'on or before', nearest: 'to' };

/** The year of month-day `m`/`d` a reader picks from `ref` (nearest: ties go to the past). */
function yearOfMonthDay(m: number, d: number, ref: Ymd, direction: Direction): number | undefined {
  const refN = toDayNumber(ref);
  const options = [ref.y - 1, ref.y, ref.y + 1].filter((y) => isValidYmd(y, m, d)).map((y) => ({ y, n: toDayNumber({ y, m, d }) - refN }));
  if (direction === 'future') return options.find((o) => o.n >= 0)?.y;
  if (direction === 'past') return [...options].reverse().find((o) => o.n <= 0)?.y;
  let best: { y: number; n: number } | undefined;
  for (const o of options) if (!best || Math.abs(o.n) < Math.abs(best.n)) best = o;
  return best?.y;
}

/** The year of month `m` a reader picks from `ref` (nearest: six months either way goes to the past). */
function yearOfMonth(m: number, ref: Ymd, direction: Direction): number {
  if (direction === 'future') return m >= ref.m ? ref.y : ref.y + 1;
  if (direction === 'past') return m <= ref.m ? ref.y : ref.y - 1;
  const diff = m - ref.m;
  return diff >= 6 ? ref.y - 1 : diff < -6 ? ref.y + 1 : ref.y;
}

/** What every resolver may use: the expression, the reference, the direction, value builders. */
interface ResolveContext {
  expr: string;
  text: string;
  c: Candidate;
  ref: Ymd | undefined;
  refSource: DateSource | undefined;
  refPhrase: string;
  anchor: Anchor | undefined;
  direction: () => Direction;
  isFuture: () => boolean;
  looks: () => string;
  noRef: (what: string) => Resolved;
  day: (date: Ymd, why: string) => Resolved;
  month: (y: number, m: number, why: string) => Resolved;
  year: (y: number, why: string) => Resolved;
  period: (value: string, granularity: Granularity, why: string) => Resolved;
  note: string;
  part: string;
  resolveInner: (inner: Candidate) => Resolved;
}

type Resolver<K extends Kind> = (p: ParseOf<K>, x: ResolveContext) => Resolved;

const RESOLVERS: { [K in Kind]: Resolver<K> } = {
  full: (p, x) => {
    const { day, note } = x;
    return day({ y: p.y, m: p.m, d: p.d }, `an explicit date${note}`);
  },
  monthDay: (p, x) => {
    const { expr, ref, refPhrase, direction, looks, noRef, day, note } = x;
    const md = `${MONTH_NAMES[p.m - 1]} ${p.d}`;
    if (p.yearRel !== undefined) {
      if (!ref) return noRef('the year is given relative to the article');
      const y = ref.y + p.yearRel;
      if (!isValidYmd(y, p.m, p.d)) return { how: `${expr}: ${md} does not exist in ${y}` };
      return day({ y, m: p.m, d: p.d }, `${md} of ${y}, the year given relative to ${refPhrase}`);
    }
    if (!ref) return noRef('no year is given');
    const y = yearOfMonthDay(p.m, p.d, ref, direction());
    if (y === undefined) return { how: `${expr}: ${md} does not exist near ${refPhrase}` };
    const which = direction() === 'future' ? 'next' : direction() === 'past' ? 'most recent' : 'nearest';
    return day({ y, m: p.m, d: p.d }, `the ${which} ${md} ${DIRECTION_WORDS[direction()]} ${refPhrase}${looks()}${note}`);
  },
  monthYear: (p, x) => {
    const { month, note, part } = x;
    return month(p.y, p.m, `an explicit month${part}${note}`);
  },
  month: (p, x) => {
    const { ref, refPhrase, direction, looks, noRef, month, note, part } = x;
    const name = MONTH_NAMES[p.m - 1];
    if (p.yearRel !== undefined) {
      if (!ref) return noRef('the year is given relative to the article');
      return month(ref.y + p.yearRel, p.m, `${name} of the year given relative to ${refPhrase}${part}`);
    }
    if (!ref) return noRef('no year is given');
    if (p.mod === 'last') {
      const y = p.m < ref.m ? ref.y : ref.y - 1;
      return month(y, p.m, `the last ${name} before ${refPhrase}`);
    }
    if (p.mod === 'next') {
      const y = p.m > ref.m ? ref.y : ref.y + 1;
      return month(y, p.m, `the next ${name} after ${refPhrase}`);
    }
    if (p.mod === 'this') return month(ref.y, p.m, `${name} of the year of ${refPhrase}`);
    const which = direction() === 'future' ? 'next' : direction() === 'past' ? 'most recent' : 'nearest';
    return month(yearOfMonth(p.m, ref, direction()), p.m, `the ${which} ${name} ${DIRECTION_WORDS[direction()]} ${refPhrase}${looks()}${part}${note}`);
  },
  year: (p, x) => {
    const { year, note } = x;
    return year(p.y, `an explicit year${note}`);
  },
  decade: (p, x) => {
    const { period, part } = x;
    return period(formatDecade(p.y), 'decade', `the decade ${p.y}–${p.y + 9}${part}`);
  },
  quarter: (p, x) => {
    const { ref, refPhrase, isFuture, noRef, period } = x;
    const isHalf = p.q > 4;
    const startMonth = isHalf ? (p.q - 5) * 6 + 1 : (p.q - 1) * 3 + 1;
    const label = isHalf ? `half ${p.q - 4}` : `Q${p.q}`;
    const of = (y: number, why: string): Resolved =>
      isHalf ? period(formatHalf(y, p.q - 4), 'half', why) : period(formatQuarter(y, p.q), 'quarter', why);
    if (p.y !== undefined) return of(p.y, `${label} of ${p.y}`);
    if (!ref) return noRef('no year is given');
    if (p.yearRel !== undefined) return of(ref.y + p.yearRel, `${label} of the year given relative to ${refPhrase}`);
    const y = isFuture() ? (startMonth >= ref.m - 2 ? ref.y : ref.y + 1) : startMonth <= ref.m ? ref.y : ref.y - 1;
    return of(y, `the ${isFuture() ? 'next' : 'most recent'} ${label} from ${refPhrase}`);
  },
  weekday: (p, x) => {
    const { ref, refPhrase, direction, isFuture, noRef, day } = x;
    const name = WEEKDAY_NAMES[p.wd];
    if (!ref) return noRef(`a weekday alone`);
    const rwd = weekdayOf(ref);
    const refN = toDayNumber(ref);
    let delta: number;
    let why: string;
    if (p.mod === 'last') {
      delta = -(((rwd - p.wd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS);
      why = `the last ${name} before ${refPhrase}`;
    } else if (p.mod === 'next') {
      delta = ((p.wd - rwd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS;
      why = `the next ${name} after ${refPhrase}`;
    } else if (p.mod === 'this' || isFuture()) {
      delta = (p.wd - rwd + WEEK_DAYS) % WEEK_DAYS;
      why = `the first ${name} on or after ${refPhrase}${p.mod ? '' : ' (the sentence looks ahead)'}`;
    } else {
      const back = (rwd - p.wd + WEEK_DAYS) % WEEK_DAYS;
      const ahead = (p.wd - rwd + WEEK_DAYS) % WEEK_DAYS;
      if (direction() === 'nearest' && ahead < back) {
        delta = ahead;
        why = `the nearest ${name} to ${refPhrase}`;
      } else {
        delta = -back;
        why = `the most recent ${name} on or before ${refPhrase}`;
      }
    }
    return day(fromDayNumber(refN + delta), why);
  },
  ordinalDay: (p, x) => {
    const { expr, ref, refPhrase, isFuture, noRef, day } = x;
    if (!ref) return noRef('a day of the month alone');
    let ym = { y: ref.y, m: ref.m };
    let why: string;
    if (p.monthRel !== undefined) {
      ym = addMonths(ref.y, ref.m, p.monthRel);
      why = `day ${p.d} of the month given relative to ${refPhrase}`;
    } else if (isFuture() && p.d < ref.d) {
      ym = addMonths(ref.y, ref.m, 1);
      why = `day ${p.d} of the month after ${refPhrase} (the sentence looks ahead)`;
    } else if (!isFuture() && p.d > ref.d) {
      ym = addMonths(ref.y, ref.m, -1);
      why = `day ${p.d} of the month before ${refPhrase}, since it is later than the article's day`;
    } else {
      why = `day ${p.d} of the month of ${refPhrase}`;
    }
    if (!isValidYmd(ym.y, ym.m, p.d)) return { how: `${expr}: ${formatMonth(ym.y, ym.m)} has no day ${p.d}` };
    return day({ y: ym.y, m: ym.m, d: p.d }, why);
  },
  relative: (p, x) => {
    const { expr, ref, refPhrase, noRef, day, month, year, period, part } = x;
    if (!ref) return noRef('a date relative to the article');
    const n = p.amount;
    const part2 = p.part ? `, ${p.part}` : '';
    switch (p.unit) {
      case 'day': {
        const what = n === 0 ? 'the day of' : n < 0 ? `${-n} day${n === -1 ? '' : 's'} before` : `${n} day${n === 1 ? '' : 's'} after`;
        return day(fromDayNumber(toDayNumber(ref) + n), `${what} ${refPhrase}`);
      }
      case 'week': {
        // "this week", "late last week": the ISO week itself; "three weeks ago": that day.
        if (p.note === 'ago') return day(addDays(ref, n * WEEK_DAYS), `${-n * WEEK_DAYS} days before ${refPhrase} (a day in that week)`);
        const what = n === 0 ? 'the week of' : n < 0 ? `${-n} week${n === -1 ? '' : 's'} before the week of` : `${n} week${n === 1 ? '' : 's'} after the week of`;
        return period(formatWeek(isoWeekOf(addDays(ref, n * WEEK_DAYS))), 'week', `${what} ${refPhrase}${part2}`);
      }
      case 'month': {
        const ym = addMonths(ref.y, ref.m, n);
        const what = n === 0 ? 'the month of' : n < 0 ? `${-n} month${n === -1 ? '' : 's'} before` : `${n} month${n === 1 ? '' : 's'} after`;
        return month(ym.y, ym.m, `${what} ${refPhrase}${part}`);
      }
      case 'year': {
        const what = n === 0 ? 'the year of' : n < 0 ? `${-n} year${n === -1 ? '' : 's'} before` : `${n} year${n === 1 ? '' : 's'} after`;
        return year(ref.y + n, `${what} ${refPhrase}${part}`);
      }
      case 'decade':
        return period(formatDecade(ref.y + 10 * n), 'decade', `the decade ${Math.abs(n) * 10} years ${n < 0 ? 'before' : 'after'} ${refPhrase}`);
    }
    return { how: `${expr}: unsupported unit` };
  },
  weekend: (p, x) => {
    const { ref, refPhrase, isFuture, noRef, period } = x;
    if (!ref) return noRef('a weekend relative to the article');
    const rwd = weekdayOf(ref);
    const refN = toDayNumber(ref);
    // Saturday of the weekend meant: "last" = the last weekend fully before the article's day,
    // "this" = the current one (or the coming one on a weekday), "next" = the one after that;
    // "the weekend" = the coming one when the sentence looks ahead, else the latest one begun.
    const thisSat = rwd === 0 ? refN - 1 : refN + (6 - rwd);
    const latestSat = rwd === 6 ? refN : rwd === 0 ? refN - 1 : thisSat - WEEK_DAYS;
    const sat = p.mod === 'last' ? thisSat - WEEK_DAYS : p.mod === 'next' ? thisSat + WEEK_DAYS : p.mod === 'this' || isFuture() ? thisSat : latestSat;
    const which = p.mod ?? (isFuture() ? 'the coming' : 'the latest');
    return period(formatWeekend(isoWeekOf(fromDayNumber(sat))), 'weekend', `${which} weekend from ${refPhrase} (Saturday ${formatDay(fromDayNumber(sat))})`);
  },
  season: (p, x) => {
    const { ref, refPhrase, noRef, period } = x;
    if (!ref) return noRef('a season relative to the article');
    const season = p.season;
    const code = SEASON_CODES[season];
    // A season by the month it starts in; winter (December to February) counts from its December.
    const first = code === 'SP' ? 3 : code === 'SU' ? 6 : code === 'FA' ? 9 : 12;
    const refIndex = ref.y * 12 + ref.m - 1;
    const startOf = (y: number) => y * 12 + first - 1;
    // The season under way or most recently begun at the article's date.
    const current = startOf(ref.y) <= refIndex ? ref.y : ref.y - 1;
    const inProgress = refIndex - startOf(current) < 3;
    // "this spring" in June is the one just ended; "this autumn" in June the coming one.
    const y = p.mod === 'last' ? (inProgress ? current - 1 : current) : p.mod === 'next' ? current + 1 : inProgress || current === ref.y ? current : current + 1;
    return period(formatSeason(y, code), 'season', `the ${p.mod === 'this' ? 'current' : p.mod} ${season} from ${refPhrase}`);
  },
  offset: (p, x) => {
    const { expr, ref, refPhrase, day, month, year, anchor, resolveInner } = x;
    if (!p.inner && /(?:earlier|later)$/i.test(expr) && p.amount !== undefined) {
      // "two days later", "a year earlier": counted from the date just mentioned.
      const n = p.amount;
      if (anchor?.granularity === 'day' && (p.unit === 'day' || p.unit === 'week')) {
        const days = p.unit === 'week' ? n * WEEK_DAYS : n;
        return day(addDays(parseIsoDay(anchor.value)!, days), `${Math.abs(n)} ${p.unit}(s) ${n < 0 ? 'before' : 'after'} ${anchor.value}, the date mentioned just before`);
      }
      if (p.unit === 'year' && anchor) return year(Number(anchor.value.slice(0, 4)) + n, `${Math.abs(n)} year(s) ${n < 0 ? 'before' : 'after'} ${anchor.value.slice(0, 4)}, the date mentioned just before`);
      if (p.unit === 'year' && n < 0 && ref) return year(ref.y + n, `${-n} year(s) before ${refPhrase}`);
    }
    if (!p.inner) return { how: `${expr}: counted from another event, so it cannot be placed on the calendar` };
    const inner = resolveInner(p.inner);
    if (!inner.value || p.amount === undefined) return { how: `${expr}: counted from an expression that could not be resolved` };
    const n = p.amount;
    if (inner.granularity === 'day' && (p.unit === 'day' || p.unit === 'week')) {
      const days = p.unit === 'week' ? n * WEEK_DAYS : n;
      const base = parseIsoDay(inner.value)!;
      return day(fromDayNumber(toDayNumber(base) + days), `${Math.abs(n)} ${p.unit}(s) ${n < 0 ? 'before' : 'after'} ${inner.value}`);
    }
    if (inner.granularity !== 'year' && p.unit === 'month') {
      const [y, m] = inner.value.split('-').map(Number);
      const ym = addMonths(y, m, n);
      return month(ym.y, ym.m, `${Math.abs(n)} month(s) ${n < 0 ? 'before' : 'after'} ${inner.value.slice(0, 7)}`);
    }
    if (p.unit === 'year') {
      return year(Number(inner.value.slice(0, 4)) + n, `${Math.abs(n)} year(s) ${n < 0 ? 'before' : 'after'} ${inner.value.slice(0, 4)}`);
    }
    return { how: `${expr}: the offset is finer than its anchor ${inner.value}` };
  },
  holiday: (p, x) => {
    const { text, c, ref, refPhrase, isFuture, noRef, day } = x;
    const h = p.holiday;
    const on = (y: number): Ymd => holidayIn(h, y);
    if (p.y !== undefined) return day(on(p.y), `${h.name} of ${p.y}`);
    if (!ref) return noRef('no year is given');
    const refN = toDayNumber(ref);
    const thisYear = toDayNumber(on(ref.y));
    if (p.mod === 'last') return day(on(thisYear < refN ? ref.y : ref.y - 1), `the last ${h.name} before ${refPhrase}`);
    if (p.mod === 'next') return day(on(thisYear > refN ? ref.y : ref.y + 1), `the next ${h.name} after ${refPhrase}`);
    if (p.mod === 'this') return day(on(ref.y), `${h.name} of the year of ${refPhrase}`);
    if (isFuture()) return day(on(thisYear >= refN ? ref.y : ref.y + 1), `the next ${h.name} on or after ${refPhrase} (the sentence looks ahead)`);
    // As for "January 3": a few weeks ahead is tolerated unless the verb is in the past.
    const tolerance = pastCue(text, c.start) ? 0 : FUTURE_TOLERANCE_DAYS;
    if (thisYear - refN <= tolerance) return day(on(ref.y), `${h.name} in the year of ${refPhrase}`);
    return day(on(ref.y - 1), `the previous ${h.name}: ${h.name} ${ref.y} would be after ${refPhrase}`);
  },
  anaphor: (p, x) => {
    const { expr, day, part, anchor } = x;
    if (anchor?.granularity !== 'day') return { how: `${expr}: refers to a day mentioned earlier, and no day is mentioned just before` };
    const base = parseIsoDay(anchor.value)!;
    if (p.wd !== undefined) {
      const name = WEEKDAY_NAMES[p.wd];
      const bwd = weekdayOf(base);
      const delta = p.amount < 0 ? -(((bwd - p.wd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS) : ((p.wd - bwd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS;
      return day(addDays(base, delta), `the ${name} ${delta < 0 ? 'before' : 'after'} ${anchor.value}, the day mentioned just before`);
    }
    const n = p.amount ?? 0;
    const what = n === 0 ? 'the same day as' : n < 0 ? 'the day before' : 'the day after';
    return day(addDays(base, n), `${what} ${anchor.value}, the day mentioned just before${part}`);
  },
  yearEnd: (p, x) => {
    const { ref, refPhrase, direction, looks, noRef, month } = x;
    if (!ref) return noRef('the end of a year relative to the article');
    // "the end of the year" is the article's year, unless early in a year the verb looks back.
    const y = p.yearRel !== undefined ? ref.y + p.yearRel : direction() === 'past' && ref.m <= 2 ? ref.y - 1 : ref.y;
    return month(y, 12, `the end of ${y}, from ${refPhrase}${looks()}`);
  },
  isoWeek: (p, x) => {
    const { period } = x;
    return period(formatWeek({ year: p.y, week: p.week }), 'week', `ISO week ${p.week} of ${p.y}`);
  },
  vague: (p, x) => {
    const { expr } = x;
    return { how: `${expr}: ${p.reason ?? 'not precise enough to place on the calendar'}` };
  },
};

export function resolve(c: Candidate, text: string, ref: Ymd | undefined, refSource?: DateSource, anchor?: Anchor): Resolved {
  const expr = text.slice(c.start, c.end);
  const p = c.parse;
  const refStr = ref ? formatDay(ref) : '';
  let dir: Direction | undefined;
  const direction = (): Direction => (dir ??= ref ? directionAt(text, c.start, c.end) : 'nearest');
  const x: ResolveContext = {
    expr,
    text,
    c,
    ref,
    refSource,
    anchor,
    refPhrase: `this article's date ${refStr}${refSource ? ` (${DATE_SOURCE_LABELS[refSource]})` : ''}`,
    direction,
    isFuture: () => direction() === 'future',
    looks: () => (direction() === 'future' ? ' (the sentence looks ahead)' : direction() === 'past' ? ' (the sentence looks back)' : ''),
    noRef: (what) => ({ how: `${expr}: ${what}, and this document has no date to resolve it against` }),
    day: (date, why) => ({ value: formatDay(date), granularity: 'day', how: `${expr} → ${formatDay(date)}, ${why}` }),
    month: (y, m, why) => ({ value: formatMonth(y, m), granularity: 'month', how: `${expr} → ${formatMonth(y, m)}, ${why}` }),
    year: (y, why) => ({ value: String(y), granularity: 'year', how: `${expr} → ${y}, ${why}` }),
    period: (value, granularity, why) => ({ value, granularity, how: `${expr} → ${value}, ${why}` }),
    note: p.note ? ` (${p.note})` : '',
    part: p.part ? ` (${p.part})` : '',
    resolveInner: (inner) => resolve(inner, text, ref, refSource),
  };
  return (RESOLVERS[p.kind] as Resolver<Kind>)(p, x);
}

export function toMention(c: Candidate, text: string, ref: Ymd | undefined, refSource?: DateSource, anchor?: Anchor): DateMention {
  const r = resolve(c, text, ref, refSource, anchor);
  const mention: DateMention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), how: r.how };
  if (r.value !== undefined) {
    mention.value = r.value;
    mention.granularity = r.granularity;
  }
  return mention;
}

/** An anaphor ("that day", "two days later") looks back this far for the date it refers to. */
const ANAPHOR_WINDOW_CHARS = 400;

/** Resolves the candidates in text order, each anaphor against the last date before it. */
export function resolveAll(candidates: Candidate[], text: string, ref: Ymd | undefined, refSource?: DateSource): DateMention[] {
  const out: DateMention[] = [];
  let anchor: Anchor | undefined;
  for (const c of candidates) {
    const near = anchor && c.start - anchor.end <= ANAPHOR_WINDOW_CHARS ? anchor : undefined;
    const m = toMention(c, text, ref, refSource, near);
    if (m.value && m.granularity) anchor = { value: m.value, granularity: m.granularity, end: m.end };
    out.push(m);
  }
  return out;
}

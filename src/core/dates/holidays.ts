// Holidays every news reader knows, and the day each falls on in a given year: fixed days
// ("Christmas Day"), days counted from Easter ("Good Friday"), and n-th weekdays of a month
// ("Thanksgiving"). General knowledge only; names that mean different days in different
// countries ("Independence Day", "Labour Day", "Mother's Day") are left out.
import { daysInMonth, fromDayNumber, toDayNumber, weekdayOf, Ymd } from './calendar';

type HolidayDay =
  | { month: number; day: number }
  | { easterOffset: number }
  /** nth weekday of the month (weekday 0 = Sunday); nth -1 = the last one. */
  | { month: number; weekday: number; nth: number };

export interface Holiday {
  /** Canonical name, for explanations. */
  name: string;
  /** Spellings as written in text (apostrophes straight or curly: both are matched). */
  spellings: string[];
  day: HolidayDay;
  /**
   * The name alone also names other things ("Christmas tree", "Easter eggs"): it counts as a
   * date only after a preposition or modifier ("at Christmas", "last Easter") or before a
   * word like "holiday" or "weekend".
   */
  needsContext?: boolean;
}

export const HOLIDAYS: Holiday[] = [
  { name: "New Year's Day", spellings: ["New Year's Day"], day: { month: 1, day: 1 } },
  { name: "New Year's Eve", spellings: ["New Year's Eve", 'Hogmanay'], day: { month: 12, day: 31 } },
  { name: 'Christmas Day', spellings: ['Christmas Day'], day: { month: 12, day: 25 } },
  { name: 'Christmas Eve', spellings: ['Christmas Eve'], day: { month: 12, day: 24 } },
  { name: 'Christmas', spellings: ['Christmas'], day: { month: 12, day: 25 }, needsContext: true },
  { name: 'Boxing Day', spellings: ['Boxing Day'], day: { month: 12, day: 26 } },
  { name: "Valentine's Day", spellings: ["Valentine's Day", "St Valentine's Day", "St. Valentine's Day"], day: { month: 2, day: 14 } },
  { name: "St Patrick's Day", spellings: ["St Patrick's Day", "St. Patrick's Day", "Saint Patrick's Day"], day: { month: 3, day: 17 } },
  { name: "International Women's Day", spellings: ["International Women's Day"], day: { month: 3, day: 8 } },
  { name: 'May Day', spellings: ['May Day'], day: { month: 5, day: 1 } },
  { name: 'Fourth of July', spellings: ['Fourth of July', 'July Fourth'], day: { month: 7, day: 4 } },
  { name: 'Bastille Day', spellings: ['Bastille Day'], day: { month: 7, day: 14 } },
  { name: 'Halloween', spellings: ['Halloween', "Hallowe'en"], day: { month: 10, day: 31 }, needsContext: true },
  { name: 'Bonfire Night', spellings: ['Bonfire Night', 'Guy Fawkes Night'], day: { month: 11, day: 5 } },
  { name: 'Armistice Day', spellings: ['Armistice Day', 'Remembrance Day', 'Veterans Day', "Veterans' Day"], day: { month: 11, day: 11 } },
  { name: 'Ash Wednesday', spellings: ['Ash Wednesday'], day: { easterOffset: -46 } },
  { name: 'Palm Sunday', spellings: ['Palm Sunday'], day: { easterOffset: -7 } },
  { name: 'Maundy Thursday', spellings: ['Maundy Thursday', 'Holy Thursday'], day: { easterOffset: -3 } },
  { name: 'Good Friday', spellings: ['Good Friday'], day: { easterOffset: -2 } },
  { name: 'Easter Sunday', spellings: ['Easter Sunday', 'Easter Day'], day: { easterOffset: 0 } },
  { name: 'Easter', spellings: ['Easter'], day: { easterOffset: 0 }, needsContext: true },
  { name: 'Easter Monday', spellings: ['Easter Monday'], day: { easterOffset: 1 } },
  { name: 'Pentecost', spellings: ['Pentecost', 'Whit Sunday', 'Whitsunday'], day: { easterOffset: 49 } },
  { name: 'Martin Luther King Day', spellings: ['Martin Luther King Day', 'Martin Luther King Jr. Day', 'Martin Luther King Jr Day', 'MLK Day'], day: { month: 1, weekday: 1, nth: 3 } },
  { name: "Presidents' Day", spellings: ["Presidents' Day", 'Presidents Day'], day: { month: 2, weekday: 1, nth: 3 } },
  { name: 'Memorial Day', spellings: ['Memorial Day'], day: { month: 5, weekday: 1, nth: -1 } },
  { name: 'Labor Day', spellings: ['Labor Day'], day: { month: 9, weekday: 1, nth: 1 } },
  { name: 'Thanksgiving Day', spellings: ['Thanksgiving Day'], day: { month: 11, weekday: 4, nth: 4 } },
  { name: 'Thanksgiving', spellings: ['Thanksgiving'], day: { month: 11, weekday: 4, nth: 4 }, needsContext: true },
];

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The day a holiday falls on in year y. */
export function holidayIn(h: Holiday, y: number): Ymd {
  const day = h.day;
  if ('easterOffset' in day) return fromDayNumber(toDayNumber(easterSunday(y)) + day.easterOffset);
  if ('day' in day) return { y, m: day.month, d: day.day };
  if (day.nth > 0) {
    const first = weekdayOf({ y, m: day.month, d: 1 });
    return { y, m: day.month, d: 1 + ((day.weekday - first + 7) % 7) + 7 * (day.nth - 1) };
  }
  const lastDay = daysInMonth(y, day.month);
  const last = weekdayOf({ y, m: day.month, d: lastDay });
  return { y, m: day.month, d: lastDay - ((last - day.weekday + 7) % 7) };
}

/** Holidays by spelling, apostrophes straight. */
export const HOLIDAY_BY_SPELLING = new Map<string, Holiday>(HOLIDAYS.flatMap((h) => h.spellings.map((s) => [s, h] as [string, Holiday])));

export function holidayOf(written: string): Holiday | undefined {
  return HOLIDAY_BY_SPELLING.get(written.replace(/’/g, "'"));
}

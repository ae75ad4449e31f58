// The date grammar: one named parser per pattern family, in order. Every parser scans the whole
// text once and emits candidates; the refiners (../refiners.ts) settle overlaps, longest first,
// and among candidates of equal length the one from the earlier parser wins, so the order below
// is part of the grammar (more specific forms first).
import type { Parser } from '../types';
import { fullDateParser, isoSlashParser, isoWeekParser, numericParser } from './explicit';
import { dayMonthParser, monthParser, monthDayParser, monthRangeParser, monthYearParser } from './months';
import { decadeParser, quarterParser, spelledYearParser, yearParser, yearRangeParser } from './years';
import { ordinalDayParser, weekdayParser } from './weekdays';
import { anaphorDayParser, anaphorWeekdayParser, dayWordParser, relativeParser, theWeekendParser, unitAnchorParser, weekendSeasonParser, yearEarlierParser, yearEndParser } from './relative';
import { holidayParser } from './holidays';
import { spanishParser } from './spanish';

export const PARSERS: readonly Parser[] = [
  fullDateParser,
  monthDayParser,
  dayMonthParser,
  monthYearParser,
  monthParser,
  monthRangeParser,
  yearParser,
  yearRangeParser,
  decadeParser,
  quarterParser,
  weekdayParser,
  holidayParser,
  ordinalDayParser,
  relativeParser,
  weekendSeasonParser,
  theWeekendParser,
  yearEndParser,
  isoWeekParser,
  spelledYearParser,
  dayWordParser,
  unitAnchorParser,
  anaphorWeekdayParser,
  anaphorDayParser,
  yearEarlierParser,
  isoSlashParser,
  numericParser,
  spanishParser,
];

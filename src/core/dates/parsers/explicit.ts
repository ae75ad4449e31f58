// Dates written out in full: "January 15, 2026" (shared with byline detection), "2026/01/15",
// "15.01.2026", "1/15/2026", ISO weeks "2026-W03".
import { isPlausibleYear, isValidYmd } from '../calendar';
import { findFullDates } from '../fullDates';
import { cand, scan } from '../context';
import type { Parser } from '../types';

const RE = {
  isoSlash: /(?<![\d/.-])\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b(?![/.-]?\d)/g,
  isoWeek: /\b(\d{4})-W(\d{2})\b/g,
  numeric: /(?<![\d/.-])\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(?![/.-]?\d)/g,
};

// Explicit full dates (shared with byline detection).
export const fullDateParser: Parser = {
  name: 'fullDate',
  parse: (text, out) => {
    for (const f of findFullDates(text)) out.push({ start: f.start, end: f.end, parse: { kind: 'full', ...f.date } });
  },
};

export const isoSlashParser: Parser = {
  name: 'isoSlash',
  parse: (text, out) =>
    scan(RE.isoSlash, text, (m) => {
      if (isValidYmd(+m[1], +m[2], +m[3])) out.push(cand(m, { kind: 'full', y: +m[1], m: +m[2], d: +m[3] }));
    }),
};

export const numericParser: Parser = {
  name: 'numeric',
  parse: (text, out) =>
    scan(RE.numeric, text, (m) => {
      const a = +m[1];
      const sep = m[2];
      const b = +m[3];
      if (m[4].length === 2 && sep !== '/') return;
      const y = m[4].length === 2 ? 2000 + +m[4] - (+m[4] > 50 ? 100 : 0) : +m[4];
      // Dots are European (day first); slashes/dashes: day first only when the first number
      // cannot be a month, otherwise US month-first.
      const dayFirst = sep === '.' ? b <= 12 : a > 12;
      const [mo, d] = dayFirst ? [b, a] : [a, b];
      if (isValidYmd(y, mo, d)) out.push(cand(m, { kind: 'full', y, m: mo, d, note: dayFirst ? 'day-first numeric date' : 'month-first numeric date' }));
    }),
};

export const isoWeekParser: Parser = {
  name: 'isoWeek',
  parse: (text, out) =>
    // A native substring search first: most texts have no "-W" at all.
    text.includes('-W') &&
    scan(RE.isoWeek, text, (m) => {
      const week = +m[2];
      if (week >= 1 && week <= 53 && isPlausibleYear(+m[1])) out.push(cand(m, { kind: 'isoWeek', y: +m[1], week }));
    }),
};

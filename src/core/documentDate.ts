// Publication date of one document: an explicit `date YYYY-MM-DD` header line, else a
// dateline/byline near the top. Also holds the small calendar helpers dates.ts builds on.
import { DocumentDate, Span } from './types';

// ---------------------------------------------------------------------------------------------
// Calendar helpers (pure integer arithmetic on UTC days, so no time zone can shift a date).

export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const MS_PER_DAY = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
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
// Month and weekday names shared with dates.ts.

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export const SPANISH_MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

/**
 * English month names as written in running text and datelines: Title case or ALL CAPS full
 * names, and the usual abbreviations (optionally with a dot). Never lowercase: "may" and
 * "march" in lowercase are a verb and a noun. Longest alternatives first.
 */
export const EN_MONTH_FULL_RE = `(?:${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((n) => n.toUpperCase()).join('|')})`;
export const EN_MONTH_ABBR_RE = '(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|SEPT|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\\.?';
export const EN_MONTH_RE = `(?:${EN_MONTH_FULL_RE}|${EN_MONTH_ABBR_RE})`;
export const ES_MONTH_RE = `(?:${Object.keys(SPANISH_MONTHS).join('|')}|${Object.keys(SPANISH_MONTHS).map(cap).join('|')})`;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Month number for an English full name, abbreviation (with or without dot) or Spanish name. */
export function monthNumber(word: string): number | undefined {
  const w = word.replace(/\.$/, '').toLowerCase();
  const full = MONTH_NAMES.findIndex((n) => n.toLowerCase() === w);
  if (full >= 0) return full + 1;
  return MONTH_ABBREVIATIONS[w] ?? SPANISH_MONTHS[w];
}

// ---------------------------------------------------------------------------------------------
// Explicit full dates (day, month and year all written). Used for bylines and by dates.ts.

export interface FullDateMatch extends Span {
  date: Ymd;
  form: 'english' | 'spanish' | 'east-asian' | 'iso';
}

const FULL_DATE_PATTERNS: Array<{ form: FullDateMatch['form']; re: RegExp; get: (m: RegExpExecArray) => Ymd | undefined }> = [
  {
    // "January 17, 2026", "Jan. 17, 2026", "January 17 2026", optionally "17th"
    form: 'english',
    re: new RegExp(`\\b(${EN_MONTH_RE})[ \\t\\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t\\u00a0]+(\\d{4})(?![\\d])`, 'g'),
    get: (m) => ymdOf(+m[3], monthNumber(m[1]), +m[2]),
  },
  {
    // "17 January 2026", "17 January, 2026"
    form: 'english',
    re: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})(?:st|nd|rd|th)?[ \\t\\u00a0]+(${EN_MONTH_RE})(?:[ \\t\\u00a0]+|,[ \\t\\u00a0]*)(\\d{4})(?![\\d])`, 'g'),
    get: (m) => ymdOf(+m[3], monthNumber(m[2]), +m[1]),
  },
  {
    // "16 de enero, 2026", "16 de enero de 2026"
    form: 'spanish',
    re: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})[ \\t\\u00a0]+de[ \\t\\u00a0]+(${ES_MONTH_RE})(?:[ \\t\\u00a0]+de[ \\t\\u00a0]+|,[ \\t\\u00a0]*|[ \\t\\u00a0]+)(\\d{4})(?![\\d])`, 'g'),
    get: (m) => ymdOf(+m[3], monthNumber(m[2]), +m[1]),
  },
  {
    // "2026. 1. 21." (Korean blogs), "2026년 1월 21일", "2026年1月21日"
    form: 'east-asian',
    re: /(?<![\d.])\b(\d{4})\.[ \t\u00a0]*(\d{1,2})\.[ \t\u00a0]*(\d{1,2})\.?(?![\d])|(?<!\d)(\d{4})[ \t\u00a0]*[년年][ \t\u00a0]*(\d{1,2})[ \t\u00a0]*[월月][ \t\u00a0]*(\d{1,2})[ \t\u00a0]*[일日]/g,
    get: (m) => (m[1] ? ymdOf(+m[1], +m[2], +m[3]) : ymdOf(+m[4], +m[5], +m[6])),
  },
  {
    form: 'iso',
    re: /(?<![\d-])\b(\d{4})-(\d{2})-(\d{2})\b(?!-\d)/g,
    get: (m) => ymdOf(+m[1], +m[2], +m[3]),
  },
];

function ymdOf(y: number, m: number | undefined, d: number): Ymd | undefined {
  return m !== undefined && y >= 1000 && isValidYmd(y, m, d) ? { y, m, d } : undefined;
}

/** Every explicit full date in `text[from, to)`, in text order (overlaps dropped). */
export function findFullDates(text: string, from = 0, to = text.length): FullDateMatch[] {
  const region = text.slice(from, to);
  const found: FullDateMatch[] = [];
  for (const p of FULL_DATE_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(region); m; m = p.re.exec(region)) {
      const date = p.get(m);
      if (date) found.push({ start: from + m.index, end: from + m.index + m[0].length, date, form: p.form });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FullDateMatch[] = [];
  for (const f of found) if (!out.length || f.start >= out[out.length - 1].end) out.push(f);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Header and byline.

export interface HeaderMarker extends Span {
  value: string;
}

const HEADER_SCAN_CHARS = 2000;
/** Bylines are looked for on lines starting in the first 600 chars, or among the first 4 lines. */
const BYLINE_SCAN_CHARS = 600;
const BYLINE_SCAN_LINES = 4;
const BYLINE_SCAN_MAX_CHARS = 1200;
/** A byline line holds little besides the date: names, an outlet, "7 mins read"… */
const BYLINE_MAX_OTHER_CHARS = 80;
/** Text after a byline's date read at most (a longer rest of the line makes it prose). */
const BYLINE_TAIL_CHARS = 400;
const BYLINE_MAX_LOWERCASE_WORDS = 2;
const BYLINE_WORDS = new Set([
  'by', 'and', 'de', 'del', 'por', 'y', 'published', 'publicado', 'posted', 'updated', 'last', 'actualizado', 'on', 'at',
  'min', 'mins', 'minute', 'minutes', 'read', 'lectura', 'ago', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc',
]);
const BYLINE_CUE = /^\s*(?:by|published|posted|(?:last\s+)?updated|dated?|fecha|publicado|actualizado|por)\b|[|·•]/i;
/** A wire dateline opens the lead paragraph: "WASHINGTON, Jan. 16, 2026 — The Senate…". */
const DATELINE_CITY = /^\s*\p{Lu}[\p{Lu}\p{M} .'’-]{1,40},\s*$/u;

/** The `date YYYY-MM-DD` header marker (start of a line near the top), if any. */
export function findHeaderMarker(text: string): HeaderMarker | undefined {
  const re = /(^|[\r\n])[ \t\uFEFF]*((?:date|Date|DATE)[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2}))(?![\d])/g;
  const head = text.slice(0, HEADER_SCAN_CHARS);
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (!parseIsoDay(m[3])) continue;
    const start = m.index + m[1].length + m[0].slice(m[1].length).indexOf(m[2]);
    return { start, end: start + m[2].length, value: m[3] };
  }
  return undefined;
}

interface Line extends Span {
  text: string;
}

/** Non-empty lines that start within the first BYLINE_SCAN_CHARS, or are among the first few. */
function leadingLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index >= BYLINE_SCAN_CHARS && (lines.length >= BYLINE_SCAN_LINES || m.index >= BYLINE_SCAN_MAX_CHARS)) break;
    if (m[0].trim()) lines.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    re.lastIndex = m.index + m[0].length + 1; // step over the break ("\r\n" just adds an empty line)
  }
  return lines;
}

/** First full date near the top that sits on a byline-like line (not inside a lead sentence). */
export function findByline(text: string): FullDateMatch | undefined {
  for (const line of leadingLines(text)) {
    // Linear on any line: a date with more than BYLINE_MAX_OTHER_CHARS of text before it cannot
    // qualify, and a tail longer than BYLINE_TAIL_CHARS is prose, not a byline.
    const textStart = line.start + /^\s*/.exec(text.slice(line.start, line.start + BYLINE_TAIL_CHARS))![0].length;
    const lastStart = textStart + BYLINE_MAX_OTHER_CHARS + 1;
    for (const f of findFullDates(text, line.start, Math.min(line.end, lastStart + BYLINE_TAIL_CHARS))) {
      if (f.start > lastStart) break;
      const before = text.slice(line.start, f.start);
      // Whatever else is on the line, minus a trailing time ("14:05", "9:30 a.m.").
      const longTail = line.end - f.end > BYLINE_TAIL_CHARS;
      const after = longTail ? '' : text.slice(f.end, line.end).replace(/^[\s,]*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?/i, '');
      const other = (before + ' ' + after).trim();
      // Running prose ("On January 3, 2026, troops seized the airport") has lowercase words.
      const prose = (other.match(/\p{Ll}[\p{L}.'’-]*/gu) ?? []).filter((w) => !BYLINE_WORDS.has(w.replace(/\.$/, '')));
      if (!longTail && other.length <= BYLINE_MAX_OTHER_CHARS && (prose.length <= BYLINE_MAX_LOWERCASE_WORDS || BYLINE_CUE.test(before))) return f;
      if (DATELINE_CITY.test(before)) return f;
    }
  }
  return undefined;
}

/**
 * Publication date from a header line `date YYYY-MM-DD`, else a dateline/byline near the top
 * of the document. Returns {source:'none'} when neither is there (inference lives in dates.ts).
 */
export function detectDocumentDate(text: string): DocumentDate {
  const header = findHeaderMarker(text);
  if (header) return { value: header.value, source: 'header', span: { start: header.start, end: header.end } };
  const byline = findByline(text);
  if (byline) return { value: formatDay(byline.date), source: 'byline', span: { start: byline.start, end: byline.end } };
  return { source: 'none' };
}

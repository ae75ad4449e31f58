// Publication date of one document, from the best clue it has, in this order: an explicit
// header line (`date YYYY-MM-DD`, YAML front matter `date:`), the folder's sidecar table, a
// byline or dateline near the top, a date in the file or folder name. The date inferred from
// the text and the folder's default come after these (dates/index.ts). Every value is a real
// day between 1900 and 2100: a wrong publication date shifts every relative date in the text.
import { DateContext, dateFromPath } from './dateContext';
import { formatDay, isPlausibleYear, isValidYmd, parseIsoDay, toDayNumber, Ymd } from './dates/calendar';
import { FullDateMatch, findFullDates } from './dates/fullDates';
import { EN_MONTH_RE, monthNumber } from './dates/lexicon';
import { ES_MONTH_RE } from './dates/lexicon.es';
import { DateSource, DocumentDate, Span } from './types';

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
/** Only the start of a line can be a byline or dateline (and long lines stay linear to scan). */
const BYLINE_LINE_MAX_CHARS = 400;
/** A byline line holds little besides the date: names, an outlet, "7 mins read"… */
const BYLINE_MAX_OTHER_CHARS = 80;
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
  // `date 2026-01-27`, `Date: 2026-01-27`, YAML `date: "2026-01-27T09:00:00Z"`
  // Multiline `^` starts after "\n" or "\r" alike.
  const re = /^[ \t\uFEFF]*((?:date|Date|DATE)[ \t]*(?::[ \t]*["']?|[ \t]["']?)[ \t]*(\d{4}-\d{2}-\d{2}))(?![\d])/gm;
  const head = text.slice(0, HEADER_SCAN_CHARS);
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const day = parseIsoDay(m[2]);
    if (!day || !isPlausibleYear(day.y)) continue;
    const start = m.index + m[0].length - m[1].length;
    return { start, end: start + m[1].length, value: m[2] };
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
    const end = Math.min(line.end, line.start + BYLINE_LINE_MAX_CHARS);
    for (const f of findFullDates(text, line.start, end)) {
      if (!isPlausibleYear(f.date.y)) continue;
      const before = text.slice(line.start, f.start);
      // Whatever else is on the line, minus a trailing time ("14:05", "9:30 a.m.").
      const after = text.slice(f.end, end).replace(/^[\s,]*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?/i, '');
      const other = (before + ' ' + after).trim();
      // Running prose ("On January 3, 2026, troops seized the airport") has lowercase words.
      const prose = (other.match(/\p{Ll}[\p{L}.'’-]*/gu) ?? []).filter((w) => !BYLINE_WORDS.has(w.replace(/\.$/, '')));
      if (other.length <= BYLINE_MAX_OTHER_CHARS && (prose.length <= BYLINE_MAX_LOWERCASE_WORDS || BYLINE_CUE.test(before))) return f;
      if (DATELINE_CITY.test(before)) return f;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Agency datelines that give the month and day but not the year: "LONDON, Jan 5 (Reuters) -",
// "MADRID, 5 de enero (EFE) —", "PARIS, March 3 —". The year comes from another clue (the name, the
// folder default): the one that puts the dateline nearest to it.

const AGENCY = '(?:\\((?:AP|Reuters|AFP|UPI|Xinhua|Bloomberg|dpa|EFE|IANS|PTI|Kyodo|Yonhap|Interfax|ANSA|CNN|NYT)\\)[ \\t]*)?';
const DATELINE_MONTH_DAY = new RegExp(
  `^[ \\t]*\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}(?:,[ \\t]+\\p{Lu}[\\p{L}.]*(?:[ \\t]+\\p{Lu}[\\p{L}.]*)?)?,[ \\t]+` +
    `(?:(${EN_MONTH_RE})[ \\t]+(\\d{1,2})|(\\d{1,2})(?:[ \\t]+de)?[ \\t]+(${EN_MONTH_RE}|${ES_MONTH_RE}))[ \\t]*,?[ \\t]*${AGENCY}[-—–]`,
  'du',
);

export interface DatelineMatch extends Span {
  m: number;
  d: number;
}

/** A month-day agency dateline opening one of the first lines. */
export function findMonthDayDateline(text: string): DatelineMatch | undefined {
  for (const line of leadingLines(text)) {
    const m = DATELINE_MONTH_DAY.exec(text.slice(line.start, Math.min(line.end, line.start + BYLINE_LINE_MAX_CHARS)));
    if (!m) continue;
    const month = monthNumber(m[1] ?? m[4]);
    const d = +(m[2] ?? m[3]);
    if (month === undefined || !isValidYmd(2000, month, d)) continue;
    const [first, last] = m[1] ? [m.indices![1], m.indices![2]] : [m.indices![3], m.indices![4]];
    return { start: line.start + first[0], end: line.start + last[1], m: month, d };
  }
  return undefined;
}

/** The year that puts month-day nearest to `anchor` (a year either side). */
function nearestYear(month: number, d: number, anchor: Ymd): Ymd | undefined {
  let best: Ymd | undefined;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    if (!isValidYmd(y, month, d)) continue;
    const c = { y, m: month, d };
    if (!best || Math.abs(toDayNumber(c) - toDayNumber(anchor)) < Math.abs(toDayNumber(best) - toDayNumber(anchor))) best = c;
  }
  return best;
}

/** How each source reads in a hover: "relative to this article's date 2026-01-17 (from the file name)". */
export const DATE_SOURCE_LABELS: Record<DateSource, string> = {
  header: 'from the date header',
  sidecar: 'from .dossier/dates.csv',
  byline: 'from the byline',
  dateline: 'from the dateline',
  fileName: 'from the file name',
  folderName: 'from the folder name',
  inferred: 'inferred from the latest date in the text',
  modified: "from the file's modification time",
  default: "from the folder's default date",
  none: 'no date',
};

/**
 * Publication date from the clues in the text and around it (see the top of this file), or
 * {source:'none'}. `path` and `context` add the name, sidecar and the default year a
 * month-day dateline needs; the default date itself is applied by dates/index.ts, after
 * inference.
 */
export function detectDocumentDate(text: string, path?: string, context?: DateContext): DocumentDate {
  const header = findHeaderMarker(text);
  if (header) return { value: header.value, source: 'header', span: { start: header.start, end: header.end } };
  if (context?.sidecar) return { value: context.sidecar, source: 'sidecar' };
  const byline = findByline(text);
  if (byline) return { value: formatDay(byline.date), source: 'byline', span: { start: byline.start, end: byline.end } };
  const fromPath = path === undefined ? undefined : dateFromPath(path, context?.namePattern);
  const dateline = findMonthDayDateline(text);
  const anchor = parseIsoDay(fromPath?.value) ?? parseIsoDay(context?.default);
  if (dateline && anchor) {
    const day = nearestYear(dateline.m, dateline.d, anchor);
    if (day) return { value: formatDay(day), source: 'dateline', span: { start: dateline.start, end: dateline.end } };
  }
  if (fromPath) return { value: fromPath.value, source: fromPath.source };
  return { source: 'none' };
}

// Publication date of one document: an explicit `date YYYY-MM-DD` header line, else a
// dateline/byline near the top.
import { formatDay, parseIsoDay } from './dates/calendar';
import { FullDateMatch, findFullDates } from './dates/fullDates';
import { DocumentDate, Span } from './types';

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
    for (const f of findFullDates(text, line.start, line.end)) {
      const before = text.slice(line.start, f.start);
      // Whatever else is on the line, minus a trailing time ("14:05", "9:30 a.m.").
      const after = text.slice(f.end, line.end).replace(/^[\s,]*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?/i, '');
      const other = (before + ' ' + after).trim();
      // Running prose ("On January 3, 2026, troops seized the airport") has lowercase words.
      const prose = (other.match(/\p{Ll}[\p{L}.'’-]*/gu) ?? []).filter((w) => !BYLINE_WORDS.has(w.replace(/\.$/, '')));
      if (other.length <= BYLINE_MAX_OTHER_CHARS && (prose.length <= BYLINE_MAX_LOWERCASE_WORDS || BYLINE_CUE.test(before))) return f;
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

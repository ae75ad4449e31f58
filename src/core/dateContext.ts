// What a folder says about its documents' publication dates outside their text: a date in the
// file or folder name, the sidecar table `.dossier/dates.csv`, a folder-wide default date and a
// pattern for reading dates from names. DateContext is the plain data one document's analysis
// gets (it crosses to worker threads); analysisKey folds it into the cache key, so a changed
// sidecar or setting re-resolves the dates it affects. No analyzer is loaded from here.
import { contentHash } from './hash';
import { formatDay, fromDayNumber, isPlausibleYear, isValidYmd, parseIsoDay, Ymd } from './dates/calendar';

export const SIDECAR_FILE = '.dossier/dates.csv';

/** What a document's folder says about its publication date. */
export interface DateContext {
  /** `YYYY-MM-DD` from the sidecar table for this document. */
  sidecar?: string;
  /** `YYYY-MM-DD`: the folder's default publication date (setting or `--default-date`). */
  default?: string;
  /**
   * `YYYY-MM-DD` (UTC) of the file's modification time, given only when the user opted in
   * (`dossier.documentDate.useModifiedTime`, `--use-mtime`): copies and checkouts reset it.
   */
  modified?: string;
  /** A regular expression read against the path; named groups `year`, `month`, `day` (or y, m, d). */
  namePattern?: string;
}

/** A folder's date settings and sidecar, from which each document's DateContext is taken. */
export interface FolderDates {
  /** Sidecar dates by `/`-separated path relative to the folder. */
  sidecar: Map<string, string>;
  default?: string;
  namePattern?: string;
  /** The user opted in to modification times as a last clue. */
  useModifiedTime?: boolean;
}

/** One document's context; `mtimeMs` is read only when the folder opted in to modification times. */
export function dateContextFor(folder: FolderDates | undefined, relativePath: string, mtimeMs?: number): DateContext | undefined {
  if (!folder) return undefined;
  const context: DateContext = {};
  const sidecar = folder.sidecar.get(relativePath.replace(/\\/g, '/').replace(/^\.\//, ''));
  if (sidecar) context.sidecar = sidecar;
  if (folder.default) context.default = folder.default;
  if (folder.namePattern) context.namePattern = folder.namePattern;
  const modified = folder.useModifiedTime && mtimeMs !== undefined ? modifiedDay(mtimeMs) : undefined;
  if (modified) context.modified = modified;
  return Object.keys(context).length ? context : undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates in file and folder names.

export interface PathDate {
  value: string;
  source: 'fileName' | 'folderName';
}

function plausibleDay(y: number, m: number, d: number): Ymd | undefined {
  return isPlausibleYear(y) && isValidYmd(y, m, d) ? { y, m, d } : undefined;
}

/** Two-digit years as 1950–2049, the span agency archives with such names cover. */
function fullYear(yy: number): number {
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

/**
 * Name forms, tried in order on one path segment. Digits must stand alone (no digit on either
 * side), so counts, ids and timestamps are never read as dates.
 */
const NAME_FORMS: Array<(segment: string) => Ymd | undefined> = [
  // "2024-05-01-report.txt", "2024_05_01", "2024.05.01"
  (s) => {
    const m = /(?<!\d)(\d{4})([-_.])(\d{2})\2(\d{2})(?!\d)/.exec(s);
    return m ? plausibleDay(+m[1], +m[3], +m[4]) : undefined;
  },
  // "20240501_x.txt", "APW19980807.0261.txt", "NYT19980807.0261"
  (s) => {
    const m = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/.exec(s);
    return m ? plausibleDay(+m[1], +m[2], +m[3]) : undefined;
  },
  // "ea980120.txt": two letters and YYMMDD make the whole name (broadcast-news archives).
  (s) => {
    const m = /^[a-z]{2}(\d{2})(\d{2})(\d{2})(?:\.[a-z0-9]+)*$/i.exec(s);
    return m ? plausibleDay(fullYear(+m[1]), +m[2], +m[3]) : undefined;
  },
];

/** The user's pattern applied to the whole path; undefined when it does not match or is invalid. */
function dateFromPattern(path: string, pattern: string): Ymd | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    return undefined;
  }
  const g = re.exec(path)?.groups;
  if (!g) return undefined;
  const y = g.year ?? g.y;
  const mo = g.month ?? g.m;
  const d = g.day ?? g.d;
  if (!y || !mo || !d) return undefined;
  return plausibleDay(y.length === 2 ? fullYear(+y) : +y, +mo, +d);
}

/**
 * A publication date written in the path: the file name first, then `…/2024/05/01/…` or a
 * dated folder among the last three. Undefined when nothing there is a plausible date.
 */
export function dateFromPath(path: string, namePattern?: string): PathDate | undefined {
  if (namePattern) {
    const p = dateFromPattern(path.replace(/\\/g, '/'), namePattern);
    if (p) return { value: formatDay(p), source: 'fileName' };
  }
  const segments = path.split(/[\\/]/).filter(Boolean);
  const name = segments.pop();
  if (name === undefined) return undefined;
  for (const form of NAME_FORMS) {
    const d = form(name);
    if (d) return { value: formatDay(d), source: 'fileName' };
  }
  const folders = segments.slice(-3);
  const nested = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})$/.exec(folders.join('/'));
  if (nested) {
    const d = plausibleDay(+nested[1], +nested[2], +nested[3]);
    if (d) return { value: formatDay(d), source: 'folderName' };
  }
  for (let i = folders.length - 1; i >= 0; i--) {
    for (const form of NAME_FORMS.slice(0, 2)) {
      const d = form(folders[i]);
      if (d) return { value: formatDay(d), source: 'folderName' };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The sidecar table and the default setting.

/** The UTC day of a modification time, when plausible (a file touched in 1970 says nothing). */
export function modifiedDay(mtimeMs: number): string | undefined {
  const day = formatDay(fromDayNumber(Math.floor(mtimeMs / 86_400_000)));
  return isPlausibleYear(Number(day.slice(0, 4))) && mtimeMs > 0 ? day : undefined;
}

/** A `YYYY-MM-DD` setting value, or undefined (with a reason) when it is not a plausible day. */
export function parseDefaultDate(value: unknown): { value?: string; problem?: string } {
  if (value === undefined || value === null || value === '') return {};
  const day = typeof value === 'string' ? parseIsoDay(value) : undefined;
  if (!day || !isPlausibleYear(day.y)) return { problem: `default date ${JSON.stringify(value)} is not a day between 1900 and 2100 (YYYY-MM-DD); ignored` };
  return { value: formatDay(day) };
}

function csvFields(line: string): string[] {
  const fields: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(?:,|$)/gy;
  for (let m = re.exec(line); m && re.lastIndex <= line.length; m = re.exec(line)) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].trim());
    if (re.lastIndex === line.length) break;
  }
  return fields;
}

/**
 * `.dossier/dates.csv`: `path,date` rows (a header row is allowed), paths relative to the
 * folder with `/`, dates `YYYY-MM-DD`. Bad rows are skipped with a problem each.
 */
export function parseSidecar(text: string): { dates: Map<string, string>; problems: string[] } {
  const dates = new Map<string, string>();
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const [file, date] = csvFields(line);
    if (i === 0 && /^path$/i.test(file ?? '') && /^date$/i.test(date ?? '')) return;
    const day = parseIsoDay(date);
    if (!file || !day || !isPlausibleYear(day.y)) {
      problems.push(`${SIDECAR_FILE}:${i + 1}: expected "path,YYYY-MM-DD" with a day between 1900 and 2100; row skipped`);
      return;
    }
    dates.set(file.replace(/\\/g, '/').replace(/^\.\//, ''), formatDay(day));
  });
  return { dates, problems };
}

// ---------------------------------------------------------------------------------------------
// Cache key.

/**
 * The analysis cache key of a document: its content hash, salted with whatever outside the
 * text decides its publication date (a dated name, the sidecar row, the default). Documents
 * whose dates come from their text alone keep the plain content hash.
 */
export function analysisKey(path: string, text: string, context?: DateContext): string {
  const fromPath = dateFromPath(path, context?.namePattern);
  const salt = [
    fromPath ? `${fromPath.source}=${fromPath.value}` : '',
    context?.sidecar ? `sidecar=${context.sidecar}` : '',
    context?.default ? `default=${context.default}` : '',
    context?.modified ? `modified=${context.modified}` : '',
  ]
    .filter(Boolean)
    .join(';');
  return contentHash(text, salt);
}

/**
 * The sidecar text with `relativePath` dated `date`: its row replaced (or appended, after a
 * `path,date` header when the table is new). Other rows, comments and the line ending are kept.
 */
export function setSidecarRow(text: string | undefined, relativePath: string, date: string): string {
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const lines = (text ?? 'path,date\n').replace(/(\r?\n)+$/, '').split(/\r?\n/);
  const key = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const quoted = /[",\r\n]/.test(key) ? `"${key.replace(/"/g, '""')}"` : key;
  const row = `${quoted},${date}`;
  const at = lines.findIndex((line) => {
    const [file] = csvFields(line);
    return file !== undefined && file.replace(/^\.\//, '') === key;
  });
  if (at >= 0) lines[at] = row;
  else lines.push(row);
  return lines.join(eol) + eol;
}

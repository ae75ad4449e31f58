// Date mentions: find every date expression in a document and resolve it against the
// document's publication date the way a news reader would.
//
// Organised the way chrono-node organises a locale: named parsers per pattern family in an
// ordered list (parsers/), refiners that settle, chain and merge candidates and let chrono-node
// catch explicit dates the grammar missed (refiners.ts, chrono.ts), one resolver per kind of
// Parse (resolvers.ts); English and Spanish word lists (lexicon*.ts) and calendar arithmetic
// (calendar.ts) at the bottom. Resolution never uses chrono's guesses: granularity comes from
// what was written and the reference date is applied by the resolvers.
import type { DateContext } from '../dateContext';
import { detectDocumentDate } from '../documentDate';
import type { DateMention, DocumentDate, Granularity } from '../types';
import { formatDay, fromDayNumber, isPlausibleYear, isValidYmd, parseIsoDay, toDayNumber, Ymd } from './calendar';
import { futureCue } from './cues';
import { extract } from './refiners';
import { FUTURE_TOLERANCE_DAYS, resolve, resolveAll } from './resolvers';
import type { Candidate, ParseOf } from './types';

/** Finds every date expression in the text and resolves it against `reference` (YYYY-MM-DD, the document's publication date) when given. */
export function findDateMentions(text: string, reference?: string): DateMention[] {
  const ref = parseIsoDay(reference);
  return resolveAll(extract(text, { lenient: false }), text, ref);
}

/**
 * Whole pipeline for one document: its publication date (documentDate.ts: header, sidecar,
 * byline, dateline, name), else one inferred from the text (the latest full day it mentions,
 * bare month-days taking the year of its explicit full dates), else the file's modification time
 * (only when the user opted in), else the folder's default; then
 * every mention resolved against it. With no clue at all: source 'none'.
 */
export function analyzeDates(text: string, path?: string, context?: DateContext): { date: DocumentDate; dates: DateMention[] } {
  const detected = detectDocumentDate(text, path, context);
  const candidates = extract(text, { lenient: false });
  let date = detected;
  if (!date.value) date = inferDate(candidates, text);
  // Opted-in modification time, then the folder's default: the clues of last resort.
  const modified = parseIsoDay(context?.modified);
  if (!date.value && modified && isPlausibleYear(modified.y)) date = { value: formatDay(modified), source: 'modified' };
  const fallback = parseIsoDay(context?.default);
  if (!date.value && fallback && isPlausibleYear(fallback.y)) date = { value: formatDay(fallback), source: 'default' };
  const ref = parseIsoDay(date.value);
  return { date, dates: resolveAll(candidates, text, ref, ref && date.source) };
}

type FullCandidate = Candidate & { parse: ParseOf<'full'> };

function inferDate(candidates: Candidate[], text: string): DocumentDate {
  const full = candidates.filter((c): c is FullCandidate => c.parse.kind === 'full' && isPlausibleYear(c.parse.y));
  if (!full.length) return { source: 'none' };
  const dayOf = (c: FullCandidate): Ymd => ({ y: c.parse.y, m: c.parse.m, d: c.parse.d });
  let latest = full[0];
  for (const c of full) if (toDayNumber(dayOf(c)) > toDayNumber(dayOf(latest))) latest = c;
  let best: Candidate = latest;
  const year = latest.parse.y;
  const latestFull = toDayNumber(dayOf(latest));
  let bestN = latestFull;
  for (const c of candidates) {
    const p = c.parse;
    if (p.kind !== 'monthDay' || p.yearRel !== undefined || !isValidYmd(year, p.m, p.d)) continue;
    const n = toDayNumber({ y: year, m: p.m, d: p.d });
    // Same news-reader tolerance as for resolution: far after the latest explicit date, a bare
    // "31 December" is last year's, not a sign the article was written at the end of this one.
    if (n > bestN && n - latestFull <= FUTURE_TOLERANCE_DAYS) {
      bestN = n;
      best = c;
    }
  }
  // A later year written as past ("in 2003") means the full dates are background (a 2001
  // attack, a birth date): the article's own date is not among them.
  const laterYear = candidates.some(
    (c) => (c.parse.kind === 'year' || c.parse.kind === 'monthYear') && c.parse.y > year && !futureCue(text, c.start),
  );
  if (laterYear) return { source: 'none' };
  return { value: formatDay(fromDayNumber(bestN)), source: 'inferred', span: { start: best.start, end: best.end } };
}

/** Resolve one expression (used by tests/eval): returns value+granularity or undefined. */
export function resolveDateExpression(
  expression: string,
  reference?: string,
): { value: string; granularity: Granularity; how: string } | undefined {
  const ref = parseIsoDay(reference);
  const candidates = extract(expression, { lenient: true });
  // The candidate covering most of the expression is the expression.
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.end - c.start > best.end - best.start) best = c;
  if (!best) return undefined;
  const r = resolve(best, expression, ref);
  return r.value !== undefined && r.granularity ? { value: r.value, granularity: r.granularity, how: r.how } : undefined;
}

// Small text helpers shared by hovers and views: snippets, date labels, markdown escaping.
import { CorpusIndex } from '../core/corpusIndex';
import { oneLine, Snippet, snippetOf, snippetText } from '../core/snippet';
import { granularityOfValue, rangeOf } from '../core/dates/values';
import { plural } from '../core/plural';
import { Granularity } from '../core/types';

export { oneLine, snippetText };
export type { Snippet };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The first few names a short form could also mean (most documents first), and how many more. */
export function couldAlsoBe(names: readonly string[], shown = 5): string {
  const list = names.slice(0, shown).map(escapeMarkdown).join(', ');
  return names.length > shown ? `${list} and ${plural(names.length - shown, 'other')}` : list;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

export function weekday(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return WEEKDAYS[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()];
}

export function monthName(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${MONTHS[+m[2] - 1]} ${m[1]}` : month;
}

const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

/** "12–18 January 2026", "31 December 2025 – 6 January 2026". */
function dayRangeText(first: string, last: string): string {
  const [fy, fm, fd] = first.split('-').map(Number);
  const [ly, lm, ld] = last.split('-').map(Number);
  if (fy === ly && fm === lm) return `${fd}–${ld} ${MONTHS[lm - 1]} ${ly}`;
  if (fy === ly) return `${fd} ${MONTHS[fm - 1]} – ${ld} ${MONTHS[lm - 1]} ${ly}`;
  return `${fd} ${MONTHS[fm - 1]} ${fy} – ${ld} ${MONTHS[lm - 1]} ${ly}`;
}

/** Periods in words: "week 3 of 2026 (12–18 January 2026)", "Q3 2026", "summer 2025", "the 1960s". */
function periodText(value: string): string | undefined {
  const range = rangeOf(value);
  if (!range) return undefined;
  switch (granularityOfValue(value)) {
    case 'week':
      return `week ${+value.slice(6, 8)} of ${value.slice(0, 4)} (${dayRangeText(range.first, range.last)})`;
    case 'weekend':
      return `the weekend of ${dayRangeText(range.first, range.last)}`;
    case 'quarter':
      return `Q${value[6]} ${value.slice(0, 4)} (${MONTHS[+range.first.slice(5, 7) - 1]}–${MONTHS[+range.last.slice(5, 7) - 1]})`;
    case 'half':
      return `${value[6] === '1' ? 'first' : 'second'} half of ${value.slice(0, 4)}`;
    case 'season':
      return `${SEASONS[value.slice(5)]} ${value.slice(0, 4)}${value.endsWith('WI') ? `–${String(+value.slice(0, 4) + 1).slice(2)}` : ''}`;
    case 'decade':
      return `the ${value.slice(0, 3)}0s`;
    default:
      return undefined;
  }
}

/** "Thursday, 15 January 2026", "January 2026", "2026", or a period in words. */
export function longDate(value: string, granularity?: Granularity): string {
  const period = periodText(value);
  if (period) return period;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const g = granularity ?? (m[3] ? 'day' : m[2] ? 'month' : 'year');
  if (g === 'year' || !m[2]) return m[1];
  if (g === 'month' || !m[3]) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return `${weekday(value)}, ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
}

/** The publication date of a document for lists: "2026-01-15", "~2026-01-15" (inferred or the folder's default) or "undated". */
export function documentDate(index: CorpusIndex, path: string): string {
  const date = index.analysis(path)?.date;
  if (!date?.value) return 'undated';
  return date.source === 'inferred' || date.source === 'default' ? `~${date.value}` : date.value;
}

/** The sentence around [start, end), cut to about `max` characters centred on the match. */
export function snippetAround(index: CorpusIndex, path: string, start: number, end: number, max = 140): Snippet {
  return snippetOf(index.text(path) ?? '', index.sentenceAt(path, start)?.span, start, end, max);
}

export function snippetMarkdown(s: Snippet): string {
  return `${escapeMarkdown(s.before)}**${escapeMarkdown(s.match)}**${escapeMarkdown(s.after)}`;
}

export { plural };

// Small text helpers shared by hovers and views: snippets, date labels, markdown escaping.
import { CorpusIndex } from '../core/corpusIndex';
import { Granularity } from '../core/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** Collapses whitespace so a sentence fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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

/** "Thursday, 15 January 2026", "January 2026" or "2026". */
export function longDate(value: string, granularity?: Granularity): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const g = granularity ?? (m[3] ? 'day' : m[2] ? 'month' : 'year');
  if (g === 'year' || !m[2]) return m[1];
  if (g === 'month' || !m[3]) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return `${weekday(value)}, ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
}

/** The publication date of a document for lists: "2026-01-15", "~2026-01-15" (inferred) or "undated". */
export function documentDate(index: CorpusIndex, path: string): string {
  const date = index.analysis(path)?.date;
  if (!date?.value) return 'undated';
  return date.source === 'inferred' ? `~${date.value}` : date.value;
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** The sentence around [start, end), cut to about `max` characters centred on the match. */
export function snippetAround(index: CorpusIndex, path: string, start: number, end: number, max = 140): Snippet {
  const text = index.text(path) ?? '';
  const sentence = index.sentenceAt(path, start)?.span ?? { start: Math.max(0, start - max), end: Math.min(text.length, end + max) };
  const room = Math.max(0, max - (end - start));
  let from = Math.max(sentence.start, start - Math.floor(room / 2));
  let to = Math.min(sentence.end, end + (room - (start - from)));
  from = Math.max(sentence.start, Math.min(from, to - max));
  const before = oneLine(text.slice(from, start));
  const after = oneLine(text.slice(end, to));
  return {
    before: (from > sentence.start ? '…' : '') + before + (before && /\s/.test(text[start - 1] ?? '') ? ' ' : ''),
    match: oneLine(text.slice(start, end)),
    after: (after && /\s/.test(text[end] ?? '') ? ' ' : '') + after + (to < sentence.end ? '…' : ''),
  };
}

export function snippetMarkdown(s: Snippet): string {
  return `${escapeMarkdown(s.before)}**${escapeMarkdown(s.match)}**${escapeMarkdown(s.after)}`;
}

export function snippetText(s: Snippet): string {
  return `${s.before}${s.match}${s.after}`;
}

export { plural } from '../core/plural';

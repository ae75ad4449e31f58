// Timeline: one entry per resolved date mention, grouped by date value, coarser dates first.
import { DocumentAnalysis, Granularity, Span, TimelineDay, TimelineEntry } from './types';
import { drain } from './steps';
import { firstAtOrAfter, positionAt, spanAt } from './text';

export interface TimelineSource {
  analysis: DocumentAnalysis;
  text: string;
  /** The document's entity mentions by alias key, sorted by start. */
  entityMentions: (Span & { key: string })[];
  /** The entity id of an alias key, if it is an entity. */
  entityIdOf: (key: string) => string | undefined;
}

function granularityOf(value: string): Granularity {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

export function buildTimeline(sources: Iterable<TimelineSource>): TimelineDay[] {
  return drain(timelineSteps(sources));
}

/** buildTimeline as a generator yielding every few documents, for hosts that slice their work. */
export function* timelineSteps(sources: Iterable<TimelineSource>): Generator<void, TimelineDay[]> {
  const days = new Map<string, TimelineDay>();
  let n = 0;
  for (const { analysis, text, entityMentions, entityIdOf } of sources) {
    if (++n % 50 === 0) yield;
    for (const d of analysis.dates) {
      if (!d.value) continue;
      const sentenceSpan = spanAt(analysis.sentences, d.start) ?? { start: d.start, end: d.end };
      const entities: string[] = [];
      for (let i = firstAtOrAfter(entityMentions, sentenceSpan.start); i < entityMentions.length; i++) {
        const m = entityMentions[i];
        if (m.start >= sentenceSpan.end) break;
        const id = m.end <= sentenceSpan.end ? entityIdOf(m.key) : undefined;
        if (id && !entities.includes(id)) entities.push(id);
      }
      const entry: TimelineEntry = {
        path: analysis.path,
        start: d.start,
        end: d.end,
        position: positionAt(analysis.lineStarts, d.start),
        mentionText: d.text,
        sentence: text.slice(sentenceSpan.start, sentenceSpan.end),
        sentenceSpan,
        entities,
      };
      let day = days.get(d.value);
      if (!day) days.set(d.value, (day = { date: d.value, granularity: d.granularity ?? granularityOf(d.value), entries: [] }));
      day.entries.push(entry);
    }
  }
  const result = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const day of result) {
    day.entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  }
  return result;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The period a date expression names when the timeline keeps only one day or month of it:
 * "last week" is a day of that week, "the third quarter" and "the first half" are their first
 * month. The chart draws those as ranges.
 */
export function periodOf(mentionText: string, date: string): { start: string; end: string } | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (d && /\bweek\b/i.test(mentionText)) {
    const day = Date.UTC(y, m - 1, d);
    const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
    return { start: isoDay(monday), end: isoDay(monday + 6 * 86_400_000) };
  }
  if (m && !d) {
    const months = /\b(half|H[12])\b/i.test(mentionText) ? 6 : /\b(quarter|Q[1-4])\b/i.test(mentionText) ? 3 : 0;
    if (months) return { start: isoDay(Date.UTC(y, m - 1, 1)), end: isoDay(Date.UTC(y, m - 1 + months, 0)) };
  }
  return undefined;
}

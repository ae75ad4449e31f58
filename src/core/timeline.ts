// Timeline: one entry per resolved date mention, grouped by date value, in calendar order
// (dates/values.ts: by first day, the longer period first: a year before its January, a week
// before its Monday).
import { compareDateValues, granularityOfValue } from './dates/values';
import { DocumentAnalysis, Span, TimelineDay, TimelineEntry } from './types';
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
      if (!day) days.set(d.value, (day = { date: d.value, granularity: d.granularity ?? granularityOfValue(d.value) ?? 'day', entries: [] }));
      day.entries.push(entry);
    }
  }
  const result = [...days.values()].sort((a, b) => compareDateValues(a.date, b.date));
  for (const day of result) {
    day.entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  }
  return result;
}

// Timeline: one entry per resolved date mention, grouped by date value, in calendar order
// (dates/values.ts: by first day, the longer period first: a year before its January, a week
// before its Monday).
import { compareDateValues, granularityOfValue, rangeOf } from './dates/values';
import type { PlacedMentions } from './placedMentions';
import { DocumentAnalysis, TimelineDay, TimelineEntry } from './types';
import { drain } from './steps';
import { positionAt, spanAt } from './text';

export interface TimelineSource {
  analysis: DocumentAnalysis;
  text: string;
  /** The document's entity mentions by alias key, sorted by start. */
  entityMentions: PlacedMentions;
  /** The entity id of an alias key, if it is an entity. */
  entityIdOf: (key: string) => string | undefined;
}

/**
 * How far either side of a date its entry's entities are read: a whole sentence for any real
 * one, but a "sentence" of a whole unpunctuated file must not give every date every entity.
 */
const ENTRY_CONTEXT_CHARS = 1000;

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
      // The sentence's entities, read at most ENTRY_CONTEXT_CHARS either side of the date.
      const from = Math.max(sentenceSpan.start, d.start - ENTRY_CONTEXT_CHARS);
      const to = Math.min(sentenceSpan.end, d.end + ENTRY_CONTEXT_CHARS);
      const entities = new Set<string>();
      for (let i = entityMentions.firstAtOrAfter(from); i < entityMentions.length; i++) {
        if (entityMentions.start(i) >= to) break;
        const id = entityMentions.end(i) <= to ? entityIdOf(entityMentions.key(i)) : undefined;
        if (id) entities.add(id);
      }
      const entry: TimelineEntry = {
        path: analysis.path,
        start: d.start,
        end: d.end,
        position: positionAt(analysis.lineStarts, d.start),
        mentionText: d.text,
        sentence: text.slice(sentenceSpan.start, sentenceSpan.end),
        sentenceSpan,
        entities: [...entities],
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

/**
 * The days a timeline date covers when it is a period of its own (a week, weekend, quarter, half,
 * season or decade), for the chart to draw as a range; undefined for days, months and years,
 * which it draws from the value itself.
 */
export function periodOf(date: string): { start: string; end: string } | undefined {
  const granularity = granularityOfValue(date);
  if (!granularity || granularity === 'day' || granularity === 'month' || granularity === 'year') return undefined;
  const range = rangeOf(date);
  return range && { start: range.first, end: range.last };
}

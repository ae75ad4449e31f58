// The timeline as the JSON of Knight Lab's TimelineJS 3 (timeline.knightlab.com/docs/json-format.html):
// one slide per dated day (or month, or year) with the sentences that report it and, under each,
// the document it comes from. A day's headline says how many sources report it.
import { CorpusIndex } from '../corpusIndex';
import { PathMapper } from '../export';
import { plural } from '../plural';
import { escapeXml } from './xml';

/** TimelineJS date object: year required, finer parts only as precise as the date. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineJsSlide {
  unique_id: string;
  start_date: TimelineJsDate;
  text: { headline: string; text: string };
  /** Slides of the same group share a row: here the date's precision (day, month, year). */
  group: string;
}

export interface TimelineJsDocument {
  title: { text: { headline: string; text: string } };
  events: TimelineJsSlide[];
}

function dateOf(value: string): TimelineJsDate {
  const [year, month, day] = value.split('-').map(Number);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

export function buildTimelineJs(index: CorpusIndex, toRelative: PathMapper = (p) => p): TimelineJsDocument {
  const events: TimelineJsSlide[] = [];
  const names = (ids: string[]) => ids.map((id) => index.entity(id)?.name).filter((n): n is string => !!n);
  for (const day of index.timeline()) {
    const sources = [...new Set(day.entries.map((e) => e.path))];
    const items = day.entries.map((e) => {
      const who = names(e.entities);
      const where = `${escapeXml(toRelative(e.path))}:${e.position.line + 1}`;
      return (
        `<li><p>${escapeXml(e.sentence.replace(/\s+/g, ' ').trim())}</p>` +
        `<p><cite>${where}</cite>${who.length ? ` · ${escapeXml(who.join(', '))}` : ''}</p></li>`
      );
    });
    events.push({
      unique_id: `date-${day.date}`,
      start_date: dateOf(day.date),
      text: {
        headline: `${day.date} · ${plural(sources.length, 'source')}`,
        text: `<ul>${items.join('')}</ul>`,
      },
      group: day.granularity,
    });
  }
  return {
    title: {
      text: {
        headline: 'Dossier timeline',
        text: `<p>${plural(index.size, 'document')}, ${plural(events.length, 'dated slide')}.</p>`,
      },
    },
    events,
  };
}

export function exportTimelineJs(index: CorpusIndex, toRelative?: PathMapper): string {
  return JSON.stringify(buildTimelineJs(index, toRelative), null, 2) + '\n';
}

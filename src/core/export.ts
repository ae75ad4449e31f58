// The export contract (docs/EXPORT.md) and two human-readable views of it. Each format is
// produced as a stream of chunks, one per document, entity, date or timeline entry, so that
// writing a large export never builds one giant string.
import { CorpusIndex } from './corpusIndex';
import { CSV_EXPORT_HEADER, REPORT_MARKER } from './document';
import { snippetOf, snippetText } from './snippet';
import { plural } from './plural';
import { DateSource, EntityType, Granularity, Position } from './types';

export const EXPORT_SCHEMA = 'dossier-export/2';

/** Longest snippet of a timeline entry's sentence, in characters (plus `…` where cut). */
export const TIMELINE_SNIPPET_MAX = 240;


export interface ExportedMention {
  path: string;
  line: number;
  character: number;
  length: number;
  text: string;
}

export interface ExportedTimelineEntry {
  path: string;
  /** Position of the date mention. */
  line: number;
  character: number;
  length: number;
  /** The date mention as written. */
  mention: string;
  /** Where the sentence around the date starts and ends in the document. */
  sentenceSpan: { start: Position; end: Position };
  /** At most TIMELINE_SNIPPET_MAX characters of the sentence around the date, whitespace collapsed. */
  snippet: string;
  entities: string[];
}

export interface DossierExport {
  schema: typeof EXPORT_SCHEMA;
  documents: { path: string; date: string | null; dateSource: DateSource }[];
  entities: {
    id: string;
    name: string;
    type: EntityType;
    aliases: string[];
    mentions: ExportedMention[];
    ambiguousWith?: string[];
  }[];
  dates: (ExportedMention & { value: string | null; granularity: Granularity | null; how: string })[];
  timeline: {
    date: string;
    granularity: Granularity;
    entries: ExportedTimelineEntry[];
  }[];
}

/** Maps an index key to the path written in the export (relative, with `/`). */
export type PathMapper = (path: string) => string;

type Section<K extends keyof DossierExport> = DossierExport[K] extends (infer T)[] ? T : never;

/** The export, section by section, item by item: nothing is built before it is asked for. */
interface ExportStream {
  documents: () => Iterable<Section<'documents'>>;
  entities: () => Iterable<Section<'entities'>>;
  dates: () => Iterable<Section<'dates'>>;
  timeline: () => Iterable<Section<'timeline'>>;
}

function exportStream(index: CorpusIndex, toRelative: PathMapper = (p) => p): ExportStream {
  return {
    *documents() {
      for (const path of index.paths()) {
        const a = index.analysis(path)!;
        yield { path: toRelative(path), date: a.date.value ?? null, dateSource: a.date.source };
      }
    },
    *entities() {
      for (const e of index.entities()) {
        yield {
          id: e.id,
          name: e.name,
          type: e.type,
          aliases: e.aliases,
          mentions: e.mentions.map((m) => ({
            path: toRelative(m.path),
            line: m.range.start.line,
            character: m.range.start.character,
            length: m.end - m.start,
            text: m.text,
          })),
          ...(e.ambiguousWith ? { ambiguousWith: e.ambiguousWith } : {}),
        };
      }
    },
    *dates() {
      for (const path of index.paths()) {
        for (const d of index.analysis(path)!.dates) {
          const p = index.positionAt(path, d.start);
          yield {
            path: toRelative(path),
            line: p.line,
            character: p.character,
            length: d.end - d.start,
            text: d.text,
            value: d.value ?? null,
            granularity: d.granularity ?? null,
            how: d.how,
          };
        }
      }
    },
    *timeline() {
      for (const day of index.timeline()) {
        yield {
          date: day.date,
          granularity: day.granularity,
          entries: day.entries.map((e) => {
            const text = index.text(e.path) ?? '';
            return {
              path: toRelative(e.path),
              line: e.position.line,
              character: e.position.character,
              length: e.end - e.start,
              mention: e.mentionText,
              sentenceSpan: { start: index.positionAt(e.path, e.sentenceSpan.start), end: index.positionAt(e.path, e.sentenceSpan.end) },
              snippet: snippetText(snippetOf(text, e.sentenceSpan, e.start, e.end, TIMELINE_SNIPPET_MAX)),
              entities: e.entities,
            };
          }),
        };
      }
    },
  };
}

/** The whole export as one object (tests, the extension); writers use the chunk streams below. */
export function buildExport(index: CorpusIndex, toRelative?: PathMapper): DossierExport {
  const x = exportStream(index, toRelative);
  return { schema: EXPORT_SCHEMA, documents: [...x.documents()], entities: [...x.entities()], dates: [...x.dates()], timeline: [...x.timeline()] };
}

/**
 * JSON.stringify(value, null, 2) nested at `indent`, as chunks: arrays element by element and
 * objects holding arrays field by field, so that a day of 100,000 timeline entries or an entity
 * of 100,000 mentions never becomes one string. Objects without arrays are stringified whole.
 */
function* jsonChunks(value: unknown, indent: string): Generator<string> {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (!value.length) return yield '[]';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : '['}\n${inner}`;
      yield* jsonChunks(value[i] ?? null, inner);
    }
    return yield `\n${indent}]`;
  }
  if (value && typeof value === 'object' && Object.values(value).some(Array.isArray)) {
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* jsonChunks(v, inner);
      first = false;
    }
    return yield first ? '{}' : `\n${indent}}`;
  }
  yield JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** JSON.stringify(buildExport(…), null, 2) + "\n", chunk by chunk (byte-identical). */
export function* exportJsonChunks(index: CorpusIndex, toRelative?: PathMapper): Generator<string> {
  const x = exportStream(index, toRelative);
  yield `{\n  "schema": ${JSON.stringify(EXPORT_SCHEMA)}`;
  for (const key of ['documents', 'entities', 'dates', 'timeline'] as const) {
    let first = true;
    for (const item of x[key]()) {
      yield first ? `,\n  ${JSON.stringify(key)}: [\n    ` : ',\n    ';
      yield* jsonChunks(item, '    ');
      first = false;
    }
    yield first ? `,\n  ${JSON.stringify(key)}: []` : '\n  ]';
  }
  yield '\n}\n';
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function* exportMarkdownChunks(index: CorpusIndex, toRelative?: PathMapper): Generator<string> {
  const x = exportStream(index, toRelative);
  const documents = [...x.documents()];
  let entityCount = 0;
  const names = new Map<string, string>();
  const entityRows: string[] = [];
  for (const e of x.entities()) {
    entityCount++;
    names.set(e.id, e.name);
    const docs = new Set(e.mentions.map((m) => m.path)).size;
    entityRows.push(`| ${mdCell(e.name)} | ${e.type} | ${e.mentions.length} | ${docs} | ${mdCell(e.aliases.join(', '))} |\n`);
  }
  let dateCount = 0;
  for (const path of index.paths()) dateCount += index.analysis(path)!.dates.length;
  yield `${REPORT_MARKER}\n# Dossier report\n\n${plural(documents.length, 'document')}, ${plural(entityCount, 'entity', 'entities')}, ${plural(dateCount, 'date mention')}.\n\n`;
  yield '## Documents\n\n| Document | Date | Date from |\n|---|---|---|\n';
  for (const d of documents) yield `| ${mdCell(d.path)} | ${d.date ?? '—'} | ${d.dateSource} |\n`;
  yield '\n## Entities\n\n| Name | Type | Mentions | Documents | Also written |\n|---|---|---|---|---|\n';
  yield* entityRows;
  yield '\n## Timeline\n\n';
  for (const day of x.timeline()) {
    const sources = new Set(day.entries.map((e) => e.path)).size;
    yield `### ${day.date}${sources > 1 ? ` (${sources} sources)` : ''}\n\n`;
    for (const e of day.entries) {
      const who = e.entities.map((id) => names.get(id)).filter(Boolean);
      yield `- ${mdCell(e.snippet)} — *${e.path}:${e.line + 1}*${who.length ? ` (${who.join(', ')})` : ''}\n`;
    }
    yield '\n';
  }
}

function csvCell(s: string | number): string {
  const v = String(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per mention: entity mentions and date mentions, by path, line and character. */
export function* exportCsvChunks(index: CorpusIndex, toRelative?: PathMapper): Generator<string> {
  const x = exportStream(index, toRelative);
  const rows: (string | number)[][] = [];
  for (const e of x.entities()) {
    for (const m of e.mentions) rows.push(['entity', m.path, m.line, m.character, m.length, m.text, e.id, e.name, e.type, '']);
  }
  for (const d of x.dates()) rows.push(['date', d.path, d.line, d.character, d.length, d.text, '', '', d.granularity ?? '', d.value ?? '']);
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : (a[2] as number) - (b[2] as number) || (a[3] as number) - (b[3] as number)));
  yield CSV_EXPORT_HEADER + '\n';
  for (const r of rows) yield r.map(csvCell).join(',') + '\n';
}

const joined = (chunks: Iterable<string>): string => [...chunks].join('');

export const exportJson = (index: CorpusIndex, toRelative?: PathMapper): string => joined(exportJsonChunks(index, toRelative));
export const exportMarkdown = (index: CorpusIndex, toRelative?: PathMapper): string => joined(exportMarkdownChunks(index, toRelative));
export const exportCsv = (index: CorpusIndex, toRelative?: PathMapper): string => joined(exportCsvChunks(index, toRelative));

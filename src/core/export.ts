// The export contract (DESIGN.md "Export format") and two human-readable views of it.
import { CorpusIndex } from './corpusIndex';
import { DateSource, EntityType, Granularity } from './types';
import { plural } from './plural';

export const EXPORT_SCHEMA = 'dossier-export/1';

export interface ExportedMention {
  path: string;
  line: number;
  character: number;
  length: number;
  text: string;
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
    entries: { path: string; line: number; character: number; text: string; entities: string[] }[];
  }[];
}

/** Maps an index key to the path written in the export (relative, with `/`). */
export type PathMapper = (path: string) => string;

export function buildExport(index: CorpusIndex, toRelative: PathMapper = (p) => p): DossierExport {
  const documents = index.paths().map((path) => {
    const a = index.analysis(path)!;
    return { path: toRelative(path), date: a.date.value ?? null, dateSource: a.date.source };
  });
  const entities = index.entities().map((e) => ({
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
  }));
  const dates: DossierExport['dates'] = [];
  for (const path of index.paths()) {
    for (const d of index.analysis(path)!.dates) {
      const p = index.positionAt(path, d.start);
      dates.push({
        path: toRelative(path),
        line: p.line,
        character: p.character,
        length: d.end - d.start,
        text: d.text,
        value: d.value ?? null,
        granularity: d.granularity ?? null,
        how: d.how,
      });
    }
  }
  const timeline = index.timeline().map((day) => ({
    date: day.date,
    granularity: day.granularity,
    entries: day.entries.map((e) => ({
      path: toRelative(e.path),
      line: e.position.line,
      character: e.position.character,
      text: e.sentence,
      entities: e.entities,
    })),
  }));
  return { schema: EXPORT_SCHEMA, documents, entities, dates, timeline };
}

export function exportJson(index: CorpusIndex, toRelative?: PathMapper): string {
  return JSON.stringify(buildExport(index, toRelative), null, 2) + '\n';
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function exportMarkdown(index: CorpusIndex, toRelative?: PathMapper): string {
  const x = buildExport(index, toRelative);
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const out: string[] = ['# Dossier report', ''];
  out.push(`${plural(x.documents.length, 'document')}, ${plural(x.entities.length, 'entity', 'entities')}, ${plural(x.dates.length, 'date mention')}.`, '');
  out.push('## Documents', '', '| Document | Date | Date from |', '|---|---|---|');
  for (const d of x.documents) out.push(`| ${mdCell(d.path)} | ${d.date ?? '—'} | ${d.dateSource} |`);
  out.push('', '## Entities', '', '| Name | Type | Mentions | Documents | Also written |', '|---|---|---|---|---|');
  for (const e of x.entities) {
    const docs = new Set(e.mentions.map((m) => m.path)).size;
    out.push(`| ${mdCell(e.name)} | ${e.type} | ${e.mentions.length} | ${docs} | ${mdCell(e.aliases.join(', '))} |`);
  }
  out.push('', '## Timeline', '');
  for (const day of x.timeline) {
    const sources = new Set(day.entries.map((e) => e.path)).size;
    out.push(`### ${day.date}${sources > 1 ? ` (${sources} sources)` : ''}`, '');
    for (const e of day.entries) {
      const who = e.entities.map((id) => names.get(id)).filter(Boolean);
      out.push(`- ${mdCell(e.text)} — *${e.path}:${e.line + 1}*${who.length ? ` (${who.join(', ')})` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function csvCell(s: string | number): string {
  const v = String(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per mention: entity mentions and date mentions. */
export function exportCsv(index: CorpusIndex, toRelative?: PathMapper): string {
  const x = buildExport(index, toRelative);
  const header = ['kind', 'path', 'line', 'character', 'length', 'text', 'entity_id', 'entity_name', 'type', 'value'];
  const rows: (string | number)[][] = [];
  for (const e of x.entities) {
    for (const m of e.mentions) rows.push(['entity', m.path, m.line, m.character, m.length, m.text, e.id, e.name, e.type, '']);
  }
  for (const d of x.dates) rows.push(['date', d.path, d.line, d.character, d.length, d.text, '', '', d.granularity ?? '', d.value ?? '']);
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : (a[2] as number) - (b[2] as number) || (a[3] as number) - (b[3] as number)));
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

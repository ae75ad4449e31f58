// What the editor asks the team index: what sits at an offset of a stored document, the other
// documents of an entity or a date (for hovers), their mention locations (for F12 / Shift+F12),
// and a stored document's text (for the read-only `dossier:` documents). Every query is one round
// trip, parameterized, and bounded by a LIMIT however common the entity or date is. They are named
// (prepared once per connection): planning a query with a workspace's thousands of excluded
// document keys cost ten times its execution.
//
// An entity is found by an alias key (the key a mention files under): the editor knows it for its
// local mentions, a stored mention carries it. `mentions.alias_key` is the key before corrections,
// as `entity_members` (written by `db cluster`) maps them.
import type { Pool } from 'pg';
import { compareDateValues, granularityOfValue } from '../dates/values';
import type { EntityType, Granularity } from '../types';
import { documentKey } from './types';

/** Something the team index can answer about: an entity by one of its alias keys, or a date value. */
export type TeamTarget = { kind: 'entity'; aliasKey: string } | { kind: 'date'; value: string };

/** A stored document that mentions the target, with its first mention there. */
export interface TeamSource {
  path: string;
  /** Publication date as stored (undefined: undated). */
  published?: string;
  dateSource: string;
  /** Mentions of the target in the document (entities; 1 for a date). */
  mentions: number;
  /** The first mention, UTF-16 offsets in the stored text. */
  start: number;
  end: number;
  /** Text around the first mention, split at it (about 80 characters either side). */
  before: string;
  match: string;
  after: string;
}

export interface TeamAnswer {
  /** The stored entity (absent for a date); `documents`: how many stored documents mention it. */
  entity?: { id: string; name: string; type: EntityType; mentionCount: number; documents: number };
  /** The first `limit` stored documents about the target outside `exclude`. Entities: most mentions first, then by path. Dates: by publication date, then document key. */
  sources: TeamSource[];
  /** More documents outside `exclude` than the sources listed. */
  more: boolean;
}

/** A mention in a stored document, with the document's line starts to place it. */
export interface TeamLocation {
  path: string;
  published?: string;
  start: number;
  end: number;
  lineStarts: number[];
}

export interface SourceOptions {
  /**
   * Documents to leave out, by documentKey(path): the ones the editor has on disk itself. Keys,
   * not paths: a workspace's thousands of them travel and compare as numbers.
   */
  exclude?: number[];
  /** Documents returned at most. */
  limit?: number;
}

const CORPUS = 'SELECT corpus_id FROM corpora WHERE name = $1';

/** Characters of context either side of a mention in a source line. */
const CONTEXT = 80;

const TARGET_AT = `
WITH c AS (${CORPUS})
SELECT * FROM (
  SELECT 0 AS rank, m.start_offset, m.alias_key, NULL::text AS value FROM c
  JOIN mentions m ON m.corpus_id = c.corpus_id AND m.doc_id = $2
  -- As in the editor, the offset just after a mention still hovers it.
  WHERE m.start_offset <= $3 AND $3 <= m.end_offset AND m.alias_key IS NOT NULL
  UNION ALL
  SELECT 1, dm.start_offset, NULL, dm.value FROM c
  JOIN date_mentions dm ON dm.corpus_id = c.corpus_id AND dm.doc_id = $2
  WHERE dm.start_offset <= $3 AND $3 <= dm.end_offset AND dm.value IS NOT NULL
) hits ORDER BY rank, start_offset LIMIT 1`;

/** The entity or resolved date at an offset of a stored document (entities first, as in the editor). */
export async function storedTargetAt(db: Pool, corpus: string, path: string, offset: number): Promise<TeamTarget | undefined> {
  const { rows } = await db.query<{ alias_key: string | null; value: string | null }>({ name: 'dossier-target-at', text: TARGET_AT, values: [corpus, documentKey(path), offset] });
  const r = rows[0];
  if (!r) return undefined;
  return r.alias_key !== null ? { kind: 'entity', aliasKey: r.alias_key } : { kind: 'date', value: r.value! };
}

// The stored entity holding the alias key, and its top sources outside the excluded documents
// (one more than asked, to tell whether there are more), each with its first mention of the entity
// and the text around it. The entity is resolved first (scalar subqueries), so the sources are an
// ordered index-only scan of entity_sources_top that stops after $4 + 1 rows.
const ENTITY_SOURCES = `
WITH e AS MATERIALIZED (
  SELECT e.corpus_id, e.entity_id, e.name, e.type, e.mention_count, e.document_count FROM corpora c
  JOIN entity_members em ON em.corpus_id = c.corpus_id AND em.alias_key = $2
  JOIN entities e ON e.corpus_id = em.corpus_id AND e.entity_id = em.entity_id
  WHERE c.name = $1
),
src AS (
  SELECT x.doc_id, x.path, x.mentions FROM entity_sources x
  WHERE x.corpus_id = (SELECT corpus_id FROM e) AND x.entity_id = (SELECT entity_id FROM e)
    -- NOT IN a subquery: a hashed lookup per row, however many documents the workspace has.
    AND x.doc_id NOT IN (SELECT unnest($3::bigint[]))
  ORDER BY x.mentions DESC, x.path COLLATE "C"
  LIMIT $4 + 1
)
SELECT e.entity_id, e.name, e.type, e.mention_count,
  coalesce(e.document_count, (SELECT count(*) FROM entity_sources x WHERE x.corpus_id = e.corpus_id AND x.entity_id = e.entity_id))::int AS documents,
  src.path, src.mentions, d.published, d.date_source, fm.start_offset, fm.end_offset,
  substring(d.text FROM greatest(1, fm.start_offset + 1 - ${CONTEXT}) FOR least(fm.start_offset, ${CONTEXT}) ) AS before,
  substring(d.text FROM fm.start_offset + 1 FOR fm.end_offset - fm.start_offset) AS match,
  substring(d.text FROM fm.end_offset + 1 FOR ${CONTEXT}) AS after
FROM e
LEFT JOIN src ON true
LEFT JOIN documents d ON d.corpus_id = e.corpus_id AND d.doc_id = src.doc_id
LEFT JOIN LATERAL (
  SELECT m.start_offset, m.end_offset FROM mentions m
  WHERE m.corpus_id = e.corpus_id AND m.doc_id = src.doc_id
    AND m.alias_key = ANY (ARRAY(SELECT k.alias_key FROM entity_members k WHERE k.corpus_id = e.corpus_id AND k.entity_id = e.entity_id))
  ORDER BY m.start_offset LIMIT 1
) fm ON true
ORDER BY src.mentions DESC, src.path COLLATE "C"`;

// The stored documents with a date mention of exactly this value, outside the excluded ones
// (one more than asked), oldest publication first (then by document key), each with its first
// such mention: an ordered scan of date_mentions_sources that stops after $4 + 1 documents.
const DATE_SOURCES = `
WITH firsts AS (
  SELECT DISTINCT ON (dm.published, dm.doc_id) dm.corpus_id, dm.doc_id, dm.published, dm.start_offset, dm.end_offset
  FROM date_mentions dm
  WHERE dm.corpus_id = (${CORPUS}) AND dm.value = $2
    AND dm.doc_id NOT IN (SELECT unnest($3::bigint[]))
  ORDER BY dm.published NULLS LAST, dm.doc_id, dm.start_offset
  LIMIT $4 + 1
)
SELECT d.path, 1 AS mentions, f.published, d.date_source, f.start_offset, f.end_offset,
  substring(d.text FROM greatest(1, f.start_offset + 1 - ${CONTEXT}) FOR least(f.start_offset, ${CONTEXT})) AS before,
  substring(d.text FROM f.start_offset + 1 FOR f.end_offset - f.start_offset) AS match,
  substring(d.text FROM f.end_offset + 1 FOR ${CONTEXT}) AS after
FROM firsts f
JOIN documents d ON d.corpus_id = f.corpus_id AND d.doc_id = f.doc_id
ORDER BY f.published NULLS LAST, f.doc_id`;

interface SourceRow {
  path: string | null;
  mentions: number | null;
  published: string | null;
  date_source: string | null;
  start_offset: number | null;
  end_offset: number | null;
  before: string | null;
  match: string | null;
  after: string | null;
}

function toSource(r: SourceRow): TeamSource {
  return {
    path: r.path!,
    ...(r.published ? { published: r.published } : {}),
    dateSource: r.date_source ?? 'none',
    mentions: r.mentions ?? 1,
    start: r.start_offset ?? 0,
    end: r.end_offset ?? 0,
    before: r.before ?? '',
    match: r.match ?? '',
    after: r.after ?? '',
  };
}

/**
 * The team index's answer about a target: the stored entity (for an alias key) and its first
 * `limit` documents outside `exclude`, or the documents with the same date. Undefined when the
 * corpus does not know the alias key (not clustered yet, or a name only the editor has).
 */
export async function teamSources(db: Pool, corpus: string, target: TeamTarget, options: SourceOptions = {}): Promise<TeamAnswer | undefined> {
  const exclude = options.exclude ?? [];
  const limit = options.limit ?? 8;
  if (target.kind === 'date') {
    const { rows } = await db.query<SourceRow>({ name: 'dossier-date-sources', text: DATE_SOURCES, values: [corpus, target.value, exclude, limit] });
    return { sources: rows.slice(0, limit).map(toSource), more: rows.length > limit };
  }
  const { rows } = await db.query<SourceRow & { entity_id: string; name: string; type: EntityType; mention_count: number; documents: number }>({
    name: 'dossier-entity-sources',
    text: ENTITY_SOURCES,
    values: [corpus, target.aliasKey, exclude, limit],
  });
  if (!rows.length) return undefined;
  const r = rows[0];
  const found = rows.filter((x) => x.path !== null);
  return {
    entity: { id: r.entity_id, name: r.name, type: r.type, mentionCount: r.mention_count, documents: r.documents },
    sources: found.slice(0, limit).map(toSource),
    more: found.length > limit,
  };
}

// Every mention of the entity (or date) in its stored documents outside the excluded ones, the
// documents being the `limit` that mention the entity most (the oldest, for a date); with the line
// starts that place them. Both scans follow an index and stop at the limit.
const ENTITY_LOCATIONS = `
WITH e AS MATERIALIZED (
  SELECT em.corpus_id, em.entity_id FROM corpora c
  JOIN entity_members em ON em.corpus_id = c.corpus_id AND em.alias_key = $2
  WHERE c.name = $1
),
docs AS (
  SELECT x.corpus_id, x.doc_id FROM entity_sources x
  WHERE x.corpus_id = (SELECT corpus_id FROM e) AND x.entity_id = (SELECT entity_id FROM e)
    AND x.doc_id NOT IN (SELECT unnest($3::bigint[]))
  ORDER BY x.mentions DESC, x.path COLLATE "C" LIMIT $4
)
SELECT d.path, d.published, d.analysis->'lineStarts' AS line_starts, at.starts, at.ends
FROM docs
JOIN documents d ON d.corpus_id = docs.corpus_id AND d.doc_id = docs.doc_id
JOIN LATERAL (
  SELECT array_agg(m.start_offset ORDER BY m.start_offset) AS starts, array_agg(m.end_offset ORDER BY m.start_offset) AS ends
  FROM mentions m WHERE m.corpus_id = docs.corpus_id AND m.doc_id = docs.doc_id
    AND m.alias_key = ANY (ARRAY(SELECT k.alias_key FROM e JOIN entity_members k ON k.corpus_id = e.corpus_id AND k.entity_id = e.entity_id))
) at ON at.starts IS NOT NULL`;

const DATE_LOCATIONS = `
WITH docs AS (
  SELECT DISTINCT ON (dm.published, dm.doc_id) dm.corpus_id, dm.doc_id FROM date_mentions dm
  WHERE dm.corpus_id = (${CORPUS}) AND dm.value = $2
    AND dm.doc_id NOT IN (SELECT unnest($3::bigint[]))
  ORDER BY dm.published NULLS LAST, dm.doc_id LIMIT $4
)
SELECT d.path, d.published, d.analysis->'lineStarts' AS line_starts, at.starts, at.ends
FROM docs
JOIN documents d ON d.corpus_id = docs.corpus_id AND d.doc_id = docs.doc_id
JOIN LATERAL (
  SELECT array_agg(dm.start_offset ORDER BY dm.start_offset) AS starts, array_agg(dm.end_offset ORDER BY dm.start_offset) AS ends
  FROM date_mentions dm WHERE dm.corpus_id = docs.corpus_id AND dm.doc_id = docs.doc_id AND dm.value = $2
) at ON at.starts IS NOT NULL`;

/** Where a document stands in the chronology: its publication date (undefined: undated) and corpus path. */
export interface DatedPath {
  published?: string;
  path: string;
}

/** A date-less document sorts after every dated one, as in a folder's timeline. */
export function byPublication(a: DatedPath, b: DatedPath): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return 1;
    if (b.published === undefined) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Mentions of the target in stored documents outside `exclude` (at most `limit` documents),
 * ordered by publication date then path and by offset within a document. `firstOnly`: one per
 * document (F12), else all of them (Shift+F12).
 */
export async function teamLocations(db: Pool, corpus: string, target: TeamTarget, options: SourceOptions & { firstOnly?: boolean } = {}): Promise<TeamLocation[]> {
  const sql = target.kind === 'entity' ? ENTITY_LOCATIONS : DATE_LOCATIONS;
  const { rows } = await db.query<{ path: string; published: string | null; line_starts: number[]; starts: number[]; ends: number[] }>({
    name: `dossier-${target.kind}-locations`,
    text: sql,
    values: [corpus, target.kind === 'entity' ? target.aliasKey : target.value, options.exclude ?? [], options.limit ?? 200],
  });
  const docs = rows.map((r) => ({ ...r, published: r.published ?? undefined })).sort(byPublication);
  const out: TeamLocation[] = [];
  for (const r of docs) {
    const n = options.firstOnly ? 1 : r.starts.length;
    for (let i = 0; i < n; i++) out.push({ path: r.path, ...(r.published ? { published: r.published } : {}), start: r.starts[i], end: r.ends[i], lineStarts: r.line_starts });
  }
  return out;
}

/** Stands for "undated" in a cursor: sorts after every ISO date, in SQL ("C") as in JavaScript. */
const UNDATED = '~';

// The stored document right after (or before) a place in the chronology that mentions the entity
// (or has a date mention of the value), outside the excluded ones, with its first such mention.
// The place is ($4 publication date, $5 path); a null date means "the stored document $6's own"
// (from inside a `dossier:` document). Ordered as byPublication: undated last, then path.
function neighbourSql(kind: TeamTarget['kind'], direction: 1 | -1): string {
  const cmp = direction > 0 ? '>' : '<';
  const order = direction > 0 ? '' : ' DESC';
  const candidates =
    kind === 'entity'
      ? `SELECT d.corpus_id, d.doc_id, d.path, d.published FROM corpora c
  JOIN entity_members em ON em.corpus_id = c.corpus_id AND em.alias_key = $2
  JOIN entity_sources x ON x.corpus_id = em.corpus_id AND x.entity_id = em.entity_id
  JOIN documents d ON d.corpus_id = x.corpus_id AND d.doc_id = x.doc_id
  WHERE c.name = $1`
      : `SELECT DISTINCT d.corpus_id, d.doc_id, d.path, d.published FROM corpora c
  JOIN date_mentions dm ON dm.corpus_id = c.corpus_id AND dm.value = $2
  JOIN documents d ON d.corpus_id = dm.corpus_id AND d.doc_id = dm.doc_id
  WHERE c.name = $1`;
  const first =
    kind === 'entity'
      ? `SELECT m.start_offset, m.end_offset FROM mentions m
  WHERE m.corpus_id = n.corpus_id AND m.doc_id = n.doc_id
    AND m.alias_key = ANY (ARRAY(SELECT k.alias_key FROM entity_members k JOIN entity_members em ON k.corpus_id = em.corpus_id AND k.entity_id = em.entity_id
      WHERE em.corpus_id = n.corpus_id AND em.alias_key = $2))
  ORDER BY m.start_offset LIMIT 1`
      : `SELECT dm.start_offset, dm.end_offset FROM date_mentions dm
  WHERE dm.corpus_id = n.corpus_id AND dm.doc_id = n.doc_id AND dm.value = $2
  ORDER BY dm.start_offset LIMIT 1`;
  return `
WITH here AS (
  SELECT coalesce($4::text, (SELECT h.published FROM corpora c JOIN documents h ON h.corpus_id = c.corpus_id AND h.doc_id = $6 WHERE c.name = $1), '${UNDATED}') AS published
),
n AS (
  SELECT s.* FROM (${candidates}) s, here
  WHERE s.doc_id NOT IN (SELECT unnest($3::bigint[]))
    AND (coalesce(s.published, '${UNDATED}') COLLATE "C", s.path COLLATE "C") ${cmp} (here.published COLLATE "C", $5::text COLLATE "C")
  ORDER BY coalesce(s.published, '${UNDATED}') COLLATE "C"${order}, s.path COLLATE "C"${order}
  LIMIT 1
)
SELECT n.path, n.published, f.start_offset, f.end_offset FROM n
JOIN LATERAL (${first}) f ON true`;
}

/** A source for Next/Previous Source: a document and its first mention of the target there. */
export interface DatedSource extends DatedPath {
  start: number;
  end: number;
}

/**
 * The stored document next to `here` in publication order (direction +1: the next one, -1: the
 * previous one) that mentions the target, outside `exclude`. `here.published` undefined: the
 * stored document at `here.path` gives the date (pass `local` for a document the editor dates itself).
 */
export async function teamNeighbour(
  db: Pool,
  corpus: string,
  target: TeamTarget,
  here: DatedPath & { local?: boolean },
  direction: 1 | -1,
  exclude: number[] = [],
): Promise<DatedSource | undefined> {
  const published = here.published ?? (here.local ? UNDATED : null);
  const { rows } = await db.query<{ path: string; published: string | null; start_offset: number; end_offset: number }>({
    name: `dossier-${target.kind}-neighbour${direction > 0 ? '-next' : '-previous'}`,
    text: neighbourSql(target.kind, direction),
    values: [corpus, target.kind === 'entity' ? target.aliasKey : target.value, exclude, published, here.path, documentKey(here.path)],
  });
  const r = rows[0];
  return r && { path: r.path, ...(r.published ? { published: r.published } : {}), start: r.start_offset, end: r.end_offset };
}

/**
 * The source next to `here` (+1) or before it (-1) in publication order among candidates from
 * anywhere (the workspace's sources and the team index's neighbour); of equal ones (same date and
 * path) the first listed wins.
 */
export function neighbourSource<T extends DatedPath>(candidates: T[], here: DatedPath, direction: 1 | -1): T | undefined {
  let best: T | undefined;
  for (const c of candidates) {
    const side = byPublication(c, here) * direction;
    if (side <= 0) continue;
    if (!best || byPublication(c, best) * direction < 0) best = c;
  }
  return best;
}

/** Characters of context either side of a date mention in a team timeline entry. */
const TIMELINE_CONTEXT = 60;

// The Timeline's "Team index" section: the stored date mentions of documents outside the excluded
// ones, on the $3 latest date values (in value order, a loose index scan of date_mentions_value:
// one probe per value, however many mentions each has), at most $4 + 1 mentions a value (by path,
// then offset, as the local timeline lists them), each with a little text either side. A value
// only the excluded documents mention is skipped without counting.
const TEAM_TIMELINE = `
WITH RECURSIVE c AS MATERIALIZED (${CORPUS}),
vals AS (
  (SELECT dm.value FROM date_mentions dm WHERE dm.corpus_id = (SELECT corpus_id FROM c) AND dm.value IS NOT NULL ORDER BY dm.value DESC LIMIT 1)
  UNION ALL
  SELECT (SELECT dm.value FROM date_mentions dm WHERE dm.corpus_id = (SELECT corpus_id FROM c) AND dm.value < v.value ORDER BY dm.value DESC LIMIT 1)
  FROM vals v WHERE v.value IS NOT NULL
),
days AS (
  SELECT v.value FROM vals v
  WHERE v.value IS NOT NULL AND EXISTS (
    SELECT 1 FROM date_mentions dm WHERE dm.corpus_id = (SELECT corpus_id FROM c) AND dm.value = v.value AND dm.doc_id NOT IN (SELECT unnest($2::bigint[])))
  -- Explicitly the latest: a semi-join plan need not keep the recursion's order.
  ORDER BY v.value DESC
  LIMIT $3
)
SELECT days.value, e.granularity, e.path, e.published, e.start_offset, e.end_offset, e.text,
  substring(e.doc_text FROM greatest(1, e.start_offset + 1 - ${TIMELINE_CONTEXT}) FOR least(e.start_offset, ${TIMELINE_CONTEXT})) AS before,
  substring(e.doc_text FROM e.end_offset + 1 FOR ${TIMELINE_CONTEXT}) AS after
FROM days
JOIN LATERAL (
  SELECT dm.granularity, d.path, d.published, dm.start_offset, dm.end_offset, dm.text, d.text AS doc_text
  FROM date_mentions dm JOIN documents d ON d.corpus_id = dm.corpus_id AND d.doc_id = dm.doc_id
  WHERE dm.corpus_id = (SELECT corpus_id FROM c) AND dm.value = days.value AND dm.doc_id NOT IN (SELECT unnest($2::bigint[]))
  ORDER BY d.path COLLATE "C", dm.start_offset
  LIMIT $4 + 1
) e ON true`;

export interface TeamTimelineRow {
  value: string;
  granularity: string | null;
  path: string;
  published: string | null;
  start_offset: number;
  end_offset: number;
  text: string;
  before: string;
  after: string;
}

/** A date mention of a stored document, for the Timeline. */
export interface TeamTimelineEntry {
  path: string;
  published?: string;
  /** UTF-16 offsets of the date mention in the stored text. */
  start: number;
  end: number;
  /** The date as written, and the text either side of it. */
  mentionText: string;
  before: string;
  after: string;
}

/** A date value of the team corpus with its stored mentions (the first `perDay`). */
export interface TeamTimelineDay {
  date: string;
  granularity: Granularity;
  entries: TeamTimelineEntry[];
  /** Distinct documents among the entries. */
  sources: number;
  /** More mentions of the date than the entries listed. */
  more: boolean;
}

export interface TeamTimelineOptions {
  /** Documents to leave out, by documentKey: the workspace's own. */
  exclude?: number[];
  /** Date values listed at most, the latest ones. */
  days?: number;
  /** Mentions listed at most per date value. */
  perDay?: number;
}

/**
 * The query's rows as timeline days, oldest first as the local timeline sorts them (compareDateValues),
 * entries by path then offset; a day with more than `perDay` rows keeps `perDay` and says so.
 */
export function teamTimelineDays(rows: TeamTimelineRow[], perDay: number): TeamTimelineDay[] {
  const days = new Map<string, TeamTimelineDay>();
  for (const r of rows) {
    let day = days.get(r.value);
    if (!day) {
      const granularity = (r.granularity as Granularity | null) ?? granularityOfValue(r.value) ?? 'day';
      days.set(r.value, (day = { date: r.value, granularity, entries: [], sources: 0, more: false }));
    }
    day.entries.push({ path: r.path, ...(r.published ? { published: r.published } : {}), start: r.start_offset, end: r.end_offset, mentionText: r.text, before: r.before, after: r.after });
  }
  const byPath = (a: TeamTimelineEntry, b: TeamTimelineEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start);
  const out = [...days.values()].sort((a, b) => compareDateValues(a.date, b.date));
  for (const day of out) {
    day.entries.sort(byPath);
    day.more = day.entries.length > perDay;
    day.entries.length = Math.min(day.entries.length, perDay);
    day.sources = new Set(day.entries.map((e) => e.path)).size;
  }
  return out;
}

/** The Timeline's team section: the latest dated mentions of stored documents outside `exclude`. */
export async function teamTimeline(db: Pool, corpus: string, options: TeamTimelineOptions = {}): Promise<TeamTimelineDay[]> {
  const perDay = options.perDay ?? 50;
  const { rows } = await db.query<TeamTimelineRow>({ name: 'dossier-team-timeline', text: TEAM_TIMELINE, values: [corpus, options.exclude ?? [], options.days ?? 500, perDay] });
  return teamTimelineDays(rows, perDay);
}

/** A stored document's text (undefined: the corpus has no such document). */
export async function storedText(db: Pool, corpus: string, path: string): Promise<string | undefined> {
  const { rows } = await db.query<{ text: string }>(
    `SELECT d.text FROM corpora c JOIN documents d ON d.corpus_id = c.corpus_id AND d.doc_id = $2 AND d.path = $3 WHERE c.name = $1`,
    [corpus, documentKey(path), path],
  );
  return rows[0]?.text;
}

export interface TeamEntity {
  id: string;
  name: string;
  type: EntityType;
  mentionCount: number;
  /** One of its alias keys, to ask teamSources about it. */
  aliasKey: string;
}

/** The corpus's most mentioned stored entities (as `db cluster` resolved them). */
export async function topEntities(db: Pool, corpus: string, limit = 100): Promise<TeamEntity[]> {
  const { rows } = await db.query<{ entity_id: string; name: string; type: EntityType; mention_count: number; alias_key: string }>({
    name: 'dossier-top-entities',
    text: `SELECT e.entity_id, e.name, e.type, e.mention_count,
             (SELECT min(k.alias_key) FROM entity_members k WHERE k.corpus_id = e.corpus_id AND k.entity_id = e.entity_id) AS alias_key
           FROM corpora c JOIN entities e ON e.corpus_id = c.corpus_id
           WHERE c.name = $1 ORDER BY e.mention_count DESC, e.ordinal LIMIT $2`,
    values: [corpus, limit],
  });
  return rows.map((r) => ({ id: r.entity_id, name: r.name, type: r.type, mentionCount: r.mention_count, aliasKey: r.alias_key }));
}

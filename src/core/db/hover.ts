// What a hover asks the team index: the entity at an offset of a stored document and the other
// documents that mention it, most mentions first. One round trip; the mention lookup stays on
// the document's node, the sources are the first rows of entity_sources (docs/TEAM-INDEX.md).
import type { Pool } from 'pg';
import type { EntityType } from '../types';
import { documentKey } from './types';

export interface StoredEntityAt {
  id: string;
  name: string;
  type: EntityType;
  mentionCount: number;
  /** Other documents mentioning the entity, most mentions first (then by path), at most maxSources. */
  sources: { path: string; mentions: number }[];
}

const ENTITY_AT = `
WITH corpus AS (SELECT corpus_id FROM corpora WHERE name = $1),
hit AS (
  SELECT em.entity_id FROM corpus
  JOIN mentions m ON m.corpus_id = corpus.corpus_id AND m.doc_id = $2
  JOIN entity_members em ON em.corpus_id = m.corpus_id AND em.alias_key = m.alias_key
  -- As in the editor, the offset just after a mention still hovers it.
  WHERE m.start_offset <= $3 AND $3 <= m.end_offset
  ORDER BY m.start_offset
  LIMIT 1
)
SELECT e.entity_id, e.name, e.type, e.mention_count, src.path, src.mentions
FROM corpus JOIN hit ON true
JOIN entities e ON e.corpus_id = corpus.corpus_id AND e.entity_id = hit.entity_id
LEFT JOIN LATERAL (
  SELECT x.path, x.mentions
  FROM entity_sources x
  WHERE x.corpus_id = corpus.corpus_id AND x.entity_id = hit.entity_id AND x.doc_id <> $2
  ORDER BY x.mentions DESC, x.path COLLATE "C"
  LIMIT $4
) src ON true`;

/** The stored entity (as `db cluster` resolved it) at offset in the document; undefined: none. */
export async function storedEntityAt(db: Pool, corpus: string, path: string, offset: number, maxSources = 8): Promise<StoredEntityAt | undefined> {
  const { rows } = await db.query<{ entity_id: string; name: string; type: EntityType; mention_count: number; path: string | null; mentions: number | null }>(
    ENTITY_AT,
    [corpus, documentKey(path), offset, maxSources],
  );
  if (!rows.length) return undefined;
  const r = rows[0];
  return {
    id: r.entity_id,
    name: r.name,
    type: r.type,
    mentionCount: r.mention_count,
    sources: rows.filter((x) => x.path !== null).map((x) => ({ path: x.path!, mentions: x.mentions! })),
  };
}

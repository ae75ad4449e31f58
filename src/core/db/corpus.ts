// A corpus of the team index read back as a CorpusIndex (stored analyses, texts and corrections),
// and `dossier db cluster`: alias resolution over the whole corpus by CorpusIndex itself, stored.
import type { ClientBase, Pool } from 'pg';
import type { Cluster } from '../aliases';
import { CorpusIndex } from '../corpusIndex';
import { CorrectionsFile, parseCorrections } from '../corrections';
import type { DocumentAnalysis, EntityType } from '../types';

/** The corpus's id, creating the corpus on first use (safe when shards start together). */
export async function corpusId(db: Pool, name: string): Promise<number> {
  await db.query('INSERT INTO corpora (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  return (await db.query<{ corpus_id: number }>('SELECT corpus_id FROM corpora WHERE name = $1', [name])).rows[0].corpus_id;
}

export class NoSuchCorpus extends Error {}

export async function existingCorpus(db: Pool, name: string): Promise<{ id: number; signature: string | null }> {
  const { rows } = await db.query<{ corpus_id: number; clustering_signature: string | null }>(
    'SELECT corpus_id, clustering_signature FROM corpora WHERE name = $1',
    [name],
  );
  if (!rows.length) throw new NoSuchCorpus(`the database has no corpus "${name}" (run \`dossier index <folder> --db URL --corpus ${name}\`)`);
  return { id: rows[0].corpus_id, signature: rows[0].clustering_signature };
}

/** The stored corrections as the file form parseCorrections reads (and so validates). */
export async function correctionsFile(db: Pool | ClientBase, corpus: number): Promise<CorrectionsFile> {
  const file: Required<Pick<CorrectionsFile, 'merge' | 'split' | 'rename' | 'retype' | 'ignore' | 'dismissed'>> = {
    merge: [], split: [], rename: [], retype: [], ignore: [], dismissed: [],
  };
  const { rows } = await db.query<{ kind: string; names: string[]; value: string | null }>(
    'SELECT kind, names, value FROM corrections WHERE corpus_id = $1 ORDER BY correction_id',
    [corpus],
  );
  for (const r of rows) {
    if (r.kind === 'merge') file.merge.push(r.names);
    else if (r.kind === 'split') file.split.push(...r.names);
    else if (r.kind === 'ignore') file.ignore.push(...r.names);
    else if (r.kind === 'rename') file.rename.push({ entity: r.names[0], name: r.value ?? '' });
    else if (r.kind === 'retype') file.retype.push({ entity: r.names[0], type: r.value as EntityType });
  }
  const dismissed = await db.query<{ name_a: string; name_b: string }>(
    'SELECT name_a, name_b FROM dismissed_suggestions WHERE corpus_id = $1 ORDER BY name_a, name_b',
    [corpus],
  );
  file.dismissed = dismissed.rows.map((r) => [r.name_a, r.name_b]);
  return file;
}

export interface StoredCorpus {
  index: CorpusIndex;
  /** Problems with the stored corrections. */
  warnings: string[];
  /** True when the entities stored by `db cluster` matched and were adopted (no resolution). */
  clusteringAdopted: boolean;
}

/** Documents read per query when loading a corpus. */
const LOAD_PAGE = 1000;

/** Rebuilds the corpus's CorpusIndex from the database, in path order like a folder load. */
export async function loadCorpus(db: Pool, name: string): Promise<StoredCorpus> {
  const corpus = await existingCorpus(db, name);
  const { corrections, problems } = parseCorrections(JSON.stringify(await correctionsFile(db, corpus.id)));
  const index = new CorpusIndex({ corrections });
  const warnings = [...problems];
  // Page by path, so a large corpus never arrives as one result (and one copy of it) in memory.
  for (let after = ''; ; ) {
    const { rows } = await db.query<{ path: string; text: string; analysis: DocumentAnalysis }>(
      `SELECT path, text, analysis FROM documents WHERE corpus_id = $1 AND path COLLATE "C" > $2
       ORDER BY path COLLATE "C" LIMIT ${LOAD_PAGE}`,
      [corpus.id, after],
    );
    for (const r of rows) {
      index.set(r.analysis, r.text);
      warnings.push(...r.analysis.warnings); // as a folder load reports them
    }
    if (rows.length < LOAD_PAGE) break;
    after = rows[rows.length - 1].path;
  }
  let clusteringAdopted = false;
  if (corpus.signature && corpus.signature === index.corpusSignature()) {
    const clusters = await db.query<{ cluster: Cluster }>('SELECT cluster FROM entities WHERE corpus_id = $1 ORDER BY ordinal', [corpus.id]);
    clusteringAdopted = index.restoreClustering({ signature: corpus.signature, clusters: clusters.rows.map((r) => r.cluster) });
  }
  return { index, warnings, clusteringAdopted };
}

export interface ClusterReport {
  entities: number;
  /** The stored entities already resolved exactly these documents and corrections. */
  upToDate: boolean;
  /** Entities written (new or changed) and removed; the others' rows were kept as they were. */
  written: number;
  removed: number;
  /** Entities whose stored sources were rebuilt (written ones, and those of changed documents). */
  sourcesRebuilt: number;
  warnings: string[];
}

/**
 * Resolves the corpus's entities and stores them (entities, entity_members, entity_sources) with
 * the signature of what they resolve, in one transaction. Nothing is resolved or written when the
 * stored entities are still current. Otherwise the write is incremental: alias resolution runs
 * over the whole corpus (in memory, as everywhere), but only entities whose cluster changed are
 * rewritten, and sources are rebuilt only for them and for the entities of documents written since
 * the last clustering; the rest of the stored rows stay as they are. The result equals a
 * clustering stored from scratch (tested).
 */
export async function clusterCorpus(db: Pool, name: string): Promise<ClusterReport> {
  // Taken before reading: a document written while we resolve counts as changed next time.
  const { rows: clock } = await db.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  const { index, warnings, clusteringAdopted } = await loadCorpus(db, name);
  const entities = index.entities().length;
  if (clusteringAdopted) return { entities, upToDate: true, written: 0, removed: 0, sourcesRebuilt: 0, warnings };
  warnings.push(...index.correctionWarnings());
  const snapshot = index.clusteringSnapshot()!;
  const corpus = await existingCorpus(db, name);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    // One clustering at a time per corpus: a second `db cluster` waits, then compares with ours.
    const { rows: head } = await client.query<{ clustered_at: Date | null }>('SELECT clustered_at FROM corpora WHERE corpus_id = $1 FOR UPDATE', [corpus.id]);
    const { rows: stored } = await client.query<{ entity_id: string; ordinal: number; cluster: string }>(
      'SELECT entity_id, ordinal, cluster::text AS cluster FROM entities WHERE corpus_id = $1',
      [corpus.id],
    );
    const before = new Map(stored.map((r) => [r.entity_id, r]));
    const c = snapshot.clusters;
    const json = c.map((x) => JSON.stringify(x));
    const keep = new Set<string>();
    const write: number[] = [];
    c.forEach((x, i) => (before.get(x.id)?.cluster === json[i] ? keep.add(x.id) : write.push(i)));
    const gone = stored.filter((r) => !keep.has(r.entity_id)).map((r) => r.entity_id);
    // Members and sources go with their entities (ON DELETE CASCADE).
    if (gone.length) await client.query('DELETE FROM entities WHERE corpus_id = $1 AND entity_id = ANY($2::text[])', [corpus.id, gone]);
    const moved = c.map((x, i) => [x.id, i] as const).filter(([id, i]) => keep.has(id) && before.get(id)!.ordinal !== i);
    if (moved.length) {
      await client.query(
        `UPDATE entities e SET ordinal = v.ordinal FROM unnest($2::text[], $3::int[]) AS v(entity_id, ordinal)
         WHERE e.corpus_id = $1 AND e.entity_id = v.entity_id`,
        [corpus.id, moved.map((m) => m[0]), moved.map((m) => m[1])],
      );
    }
    if (write.length) {
      const w = write.map((i) => c[i]);
      await client.query(
        `INSERT INTO entities (corpus_id, entity_id, ordinal, name, type, mention_count, cluster)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::json[])`,
        [corpus.id, w.map((x) => x.id), write, w.map((x) => x.name), w.map((x) => x.type), w.map((x) => x.count), write.map((i) => json[i])],
      );
      const members = w.flatMap((x) => x.keys.map((k) => [k, x.id]));
      await client.query(
        'INSERT INTO entity_members (corpus_id, alias_key, entity_id) SELECT $1, * FROM unnest($2::text[], $3::text[])',
        [corpus.id, members.map((m) => m[0]), members.map((m) => m[1])],
      );
    }
    // Sources of documents removed since (the entities they counted for changed, or are gone).
    await client.query(
      `DELETE FROM entity_sources x WHERE x.corpus_id = $1
       AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.corpus_id = x.corpus_id AND d.doc_id = x.doc_id)`,
      [corpus.id],
    );
    // Entities to give fresh sources: the ones written, and those named in documents written since.
    const since = head[0]?.clustered_at;
    const touched = since
      ? (
          await client.query<{ entity_id: string }>(
            `SELECT DISTINCT k.entity_id FROM documents d
             JOIN alias_keys a ON a.corpus_id = d.corpus_id AND a.doc_id = d.doc_id
             JOIN entity_members k ON k.corpus_id = a.corpus_id AND k.alias_key = a.alias_key
             WHERE d.corpus_id = $1 AND d.indexed_at >= $2`,
            [corpus.id, since],
          )
        ).rows.map((r) => r.entity_id)
      : [];
    const rebuild = [...new Set([...write.map((i) => c[i].id), ...touched])];
    if (rebuild.length) {
      await client.query('DELETE FROM entity_sources WHERE corpus_id = $1 AND entity_id = ANY($2::text[])', [corpus.id, rebuild]);
      await client.query(
        `INSERT INTO entity_sources (corpus_id, entity_id, doc_id, path, mentions)
         SELECT k.corpus_id, k.entity_id, a.doc_id, d.path, sum(a.mentions)
         FROM entity_members k
         JOIN alias_keys a ON a.corpus_id = k.corpus_id AND a.alias_key = k.alias_key
         JOIN documents d ON d.corpus_id = a.corpus_id AND d.doc_id = a.doc_id
         WHERE k.corpus_id = $1 AND k.entity_id = ANY($2::text[])
         GROUP BY k.corpus_id, k.entity_id, a.doc_id, d.path`,
        [corpus.id, rebuild],
      );
      await client.query(
        `UPDATE entities e SET document_count = (SELECT count(*) FROM entity_sources x WHERE x.corpus_id = e.corpus_id AND x.entity_id = e.entity_id)
         WHERE e.corpus_id = $1 AND e.entity_id = ANY($2::text[])`,
        [corpus.id, rebuild],
      );
    }
    await client.query('UPDATE corpora SET clustering_signature = $2, clustered_at = $3 WHERE corpus_id = $1', [corpus.id, snapshot.signature, clock[0].now]);
    await client.query('COMMIT');
    const now = new Set(c.map((x) => x.id));
    const removed = stored.filter((r) => !now.has(r.entity_id)).length;
    return { entities, upToDate: false, written: write.length, removed, sourcesRebuilt: rebuild.length, warnings };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

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
  warnings: string[];
}

/**
 * Resolves the corpus's entities and stores them (entities, entity_members) with the signature
 * of what they resolve, in one transaction. Nothing is resolved or written when the stored
 * entities are still current.
 */
export async function clusterCorpus(db: Pool, name: string): Promise<ClusterReport> {
  const { index, warnings, clusteringAdopted } = await loadCorpus(db, name);
  if (clusteringAdopted) return { entities: index.entities().length, upToDate: true, warnings };
  const entities = index.entities();
  warnings.push(...index.correctionWarnings());
  const snapshot = index.clusteringSnapshot()!;
  const corpus = await existingCorpus(db, name);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    // One clustering at a time per corpus: a second `db cluster` waits, then replaces it whole.
    await client.query('SELECT 1 FROM corpora WHERE corpus_id = $1 FOR UPDATE', [corpus.id]);
    // Members and sources go with their entities (ON DELETE CASCADE).
    await client.query('DELETE FROM entities WHERE corpus_id = $1', [corpus.id]);
    const c = snapshot.clusters;
    if (c.length) {
      await client.query(
        `INSERT INTO entities (corpus_id, entity_id, ordinal, name, type, mention_count, cluster)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::json[])`,
        [corpus.id, c.map((x) => x.id), c.map((_, i) => i), c.map((x) => x.name), c.map((x) => x.type), c.map((x) => x.count), c.map((x) => JSON.stringify(x))],
      );
      const members = c.flatMap((x) => x.keys.map((k) => [k, x.id]));
      await client.query(
        'INSERT INTO entity_members (corpus_id, alias_key, entity_id) SELECT $1, * FROM unnest($2::text[], $3::text[])',
        [corpus.id, members.map((m) => m[0]), members.map((m) => m[1])],
      );
      await client.query(
        `INSERT INTO entity_sources (corpus_id, entity_id, doc_id, path, mentions)
         SELECT k.corpus_id, k.entity_id, a.doc_id, d.path, sum(a.mentions)
         FROM entity_members k
         JOIN alias_keys a ON a.corpus_id = k.corpus_id AND a.alias_key = k.alias_key
         JOIN documents d ON d.corpus_id = a.corpus_id AND d.doc_id = a.doc_id
         WHERE k.corpus_id = $1
         GROUP BY k.corpus_id, k.entity_id, a.doc_id, d.path`,
        [corpus.id],
      );
    }
    await client.query('UPDATE corpora SET clustering_signature = $2, clustered_at = now() WHERE corpus_id = $1', [corpus.id, snapshot.signature]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  return { entities: entities.length, upToDate: false, warnings };
}

// The team index's schema, as a versioned list of migrations applied in order by
// `dossier db migrate` (docs/TEAM-INDEX.md explains the tables and how they distribute).
//
// Per-document tables are keyed by (corpus_id, doc_id): doc_id is documentKey(path), the column
// a Citus cluster distributes them by, so one document's rows live together on one node.
// Never edit a migration that has shipped: append a new one.
import type { ClientBase } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'team index',
    sql: `
CREATE TABLE corpora (
  corpus_id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- CorpusIndex.corpusSignature() of the documents and corrections the stored entities resolve.
  clustering_signature text,
  clustered_at timestamptz
);

CREATE TABLE documents (
  corpus_id int NOT NULL REFERENCES corpora ON DELETE CASCADE,
  doc_id bigint NOT NULL,
  path text NOT NULL,
  -- analysisKey(): the text's hash salted with what outside it decided the dates.
  content_hash text NOT NULL,
  analyzer_version int NOT NULL,
  published text,
  date_source text NOT NULL,
  text text NOT NULL,
  -- The DocumentAnalysis as analyzeDocument returned it (json keeps it byte for byte).
  analysis json NOT NULL,
  indexed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (corpus_id, doc_id)
);
-- In code-point order, the order of a folder listing: reads page through it.
CREATE INDEX documents_path ON documents (corpus_id, path COLLATE "C");

CREATE TABLE mentions (
  corpus_id int NOT NULL,
  doc_id bigint NOT NULL,
  n int NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  surface text NOT NULL,
  type text NOT NULL,
  -- The alias key the mention files under before corrections (KeyGroups.keyOfMention).
  alias_key text,
  PRIMARY KEY (corpus_id, doc_id, n),
  FOREIGN KEY (corpus_id, doc_id) REFERENCES documents ON DELETE CASCADE
);
CREATE INDEX mentions_key ON mentions (corpus_id, alias_key);

CREATE TABLE date_mentions (
  corpus_id int NOT NULL,
  doc_id bigint NOT NULL,
  n int NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  text text NOT NULL,
  value text,
  granularity text,
  PRIMARY KEY (corpus_id, doc_id, n),
  FOREIGN KEY (corpus_id, doc_id) REFERENCES documents ON DELETE CASCADE
);
CREATE INDEX date_mentions_value ON date_mentions (corpus_id, value);

-- Per document and alias key: what alias resolution aggregates over the corpus.
CREATE TABLE alias_keys (
  corpus_id int NOT NULL,
  doc_id bigint NOT NULL,
  alias_key text NOT NULL,
  mentions int NOT NULL,
  PRIMARY KEY (corpus_id, doc_id, alias_key),
  FOREIGN KEY (corpus_id, doc_id) REFERENCES documents ON DELETE CASCADE
);
CREATE INDEX alias_keys_key ON alias_keys (corpus_id, alias_key);

-- Written whole by \`dossier db cluster\`; small (one row per entity), kept per corpus.
CREATE TABLE entities (
  corpus_id int NOT NULL REFERENCES corpora ON DELETE CASCADE,
  entity_id text NOT NULL,
  ordinal int NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  mention_count int NOT NULL,
  -- The Cluster as alias resolution returned it, to adopt without resolving again.
  cluster json NOT NULL,
  PRIMARY KEY (corpus_id, entity_id)
);

CREATE TABLE entity_members (
  corpus_id int NOT NULL,
  alias_key text NOT NULL,
  entity_id text NOT NULL,
  PRIMARY KEY (corpus_id, alias_key),
  FOREIGN KEY (corpus_id, entity_id) REFERENCES entities ON DELETE CASCADE
);
CREATE INDEX entity_members_entity ON entity_members (corpus_id, entity_id);

-- Per entity, the documents mentioning it and how often (written by \`db cluster\`): a hover's
-- "other sources" is then an index scan that stops after a few rows, however common the entity.
CREATE TABLE entity_sources (
  corpus_id int NOT NULL,
  entity_id text NOT NULL,
  doc_id bigint NOT NULL,
  path text NOT NULL,
  mentions int NOT NULL,
  PRIMARY KEY (corpus_id, entity_id, doc_id),
  FOREIGN KEY (corpus_id, entity_id) REFERENCES entities ON DELETE CASCADE
);
CREATE INDEX entity_sources_top ON entity_sources (corpus_id, entity_id, mentions DESC, path COLLATE "C");

-- The analysts' corrections, one row per entry of .dossier/aliases.json's lists.
CREATE TABLE corrections (
  corpus_id int NOT NULL REFERENCES corpora ON DELETE CASCADE,
  correction_id bigserial,
  kind text NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'retype', 'ignore')),
  -- merge: the names; split, ignore: one name; rename, retype: the entity's name.
  names text[] NOT NULL,
  -- rename: the new name; retype: the type.
  value text,
  created_by text NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (corpus_id, correction_id)
);

CREATE TABLE dismissed_suggestions (
  corpus_id int NOT NULL REFERENCES corpora ON DELETE CASCADE,
  name_a text NOT NULL,
  name_b text NOT NULL,
  created_by text NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (corpus_id, name_a, name_b)
);
`,
  },
  {
    version: 2,
    name: 'editor queries',
    sql: `
-- Per entity, how many documents mention it (written by \`db cluster\` with entity_sources), so a
-- hover does not count a common entity's thousands of sources.
ALTER TABLE entities ADD COLUMN document_count int;
UPDATE entities e SET document_count = (SELECT count(*) FROM entity_sources x WHERE x.corpus_id = e.corpus_id AND x.entity_id = e.entity_id);

-- The document's publication date beside each date mention, so "other documents on this date",
-- oldest first, is an index scan that stops after a few rows however common the date.
ALTER TABLE date_mentions ADD COLUMN published text;
UPDATE date_mentions dm SET published = d.published FROM documents d WHERE d.corpus_id = dm.corpus_id AND d.doc_id = dm.doc_id;
CREATE INDEX date_mentions_sources ON date_mentions (corpus_id, value, published, doc_id, start_offset);
`,
  },
  {
    version: 3,
    name: 'hover indexes',
    sql: `
-- A document's mentions of an entity's keys, found by key then document (not by scanning every
-- mention of a common key for the document).
DROP INDEX mentions_key;
CREATE INDEX mentions_key ON mentions (corpus_id, alias_key, doc_id, start_offset);

-- A hover's top sources outside the workspace: the document key rides in the index, so skipping
-- the workspace's documents reads no table rows.
DROP INDEX entity_sources_top;
CREATE INDEX entity_sources_top ON entity_sources (corpus_id, entity_id, mentions DESC, path COLLATE "C") INCLUDE (doc_id);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Serializes concurrent `db migrate` runs (any constant; taken for one transaction only). */
const MIGRATE_LOCK = 0x646f7373; // "doss"

/**
 * Applies the migrations the database lacks, all in one transaction (so a failure leaves it as it
 * was). Returns the versions applied; none when the schema is current.
 */
export async function migrate(client: ClientBase): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const have = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (have.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Why the database cannot be used as a team index yet (run `db migrate`), or undefined. */
export async function schemaProblem(client: ClientBase): Promise<string | undefined> {
  const { rows: table } = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  let v: number | null = null;
  if (table[0]?.t) v = (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? null;
  if (v === null) return 'the database has no Dossier schema: run `dossier db migrate --db URL` first';
  if (v < SCHEMA_VERSION) return `the database schema is version ${v}, this Dossier needs ${SCHEMA_VERSION}: run \`dossier db migrate --db URL\``;
  if (v > SCHEMA_VERSION) return `the database schema is version ${v}, newer than this Dossier knows (${SCHEMA_VERSION}): update Dossier`;
  return undefined;
}

// The team index on PostgreSQL (issue 13): schema, ingest, clustering and reading back.
// Nothing here imports `vscode`; the CLI and the editor (src/extension/teamIndex/) are thin callers.
import { Pool } from 'pg';
import { redactUrl } from './types';

export { migrate, schemaProblem, SCHEMA_VERSION, MIGRATIONS } from './migrations';
export { ingestFolder, type IngestOptions } from './ingest';
export { storedEntityAt, type StoredEntityAt } from './hover';
export { byPublication, neighbourSource, storedTargetAt, storedText, teamLocations, teamNeighbour, teamSources, teamTimeline, teamTimelineDays, topEntities, type TeamTimelineDay, type TeamTimelineEntry, type TeamTimelineOptions, type TeamTimelineRow, type DatedPath, type DatedSource, type TeamEntity, type SourceOptions, type TeamAnswer, type TeamLocation, type TeamSource, type TeamTarget } from './sources';
export { addedCorrections, correctionRows, recordCorrections, type CorrectionRow } from './corrections';
export { clusterCorpus, correctionsFile, existingCorpus, loadCorpus, NoSuchCorpus, type ClusterReport, type StoredCorpus } from './corpus';
export { DEFAULT_CORPUS, documentKey, inShard, parseShard, redactUrl, type IngestReport, type Shard } from './types';

export interface OpenOptions {
  /** Password for a URL without one (the editor's SecretStorage); else the URL's, PGPASSWORD or PGPASSFILE. */
  password?: string;
  /** Give up connecting after this long (default: wait as long as the OS does). */
  connectTimeoutMs?: number;
  /** Give up waiting for a query's answer after this long (a server that stopped answering). */
  queryTimeoutMs?: number;
}

/**
 * A connection pool for the URL (libpq URL rules: sslmode and the PG* variables, PGSSLMODE and
 * PGPASSFILE among them, apply as for psql). `max`: connections kept open at most.
 */
export function openDatabase(url: string, max = 4, options: OpenOptions = {}): Pool {
  const pool = new Pool({
    connectionString: options.password ? withPassword(url, options.password) : url,
    max,
    application_name: 'dossier',
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The URL with the password put in (pg lets a URL's empty password win over a separate one).
 * Only for opening the pool: messages about it go through databaseError, which hides it again.
 */
export function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** An error's message with the URL (and any password in it) never shown in the clear. */
export function databaseError(url: string, e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  const redacted = redactUrl(url);
  const pw = (() => {
    try {
      return decodeURIComponent(new URL(url).password);
    } catch {
      return '';
    }
  })();
  let out = message.split(url).join(redacted);
  if (pw) out = out.split(pw).join('***');
  return `database ${redacted}: ${out}`;
}

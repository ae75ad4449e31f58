// `dossier index <folder> --db URL`: analyzes the documents of one shard of a folder and upserts
// them, each in its own transaction, so concurrent shards never wait on each other and a crash
// loses nothing that had committed. Reading and analysis are folder.ts's and workerPool.ts's.
import * as path from 'path';
import type { Pool, PoolClient } from 'pg';
import { ANALYZER_VERSION } from '../analysisCache';
import { KeyGroups } from '../aliases';
import { analysisKey } from '../dateContext';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../document';
import { CORRECTIONS_FILE, CorrectionsFile } from '../corrections';
import { fileDateContext, listFolder, LoadOptions, readCorrectionsFile, readDocument, readFolderDates } from '../folder';
import { analyzeDocumentLazily as analyzeDocument } from '../lazyAnalyze';
import { AnalysisPool, PoolError } from '../workerPool';
import type { DocumentAnalysis } from '../types';
import { corpusId } from './corpus';
import { correctionRows, recordCorrections } from './corrections';
import { documentKey, inShard, IngestReport, Shard, WHOLE } from './types';

export interface IngestOptions extends LoadOptions {
  corpus: string;
  shard?: Shard;
  /** Analysis worker threads (0: this thread). */
  jobs?: number;
  /** Remove the shard's stored documents that the folder no longer has. */
  prune?: boolean;
}

interface Stored {
  hash: string;
  version: number;
}

/** Writes one document and everything derived from it, replacing what was stored, atomically. */
async function writeDocument(client: PoolClient, corpus: number, analysis: DocumentAnalysis, text: string): Promise<void> {
  const doc = documentKey(analysis.path);
  const keys = new KeyGroups();
  const mentionKeys = analysis.entities.map((m) => keys.keyOfMention(m) || null);
  keys.add(analysis.path, analysis.entities);
  await client.query('BEGIN');
  try {
    // Two runs writing the same document (overlapping shards, a run started twice) take turns:
    // the second then replaces what the first committed instead of colliding with it.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [corpus, doc % 0x7fffffff]);
    // Deleting the document cascades to its mentions, date mentions and alias keys.
    await client.query('DELETE FROM documents WHERE corpus_id = $1 AND doc_id = $2', [corpus, doc]);
    await client.query(
      `INSERT INTO documents (corpus_id, doc_id, path, content_hash, analyzer_version, published, date_source, text, analysis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [corpus, doc, analysis.path, analysis.hash, ANALYZER_VERSION, analysis.date.value ?? null, analysis.date.source, text, JSON.stringify(analysis)],
    );
    const e = analysis.entities;
    if (e.length) {
      await client.query(
        `INSERT INTO mentions (corpus_id, doc_id, n, start_offset, end_offset, surface, type, alias_key)
         SELECT $1, $2, * FROM unnest($3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[])`,
        [corpus, doc, e.map((_, i) => i), e.map((m) => m.start), e.map((m) => m.end), e.map((m) => m.text), e.map((m) => m.type), mentionKeys],
      );
    }
    const d = analysis.dates;
    if (d.length) {
      await client.query(
        `INSERT INTO date_mentions (corpus_id, doc_id, published, n, start_offset, end_offset, text, value, granularity)
         SELECT $1, $2, $3, * FROM unnest($4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])`,
        [corpus, doc, analysis.date.value ?? null, d.map((_, i) => i), d.map((m) => m.start), d.map((m) => m.end), d.map((m) => m.text), d.map((m) => m.value ?? null), d.map((m) => m.granularity ?? null)],
      );
    }
    const groups = [...keys.groups.values()];
    if (groups.length) {
      await client.query(
        `INSERT INTO alias_keys (corpus_id, doc_id, alias_key, mentions) SELECT $1, $2, * FROM unnest($3::text[], $4::int[])`,
        [corpus, doc, groups.map((g) => g.key), groups.map((g) => g.count)],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * Adds the folder's `.dossier/aliases.json` entries that the corpus lacks to its corrections (every
 * shard may do it: entries already stored are not added twice). Returns how many were added.
 */
async function importCorrections(db: Pool, root: string, corpus: number, warnings: string[]): Promise<number> {
  const read = readCorrectionsFile(path.join(root, CORRECTIONS_FILE));
  if (read.problem) warnings.push(read.problem);
  if (read.text === undefined) return 0;
  let file: CorrectionsFile;
  try {
    const raw: unknown = JSON.parse(read.text.replace(/^\uFEFF/, '') || '{}');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('it does not hold a JSON object');
    file = raw as CorrectionsFile;
  } catch (e) {
    warnings.push(`${CORRECTIONS_FILE}: not imported, ${(e as Error).message}`);
    return 0;
  }
  return (await recordCorrections(db, corpus, correctionRows(file))).length;
}

/** Ingests the shard of the folder into the corpus (created on first use). */
export async function ingestFolder(db: Pool, root: string, options: IngestOptions): Promise<IngestReport> {
  const shard = options.shard ?? WHOLE;
  const report: IngestReport = { written: 0, unchanged: 0, removed: 0, corrections: 0, skipped: [], warnings: [] };
  const folderDates = readFolderDates(root, options, report.warnings);
  const listing = listFolder(root, options.include, options.exclude);
  report.skipped.push(...listing.skipped.filter((s) => inShard(s.replace(/:.*$/, ''), shard)));
  const files = listing.files.filter((rel) => inShard(rel, shard));
  const corpus = await corpusId(db, options.corpus);
  report.corrections = await importCorrections(db, root, corpus, report.warnings);
  const stored = new Map<string, Stored>();
  const { rows } = await db.query<{ path: string; content_hash: string; analyzer_version: number }>(
    'SELECT path, content_hash, analyzer_version FROM documents WHERE corpus_id = $1',
    [corpus],
  );
  for (const r of rows) if (inShard(r.path, shard)) stored.set(r.path, { hash: r.content_hash, version: r.analyzer_version });

  const maxKB = options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const present = new Set<string>();
  let pool: AnalysisPool | undefined;
  if ((options.jobs ?? 0) > 0) pool = new AnalysisPool({ size: options.jobs });
  const writes: Promise<void>[] = [];
  let failure: unknown;
  const write = (analysis: DocumentAnalysis, text: string) => {
    writes.push(
      (async () => {
        const client = await db.connect();
        try {
          await writeDocument(client, corpus, analysis, text);
          report.written++;
          report.warnings.push(...analysis.warnings);
        } finally {
          client.release();
        }
      })().catch((e) => {
        failure ??= e;
      }),
    );
  };
  let done = 0;
  try {
    for (const rel of files) {
      if (failure) break;
      options.onProgress?.(done++, files.length, rel);
      const decoded = readDocument(root, rel, maxKB);
      if (decoded.skipped || decoded.text === undefined) {
        report.skipped.push(decoded.skipped ?? `${rel}: skipped`);
        continue;
      }
      present.add(rel);
      const text = decoded.text;
      const dateContext = fileDateContext(root, rel, folderDates);
      const was = stored.get(rel);
      if (was && was.version === ANALYZER_VERSION && was.hash === analysisKey(rel, text, dateContext)) {
        report.unchanged++;
        continue;
      }
      if (!pool) {
        write(analyzeDocument(rel, text, decoded.warnings, dateContext), text);
        await writes[writes.length - 1];
        continue;
      }
      const p = pool;
      writes.push(
        p.analyze(rel, text, decoded.warnings, { dateContext }).then(
          (a) => write(a, text),
          (e: Error) => {
            if (e instanceof PoolError && (e.kind === 'crash' || e.kind === 'timeout')) report.skipped.push(`${rel}: skipped, ${e.message.replace(`${rel}: `, '')}`);
            else write(analyzeDocument(rel, text, decoded.warnings, dateContext), text);
          },
        ),
      );
      // Backpressure: keep the workers and connections fed without queueing the whole folder.
      while (p.pending > p.size * 4) await new Promise<void>((r) => setTimeout(r, 2));
    }
    // Writes are queued by analyses that finish late: wait until no more appear.
    for (let seen = 0; seen < writes.length; ) {
      const batch = writes.slice(seen);
      seen = writes.length;
      await Promise.all(batch);
    }
  } finally {
    await pool?.close();
  }
  if (failure) throw failure;
  if (options.prune) {
    const gone = [...stored.keys()].filter((rel) => !present.has(rel));
    if (gone.length) {
      const res = await db.query('DELETE FROM documents WHERE corpus_id = $1 AND doc_id = ANY($2::bigint[]) AND path = ANY($3::text[])', [
        corpus,
        gone.map(documentKey),
        gone,
      ]);
      report.removed = res.rowCount ?? 0;
    }
  }
  options.onProgress?.(files.length, files.length, '');
  return report;
}

// Corrections written to the team index: from an analyst's editor (what a correction command just
// added to the file) and from a folder's `.dossier/aliases.json` imported by `dossier index`.
// Rows are only ever added; resolution reads them in order (correctionsFile in corpus.ts), so a
// later rename or retype of the same entity wins, as in the file.
import type { Pool } from 'pg';
import type { CorrectionsFile } from '../corrections';
import { correctionsFile } from './corpus';

/** One row of the corrections table (or of dismissed_suggestions, kind 'dismiss'). */
export interface CorrectionRow {
  kind: 'merge' | 'split' | 'rename' | 'retype' | 'ignore' | 'dismiss';
  names: string[];
  value?: string;
}

const isName = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0;
const isNames = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every(isName);

/**
 * The file's entries as rows, in the file's order; malformed entries are left out (the file's own
 * parser reports them when it is applied).
 */
export function correctionRows(file: CorrectionsFile): CorrectionRow[] {
  const rows: CorrectionRow[] = [];
  const list = <T>(x: T[] | undefined): unknown[] => (Array.isArray(x) ? x : []);
  for (const names of list(file.merge)) if (isNames(names) && names.length > 1) rows.push({ kind: 'merge', names });
  for (const name of list(file.split)) if (isName(name)) rows.push({ kind: 'split', names: [name] });
  for (const name of list(file.ignore)) if (isName(name)) rows.push({ kind: 'ignore', names: [name] });
  for (const r of list(file.rename) as { entity?: unknown; name?: unknown }[]) {
    if (r && isName(r.entity) && isName(r.name)) rows.push({ kind: 'rename', names: [r.entity], value: r.name });
  }
  for (const r of list(file.retype) as { entity?: unknown; type?: unknown }[]) {
    if (r && isName(r.entity) && isName(r.type)) rows.push({ kind: 'retype', names: [r.entity], value: r.type });
  }
  for (const pair of list(file.dismissed)) if (isNames(pair) && pair.length === 2) rows.push({ kind: 'dismiss', names: pair });
  return rows;
}

const rowKey = (r: CorrectionRow) => JSON.stringify([r.kind, r.names, r.value ?? null]);

/** The rows of `after` that `before` lacks: what a correction command added to the file. */
export function addedCorrections(before: CorrectionsFile, after: CorrectionsFile): CorrectionRow[] {
  const had = new Set(correctionRows(before).map(rowKey));
  return correctionRows(after).filter((r) => !had.has(rowKey(r)));
}

/** Second key of the corpus's advisory lock for corrections (documents use keys ≥ 0). */
const CORRECTIONS_LOCK = -1;

/**
 * Adds the rows the corpus does not hold yet, in one transaction under the corpus's corrections
 * lock (so two writers never add the same row twice). Returns the rows added. The corpus must
 * exist (`corpus` is its id).
 */
export async function recordCorrections(db: Pool, corpus: number, rows: CorrectionRow[]): Promise<CorrectionRow[]> {
  if (!rows.length) return [];
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [corpus, CORRECTIONS_LOCK]);
    const stored = new Set(correctionRows(await correctionsFile(client, corpus)).map(rowKey));
    const added: CorrectionRow[] = [];
    for (const r of rows) {
      const key = rowKey(r);
      if (stored.has(key)) continue;
      stored.add(key);
      added.push(r);
      if (r.kind === 'dismiss') {
        await client.query('INSERT INTO dismissed_suggestions (corpus_id, name_a, name_b) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [corpus, r.names[0], r.names[1]]);
      } else {
        await client.query('INSERT INTO corrections (corpus_id, kind, names, value) VALUES ($1, $2, $3, $4)', [corpus, r.kind, r.names, r.value ?? null]);
      }
    }
    await client.query('COMMIT');
    return added;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

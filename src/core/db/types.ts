// The team index's plain data and naming rules, shared by every stage of src/core/db (no I/O here).
import { contentHash } from '../hash';

/** Corpus name used when --corpus is not given. */
export const DEFAULT_CORPUS = 'default';

/** How `dossier index` treated the documents of its shard. */
export interface IngestReport {
  /** Documents analyzed and written (new or changed). */
  written: number;
  /** Documents skipped: same content hash and analyzer version as stored. */
  unchanged: number;
  /** Documents removed by --prune. */
  removed: number;
  /** Entries of the folder's `.dossier/aliases.json` added to the corpus's corrections. */
  corrections: number;
  /** Files of the shard not read, each with its reason. */
  skipped: string[];
  warnings: string[];
}

/** A shard of a corpus: this process ingests the documents whose key ≡ index (mod count). */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 0, count: 1 };

/**
 * A document's key in the database: 52 bits of the SHA-1 of its relative path (an exact JS
 * number, a positive bigint). Stable across machines and runs, so shards and Citus-style
 * distribution agree on where a document lives.
 */
export function documentKey(relativePath: string): number {
  return parseInt(contentHash(relativePath).slice(0, 13), 16);
}

export function inShard(relativePath: string, shard: Shard): boolean {
  return documentKey(relativePath) % shard.count === shard.index;
}

/** `I/N` with 0 ≤ I < N, or why not. */
export function parseShard(value: string): { shard?: Shard; problem?: string } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m) return { problem: `--shard needs I/N (e.g. 0/2), not "${value}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) return { problem: `--shard ${value}: I must be 0 to N-1 and N at least 1` };
  return { shard: { index, count } };
}

/** The URL with any password replaced by `***`: the only form of it that messages may show. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (/pass/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    // Not a URL (a libpq key=value string, say): hide every password=... value.
    return url.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, '$1***').replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}

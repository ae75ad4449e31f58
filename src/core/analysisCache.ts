// Persistent cache of per-document analyses, keyed by content hash + ANALYZER_VERSION.
//
// Layout: <dir>/v<ANALYZER_VERSION>/<hh>.jsonl.gz, 256 buckets by the first two hex digits of
// the hash. A bucket is gzip (its CRC-32 and length catch truncation and garbage) of:
//   line 1: {"format":"dossier-cache/1","version":"<ANALYZER_VERSION>"}
//   then one line per document: <hash> TAB <entry JSON>
// An entry holds date, dates, entities and the sentence spans (delta-encoded: re-splitting costs
// more than parsing them); lineStarts are recomputed from the text (one cheap pass), mention `text` fields equal to the slice of
// the document they point at are stored as 0, and `undefined` property values are kept, so a
// round trip gives back exactly what analyzeDocument returned.
// Buckets are written whole, atomically (temp file + rename), merged with what another process
// may have written meanwhile. A corrupt or truncated bucket loses only its own entries: they are
// misses (with a warning) and get re-analyzed. Nothing here throws to the caller.
// A flush lets go of the buckets it leaves with nothing unsaved: the entries stay on disk (a later
// lookup reads its bucket again), not in memory for as long as the cache object lives.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Cluster, ClusteringSnapshot } from './aliases';
import { contentHash } from './hash';
import { computeLineStarts } from './text';
import type { DocumentAnalysis } from './types';
import { plural } from './plural';

/** Bump whenever the analysis output for a given text changes (analyzers, word lists, types). */
export const ANALYZER_VERSION = 6;

const FORMAT = 'dossier-cache/1';
const UNDEF = '\u0000undefined';
const BUCKET_RE = /^[0-9a-f]{2}\.jsonl\.gz$/;
/** The last clustering of the corpus, beside the buckets (CorpusIndex.restoreClustering). */
const CLUSTERS_FILE = 'clusters.json.gz';
const CLUSTERS_FORMAT = 'dossier-clusters/1';
/** Buckets written concurrently by flush(). */
const FLUSH_LANES = 4;

export interface CacheOptions {
  /** Overrides ANALYZER_VERSION (tests). */
  version?: string | number;
  /** gzip level 1–9 (default 1: BBC is ~1 MB either way, and level 1 writes faster). */
  level?: number;
}

interface StoredEntry {
  date: DocumentAnalysis['date'];
  dates: DocumentAnalysis['dates'];
  entities: DocumentAnalysis['entities'];
  /** Sentence spans, delta-encoded: [gap, length, gap, length, …]. */
  s: number[];
}

interface DecodedEntry extends Omit<StoredEntry, 's'> {
  sentences: DocumentAnalysis['sentences'];
}

interface Bucket {
  /** hash → entry JSON (parsed only on a hit). */
  entries: Map<string, string>;
  /** Hashes removed by prune(), not to be resurrected by merging with the file. */
  removed: Set<string>;
  /** Counts changes; `saved` is the count the file on disk holds (dirty while they differ). */
  changes: number;
  saved: number;
}

const isDirty = (b: Bucket): boolean => b.changes !== b.saved;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries or buckets found damaged (each also produced a warning). */
  corrupt: number;
  stored: number;
  bucketsWritten: number;
}

export class AnalysisCache {
  readonly version: string;
  /** Folder holding this version's buckets. */
  readonly dir: string;
  /** Problems met (corrupt buckets, write failures), oldest first; callers drain and show them. */
  readonly warnings: string[] = [];
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0, stored: 0, bucketsWritten: 0 };
  private readonly buckets = new Map<string, Bucket>();
  private readonly level: number;

  constructor(readonly root: string, options: CacheOptions = {}) {
    this.version = String(options.version ?? ANALYZER_VERSION);
    this.dir = path.join(root, `v${this.version.replace(/[^\w.-]/g, '_')}`);
    this.level = options.level ?? 1;
  }

  /** Takes and clears the accumulated warnings; buckets failing the same way make one line. */
  drainWarnings(): string[] {
    return collapseBucketWarnings(this.warnings.splice(0));
  }

  /** The cached analysis of text, as analyzeDocument(path, text, inputWarnings) would return it, or undefined. */
  get(docPath: string, text: string, inputWarnings: string[] = [], hash: string = contentHash(text)): DocumentAnalysis | undefined {
    try {
      const bucket = this.bucketSync(hash);
      const raw = bucket.entries.get(hash);
      if (raw === undefined) {
        this.stats.misses++;
        return undefined;
      }
      const entry = decodeEntry(raw, text);
      if (!entry) {
        bucket.entries.delete(hash);
        bucket.changes++;
        this.stats.corrupt++;
        this.stats.misses++;
        this.warnings.push(`cache: damaged entry for ${docPath} in ${this.bucketFile(hash)}; re-analyzing it`);
        return undefined;
      }
      this.stats.hits++;
      return {
        path: docPath,
        hash,
        date: entry.date,
        dates: entry.dates,
        entities: entry.entities,
        sentences: entry.sentences,
        lineStarts: computeLineStarts(text),
        warnings: [...inputWarnings],
      };
    } catch (e) {
      this.stats.misses++;
      this.warnings.push(`cache: lookup failed for ${docPath} (${(e as Error).message}); re-analyzing it`);
      return undefined;
    }
  }

  /**
   * Stores an analysis of text. inputWarnings are those passed to analyzeDocument (decoding
   * notes); an analysis carrying more warnings than that (an analyzer failed) is not cached.
   */
  put(analysis: DocumentAnalysis, text: string, inputWarnings: string[] = []): boolean {
    try {
      if (analysis.warnings.length > inputWarnings.length) return false;
      const bucket = this.bucketSync(analysis.hash);
      const raw = encodeEntry(analysis, text);
      if (bucket.entries.get(analysis.hash) === raw) return true;
      bucket.entries.set(analysis.hash, raw);
      bucket.removed.delete(analysis.hash);
      bucket.changes++;
      this.stats.stored++;
      return true;
    } catch (e) {
      this.warnings.push(`cache: could not store ${analysis.path} (${(e as Error).message})`);
      return false;
    }
  }

  /** Drops every entry whose hash is not in keep (call after a full index). Returns how many. */
  prune(keep: Set<string>): number {
    this.loadAllSync();
    let n = 0;
    for (const bucket of this.buckets.values()) {
      for (const h of [...bucket.entries.keys()]) {
        if (!keep.has(h)) {
          bucket.entries.delete(h);
          bucket.removed.add(h);
          bucket.changes++;
          n++;
        }
      }
    }
    return n;
  }

  /** Reads every bucket in the background (parallel I/O and gunzip off the main thread). */
  async preload(): Promise<void> {
    const names = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
    await Promise.all(
      names.map(async (prefix) => {
        if (this.buckets.has(prefix)) return;
        let gz: Buffer | undefined;
        try {
          gz = await fs.promises.readFile(path.join(this.dir, `${prefix}.jsonl.gz`));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
            this.warnings.push(`cache: cannot read bucket ${prefix} (${(e as Error).message}); its documents will be re-analyzed`);
          }
        }
        let body: string | undefined;
        if (gz) {
          try {
            body = (await gunzipAsync(gz)).toString('utf8');
          } catch (e) {
            body = undefined;
            this.noteCorruptBucket(prefix, (e as Error).message);
          }
        }
        if (this.buckets.has(prefix)) return; // a sync lookup got there first
        this.buckets.set(prefix, this.parseBucket(prefix, body));
      }),
    );
  }

  /**
   * Writes changed buckets (async gzip and I/O). Flushes run one after another, so two writes of
   * one bucket never race (the older finishing last would drop the newer's entries), and entries
   * stored while a bucket is being written keep it dirty for the next flush.
   */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.flushOnce());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private flushing: Promise<void> = Promise.resolve();

  private async flushOnce(): Promise<void> {
    const dirty = this.dirtyBuckets();
    if (!dirty) return this.releaseSaved();
    if (!(await mkdirAsync(this.dir, this.warnings))) return;
    // A few buckets at a time, with a turn of the event loop after each: written all at once, the
    // callbacks of 256 reads, gunzips, merges and gzips would hold the thread for 50–150 ms.
    let next = 0;
    const lane = async () => {
      while (next < dirty.length) {
        const [prefix, bucket] = dirty[next++];
        await this.writeBucket(prefix, bucket);
        await new Promise((r) => setImmediate(r));
      }
    };
    await Promise.all(Array.from({ length: FLUSH_LANES }, lane));
    this.removeStaleVersions();
    this.releaseSaved();
  }

  private async writeBucket(prefix: string, bucket: Bucket): Promise<void> {
    const file = path.join(this.dir, `${prefix}.jsonl.gz`);
    try {
      const onDisk = await readBucketFileAsync(file);
      const at = bucket.changes;
      const gz = await gzipAsync(Buffer.from(this.serializeBucket(prefix, bucket, onDisk), 'utf8'), { level: this.level });
      if (bucket.saved >= at) return; // flushSync wrote this state or a newer one meanwhile
      await writeAtomic(file, gz);
      this.markSaved(bucket, at);
    } catch (e) {
      this.warnings.push(`cache: cannot write bucket ${prefix} (${(e as Error).message})`);
    }
  }

  /** Synchronous flush (CLI exit paths, extension shutdown, tests). */
  flushSync(): void {
    const dirty = this.dirtyBuckets();
    if (!dirty) return this.releaseSaved();
    if (!mkdirSync(this.dir, this.warnings)) return;
    for (const [prefix, bucket] of dirty) {
      const file = path.join(this.dir, `${prefix}.jsonl.gz`);
      try {
        let onDisk: string | undefined;
        try {
          onDisk = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
        } catch {
          onDisk = undefined;
        }
        const at = bucket.changes;
        writeAtomicSync(file, zlib.gzipSync(Buffer.from(this.serializeBucket(prefix, bucket, onDisk), 'utf8'), { level: this.level }));
        this.markSaved(bucket, at);
      } catch (e) {
        this.warnings.push(`cache: cannot write bucket ${prefix} (${(e as Error).message})`);
      }
    }
    this.removeStaleVersions();
    this.releaseSaved();
  }

  /** Buckets held in memory (read, or holding stores not yet written). */
  get bucketsInMemory(): number {
    return this.buckets.size;
  }

  /** Forgets the buckets whose every change is on disk; a lookup reads its bucket again. */
  private releaseSaved(): void {
    for (const [prefix, bucket] of this.buckets) if (!isDirty(bucket)) this.buckets.delete(prefix);
  }

  private dirtyBuckets(): [string, Bucket][] | undefined {
    const dirty = [...this.buckets.entries()].filter(([, b]) => isDirty(b));
    return dirty.length ? dirty : undefined;
  }

  private markSaved(bucket: Bucket, at: number): void {
    bucket.saved = Math.max(bucket.saved, at);
    this.stats.bucketsWritten++;
  }

  /**
   * The clustering saved by saveClustering, if there is one and it reads back whole; a damaged
   * file is a warning and undefined (the clustering is then computed), never an error.
   */
  async loadClustering(): Promise<ClusteringSnapshot | undefined> {
    const file = path.join(this.dir, CLUSTERS_FILE);
    let body: string;
    try {
      body = (await gunzipAsync(await fs.promises.readFile(file))).toString('utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.warnings.push(`cache: ${file} cannot be read (${(e as Error).message}); aliases are resolved again`);
      return undefined;
    }
    const snapshot = parseClusters(body, this.version);
    if (!snapshot) this.warnings.push(`cache: ${file} is damaged; aliases are resolved again`);
    return snapshot;
  }

  /** Saves a clustering for the next start (atomically; a failure is a warning). */
  async saveClustering(snapshot: ClusteringSnapshot): Promise<void> {
    try {
      await fs.promises.mkdir(this.dir, { recursive: true });
      await writeAtomic(path.join(this.dir, CLUSTERS_FILE), await gzipAsync(Buffer.from(this.clustersBody(snapshot), 'utf8'), { level: this.level }));
    } catch (e) {
      this.warnings.push(`cache: cannot save the clustering (${(e as Error).message})`);
    }
  }

  /** saveClustering for exit paths. */
  saveClusteringSync(snapshot: ClusteringSnapshot): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      writeAtomicSync(path.join(this.dir, CLUSTERS_FILE), zlib.gzipSync(Buffer.from(this.clustersBody(snapshot), 'utf8'), { level: this.level }));
    } catch (e) {
      this.warnings.push(`cache: cannot save the clustering (${(e as Error).message})`);
    }
  }

  private clustersBody(snapshot: ClusteringSnapshot): string {
    return JSON.stringify({ format: CLUSTERS_FORMAT, version: this.version, signature: snapshot.signature, clusters: snapshot.clusters });
  }

  /** Bytes on disk of this version's buckets. */
  sizeOnDisk(): number {
    let total = 0;
    try {
      for (const name of fs.readdirSync(this.dir)) {
        if (BUCKET_RE.test(name) || name === CLUSTERS_FILE) total += fs.statSync(path.join(this.dir, name)).size;
      }
    } catch {
      /* no cache yet */
    }
    return total;
  }

  bucketFile(hash: string): string {
    return path.join(this.dir, `${hash.slice(0, 2).toLowerCase()}.jsonl.gz`);
  }

  // -------------------------------------------------------------------------------------------

  private bucketSync(hash: string): Bucket {
    const prefix = hash.slice(0, 2).toLowerCase();
    let bucket = this.buckets.get(prefix);
    if (bucket) return bucket;
    let body: string | undefined;
    const file = path.join(this.dir, `${prefix}.jsonl.gz`);
    let gz: Buffer | undefined;
    try {
      gz = fs.readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.warnings.push(`cache: cannot read ${file} (${(e as Error).message}); its documents will be re-analyzed`);
      }
    }
    if (gz) {
      try {
        body = zlib.gunzipSync(gz).toString('utf8');
      } catch (e) {
        this.noteCorruptBucket(prefix, (e as Error).message);
      }
    }
    bucket = this.parseBucket(prefix, body);
    this.buckets.set(prefix, bucket);
    return bucket;
  }

  private loadAllSync(): void {
    for (let i = 0; i < 256; i++) this.bucketSync(i.toString(16).padStart(2, '0'));
  }

  private noteCorruptBucket(prefix: string, why: string): void {
    this.stats.corrupt++;
    this.warnings.push(
      `cache: bucket ${path.join(this.dir, `${prefix}.jsonl.gz`)} is corrupt (${why}); its documents will be re-analyzed`,
    );
  }

  /** Parses a bucket's text; anything unexpected yields an empty (dirty) bucket plus a warning. */
  private parseBucket(prefix: string, body: string | undefined): Bucket {
    const bucket: Bucket = { entries: new Map(), removed: new Set(), changes: 0, saved: 0 };
    if (body === undefined) return bucket;
    const parsed = parseBucketBody(body, this.version);
    if (parsed === 'version') return bucket; // written by another analyzer version: all misses
    if (!parsed) {
      this.noteCorruptBucket(prefix, 'unreadable contents');
      bucket.changes++;
      return bucket;
    }
    if (parsed.badLines) {
      this.noteCorruptBucket(prefix, plural(parsed.badLines, 'damaged line'));
      bucket.changes++;
    }
    for (const [h, raw] of parsed.entries) bucket.entries.set(h, raw);
    return bucket;
  }

  private serializeBucket(prefix: string, bucket: Bucket, onDisk: string | undefined): string {
    // Keep what another process added since we read the bucket (unless we pruned it).
    if (onDisk !== undefined) {
      const parsed = parseBucketBody(onDisk, this.version);
      if (parsed && parsed !== 'version') {
        for (const [h, raw] of parsed.entries) if (!bucket.entries.has(h) && !bucket.removed.has(h)) bucket.entries.set(h, raw);
      }
    }
    const lines = [JSON.stringify({ format: FORMAT, version: this.version, bucket: prefix })];
    for (const [h, raw] of bucket.entries) lines.push(`${h}\t${raw}`);
    return lines.join('\n') + '\n';
  }

  /** Deletes sibling v<N> folders of other analyzer versions (only if they hold nothing but buckets). */
  private removeStaleVersions(): void {
    try {
      for (const name of fs.readdirSync(this.root)) {
        const full = path.join(this.root, name);
        if (full === this.dir || !/^v[\w.-]+$/.test(name)) continue;
        const files = fs.readdirSync(full);
        if (files.every((f) => BUCKET_RE.test(f) || f === CLUSTERS_FILE || f.endsWith('.tmp'))) fs.rmSync(full, { recursive: true, force: true });
      }
    } catch {
      /* best effort */
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry encoding

function encodeEntry(a: DocumentAnalysis, text: string): string {
  const slim = <T extends { start: number; end: number; text: string }>(m: T): T =>
    (m.text === text.slice(m.start, m.end) ? { ...m, text: 0 } : m) as T;
  const s: number[] = [];
  let at = 0;
  for (const span of a.sentences) {
    s.push(span.start - at, span.end - span.start);
    at = span.end;
  }
  const entry: StoredEntry = { date: a.date, dates: a.dates.map(slim), entities: a.entities.map(slim), s };
  return JSON.stringify(entry, (_k, v) => (v === undefined ? UNDEF : v));
}

function restoreUndefined(v: unknown): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === UNDEF) v[i] = undefined;
      else if (v[i] && typeof v[i] === 'object') restoreUndefined(v[i]);
    }
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (o[k] === UNDEF) o[k] = undefined;
      else if (o[k] && typeof o[k] === 'object') restoreUndefined(o[k]);
    }
  }
}

function validSpans(list: unknown, textLength: number): list is { start: number; end: number; text: unknown }[] {
  if (!Array.isArray(list)) return false;
  for (const m of list) {
    if (!m || typeof m !== 'object') return false;
    const { start, end, text } = m as { start: unknown; end: unknown; text: unknown };
    if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
    if ((start as number) < 0 || (end as number) < (start as number) || (end as number) > textLength) return false;
    if (text !== 0 && typeof text !== 'string') return false;
  }
  return true;
}

/** Parses and checks one entry against its text; undefined when damaged. */
function decodeEntry(raw: string, text: string): DecodedEntry | undefined {
  let e: StoredEntry;
  try {
    e = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!e || typeof e !== 'object' || !e.date || typeof e.date !== 'object' || typeof e.date.source !== 'string') return undefined;
  if (!validSpans(e.dates, text.length) || !validSpans(e.entities, text.length)) return undefined;
  if (!Array.isArray(e.s) || e.s.length % 2 !== 0) return undefined;
  const sentences: DocumentAnalysis['sentences'] = [];
  let at = 0;
  for (let i = 0; i < e.s.length; i += 2) {
    const gap = e.s[i];
    const len = e.s[i + 1];
    if (!Number.isInteger(gap) || !Number.isInteger(len) || gap < 0 || len < 0) return undefined;
    const start = at + gap;
    at = start + len;
    sentences.push({ start, end: at });
  }
  if (at > text.length) return undefined;
  if (raw.includes('\\u0000undefined')) restoreUndefined(e);
  for (const list of [e.dates, e.entities] as { start: number; end: number; text: string | 0 }[][]) {
    for (const m of list) if (m.text === 0) m.text = text.slice(m.start, m.end);
  }
  return { date: e.date, dates: e.dates, entities: e.entities, sentences };
}

function parseBucketBody(
  body: string,
  version: string,
): { entries: [string, string][]; badLines: number } | 'version' | undefined {
  const nl = body.indexOf('\n');
  if (nl < 0) return undefined;
  let header: { format?: unknown; version?: unknown };
  try {
    header = JSON.parse(body.slice(0, nl));
  } catch {
    return undefined;
  }
  if (!header || header.format !== FORMAT) return undefined;
  if (header.version !== version) return 'version';
  const entries: [string, string][] = [];
  let badLines = 0;
  let at = nl + 1;
  while (at < body.length) {
    let end = body.indexOf('\n', at);
    if (end < 0) end = body.length;
    const line = body.slice(at, end);
    at = end + 1;
    if (!line) continue;
    const tab = line.indexOf('\t');
    const h = tab === 40 || tab === 64 ? line.slice(0, tab) : '';
    if (!/^[0-9a-f]+$/.test(h) || line.charCodeAt(tab + 1) !== 123 /* { */ || line.charCodeAt(line.length - 1) !== 125 /* } */) {
      badLines++;
      continue;
    }
    entries.push([h, line.slice(tab + 1)]);
  }
  return { entries, badLines };
}

const ENTITY_TYPES = new Set(['person', 'organization', 'place']);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A saved clustering, checked field by field; undefined when anything is off. */
function parseClusters(body: string, version: string): ClusteringSnapshot | undefined {
  let data: { format?: unknown; version?: unknown; signature?: unknown; clusters?: unknown };
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!data || data.format !== CLUSTERS_FORMAT || data.version !== version || typeof data.signature !== 'string' || !Array.isArray(data.clusters)) return undefined;
  for (const c of data.clusters as Partial<Cluster>[]) {
    if (!c || typeof c.id !== 'string' || typeof c.name !== 'string' || !ENTITY_TYPES.has(c.type as string)) return undefined;
    if (!isStrings(c.aliases) || !isStrings(c.keys) || !c.keys.length || !Number.isInteger(c.count)) return undefined;
    if (c.ambiguousWith !== undefined && !isStrings(c.ambiguousWith)) return undefined;
  }
  return { signature: data.signature, clusters: data.clusters as Cluster[] };
}

// ---------------------------------------------------------------------------------------------
// I/O helpers

function gunzipAsync(buf: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => zlib.gunzip(buf, (e, out) => (e ? reject(e) : resolve(out))));
}

function gzipAsync(buf: Buffer, opts: zlib.ZlibOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => zlib.gzip(buf, opts, (e, out) => (e ? reject(e) : resolve(out))));
}

async function readBucketFileAsync(file: string): Promise<string | undefined> {
  try {
    return (await gunzipAsync(await fs.promises.readFile(file))).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * "cannot read bucket 00 (ENOTDIR: …)" for each of 256 buckets is one problem (a cache path
 * that is a file, a read-only folder): one line with the count, in the place of the first.
 */
function collapseBucketWarnings(warnings: string[]): string[] {
  const bucketProblem = /^cache: cannot (read|write) bucket [0-9a-f]{2} \(([A-Z]+\b)?([^)]*)\)(.*)$/;
  const groups = new Map<string, { first: RegExpExecArray; count: number }>();
  const out: (string | { key: string })[] = [];
  for (const w of warnings) {
    const m = bucketProblem.exec(w);
    if (!m) {
      out.push(w);
      continue;
    }
    const key = `${m[1]}|${m[2] ?? m[3]}`;
    const g = groups.get(key);
    if (g) g.count++;
    else {
      groups.set(key, { first: m, count: 1 });
      out.push({ key });
    }
  }
  return out.map((w) => {
    if (typeof w === 'string') return w;
    const { first, count } = groups.get(w.key)!;
    if (count === 1) return first[0];
    const reason = first[2] ? `${first[2]}${first[3].split(',')[0]}` : first[3];
    return `cache: cannot ${first[1]} ${count} buckets (${reason})${first[4].replace('its documents', 'their documents')}`;
  });
}

const cannotCreate = (dir: string, e: unknown) => `cache: cannot create ${dir} (${(e as Error).message}); nothing saved`;

async function mkdirAsync(dir: string, warnings: string[]): Promise<boolean> {
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    return true;
  } catch (e) {
    warnings.push(cannotCreate(dir, e));
    return false;
  }
}

function mkdirSync(dir: string, warnings: string[]): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    return true;
  } catch (e) {
    warnings.push(cannotCreate(dir, e));
    return false;
  }
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
}

async function writeAtomic(file: string, data: Buffer): Promise<void> {
  const tmp = tempName(file);
  try {
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

function writeAtomicSync(file: string, data: Buffer): void {
  const tmp = tempName(file);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

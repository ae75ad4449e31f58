// Reading a folder of articles from disk into a CorpusIndex (used by the CLI, tests, benchmarks).
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisCache } from './analysisCache';
import { DateContext, dateContextFor, FolderDates, parseDefaultDate, parseSidecar, SIDECAR_FILE } from './dateContext';
import { CorpusIndex } from './corpusIndex';
import { CORRECTIONS_FILE, parseCorrections } from './corrections';
import { DecodedDocument, decodeDocument, DEFAULT_MAX_FILE_SIZE_KB, sizeProblem } from './document';
import { fsReason, readRegularFile } from './files';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, globToRegExp, matchesAny } from './glob';
import { DocumentPipeline, nodeFileHost } from './documentPipeline';
import { Slicer } from './steps';
import { AnalysisPool } from './workerPool';
import type { DocumentAnalysis } from './types';

export interface LoadOptions {
  include?: string[];
  exclude?: string[];
  maxFileSizeKB?: number;
  /** Publication date (YYYY-MM-DD) of documents that give none themselves (`--default-date`). */
  defaultDate?: string;
  /** Regular expression reading dates from paths (named groups year, month, day). */
  namePattern?: string;
  /** Date documents that give no other clue by their modification time (`--use-mtime`; off by default). */
  useModifiedTime?: boolean;
  onProgress?: (done: number, total: number, relativePath: string) => void;
}

export interface LoadReport {
  index: CorpusIndex;
  /** Files not analyzed, each with its reason. */
  skipped: string[];
  /** Problems in files that were still analyzed. */
  warnings: string[];
}

/** Corrections files are small hand-edited JSON; anything bigger is a mistake, not read. */
const MAX_CORRECTIONS_KB = 4096;

/**
 * A corrections file's text: a regular file within MAX_CORRECTIONS_KB only (a FIFO would block,
 * a link to /dev/zero would fill the memory). missing: there is none; problem: one line.
 */
export function readCorrectionsFile(file: string): { text?: string; missing?: boolean; problem?: string } {
  const read = readRegularFile(file, MAX_CORRECTIONS_KB * 1024, (size) => sizeProblem(size, MAX_CORRECTIONS_KB));
  if (read.bytes) return { text: read.bytes.toString('utf8') };
  return read.code === 'ENOENT' ? { missing: true } : { problem: `${CORRECTIONS_FILE}: not read, ${read.problem}; corrections ignored` };
}

/** A new index carrying the folder's corrections file (`.dossier/aliases.json`), if it has one. */
function indexWithCorrections(root: string, warnings: string[]): CorpusIndex {
  const read = readCorrectionsFile(path.join(root, CORRECTIONS_FILE));
  if (read.text === undefined) {
    if (read.problem) warnings.push(read.problem);
    return new CorpusIndex();
  }
  const { corrections, problems } = parseCorrections(read.text);
  warnings.push(...problems);
  return new CorpusIndex({ corrections });
}

/** The folder's sidecar `.dossier/dates.csv` and date options; problems go to `warnings`. */
export function readFolderDates(
  root: string,
  options: Pick<LoadOptions, 'defaultDate' | 'namePattern' | 'useModifiedTime'>,
  warnings: string[],
): FolderDates {
  const folder: FolderDates = { sidecar: new Map(), namePattern: options.namePattern, useModifiedTime: options.useModifiedTime };
  const fallback = parseDefaultDate(options.defaultDate);
  if (fallback.problem) warnings.push(fallback.problem);
  folder.default = fallback.value;
  try {
    const { dates, problems } = parseSidecar(fs.readFileSync(path.join(root, SIDECAR_FILE), 'utf8'));
    folder.sidecar = dates;
    warnings.push(...problems);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warnings.push(`${SIDECAR_FILE}: cannot be read (${(e as Error).message})`);
  }
  return folder;
}

/** The file's modification time, read only when the folder opted in to it. */
function modifiedTime(root: string, rel: string, folder: FolderDates): number | undefined {
  if (!folder.useModifiedTime) return undefined;
  try {
    return fs.statSync(path.join(root, rel)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** A file's date context in the folder (its modification time read only when opted in to). */
export function fileDateContext(root: string, rel: string, folder: FolderDates): DateContext | undefined {
  return dateContextFor(folder, rel, modifiedTime(root, rel, folder));
}

export interface FolderListing {
  /** Relative `/` paths of the files to read, sorted. */
  files: string[];
  /** Matching entries left out (unreadable folders, links, FIFOs…), each with its reason. */
  skipped: string[];
}

/**
 * The files under root matching include and not exclude. Symbolic links are not followed (no
 * loops, nothing outside the folder) but noted, like anything else that is not a regular file.
 */
export function listFolder(root: string, include = [DEFAULT_INCLUDE], exclude = [DEFAULT_EXCLUDE]): FolderListing {
  const inc = include.map(globToRegExp);
  const exc = exclude.map(globToRegExp);
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push(`${rel || '.'}/: folder skipped, ${fsReason(e)}`);
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!matchesAny(`${r}/x`, exc)) walk(path.join(dir, e.name), r);
      } else if (matchesAny(r, inc) && !matchesAny(r, exc)) {
        if (e.isFile()) files.push(r);
        else if (e.isSymbolicLink()) skipped.push(`${r}: skipped, a symbolic link (links are not followed)`);
        else skipped.push(`${r}: skipped, not a regular file`);
      }
    }
  };
  walk(root, '');
  return { files: files.sort(), skipped: skipped.sort() };
}

/** Relative `/` paths of the files under root matching include and not exclude, sorted. */
export function listFiles(root: string, include?: string[], exclude?: string[]): string[] {
  return listFolder(root, include, exclude).files;
}

/** One file's text, or why it was skipped: the size is checked before reading, regular files only. */
export function readDocument(root: string, rel: string, maxKB: number): DecodedDocument & { bytes: number } {
  const read = readRegularFile(path.join(root, rel), maxKB * 1024, (size) => sizeProblem(size, maxKB));
  if (!read.bytes) return { warnings: [], skipped: `${rel}: skipped, ${read.problem}`, bytes: 0 };
  const decoded = decodeDocument(read.bytes, rel, maxKB);
  return { ...decoded, skipped: decoded.text === undefined ? (decoded.skipped ?? `${rel}: skipped`) : undefined, bytes: read.bytes.length };
}

/** Reads and analyzes every matching file; index keys are the relative paths. */
export function loadFolder(root: string, options: LoadOptions = {}): LoadReport {
  const skipped: string[] = [];
  const warnings: string[] = [];
  const index = indexWithCorrections(root, warnings);
  const folderDates = readFolderDates(root, options, warnings);
  const listing = listFolder(root, options.include, options.exclude);
  const files = listing.files;
  skipped.push(...listing.skipped);
  files.forEach((rel, i) => {
    options.onProgress?.(i, files.length, rel);
    const decoded = readDocument(root, rel, options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB);
    if (decoded.skipped || decoded.text === undefined) {
      skipped.push(decoded.skipped!);
      return;
    }
    const analysis = index.update(rel, decoded.text, decoded.warnings, fileDateContext(root, rel, folderDates));
    warnings.push(...analysis.warnings);
  });
  options.onProgress?.(files.length, files.length, '');
  return { index, skipped, warnings };
}

export interface AsyncLoadOptions extends LoadOptions {
  /**
   * Worker threads for analysis: 0 analyzes on this thread; default: the pool's default size
   * (core count). Ignored when `pool` is given.
   */
  jobs?: number;
  /** An existing pool to use (not closed afterwards). */
  pool?: AnalysisPool;
  /** Worker entry override for a pool created here. */
  workerScript?: string;
  /** A cache folder (created on demand) or an open AnalysisCache; flushed at the end. */
  cache?: string | AnalysisCache;
}

export interface AsyncLoadReport extends LoadReport {
  stats: {
    files: number;
    bytes: number;
    cacheHits: number;
    analyzed: number;
    /** Threads that did the analysis (0 = this thread). */
    workers: number;
    /** aliases: adopting the saved clustering, or resolving aliases and saving the result (with a cache only). */
    ms: { total: number; analysis: number; aliases: number; cacheFlush: number };
  };
}

/** Why a cache folder cannot be used at all (it is a file), or undefined. */
function cacheFolderProblem(dir: string): string | undefined {
  try {
    return fs.statSync(dir).isDirectory() ? undefined : 'is not a folder';
  } catch {
    return undefined; // created on the first write
  }
}

/** Longest stretch of synchronous work (reading, decoding, cache hits) between event-loop turns. */
const SLICE_MS = 12;
/** Files read and waiting for (or in) analysis at once. */
const MAX_IN_FLIGHT = 64;

interface Loaded {
  rel: string;
  text?: string;
  skipped?: string;
  analysis?: DocumentAnalysis;
}

/**
 * loadFolder with worker threads and a persistent cache. Same index, skipped and warnings (same
 * order) as loadFolder: documents enter the index in file order once all are analyzed. Cache
 * problems come out as warnings prefixed "cache:". Files go through the DocumentPipeline the
 * editor uses too, with its error policy (a document a worker crashed or timed out on is skipped).
 */
export async function loadFolderAsync(root: string, options: AsyncLoadOptions = {}): Promise<AsyncLoadReport> {
  const t0 = Date.now();
  const correctionProblems: string[] = [];
  const index = indexWithCorrections(root, correctionProblems);
  const folderDates = readFolderDates(root, options, correctionProblems);
  const listing = listFolder(root, options.include, options.exclude);
  const files = listing.files;
  const maxKB = options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  let cache: AnalysisCache | undefined;
  if (typeof options.cache === 'string') {
    const problem = cacheFolderProblem(options.cache);
    if (problem) correctionProblems.push(`cache: ${options.cache} ${problem}; analyzing without a cache`);
    else cache = new AnalysisCache(options.cache);
  } else cache = options.cache;
  const preload = cache?.preload();

  let pool = options.pool;
  let ownPool = false;
  let poolFailed = options.jobs === 0;
  const extraWarnings: string[] = [];
  const poolFor = (): AnalysisPool | undefined => {
    if (pool || poolFailed) return pool;
    try {
      pool = new AnalysisPool({ size: options.jobs, workerScript: options.workerScript });
      ownPool = true;
    } catch (e) {
      extraWarnings.push(`${(e as Error).message}; analyzing on the main thread`);
      poolFailed = true;
    }
    return pool;
  };
  const pipeline = new DocumentPipeline({
    host: nodeFileHost,
    slicer: new Slicer(SLICE_MS),
    maxFileSizeKB: maxKB,
    cache,
    pool: poolFor,
    warn: (message) => extraWarnings.push(message),
  });

  const loaded: Loaded[] = files.map((rel) => ({ rel }));
  let done = 0;
  let bytesTotal = 0;
  const tAnalysis = Date.now();
  const work: Promise<void>[] = [];
  if (preload) await preload;
  for (const item of loaded) {
    const request = { key: item.rel, file: path.join(root, item.rel), label: item.rel, dateContext: fileDateContext(root, item.rel, folderDates) };
    work.push(
      pipeline.load(request).then((outcome) => {
        if (outcome.kind === 'analysed') {
          item.analysis = outcome.analysis;
          item.text = outcome.text;
        } else if (outcome.kind === 'skipped') item.skipped = outcome.reason;
        if (outcome.kind !== 'superseded') bytesTotal += outcome.bytes;
        // (Counted apart: `onProgress?.(done++)` would skip the count without a callback.)
        options.onProgress?.(done, files.length, item.rel);
        done++;
      }),
    );
    // Backpressure: keep the workers fed without holding the whole folder in memory.
    while (work.length - done >= MAX_IN_FLIGHT) await new Promise<void>((r) => setTimeout(r, 2));
  }
  await Promise.all(work);
  const analysisMs = Date.now() - tAnalysis;
  if (ownPool) await pool!.close();
  const { cacheHits: hits, analysed: analyzedCount } = pipeline.stats;

  const skipped: string[] = [...listing.skipped];
  const warnings: string[] = [...correctionProblems, ...extraWarnings];
  for (const item of loaded) {
    if (item.skipped) skipped.push(item.skipped);
    else if (item.analysis && item.text !== undefined) {
      index.set(item.analysis, item.text);
      warnings.push(...item.analysis.warnings);
    }
  }
  options.onProgress?.(files.length, files.length, '');
  const tAliases = Date.now();
  if (cache) {
    // The corpus as it was last time: adopt its clustering; else resolve now and save it.
    const saved = await cache.loadClustering();
    if (!saved || !index.restoreClustering(saved)) {
      index.entities();
      await cache.saveClustering(index.clusteringSnapshot()!);
    }
  }
  const tFlush = Date.now();
  if (cache) {
    await cache.flush();
    warnings.push(...cache.drainWarnings());
  }
  return {
    index,
    skipped,
    warnings,
    stats: {
      files: files.length,
      bytes: bytesTotal,
      cacheHits: hits,
      analyzed: analyzedCount,
      workers: pool ? pool.size : 0,
      ms: { total: Date.now() - t0, analysis: analysisMs, aliases: tFlush - tAliases, cacheFlush: Date.now() - tFlush },
    },
  };
}

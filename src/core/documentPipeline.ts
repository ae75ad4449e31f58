// One way from a file to its analysis for every host: read → decode → cache → worker pool →
// this thread as the fallback, with one error policy. The host only says how to read a file
// (FileHost: Node's fs for the CLI, the editor's file system for the extension), as
// vscode-markdown-languageservice passes a workspace interface into pure classes; every host
// then gets the same outcomes and the same messages for the same files.
// The synchronous stages (reading through Node's fs, decoding, cache lookups and stores) run on
// the host's Slicer, so an editor's thread is never held for long.
import type { AnalysisCache } from './analysisCache';
import { analysisKey, DateContext } from './dateContext';
import { decodeDocument, sizeProblem } from './document';
import { ReadResult, readRegularFile } from './files';
import { analyzeDocumentLazily as analyzeDocument } from './lazyAnalyze';
import type { Slicer } from './steps';
import type { DocumentAnalysis } from './types';
import { AnalysisPool, PoolError, Priority } from './workerPool';

/** How a host reads a file. */
export interface FileHost {
  /**
   * The file's bytes, or why not: `problem` in a reader's words ("permission denied (EACCES)",
   * "a folder", or tooLarge's words when it holds more than maxBytes). Never rejects.
   */
  read(file: string, maxBytes: number, tooLarge: (size: number) => string): ReadResult | Promise<ReadResult>;
}

/** Files through Node's fs: regular files only, the size checked before a byte is read (files.ts). */
export const nodeFileHost: FileHost = { read: readRegularFile };

export interface PipelineOptions {
  host: FileHost;
  slicer: Slicer;
  maxFileSizeKB: number;
  cache?: AnalysisCache;
  /** The worker pool (made on first use by the host); undefined: analysis on this thread. */
  pool?: () => AnalysisPool | undefined;
  /** Says a problem that is not one document's (the pool cannot start). */
  warn: (message: string) => void;
  /** An analysis was stored in the cache (the editor then schedules a write). */
  stored?: () => void;
}

/** One document to load. */
export interface LoadRequest {
  /** Its key in the index (a relative path in the CLI, a URI in the editor). */
  key: string;
  /** Where the host reads it. */
  file: string;
  /** How messages name it. */
  label: string;
  dateContext?: DateContext;
  priority?: Priority;
  /** false: analyse again even when the cache has it (the result is still stored). */
  useCache?: boolean;
  /** Asked between stages: false once a newer version made this one pointless. */
  wanted?: () => boolean;
}

export type Decoded = { kind: 'text'; text: string; warnings: string[]; bytes: number };
export type Skipped = { kind: 'skipped'; reason: string; bytes: number };
export type Superseded = { kind: 'superseded' };
export type Analysed = { kind: 'analysed'; analysis: DocumentAnalysis; text: string; fromCache: boolean; bytes: number };

const SUPERSEDED: Superseded = { kind: 'superseded' };

export class DocumentPipeline {
  /** Documents taken from the cache, and analysed, by this pipeline. */
  readonly stats = { cacheHits: 0, analysed: 0 };

  constructor(private readonly options: PipelineOptions) {}

  /** Read, decode, analyse (from the cache, a worker, or this thread). */
  async load(request: LoadRequest): Promise<Analysed | Skipped | Superseded> {
    const decoded = await this.read(request);
    return decoded.kind === 'text' ? this.analyse(request, decoded.text, decoded.warnings, decoded.bytes) : decoded;
  }

  /** The file's text, or why it is skipped: unreadable, not a regular file, too large, binary, undecodable. */
  async read(request: LoadRequest): Promise<Decoded | Skipped | Superseded> {
    const { host, slicer, maxFileSizeKB: maxKB } = this.options;
    const wanted = request.wanted ?? (() => true);
    let read: ReadResult;
    try {
      read = await slicer.run(() => host.read(request.file, maxKB * 1024, (size) => sizeProblem(size, maxKB)));
    } catch (e) {
      read = { problem: `cannot be read (${(e as Error).message})` }; // a host that broke its promise
    }
    if (!read.bytes) return { kind: 'skipped', reason: `${request.label}: skipped, ${read.problem}`, bytes: 0 };
    if (!wanted()) return SUPERSEDED;
    const bytes = read.bytes;
    const decoded = await slicer.run(() => decodeDocument(bytes, request.label, maxKB));
    if (!wanted()) return SUPERSEDED;
    if (decoded.text === undefined) return { kind: 'skipped', reason: decoded.skipped ?? `${request.label}: skipped`, bytes: bytes.length };
    return { kind: 'text', text: decoded.text, warnings: decoded.warnings, bytes: bytes.length };
  }

  /**
   * The analysis of a text: from the cache, else from a worker, else on this thread. A worker
   * that crashed or ran out of time on it skips the document (whatever did it would do the same
   * on this thread); a pool that cannot start, or any other worker failure, falls back to this
   * thread. Results are stored in the cache.
   */
  async analyse(request: LoadRequest, text: string, warnings: string[], bytes = 0): Promise<Analysed | Skipped | Superseded> {
    const { cache, slicer } = this.options;
    const { key, label, dateContext } = request;
    if (cache && request.useCache !== false) {
      const hit = await slicer.run(() => cache.get(key, text, warnings, analysisKey(key, text, dateContext)));
      if (hit) {
        this.stats.cacheHits++;
        return { kind: 'analysed', analysis: hit, text, fromCache: true, bytes };
      }
    }
    if (request.wanted && !request.wanted()) return SUPERSEDED;
    let analysis: DocumentAnalysis | undefined;
    const pool = this.options.pool?.();
    if (pool && !pool.broken) {
      try {
        analysis = await pool.analyze(key, text, warnings, { priority: request.priority, dateContext });
      } catch (e) {
        if (!(e instanceof PoolError)) throw e;
        if (e.kind === 'cancelled') return SUPERSEDED;
        if (e.kind === 'crash' || e.kind === 'timeout') return { kind: 'skipped', reason: `${label}: skipped, ${e.message.replace(`${key}: `, '')}`, bytes };
        if (e.kind === 'startup') this.options.warn(`${e.message}; analyzing on this thread`);
      }
    }
    if (!analysis) {
      try {
        analysis = analyzeDocument(key, text, warnings, dateContext);
      } catch (e) {
        return { kind: 'skipped', reason: `${label}: skipped, analysis failed (${(e as Error).message})`, bytes };
      }
    }
    this.stats.analysed++;
    const done = analysis;
    if (cache && (await slicer.run(() => cache.put(done, text, warnings)))) this.options.stored?.();
    return { kind: 'analysed', analysis, text, fromCache: false, bytes };
  }
}

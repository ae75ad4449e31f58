// `dossier export|entities|timeline <folder>`: the core from a terminal; with `--db URL`, the
// same reports from a team index on PostgreSQL, which `dossier index` and `dossier db` fill.
import * as fs from 'fs';
import * as path from 'path';
import { EXPORT_FORMATS, exportFormat } from './core/exports';
import { fsReason } from './core/files';
import { listFolder, loadFolder, loadFolderAsync } from './core/folder';
import { setBudgetPolicy } from './core/budget';
import { CorpusIndex } from './core/corpusIndex';
import { DEFAULT_EXCLUDE, globProblem, literalGlob } from './core/glob';
import { outputPathProblem, writeFileAtomic, writeToDescriptor } from './core/output';
import { snippetOf, snippetText } from './core/snippet';
import { defaultPoolSize } from './core/workerPool';
import { parseDefaultDate } from './core/dateContext';
import { plural } from './core/plural';
import { CORRECTIONS_FILE } from './core/corrections';
import { clusterCorpus, databaseError, DEFAULT_CORPUS, ingestFolder, loadCorpus, migrate, NoSuchCorpus, openDatabase, parseShard, schemaProblem, Shard } from './core/db';

const FORMAT_NAMES = EXPORT_FORMATS.map((f) => f.name);

const USAGE = `Usage:
  dossier export <folder> [--format ${FORMAT_NAMES.join('|')}] [--out FILE]
  dossier entities <folder>
  dossier timeline <folder>
Team index on PostgreSQL (docs/TEAM-INDEX.md):
  dossier db migrate --db URL                 create or update the schema
  dossier index <folder> --db URL [--corpus NAME] [--shard I/N] [--prune]
                                              analyze the folder (or one shard of it) into the corpus
  dossier db cluster --db URL [--corpus NAME] resolve the corpus's entities and store them
  dossier export|entities|timeline --db URL [--corpus NAME]   the reports, from the database
Options (all commands):
  --include GLOB       files to read, relative to the folder (repeatable; default **/*.{txt,md})
  --exclude GLOB       more files to leave out (repeatable; node_modules, .git and .dossier always are)
  --max-size-kb N      skip files larger than N KB (default 10240)
  --jobs N             analysis worker threads (default: one per core; 0 = no workers;
                       at most one per file and 4 per core)
  --cache DIR          keep analyses in DIR and reuse them for unchanged files
  --time-budget S      seconds each document may take, plus S per million characters
                       (default 5; past it the document keeps what was found, with a warning;
                       0 = no limit)
  --default-date DAY   publication date (YYYY-MM-DD) of documents that give none themselves
  --name-pattern RE    read publication dates from paths with RE (named groups year, month, day)
  --use-mtime          date documents with no other clue by their file's modification time
  -h, --help           this help
Team index options:
  --db URL             PostgreSQL URL (libpq rules: sslmode=…, PGSSLMODE, PGPASSFILE; the password
                       is never shown)
  --corpus NAME        the corpus within the database (default "${DEFAULT_CORPUS}")
  --shard I/N          index only the documents whose path hashes to I mod N (run N at once)
  --prune              remove the shard's stored documents that the folder no longer has
Publication dates also come from a header, .dossier/dates.csv (path,date), a byline or
dateline, or a date in the file or folder name (the modification time only with --use-mtime).
Exit status: 0 done (files skipped are listed on stderr), 1 the output could not be written,
2 bad usage, a folder that cannot be read, an --out path that cannot be written, or a database
problem (cannot connect, no schema: run db migrate, no such corpus).`;

class UsageError extends Error {}
class HelpRequested extends Error {}

/** Worker threads per core beyond which more only cost memory. */
const MAX_JOBS_PER_CORE = 4;

interface Args {
  command: string;
  /** `db migrate` / `db cluster`. */
  subcommand?: string;
  folder?: string;
  db?: string;
  corpus?: string;
  shard?: Shard;
  prune?: boolean;
  format: string;
  out?: string;
  include?: string[];
  exclude?: string[];
  maxFileSizeKB?: number;
  jobs?: number;
  cache?: string;
  timeBudgetS?: number;
  defaultDate?: string;
  namePattern?: string;
  useModifiedTime?: boolean;
}

/** Folders with more files than this are analyzed in worker threads unless --jobs says otherwise. */
const POOL_THRESHOLD = 8;

function parseArgs(argv: string[]): Args {
  if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequested();
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('');
  if (!['export', 'entities', 'timeline', 'index', 'db'].includes(command)) throw new UsageError(`unknown command "${command}"`);
  const args: Partial<Args> = { command, format: 'json' };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format') {
      const f = value();
      if (!exportFormat(f)) throw new UsageError(`--format must be ${FORMAT_NAMES.slice(0, -1).join(', ')} or ${FORMAT_NAMES[FORMAT_NAMES.length - 1]}, not "${f}"`);
      args.format = f;
    } else if (a === '--out') args.out = value();
    else if (a === '--db') args.db = value();
    else if (a === '--corpus') {
      const v = value();
      if (!v.trim()) throw new UsageError('--corpus needs a name');
      args.corpus = v;
    } else if (a === '--shard') {
      const { shard, problem } = parseShard(value());
      if (problem) throw new UsageError(problem);
      args.shard = shard;
    } else if (a === '--prune') args.prune = true;
    else if (a === '--include' || a === '--exclude') {
      const glob = value();
      const problem = globProblem(glob);
      if (problem) throw new UsageError(`${a}: ${problem}`);
      (a === '--include' ? (args.include ??= []) : (args.exclude ??= [])).push(glob);
    }
    else if (a === '--max-size-kb') {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-size-kb needs a positive number');
      args.maxFileSizeKB = n;
    } else if (a === '--jobs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--jobs needs a whole number (0 or more)');
      args.jobs = n;
    } else if (a === '--cache') args.cache = value();
    else if (a === '--time-budget') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new UsageError('--time-budget needs a number of seconds (0 or more)');
      args.timeBudgetS = n;
    } else if (a === '--default-date') {
      const v = value();
      const parsed = parseDefaultDate(v);
      if (!parsed.value) throw new UsageError(`--default-date needs a day between 1900 and 2100 as YYYY-MM-DD, not "${v}"`);
      args.defaultDate = parsed.value;
    } else if (a === '--name-pattern') {
      const v = value();
      try {
        new RegExp(v);
      } catch (e) {
        throw new UsageError(`--name-pattern is not a regular expression: ${(e as Error).message}`);
      }
      args.namePattern = v;
    } else if (a === '--use-mtime') args.useModifiedTime = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (command === 'db') {
    const [sub, ...extra] = positional;
    if (sub !== 'migrate' && sub !== 'cluster') throw new UsageError(sub ? `unknown db command "${sub}" (migrate or cluster)` : 'db needs migrate or cluster');
    if (extra.length) throw new UsageError(`db ${sub} takes no folder`);
    args.subcommand = sub;
  } else if (args.db && command !== 'index') {
    if (positional.length) throw new UsageError('give a folder or --db, not both');
  } else {
    if (positional.length !== 1) throw new UsageError(positional.length ? 'give exactly one folder' : 'missing <folder>');
    args.folder = positional[0];
  }
  if ((command === 'db' || command === 'index') && !args.db) throw new UsageError(`${command} needs --db URL`);
  if (args.corpus !== undefined && !args.db) throw new UsageError('--corpus needs --db');
  if ((args.shard || args.prune) && command !== 'index') throw new UsageError('--shard and --prune are options of index');
  if (args.db && args.cache) throw new UsageError('--cache is for a folder; with --db the database keeps the analyses');
  return args as Args;
}

function* entitiesReport(index: CorpusIndex): Generator<string> {
  for (const e of index.entities()) {
    const also = e.aliases.length ? `  (also: ${e.aliases.join(', ')})` : '';
    yield `${String(e.mentions.length).padStart(5)}  ${e.type.padEnd(12)}  ${e.name}  [${plural(e.documents.length, 'doc')}]${also}\n`;
  }
}

function* timelineReport(index: CorpusIndex): Generator<string> {
  for (const day of index.timeline()) {
    const sources = new Set(day.entries.map((e) => e.path)).size;
    yield `${day.date}${sources > 1 ? `  (${sources} sources)` : ''}\n`;
    for (const e of day.entries) {
      const snippet = snippetText(snippetOf(index.text(e.path) ?? '', e.sentenceSpan, e.start, e.end, 140));
      yield `    ${e.path}:${e.position.line + 1}  ${snippet}\n`;
    }
  }
}

/**
 * Worker threads to use: what was asked, capped at the file count and MAX_JOBS_PER_CORE per
 * core; by default none for a few files, else one per core but never more than files.
 */
function jobsFor(requested: number | undefined, files: number): { jobs: number; note?: string } {
  const cores = defaultPoolSize();
  if (requested === undefined) return { jobs: files <= POOL_THRESHOLD ? 0 : Math.min(cores, files) };
  const cap = Math.max(1, Math.min(files, MAX_JOBS_PER_CORE * cores));
  if (requested <= cap) return { jobs: requested };
  return { jobs: cap, note: `--jobs ${requested} capped at ${cap} (${files} file${files === 1 ? '' : 's'}, ${cores} core${cores === 1 ? '' : 's'})` };
}

/** The check that stops a run before any work: a folder Dossier cannot list, or a bad --out. */
function setupProblem(args: Args): string | undefined {
  if (args.folder === undefined) return args.out ? outputPathProblem(args.out) : undefined;
  let st: fs.Stats;
  try {
    st = fs.statSync(args.folder);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? `folder not found: ${args.folder}` : `${args.folder}: ${fsReason(e)}`;
  }
  if (!st.isDirectory()) return `folder not found: ${args.folder} is not a folder`;
  try {
    fs.readdirSync(args.folder);
  } catch (e) {
    return `${args.folder}: cannot read the folder: ${fsReason(e)}`;
  }
  return args.out ? outputPathProblem(args.out) : undefined;
}

/** The --out file as a glob relative to the folder when it lies inside it (never read as a document). */
function outGlob(args: Args): string | undefined {
  if (!args.out || args.folder === undefined) return undefined;
  const rel = path.relative(path.resolve(args.folder), path.resolve(args.out));
  if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return literalGlob(rel.split(path.sep).join('/'));
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequested) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`dossier: ${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    throw e;
  }
  const problem = setupProblem(args);
  if (problem) {
    process.stderr.write(`dossier: ${problem}\n`);
    return 2;
  }
  if (args.timeBudgetS !== undefined) setBudgetPolicy({ baseMs: args.timeBudgetS * 1000, perMillionCharsMs: args.timeBudgetS * 1000 });
  if (args.db) return withDatabase(args, args.db);
  const folder = args.folder!;
  const showProgress = process.stderr.isTTY;
  const started = Date.now();
  const onProgress = progressReporter('analyzing');
  const { jobs, note } = jobsFor(args.jobs, listFolder(folder, args.include, folderExclude(args)).files.length);
  if (note) process.stderr.write(`dossier: ${note}\n`);
  const common = { ...loadOptions(args), exclude: folderExclude(args), onProgress };
  const { index, skipped, warnings } =
    jobs === 0 && !args.cache
      ? loadFolder(folder, common)
      : await loadFolderAsync(folder, { ...common, jobs, cache: args.cache });
  for (const s of skipped) process.stderr.write(`dossier: ${s}\n`);
  for (const w of [...warnings, ...index.correctionWarnings()]) process.stderr.write(`dossier: warning: ${w}\n`);
  if (showProgress) {
    process.stderr.write(`dossier: ${plural(index.size, 'document')} analyzed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return writeReport(args, index);
}

/** Counts `done/total` on stderr when it is a terminal; undefined otherwise. */
function progressReporter(what: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done: number, total: number) => {
    if (done % 25 === 0 || done === total) process.stderr.write(`\rdossier: ${what} ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}

/** User excludes add to the defaults; a report written into the folder is never read back. */
function folderExclude(args: Args): string[] {
  const exclude = [DEFAULT_EXCLUDE, ...(args.exclude ?? [])];
  const own = outGlob(args);
  if (own) exclude.push(own);
  return exclude;
}

function loadOptions(args: Args) {
  return {
    include: args.include,
    maxFileSizeKB: args.maxFileSizeKB,
    defaultDate: args.defaultDate,
    namePattern: args.namePattern,
    useModifiedTime: args.useModifiedTime,
  };
}

/** Writes the command's report to --out or stdout: 0, or 1 when it could not be written. */
function writeReport(args: Args, index: CorpusIndex): number {
  let output: Iterable<string>;
  if (args.command === 'entities') output = entitiesReport(index);
  else if (args.command === 'timeline') output = timelineReport(index);
  else output = exportFormat(args.format)!.chunks(index);
  try {
    if (args.out) writeFileAtomic(args.out, output);
    else writeToDescriptor(1, output); // false: the reader left (`| head`); that is fine
  } catch (e) {
    process.stderr.write(`dossier: cannot write ${args.out ?? 'the output'}: ${fsReason(e)}\n`);
    return 1;
  }
  return 0;
}

/**
 * The team-index commands: `db migrate`, `db cluster`, `index`, and the reports read from the
 * database. Database problems exit with 2 (like a folder that cannot be read), the URL redacted.
 */
async function withDatabase(args: Args, url: string): Promise<number> {
  const db = openDatabase(url);
  const corpus = args.corpus ?? DEFAULT_CORPUS;
  try {
    if (args.subcommand === 'migrate') {
      const client = await db.connect();
      try {
        const applied = await migrate(client);
        process.stderr.write(`dossier: db migrate: ${applied.length ? `applied ${applied.join(', ')}` : 'schema already current'}\n`);
      } finally {
        client.release();
      }
      return 0;
    }
    const client = await db.connect();
    const problem = await schemaProblem(client).finally(() => client.release());
    if (problem) {
      process.stderr.write(`dossier: ${problem}\n`);
      return 2;
    }
    if (args.subcommand === 'cluster') {
      const started = Date.now();
      const report = await clusterCorpus(db, corpus);
      for (const w of report.warnings) process.stderr.write(`dossier: warning: ${w}\n`);
      const what = report.upToDate
        ? 'already current'
        : `stored in ${((Date.now() - started) / 1000).toFixed(1)} s (${report.written} written, ${report.removed} removed, sources of ${report.sourcesRebuilt} rebuilt; the rest kept)`;
      process.stderr.write(`dossier: db cluster: ${plural(report.entities, 'entity', 'entities')} ${what} (corpus "${corpus}")\n`);
      return 0;
    }
    if (args.command === 'index') {
      const folder = args.folder!;
      const shard = args.shard ?? { index: 0, count: 1 };
      const files = listFolder(folder, args.include, folderExclude(args)).files.length;
      const { jobs, note } = jobsFor(args.jobs, Math.ceil(files / shard.count));
      if (note) process.stderr.write(`dossier: ${note}\n`);
      const report = await ingestFolder(db, folder, {
        ...loadOptions(args),
        exclude: folderExclude(args),
        corpus,
        shard,
        jobs,
        prune: args.prune,
        onProgress: progressReporter('indexing'),
      });
      for (const s of report.skipped) process.stderr.write(`dossier: ${s}\n`);
      for (const w of report.warnings) process.stderr.write(`dossier: warning: ${w}\n`);
      process.stderr.write(
        `dossier: index: ${report.written} written, ${report.unchanged} unchanged, ${report.removed} removed${report.corrections ? `, ${plural(report.corrections, 'correction')} imported from ${CORRECTIONS_FILE}` : ''} (corpus "${corpus}", shard ${shard.index}/${shard.count})\n`,
      );
      return 0;
    }
    const { index, warnings } = await loadCorpus(db, corpus);
    for (const w of [...warnings, ...index.correctionWarnings()]) process.stderr.write(`dossier: warning: ${w}\n`);
    return writeReport(args, index);
  } catch (e) {
    process.stderr.write(`dossier: ${e instanceof NoSuchCorpus ? e.message : databaseError(url, e)}\n`);
    return 2;
  } finally {
    await db.end().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`dossier: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}

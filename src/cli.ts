// `dossier export|entities|timeline <folder>`: the core from a terminal.
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

const FORMAT_NAMES = EXPORT_FORMATS.map((f) => f.name);

const USAGE = `Usage:
  dossier export <folder> [--format ${FORMAT_NAMES.join('|')}] [--out FILE]
  dossier entities <folder>
  dossier timeline <folder>
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
Publication dates also come from a header, .dossier/dates.csv (path,date), a byline or
dateline, or a date in the file or folder name (the modification time only with --use-mtime).
Exit status: 0 done (files skipped are listed on stderr), 1 the output could not be written,
2 bad usage, a folder that cannot be read or an --out path that cannot be written.`;

class UsageError extends Error {}
class HelpRequested extends Error {}

/** Worker threads per core beyond which more only cost memory. */
const MAX_JOBS_PER_CORE = 4;

interface Args {
  command: string;
  folder: string;
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
  if (!['export', 'entities', 'timeline'].includes(command)) throw new UsageError(`unknown command "${command}"`);
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
  if (positional.length !== 1) throw new UsageError(positional.length ? 'give exactly one folder' : 'missing <folder>');
  args.folder = positional[0];
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
  if (!args.out) return undefined;
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
  const showProgress = process.stderr.isTTY;
  const started = Date.now();
  const onProgress = showProgress
    ? (done: number, total: number) => {
        if (done % 25 === 0 || done === total) process.stderr.write(`\rdossier: analyzing ${done}/${total}`);
        if (done === total) process.stderr.write('\n');
      }
    : undefined;
  // User excludes add to the defaults; a report written into the folder is never read back.
  const exclude = [DEFAULT_EXCLUDE, ...(args.exclude ?? [])];
  const own = outGlob(args);
  if (own) exclude.push(own);
  const common = {
    include: args.include,
    exclude,
    maxFileSizeKB: args.maxFileSizeKB,
    defaultDate: args.defaultDate,
    namePattern: args.namePattern,
    useModifiedTime: args.useModifiedTime,
    onProgress,
  };
  const { jobs, note } = jobsFor(args.jobs, listFolder(args.folder, args.include, exclude).files.length);
  if (note) process.stderr.write(`dossier: ${note}\n`);
  const { index, skipped, warnings } =
    jobs === 0 && !args.cache
      ? loadFolder(args.folder, common)
      : await loadFolderAsync(args.folder, { ...common, jobs, cache: args.cache });
  for (const s of skipped) process.stderr.write(`dossier: ${s}\n`);
  for (const w of [...warnings, ...index.correctionWarnings()]) process.stderr.write(`dossier: warning: ${w}\n`);
  if (showProgress) {
    process.stderr.write(`dossier: ${plural(index.size, 'document')} analyzed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
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

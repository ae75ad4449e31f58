// `dossier export|entities|timeline <folder>`: the core from a terminal.
import * as fs from 'fs';
import { exportCsv, exportJson, exportMarkdown } from './core/export';
import { listFiles, loadFolder, loadFolderAsync } from './core/folder';
import { CorpusIndex } from './core/corpusIndex';
import { parseDefaultDate } from './core/dateContext';

const USAGE = `Usage:
  dossier export <folder> [--format json|md|csv] [--out FILE]
  dossier entities <folder>
  dossier timeline <folder>
Options (all commands):
  --include GLOB       files to read, relative to the folder (repeatable; default **/*.{txt,md})
  --exclude GLOB       files to leave out (repeatable)
  --max-size-kb N      skip files larger than N KB (default 10240)
  --jobs N             analysis worker threads (default: one per core; 0 = no workers)
  --cache DIR          keep analyses in DIR and reuse them for unchanged files
  --default-date DAY   publication date (YYYY-MM-DD) of documents that give none themselves
  --name-pattern RE    read publication dates from paths with RE (named groups year, month, day)
  --use-mtime          date documents with no other clue by their file's modification time
Publication dates also come from a header, .dossier/dates.csv (path,date), a byline or
dateline, or a date in the file or folder name (the modification time only with --use-mtime).`;

class UsageError extends Error {}

interface Args {
  command: string;
  folder: string;
  format: 'json' | 'md' | 'csv';
  out?: string;
  include?: string[];
  exclude?: string[];
  maxFileSizeKB?: number;
  jobs?: number;
  cache?: string;
  defaultDate?: string;
  namePattern?: string;
  useModifiedTime?: boolean;
}

/** Folders with more files than this are analyzed in worker threads unless --jobs says otherwise. */
const POOL_THRESHOLD = 8;

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('');
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
      if (f !== 'json' && f !== 'md' && f !== 'csv') throw new UsageError(`--format must be json, md or csv, not "${f}"`);
      args.format = f;
    } else if (a === '--out') args.out = value();
    else if (a === '--include') (args.include ??= []).push(value());
    else if (a === '--exclude') (args.exclude ??= []).push(value());
    else if (a === '--max-size-kb') {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-size-kb needs a positive number');
      args.maxFileSizeKB = n;
    } else if (a === '--jobs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--jobs needs a whole number (0 or more)');
      args.jobs = n;
    } else if (a === '--cache') args.cache = value();
    else if (a === '--default-date') {
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

function entitiesReport(index: CorpusIndex): string {
  const lines = index.entities().map((e) => {
    const also = e.aliases.length ? `  (also: ${e.aliases.join(', ')})` : '';
    return `${String(e.mentions.length).padStart(5)}  ${e.type.padEnd(12)}  ${e.name}  [${e.documents.length} docs]${also}`;
  });
  return lines.join('\n') + '\n';
}

function timelineReport(index: CorpusIndex): string {
  const out: string[] = [];
  for (const day of index.timeline()) {
    const sources = new Set(day.entries.map((e) => e.path)).size;
    out.push(`${day.date}${sources > 1 ? `  (${sources} sources)` : ''}`);
    for (const e of day.entries) {
      const sentence = e.sentence.replace(/\s+/g, ' ');
      out.push(`    ${e.path}:${e.position.line + 1}  ${sentence.length > 140 ? sentence.slice(0, 139) + '…' : sentence}`);
    }
  }
  return out.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`dossier: ${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    throw e;
  }
  if (!fs.existsSync(args.folder) || !fs.statSync(args.folder).isDirectory()) {
    process.stderr.write(`dossier: folder not found: ${args.folder}\n`);
    return 2;
  }
  const showProgress = process.stderr.isTTY;
  const started = Date.now();
  const onProgress = showProgress
    ? (done: number, total: number) => {
        if (done % 25 === 0 || done === total) process.stderr.write(`\rdossier: analyzing ${done}/${total}`);
        if (done === total) process.stderr.write('\n');
      }
    : undefined;
  const common = {
    include: args.include,
    exclude: args.exclude,
    maxFileSizeKB: args.maxFileSizeKB,
    defaultDate: args.defaultDate,
    namePattern: args.namePattern,
    useModifiedTime: args.useModifiedTime,
    onProgress,
  };
  let jobs = args.jobs;
  if (jobs === undefined && listFiles(args.folder, args.include, args.exclude).length <= POOL_THRESHOLD) jobs = 0;
  const { index, skipped, warnings } =
    jobs === 0 && !args.cache
      ? loadFolder(args.folder, common)
      : await loadFolderAsync(args.folder, { ...common, jobs, cache: args.cache });
  for (const s of skipped) process.stderr.write(`dossier: ${s}\n`);
  for (const w of warnings) process.stderr.write(`dossier: warning: ${w}\n`);
  if (showProgress) {
    process.stderr.write(`dossier: ${index.size} documents analyzed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  let output: string;
  if (args.command === 'entities') output = entitiesReport(index);
  else if (args.command === 'timeline') output = timelineReport(index);
  else output = args.format === 'md' ? exportMarkdown(index) : args.format === 'csv' ? exportCsv(index) : exportJson(index);
  if (args.out) fs.writeFileSync(args.out, output);
  else process.stdout.write(output);
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

// Writing a report: to a file atomically (a temporary file beside it, then a rename, so a full
// disk never leaves a truncated report in place of the old one), or to an output descriptor
// that may close early (`| head`).
import * as fs from 'fs';
import * as path from 'path';
import { fsReason } from './files';

/** Why `file` cannot receive a report, checked before any work: undefined when it can. */
export function outputPathProblem(file: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    return `${file}: the folder ${dir} ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be used: ${fsReason(e)}`}`;
  }
  if (!st.isDirectory()) return `${file}: ${dir} is not a folder`;
  try {
    if (fs.statSync(file).isDirectory()) return `${file}: is a folder`;
  } catch {
    // Not there yet: fine.
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    return `${file}: cannot write in ${dir}: ${fsReason(e)}`;
  }
  return undefined;
}

/** Bytes gathered before each write(2): few system calls, bounded memory. */
const WRITE_BATCH = 1 << 16;

/** Writes every chunk to fd, batched; retries while a non-blocking descriptor is full. */
function writeChunks(fd: number, chunks: Iterable<string>): void {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  const flush = (buf: Buffer) => {
    for (let off = 0; off < buf.length; ) {
      try {
        off += fs.writeSync(fd, buf, off, buf.length - off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(wait, 0, 0, 5);
      }
    }
  };
  let batch: string[] = [];
  let size = 0;
  for (const c of chunks) {
    batch.push(c);
    size += c.length;
    if (size >= WRITE_BATCH) {
      flush(Buffer.from(batch.join(''), 'utf8'));
      batch = [];
      size = 0;
    }
  }
  if (size) flush(Buffer.from(batch.join(''), 'utf8'));
}

/** Writes the chunks to `file` through a temporary file and a rename; throws (and cleans up) on error. */
export function writeFileAtomic(file: string, chunks: Iterable<string>): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    writeChunks(fd, chunks);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes the chunks to an open descriptor (stdout). Returns false when the reader went away
 * (EPIPE): nothing more to do, and not an error. Other errors (ENOSPC…) are thrown.
 */
export function writeToDescriptor(fd: number, chunks: Iterable<string>): boolean {
  try {
    writeChunks(fd, chunks);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return false;
    throw e;
  }
}

// Reading a file only when it is a regular file of bounded size: a FIFO, a device or a symlink
// to /dev/zero must neither block nor fill the memory. Size is checked on the open descriptor,
// before any byte is read.
import * as fs from 'fs';

export type ReadResult = { bytes: Buffer; problem?: undefined } | { bytes?: undefined; problem: string; code?: string };

/** What kind of non-regular file a stat describes, for messages. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A short reason for a file-system error: "permission denied (EACCES)". */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const plain: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENAMETOOLONG: 'path too long',
    ENOENT: 'not found',
    ELOOP: 'too many symbolic links',
    EISDIR: 'a folder',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
  };
  if (!code) return (e as Error)?.message ?? String(e);
  // Node words the rest "CODE: what happened, syscall 'path'".
  const said = /^[A-Z]+: ([^,]+)/.exec((e as Error).message ?? '')?.[1];
  return `${plain[code] ?? said ?? 'failed'} (${code})`;
}

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The file's bytes, or why they were not read: not a regular file, larger than maxBytes, or an
 * error (tooLarge words the size problem). Never throws.
 */
export function readRegularFile(file: string, maxBytes: number, tooLarge: (size: number) => string): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { problem: fsReason(e), code: (e as NodeJS.ErrnoException).code };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { problem: kindOf(st) };
    if (st.size > maxBytes) return { problem: tooLarge(st.size) };
    // Read what the stat promised, and stop there even if the file grows meanwhile.
    const bytes = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: got === bytes.length ? bytes : bytes.subarray(0, got) };
  } catch (e) {
    return { problem: fsReason(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * readRegularFile without holding the thread while the disk works (the editor's host reads
 * thousands of files beside a UI): the same checks, the same answers.
 */
export async function readRegularFileAsync(file: string, maxBytes: number, tooLarge: (size: number) => string): Promise<ReadResult> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (e) {
    return { problem: fsReason(e), code: (e as NodeJS.ErrnoException).code };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { problem: kindOf(st) };
    if (st.size > maxBytes) return { problem: tooLarge(st.size) };
    const bytes = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < bytes.length) {
      const { bytesRead } = await handle.read(bytes, got, bytes.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { bytes: got === bytes.length ? bytes : bytes.subarray(0, got) };
  } catch (e) {
    return { problem: fsReason(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

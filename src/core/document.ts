// Turns a file's bytes into text the analyzers can trust, or says why it can't.

export interface DecodedDocument {
  /** Decoded text; undefined when the file is skipped. */
  text?: string;
  /** Problems that did not stop the analysis (shown to the user). */
  warnings: string[];
  /** Why the file was not analyzed at all. */
  skipped?: string;
}

export const DEFAULT_MAX_FILE_SIZE_KB = 10 * 1024;

/** Share of control characters (other than tab/newline/CR/form feed) above which a file is binary. */
const BINARY_CONTROL_RATIO = 0.1;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_RATIO;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Bisect to the first offending byte: cheap, and only runs on already-invalid files.
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode(); // reset
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export function decodeDocument(bytes: Uint8Array, path: string, maxSizeKB = DEFAULT_MAX_FILE_SIZE_KB): DecodedDocument {
  const warnings: string[] = [];
  if (bytes.length > maxSizeKB * 1024) {
    return { warnings, skipped: `${path}: skipped, ${Math.round(bytes.length / 1024)} KB is larger than the ${maxSizeKB} KB limit` };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings };
  }
  if (looksBinary(bytes)) {
    return { warnings, skipped: `${path}: skipped, looks like a binary file (NUL or control bytes)` };
  }
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), warnings };
  } catch {
    const at = firstInvalidUtf8(body);
    warnings.push(`${path}: invalid UTF-8 at byte ${at}; decoded with replacement characters (U+FFFD)`);
    return { text: new TextDecoder('utf-8').decode(body), warnings };
  }
}

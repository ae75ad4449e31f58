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

/** Why a file of `bytes` bytes is too large (also said before reading, from a stat). */
export function sizeProblem(bytes: number, maxSizeKB: number): string {
  return `${Math.round(bytes / 1024)} KB is larger than the ${maxSizeKB} KB limit`;
}

/**
 * UTF-16 without a byte-order mark: text mostly in Latin script has a NUL in every other byte,
 * all on the same side. Returns the encoding, or undefined.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.7 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.7 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** Share of decoded UTF-16 code units that no text holds (lone surrogates, private use, controls). */
const IMPLAUSIBLE_UTF16_RATIO = 0.02;

/** Whether decoded UTF-16 reads as text: random bytes behind an FF FE give many impossible units. */
function plausibleText(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    const control = c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12;
    if (control || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xf8ff) || c === 0xfffd || c >= 0xfffe) bad++;
  }
  return n === 0 || bad / n <= IMPLAUSIBLE_UTF16_RATIO;
}

/** First line of a Markdown report written by `dossier export`: such files are never documents. */
export const REPORT_MARKER = '<!-- written by dossier export -->';
/** First line of the CSV export. */
export const CSV_EXPORT_HEADER = 'kind,path,line,character,length,text,entity_id,entity_name,type,value';

/** Whether text is a report `dossier export` wrote (Markdown, JSON or CSV), by how it starts. */
function isDossierReport(text: string): boolean {
  return text.startsWith(REPORT_MARKER) || /^\{\n {2}"schema": "dossier-export\//.test(text.slice(0, 40)) || text.startsWith(`${CSV_EXPORT_HEADER}\n`);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string, warnings: string[], how: string): DecodedDocument {
  const text = new TextDecoder(encoding).decode(bytes);
  if (!plausibleText(text)) {
    return { warnings, skipped: `${path}: skipped, ${how} but does not decode to text (binary data?)` };
  }
  return { text, warnings };
}

export function decodeDocument(bytes: Uint8Array, path: string, maxSizeKB = DEFAULT_MAX_FILE_SIZE_KB): DecodedDocument {
  const decoded = decodeBytes(bytes, path, maxSizeKB);
  if (decoded.text !== undefined && isDossierReport(decoded.text)) {
    return { warnings: [], skipped: `${path}: skipped, a report written by dossier export` };
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array, path: string, maxSizeKB: number): DecodedDocument {
  const warnings: string[] = [];
  if (bytes.length > maxSizeKB * 1024) return { warnings, skipped: `${path}: skipped, ${sizeProblem(bytes.length, maxSizeKB)}` };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeUtf16(bytes.subarray(2), 'utf-16le', path, warnings, 'starts with a UTF-16LE byte-order mark');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeUtf16(bytes.subarray(2), 'utf-16be', path, warnings, 'starts with a UTF-16BE byte-order mark');
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    const label = utf16.toUpperCase();
    const r = decodeUtf16(bytes, utf16, path, warnings, `looks like ${label} without a byte-order mark`);
    if (r.text !== undefined) warnings.push(`${path}: ${label} text without a byte-order mark; decoded as ${label}`);
    return r;
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

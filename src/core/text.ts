// Offset ⇄ position arithmetic and sentence spans over a decoded document string.
import { Position, Span } from './types';

/** Offsets where lines start; `\r\n`, `\r` and `\n` each end a line, as in VS Code. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the last element of a sorted array that is <= value (or -1). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of the first span starting at or after offset in spans sorted by start. */
export function firstAtOrAfter(sorted: Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  const line = Math.max(0, lastAtOrBefore(lineStarts, offset));
  return { line, character: offset - lineStarts[line] };
}

export function offsetAt(lineStarts: number[], position: Position, textLength: number): number {
  if (position.line >= lineStarts.length) return textLength;
  const start = lineStarts[Math.max(0, position.line)];
  return Math.min(start + Math.max(0, position.character), textLength);
}

/** Finds the span (sorted, non-overlapping) that contains offset; end is exclusive but a span also owns its end offset so a cursor right after a word still finds it. */
export function spanAt<T extends Span>(sorted: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

// Words after which a period does not end a sentence.
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep pres vs etc inc ltd co corp dept ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos fig approx est mt ft rev hon').split(' '),
);

/**
 * Sentence spans. A line break always ends a sentence (news text keeps one paragraph or heading
 * per line); inside a line, `.`, `!` or `?` followed by space and an upper-case letter, digit or
 * quote ends one unless the word before is an abbreviation or a single initial.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // swallow closing quotes/brackets after the terminator
    let j = i + 1;
    while (j < text.length && /["'”’)\]]/.test(text[j])) j++;
    if (j >= text.length || (text[j] !== ' ' && text[j] !== '\t')) continue;
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k >= text.length || !/[A-Z0-9"“‘'(\p{Lu}]/u.test(text[k])) continue;
    // "2026. 1. 21." (East-Asian dates) and "No. 5" keep going.
    if (c === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[k])) continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1] ?? '';
      const bare = word.replace(/\./g, '').toLowerCase();
      if (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, text.length);
  return spans;
}

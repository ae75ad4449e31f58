// Sorted, non-overlapping span lists (the candidates chosen so far), searched in O(log n).
import { firstAtOrAfter } from '../text';
import type { Span } from '../types';

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

// `chosen` is kept sorted and non-overlapping, so both starts and ends ascend: binary search.
export function overlapsAny(spans: Span[], s: Span): boolean {
  const i = firstAtOrAfter(spans, s.end);
  return i > 0 && spans[i - 1].end > s.start;
}

export function insertSorted<T extends Span>(spans: T[], s: T): void {
  spans.splice(firstAtOrAfter(spans, s.start), 0, s);
}

// Refiners: what happens to the parsers' candidates before resolution. Overlaps are settled
// (longest first, then parser order), bare years and months join an accepted neighbour ("in 2004
// and 2005"), a weekday merges with the date it names ("Thursday, January 15"), an offset with
// the date it counts from ("three days after January 3"); chrono-node (chrono.ts) fills in
// explicit dates the grammar missed.
import { findHeaderMarker } from '../documentDate';
import { firstAtOrAfter } from '../text';
import { addChronoDates } from './chrono';
import { insertSorted, overlaps, overlapsAny } from './spans';
import { PARSERS } from './parsers';
import type { Candidate, Options } from './types';

/** Every date expression in the text, sorted, non-overlapping (ranges as several candidates). */
export function extract(text: string, opt: Options): Candidate[] {
  const all: Candidate[] = [];
  for (const parser of PARSERS) parser.parse(text, all, opt);
  const header = findHeaderMarker(text);
  const usable = header ? all.filter((c) => !overlaps(c, header)) : all;

  // Longest first; among equals, the earlier rule (more specific) wins.
  const order = usable.map((c, i) => ({ c, i })).filter((x) => !x.c.needsChain);
  order.sort((x, y) => y.c.end - y.c.start - (x.c.end - x.c.start) || x.i - y.i);
  const chosen: Candidate[] = [];
  for (const { c } of order) if (!overlapsAny(chosen, c)) insertSorted(chosen, c);

  chainPending(text, chosen, usable.filter((c) => c.needsChain));
  mergeWeekdayWithDate(text, chosen);
  mergeOffsets(text, chosen);
  addChronoDates(text, chosen, header);

  const flat: Candidate[] = [];
  for (const c of chosen) flat.push(...(c.group ?? [c]));
  return flat.sort((a, b) => a.start - b.start);
}

/** "in 2004 and 2005", "in 1998, 2001 and 2004": a bare year right after an accepted year. */
function chainPending(text: string, chosen: Candidate[], pending: Candidate[]): void {
  for (const p of pending.sort((a, b) => a.start - b.start)) {
    if (overlapsAny(chosen, p)) continue;
    const prev = chosen[firstAtOrAfter(chosen, p.start) - 1];
    if (!prev) continue;
    const prevLast = prev.group ? prev.group[prev.group.length - 1] : prev;
    const isYear = p.parse.kind === 'year';
    const prevKind = prevLast.parse.kind;
    if (isYear ? prevKind !== 'year' && prevKind !== 'monthYear' : prevKind !== 'month' && prevKind !== 'monthYear') continue;
    const between = text.slice(prevLast.end, p.start);
    if (!/^[ \t\u00a0]*(?:[,–—\/-][ \t\u00a0]*(?:and|or|to)?|and|or|to|through|until|till|nor)[ \t\u00a0]*$/.test(between)) continue;
    insertSorted(chosen, p);
  }
}

/** "Thursday, January 15" is one mention, valued by its date. */
function mergeWeekdayWithDate(text: string, chosen: Candidate[]): void {
  for (let i = 0; i + 1 < chosen.length; i++) {
    const w = chosen[i];
    const d = chosen[i + 1];
    if (w.parse.kind !== 'weekday' || w.parse.mod || w.group || d.group) continue;
    if (d.parse.kind !== 'full' && d.parse.kind !== 'monthDay') continue;
    if (!/^,?[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/.test(text.slice(w.end, d.start))) continue;
    chosen.splice(i, 2, { start: w.start, end: d.end, parse: { ...d.parse, wd: w.parse.wd } });
  }
}

/** "three days after January 3": anchor the offset on the date that follows. */
function mergeOffsets(text: string, chosen: Candidate[]): void {
  for (let i = 0; i + 1 < chosen.length; i++) {
    const o = chosen[i];
    const d = chosen[i + 1];
    if (o.parse.kind !== 'offset' || d.group || !/^[ \t\u00a0]+$/.test(text.slice(o.end, d.start))) continue;
    if (!/(?:before|after|prior[ \t\u00a0]+to)$/i.test(text.slice(o.start, o.end))) continue;
    chosen.splice(i, 2, { start: o.start, end: d.end, parse: { ...o.parse, inner: d } });
  }
}

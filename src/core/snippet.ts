// A bounded excerpt of a sentence around a match: hovers, the timeline and exports show one
// without ever copying (or scanning) the whole sentence, however long it is.
import { Span } from './types';

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** Collapses whitespace so a sentence fits on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The sentence around [start, end), cut to about `max` characters centred on the match, with
 * `…` where it was cut. Without a sentence, `max` characters either side stand in for it.
 */
export function snippetOf(text: string, sentence: Span | undefined, start: number, end: number, max = 140): Snippet {
  const s = sentence ?? { start: Math.max(0, start - max), end: Math.min(text.length, end + max) };
  // A date mention is short; a "match" longer than the snippet is cut too.
  const matchEnd = Math.min(end, start + max);
  const room = Math.max(0, max - (matchEnd - start));
  let from = Math.max(s.start, start - Math.floor(room / 2));
  const to = Math.min(s.end, matchEnd + (room - (start - from)));
  from = Math.max(s.start, Math.min(from, to - max));
  const before = oneLine(text.slice(from, start));
  const after = oneLine(text.slice(matchEnd, to));
  return {
    before: (from > s.start ? '…' : '') + before + (before && /\s/.test(text[start - 1] ?? '') ? ' ' : ''),
    match: oneLine(text.slice(start, matchEnd)) + (matchEnd < end ? '…' : ''),
    after: (after && /\s/.test(text[matchEnd] ?? '') ? ' ' : '') + after + (to < s.end ? '…' : ''),
  };
}

export function snippetText(s: Snippet): string {
  return `${s.before}${s.match}${s.after}`;
}

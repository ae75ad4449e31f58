// Which way in time a sentence points at an expression without a year (or week): tense and cue
// words just before it. "will meet on Thursday", "planned to leave on Thursday", "until March 6"
// look ahead; "met on Thursday", "since Monday", "last", "ago" look back; with neither, a reader
// takes the nearest occurrence.
import { FUTURE_AFTER, FUTURE_CUE, IRREGULAR_PAST, NON_PAST_AUXILIARY, NOT_PAST_ED, PAST_CUE_WORDS, WEAK_FUTURE_WORDS } from './lexicon';

export type Direction = 'future' | 'past' | 'nearest';

/** How far back a past tense still sets the direction when nothing closer does. */
const CLAUSE_WORDS = 12;

/** The words just before `start`, within its sentence (a bounded window: constant work per call). */
export function wordsBefore(text: string, start: number): string[] {
  let window = text.slice(Math.max(0, start - 70), start);
  // The sentence starts after the last ".", "!", "?" or ";" followed by a space (not "2.3%").
  let stop = window.lastIndexOf('\n');
  for (let i = window.length - 2; i > stop; i--) {
    if ('.!?;'.includes(window[i]) && /\s/.test(window[i + 1])) {
      stop = i;
      break;
    }
  }
  if (stop >= 0) window = window.slice(stop + 1);
  return window.trim().split(/\s+/);
}

/** A word just before the expression that points forward ("will", "scheduled", "planned to"…). */
export function futureCue(text: string, start: number): boolean {
  return futureIn(wordsBefore(text, start));
}

function futureIn(before: string[]): boolean {
  return FUTURE_CUE.test(before.slice(-7).join(' '));
}

/** A past-tense verb or a backward cue word right before the expression ("sank on 2 February", "was signed on", "since"). */
export function pastCue(text: string, start: number): boolean {
  return pastIn(normalized(wordsBefore(text, start)), 3);
}

function normalized(words: string[]): string[] {
  return words.map((w) => w.toLowerCase().replace(/[^a-z]/g, ''));
}

/** A past tense among the last `lookBack` of the (normalized) words. */
function pastIn(words: string[], lookBack: number): boolean {
  return hasPastVerb(words, Math.max(0, words.length - lookBack), words.length);
}

function hasPastVerb(words: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (IRREGULAR_PAST.has(w) || PAST_CUE_WORDS.has(w)) return true;
    // "-ed" is a past tense unless it is a participle after "be", "to", "must"… ("must be returned by")
    if (/^[a-z]{3,}ed$/.test(w) && !NOT_PAST_ED.test(w) && !(i > 0 && NON_PAST_AUXILIARY.test(words[i - 1]))) return true;
  }
  return false;
}

/** Up to seven words after `end`, within its sentence (commas allowed: "On Sunday, the leader said"). */
function wordsAfter(text: string, end: number): string[] {
  let window = text.slice(end, end + 60);
  const stop = window.search(/[.!?;\n]/);
  if (stop >= 0) window = window.slice(0, stop);
  return window.toLowerCase().split(/[\s,]+/).filter(Boolean).slice(0, 7);
}

/**
 * The direction the sentence gives an expression starting at `start`. Strong future cues win
 * over past tense ("said it will meet on Thursday"). "until", "by" and "before" look ahead; after
 * a past tense they can go either way ("remained there until March 6", "was postponed until
 * December 3"), so the nearest occurrence is taken.
 */
export function directionAt(text: string, start: number, end: number): Direction {
  const before = wordsBefore(text, start);
  if (futureIn(before)) return 'future';
  const words = normalized(before);
  const last = words[words.length - 1];
  // The verb may sit further back: "remained in the port until March 6".
  if (last && WEAK_FUTURE_WORDS.has(last)) return pastIn(words, 6) ? 'nearest' : 'future';
  if (pastIn(words, 3)) return 'past';
  // The verb may follow: "On Sunday, the leader said…", "Nov. 20 will see…" (a present perfect
  // is not a past: "…on 16 March, the Treasury has announced").
  const next = wordsAfter(text, end).map((w) => w.replace(/[^a-z']/g, ''));
  if (next.some((w) => FUTURE_AFTER.has(w) || /'ll$/.test(w))) return 'future';
  if (hasPastVerb(next, 0, next.length)) return 'past';
  // ...or sit further back in the clause: "shares rose by 2.3% on Thursday".
  return pastIn(words, CLAUSE_WORDS) ? 'past' : 'nearest';
}

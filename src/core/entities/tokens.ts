// Tokens close to CoNLL-2003's (the recognizer was trained on them): words with inner hyphens,
// apostrophes and "&" whole, "'s" on its own, abbreviations and initials with their period.
import { norm } from './lexicon';
import type { Tok } from './types';

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'gen', 'col', 'lt', 'sgt',
  'capt', 'rev', 'gov', 'sen', 'rep', 'messrs', 'mt', 'ft', 'dept', 'adm', 'maj', 'cpl', 'bros', 'vs', 'no',
]);
/** US state abbreviations written with a period ("Fla.", "Calif."). */
const STATE_ABBREV = new Set([
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn',
  'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'vt', 'va', 'wash', 'wis', 'wyo',
]);
// Alternatives in order: "U.S."-style initials; a possessive "'s"; a word or number with inner
// hyphens, "&", apostrophes (not a final "'s") or number punctuation ("1,500", "3.5"); any other
// single character. Every alternative consumes at least one character: the scan is linear.
const TOKEN_RE =
  /(?:\p{L}\.){2,}(?:-[\p{L}\p{N}]+)*|['’][sS](?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+(?:(?:[-&]|['’](?![sS](?![\p{L}\p{M}\p{N}]))|[.,:/](?=\p{N})(?<=\p{N}.))[\p{L}\p{M}\p{N}]+)*|\S/gu;
const PARTICLE_CAP_RE = /^(?:al|el|ad|as|an|ash|at|az|bin|ibn|abu|de|d|l|o|mc)[-'’]\p{Lu}/u;
const UPPER_START = /^\p{Lu}/u;
const SINGLE_UPPER = /^\p{Lu}$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const NON_LETTERS = /[^\p{L}]/gu;
const SENTENCE_END = /^[.!?:;…•·|*>–—]$/;

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let line = 0;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let s = m[0];
    const start = m.index;
    for (let i = lastEnd; i < start; i++) if (text.charCodeAt(i) === 10) line++;
    // Abbreviations and initials keep their period ("Mr.", "Inc.", "John F. Kennedy").
    if (text.charCodeAt(start + s.length) === 46 /* . */ && s.length <= 6) {
      const lower = s.toLowerCase();
      if (ABBREV.has(lower) || SINGLE_UPPER.test(s) || (UPPER_START.test(s) && STATE_ABBREV.has(lower))) {
        s += '.';
        TOKEN_RE.lastIndex = start + s.length;
      }
    }
    const word = HAS_WORD.test(s);
    const letters = word ? s.replace(NON_LETTERS, '') : '';
    toks.push({
      text: s,
      start,
      end: start + s.length,
      key: norm(s),
      word,
      cap: word && (UPPER_START.test(s) || PARTICLE_CAP_RE.test(s)),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      line,
      sentStart: false,
    });
    lastEnd = start + s.length;
  }
  markSentenceStarts(toks);
  return toks;
}

/** First word of a line, or first word after . ! ? : (quotes and brackets skipped). */
function markSentenceStarts(toks: Tok[]): void {
  let expectStart = true;
  let prevLine = -1;
  for (const t of toks) {
    if (t.line !== prevLine) {
      expectStart = true;
      prevLine = t.line;
    }
    if (t.word) {
      t.sentStart = expectStart;
      expectStart = false;
    } else if (SENTENCE_END.test(t.text) || (t.text === '-' && expectStart)) {
      expectStart = true;
    }
  }
}

/** Token index ranges [a, b) the recognizer decodes one at a time: sentences, never across lines. */
export function sequences(toks: Tok[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = 0;
  for (let i = 1; i <= toks.length; i++) {
    const t = toks[i];
    if (i === toks.length || t.line !== toks[i - 1].line || (t.sentStart && i > a)) {
      if (i > a) out.push([a, i]);
      a = i;
    }
  }
  return out;
}

/** The lower-case key of tokens [a, b), with single spaces where the text has any gap. */
export function keyOf(toks: Tok[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) {
    if (i > a && toks[i].start > toks[i - 1].end) s += ' ';
    s += toks[i].key;
  }
  return s;
}

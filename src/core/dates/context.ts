// What surrounds a match: the word before it, the text after it, whether a number is a count.
// The parsers use these to tell a date from a name ("May"), a count ("2000 troops") or a title.
import { COUNT_OR_TIME_AFTER, EN_MONTH_RE, FUNCTION_WORDS_ENDING_IN_S, MONTH_CONTEXT, MONTH_OF_CONTEXT, NUMBER_WORDS, S, WEEKDAY_RE } from './lexicon';
import type { Candidate, Parse, Unit } from './types';

/** "last", "next" or "this" right before a match (weekdays, holidays). */
export const MOD_PREFIX = new RegExp(`\\b(last|next|this)${S}$`, 'i');

export interface PrevWord {
  word: string; // lowercase, '' when none
  /** Nothing but punctuation/quotes between the expression and a sentence or line start. */
  sentenceStart: boolean;
  start: number;
}

/** The word just before `index` on the same line (skipping spaces). */
export function prevWord(text: string, index: number): PrevWord {
  let i = index;
  while (i > 0 && /[ \t\u00a0]/.test(text[i - 1])) i--;
  let j = i;
  while (j > 0 && /[\p{L}\p{N}'’-]/u.test(text[j - 1])) j--;
  if (j === i) {
    // No word: a punctuation mark, a line break or the start of the text.
    let k = i;
    while (k > 0 && /["“‘'(\[\s]/.test(text[k - 1]) && text[k - 1] !== '\n') k--;
    const c = k === 0 ? '\n' : text[k - 1];
    return { word: '', sentenceStart: /[\n\r.!?:;]/.test(c) || k === 0, start: i };
  }
  return { word: text.slice(j, i).toLowerCase(), sentenceStart: false, start: j };
}

/** Text right after `index`, up to the end of the line (at most `max` chars). */
export function after(text: string, index: number, max = 40): string {
  const slice = text.slice(index, index + max);
  const nl = slice.search(/[\r\n]/);
  return nl >= 0 ? slice.slice(0, nl) : slice;
}

/** A bare 4-digit number looks like a count ("2000 troops", "1,962", "$2000", "2000%"). */
export function looksLikeCount(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[$£€¥#]$|\d[,.]?$|US\$?$|No\.\s?$/.test(before)) return true;
  const next = after(text, end);
  if (/^(?:[,.]\d|%|\s*per\s*cent|\s*percent|[ \t]?(?:m|km|kg|ft|cc|mph)\b)/.test(next)) return true;
  if (COUNT_OR_TIME_AFTER.test(next)) return true;
  const w = /^[ \t\u00a0]+([a-z]+)\b/.exec(next);
  // A lowercase plural right after the number: "2000 votes", "1500 metres".
  return !!w && w[1].length >= 4 && w[1].endsWith('s') && !FUNCTION_WORDS_ENDING_IN_S.has(w[1]);
}

export function amountOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return +w;
  return NUMBER_WORDS[w];
}

export function unitOf(word: string): Unit {
  return word.toLowerCase().replace(/s$/, '') as Unit;
}

export function scan(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

export function relYearOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  return w === 'last' ? -1 : w === 'next' ? 1 : w === 'this' ? 0 : undefined;
}

/** `re` (anchored with `$`) applied to the text just before `index` on the same line. */
export function matchBefore(text: string, index: number, re: RegExp): RegExpExecArray | null {
  let slice = text.slice(Math.max(0, index - 40), index);
  const nl = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf('\r'));
  if (nl >= 0) slice = slice.slice(nl + 1);
  return re.exec(slice);
}

export function cand(m: RegExpExecArray, parse: Parse): Candidate {
  return { start: m.index, end: m.index + m[0].length, parse };
}

const DATE_START = new RegExp(`^${S}(?:the${S}\\d|${EN_MONTH_RE}\\b|${WEEKDAY_RE}\\b|\\d|yesterday|today|tomorrow|last|next|this)`, 'i');

export function isDateStart(s: string): boolean {
  return DATE_START.test(s);
}

/** Is a bare month word used as a date here ("in August", "the end of March", "January's")? */
export function monthContext(text: string, start: number, word: string, next: string): boolean {
  const p = prevWord(text, start);
  if (word === 'May' || word === 'MAY') {
    // "Theresa May", "Brian May", "May's chairman": only unambiguous prepositions.
    return ['in', 'since', 'until', 'till', 'during', 'from', 'through', 'throughout', 'en', 'desde', 'hasta'].includes(p.word);
  }
  if (MONTH_CONTEXT.has(p.word)) return true;
  if (p.word === 'of') return MONTH_OF_CONTEXT.has(prevWord(text, p.start).word);
  // "the three months to December", "the year to October"
  if (p.word === 'to') return /^(?:months|weeks|year|quarter|through|up|run-up)$/.test(prevWord(text, p.start).word);
  if (/^['’]s\b/.test(next)) return true; // "January's figures"
  if (p.word === 'the' && /^(?:-|[ \t\u00a0]+\p{L})/u.test(next)) return true; // "the January transfer window"
  // Sentence-initial subject: "February was a good month", "November saw a rise".
  return p.sentenceStart && /^[ \t\u00a0]+(?:was|is|saw|sees|has|had|will|would|brought|marked|proved|also)\b/.test(next);
}

/** The year a spelled-out year names ("nineteen ninety-one" → 1991), if any. */
export function spelledYear(written: string): number | undefined {
  const words = written.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  const value = (w: string): number => NUMBER_WORDS[w] ?? (w === 'oh' ? 0 : NaN);
  if (words[0] === 'two' && words[1] === 'thousand') return 2000 + words.slice(2).reduce((n, w) => n + value(w), 0);
  const century = value(words[0]) * 100;
  if (words[1] === 'hundred') return century;
  const rest = words.slice(1).reduce((n, w) => n + value(w), 0);
  return Number.isFinite(rest) && rest < 100 ? century + rest : undefined;
}

// Date mentions: find every date expression in a document and resolve it against the
// document's publication date the way a news reader would (DESIGN.md, "Dates").
//
// Finding is our own regex grammar (precise spans, context checks against "May"/"march"/
// "2000 troops"), with chrono-node as a safety net for explicit calendar dates the grammar
// misses. Resolution never uses chrono's guesses: granularity comes from what was written and
// the reference date is applied by the rules below.
import * as chrono from 'chrono-node';
import type { DateContext } from '../dateContext';
import { DATE_SOURCE_LABELS, detectDocumentDate, findHeaderMarker } from '../documentDate';
import { firstAtOrAfter } from '../text';
import { DateMention, DateSource, DocumentDate, Granularity, Span } from '../types';
import {
  addDays, addMonths, daysInMonth, isoWeekOf, formatDay, formatMonth, fromDayNumber, isPlausibleYear, isValidYmd, parseIsoDay, toDayNumber, weekdayOf, WEEK_DAYS, Ymd,
} from './calendar';
import { Direction, directionAt, futureCue, pastCue } from './cues';
import { findFullDates } from './fullDates';
import { formatDecade, formatHalf, formatQuarter, formatSeason, formatWeek, formatWeekend, Season } from './values';
import { Holiday, HOLIDAY_BY_SPELLING, holidayIn, holidayOf } from './holidays';
import {
  AMOUNT_RE, COUNT_OR_TIME_AFTER, EN_MONTH_FULL_RE, EN_MONTH_RE, FUNCTION_WORDS_ENDING_IN_S, FUTURE_CUE, HOLIDAY_CONTEXT,
  HOLIDAY_NAME_OK_BEFORE, IRREGULAR_PAST, MONTH_CONTEXT, MONTH_NAMES, MONTH_OF_CONTEXT, monthNumber, NON_PAST_AUXILIARY,
  NOT_PAST_ED, NUMBER_WORDS, ONES_RE, ORDINAL_CONTEXT, ORDINAL_FOLLOW_OK, ORDINAL_NOUN_AFTER, ORDINAL_WORDS, S, S0, TEENS_RE, TENS_RE, UNIT_RE,
  WEEKDAY_EVENT_PREFIX, WEEKDAY_NAME_SUFFIX, WEEKDAY_NAMES, WEEKDAY_RE, YEAR_CONTEXT, YEAR_DETERMINERS,
} from './lexicon';
import { ES_MONTH_RE, ES_WEEKDAY_RE, ES_WEEKDAYS } from './lexicon.es';

// ---------------------------------------------------------------------------------------------
// Parsed (still unresolved) expressions.

type Kind =
  | 'full' // day, month and year written
  | 'monthDay' // "January 15", "15 January", "November 18 of last year"
  | 'monthYear' // "August 2025", "early January 2019"
  | 'month' // "in August", "last November", "November last year"
  | 'year' // "in 1962"
  | 'decade' // "the 1990s"
  | 'quarter' // "the third quarter of 2004" (q 1-4), halves as q 5-6
  | 'weekday' // "Thursday", "last Thursday", "el jueves"
  | 'ordinalDay' // "the 20th"
  | 'relative' // yesterday, last week, this month, next year, two weeks ago
  | 'weekend' // last/this/next weekend
  | 'season' // last/this/next summer
  | 'offset' // "three days after January 3"
  | 'holiday' // "Christmas Eve", "last Easter", "Thanksgiving 2024"
  | 'yearEnd' // "the end of the year", "year-end", "the end of last year"
  | 'isoWeek' // "2026-W03"
  | 'anaphor' // "the previous Friday", "that day", "the day before": from the day the text talks about
  | 'vague'; // a date-like expression with no resolvable value

type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';
type Modifier = 'last' | 'next' | 'this';

interface Parse {
  kind: Kind;
  y?: number;
  m?: number;
  d?: number;
  wd?: number;
  mod?: Modifier;
  /** Year relative to the reference ("of last year" = -1). */
  yearRel?: number;
  /** Month relative to the reference ("the 20th of last month" = -1). */
  monthRel?: number;
  /** relative/offset: amount of `unit` (negative = past). */
  amount?: number;
  unit?: Unit;
  q?: number;
  /** "early", "late", "mid", "end of"…: kept for the explanation only. */
  part?: string;
  note?: string;
  /** offset: the anchor expression. */
  inner?: Candidate;
  holiday?: Holiday;
  reason?: string;
}

interface Candidate extends Span {
  parse: Parse;
  /** Several mentions produced by one match (ranges); selected or dropped together. */
  group?: Candidate[];
  /** Accepted only when chained to an accepted neighbour ("in 2004 and 2005"). */
  needsChain?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Small lexical helpers.


interface PrevWord {
  word: string; // lowercase, '' when none
  /** Nothing but punctuation/quotes between the expression and a sentence or line start. */
  sentenceStart: boolean;
  start: number;
}

/** The word just before `index` on the same line (skipping spaces). */
function prevWord(text: string, index: number): PrevWord {
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
function after(text: string, index: number, max = 40): string {
  const slice = text.slice(index, index + max);
  const nl = slice.search(/[\r\n]/);
  return nl >= 0 ? slice.slice(0, nl) : slice;
}


/** A bare 4-digit number looks like a count ("2000 troops", "1,962", "$2000", "2000%"). */
function looksLikeCount(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[$£€¥#]$|\d[,.]?$|US\$?$|No\.\s?$/.test(before)) return true;
  const next = after(text, end);
  if (/^(?:[,.]\d|%|\s*per\s*cent|\s*percent|[ \t]?(?:m|km|kg|ft|cc|mph)\b)/.test(next)) return true;
  if (COUNT_OR_TIME_AFTER.test(next)) return true;
  const w = /^[ \t\u00a0]+([a-z]+)\b/.exec(next);
  // A lowercase plural right after the number: "2000 votes", "1500 metres".
  return !!w && w[1].length >= 4 && w[1].endsWith('s') && !FUNCTION_WORDS_ENDING_IN_S.has(w[1]);
}


function amountOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return +w;
  return NUMBER_WORDS[w];
}

function unitOf(word: string): Unit {
  return word.toLowerCase().replace(/s$/, '') as Unit;
}

// ---------------------------------------------------------------------------------------------
// The grammar. Each rule scans the whole text once and emits candidates; overlaps are settled
// afterwards (longest wins).

interface Options {
  /** Accept bare months/years/ordinals without a preposition (a whole expression was given). */
  lenient: boolean;
}

type Rule = (text: string, out: Candidate[], opt: Options) => void;

function scan(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

function relYearOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  return w === 'last' ? -1 : w === 'next' ? 1 : w === 'this' ? 0 : undefined;
}

const RE = {
  // "January 15", "Jan. 15th", "November 18 of last year", "November 16 last year", "January 15, 2026"
  monthDay: new RegExp(
    `\\b(${EN_MONTH_RE})${S}(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,:]?\\d|%)(?:(?:,${S0}|${S})(\\d{4})\\b(?![.,]?\\d))?(?:,?${S}(?:of${S})?(last|this|next)${S}year\\b)?`,
    'g',
  ),
  // "15 January", "the 5th of March", "15 January 2026", "5 May last year"
  dayMonth: new RegExp(
    `(?<![\\d.,:/])\\b(?:(the)${S}(?=\\d{1,2}(?:st|nd|rd|th)))?(\\d{1,2})(st|nd|rd|th)?${S}(?:(of)${S})?(${EN_MONTH_RE})(?![\\p{L}])(?:(?:,${S0}|${S})(\\d{4})\\b(?![.,]?\\d))?(?:,?${S}(?:of${S})?(last|this|next)${S}year\\b)?`,
    'gu',
  ),
  // "August 2025", "early January 2019", "January of 2019", "November last year", "March this year"
  monthYear: new RegExp(`\\b(${EN_MONTH_RE})(?:,?${S}(?:of${S})?(\\d{4})\\b(?![.,]?\\d)|,?${S}(?:of${S})?(last|this|next)${S}year\\b)`, 'g'),
  // A bare month: "in August", "early January", "last November", "next April"
  month: new RegExp(`\\b(${EN_MONTH_FULL_RE})\\b`, 'g'),
  partPrefix: new RegExp(`\\b(early|late|mid)(?:-|${S})$`, 'i'),
  monthPrefix: new RegExp(`(?:\\b(early|late|mid)(?:-|${S})|\\b(last|next|this)${S})$`, 'i'),
  modPrefix: new RegExp(`\\b(last|next|this)${S}$`, 'i'),
  relativePartPrefix: new RegExp(`\\b(earlier|later|early|late|mid)(?:-|${S})$`, 'i'),
  // "from March to May 2025", "between January and March"
  monthRange: new RegExp(
    `\\b(${EN_MONTH_FULL_RE})(${S0}[–—-]${S0}|-to-|${S}(?:to|through|until|till|and|or)${S})(${EN_MONTH_FULL_RE})(?:,?${S}(\\d{4})\\b(?![.,]?\\d))?`,
    'g',
  ),
  year: /\b((?:19|20)\d{2})\b(['’]s\b)?/g,
  // "2019–2021", "2004-05", "from 2001 to 2003"
  yearRange: new RegExp(`\\b((?:19|20)\\d{2})(${S0}[–—/-]${S0}|${S}(?:to|and|through|until|till)${S})((?:19|20)\\d{2}|\\d{2})\\b(?![.,]?\\d|-)`, 'g'),
  // Rules whose expression starts with one of many words scan for a distinctive anchor and
  // then look backwards: much faster than a leading alternation tried at every word.
  decade: /(?:\b((?:1[5-9]|20)\d0)|(?:\b|['’])([2-9]0))['’]?s\b/g,
  decadePrefix: new RegExp(`(?:\\b(the)${S})?(?:\\b(early|mid|late)(?:-|${S}))?['’]?$`, 'i'),
  quarter: /\b(quarter|half)\b/gi,
  quarterPrefix: new RegExp(`(?:\\b(the)${S})?\\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)${S}$`, 'i'),
  quarterSuffix: new RegExp(`^${S}(?:of|in)${S}(?:(\\d{4})\\b|(last|this|next)${S}year\\b|the${S}year\\b)`, 'i'),
  qNotation: /\b(?:Q([1-4])[ \t\u00a0]?(\d{4})|(\d{4})[ \t\u00a0]?Q([1-4]))\b/g,
  weekday: new RegExp(`\\b(${WEEKDAY_RE})\\b`, 'g'),
  ordinal: new RegExp(`\\bthe${S}(\\d{1,2})(st|nd|rd|th)\\b(?:${S}of${S}(?:(this|last|next)${S}month|the${S}month)\\b)?`, 'gi'),
  weekendSeason: new RegExp(`\\b(last|this|next)${S}(weekend|summer|spring|autumn|fall|winter)\\b`, 'gi'),
  relative: new RegExp(`\\b(this|last|next)${S}(week|month|year)\\b`, 'gi'),
  dayWord: /\b(yesterday|today|tomorrow|tonight)\b|\b(last[ \t\u00a0]+night)\b|\b(this[ \t\u00a0]+(?:morning|afternoon|evening))\b/gi,
  unitAnchor: new RegExp(`\\b(${UNIT_RE})${S}(ago|before|after|earlier|later|prior${S}to)\\b`, 'gi'),
  amountPrefix: new RegExp(`(?<![\\p{L}\\p{N}])(${AMOUNT_RE})${S}$`, 'iu'),
  isoSlash: /(?<![\d/.-])\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b(?![/.-]?\d)/g,
  numeric: /(?<![\d/.-])\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(?![/.-]?\d)/g,
  esDayMonth: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})${S}de${S}(${ES_MONTH_RE})\\b`, 'g'),
  esMonthYear: new RegExp(`\\b(${ES_MONTH_RE})${S}(?:de${S}|del${S})(\\d{4})\\b`, 'g'),
  // "Christmas Eve", "Easter Monday", "Thanksgiving 2024", "Christmas of 2019"
  holiday: new RegExp(
    `\\b(${[...HOLIDAY_BY_SPELLING.keys()]
      .sort((a, b) => b.length - a.length)
      .map((h) => h.replace(/[.]/g, '\\.').replace(/'/g, "['’]").replace(/ /g, S))
      .join('|')})(?![\\p{L}'’])(?:,?${S}(?:of${S})?(\\d{4})\\b(?![.,]?\\d))?`,
    'gu',
  ),
  holidayAfter: /^[ \t\u00a0]+(?:holidays?|break|weekend|period|recess|day|eve|night|morning|celebrations?|festivities)\b/i,
  holidayTitleAfter: /^(?:[ \t\u00a0]+(?:II|III|IV|V|VI)\b|:)/,
  // "for Christmas presents", "on Christmas Island": the name, not the day.
  holidayNotAfter: /^[ \t\u00a0]+(?:Islands?|Carol|Rising|trees?|cards?|presents?|gifts?|markets?|number|singles?|albums?|songs?|lights|decorations|shopping|sales|eggs?|bunny|parade|special|episode|message|speech|lunch|dinner|party|parties|shows?|sequels?|films?|movies?)\b/i,
  // "the previous Friday", "the following Monday"
  anaphorWeekday: new RegExp(`\\b(?:the|that)${S}(previous|preceding|following)${S}(${WEEKDAY_RE})\\b`, 'gi'),
  // "that day", "the same day", "earlier that day", "the day before", "the next day"
  anaphorDay: new RegExp(
    `\\b(?:(?:(earlier|later)${S})?(?:that|the${S}same)${S}(day|morning|afternoon|evening|night)|the${S}(day|night)${S}(before|after)|the${S}(previous|preceding|next|following)${S}day)\\b`,
    'gi',
  ),
  theWeekend: new RegExp(`\\bthe${S}weekend\\b`, 'gi'),
  yearEnd: new RegExp(`\\b(?:the${S}end${S}of${S}(?:the|(this|last|next))${S}year|year[- ]end)\\b`, 'gi'),
  isoWeek: /\b(\d{4})-W(\d{2})\b/g,
  // "nineteen ninety-one", "twenty twenty-one", "two thousand and four"
  spelledYear: new RegExp(
    `\\b(?:(?:eighteen|nineteen|twenty)(?:${S}|-)(?:hundred|oh(?:${S}|-)${ONES_RE}|${TEENS_RE}|${TENS_RE}(?:(?:${S}|-)${ONES_RE})?)|two${S}thousand(?:${S}and)?${S}(?:${TEENS_RE}|${ONES_RE}))\\b`,
    'gi',
  ),
  // "year-earlier", "year-ago" (adjectives: "the year-earlier period")
  yearEarlier: /\byear-(?:earlier|ago)\b/gi,
  esWeekday: new RegExp(`\\b([Ee]l)${S}(?:(pasado|próximo|proximo)${S})?(${ES_WEEKDAY_RE})(?:${S}(pasado|próximo|proximo))?\\b`, 'gu'),
};

const rules: Rule[] = [
  // Explicit full dates (shared with byline detection).
  (text, out) => {
    for (const f of findFullDates(text)) out.push({ start: f.start, end: f.end, parse: { kind: 'full', ...f.date } });
  },

  (text, out) =>
    scan(RE.monthDay, text, (m) => {
      const mo = monthNumber(m[1])!;
      const d = +m[2];
      if (d < 1 || d > 31) return;
      const yearRel = relYearOf(m[4]);
      if (m[3]) {
        if (isValidYmd(+m[3], mo, d)) out.push(cand(m, { kind: 'full', y: +m[3], m: mo, d }));
      } else if (d <= daysInMonth(2000, mo)) {
        out.push(cand(m, { kind: 'monthDay', m: mo, d, yearRel }));
      }
    }),

  (text, out) =>
    scan(RE.dayMonth, text, (m) => {
      const hasOrdinal = !!m[3];
      if ((m[1] || m[4]) && !hasOrdinal) return; // "the 5 March" / "5 of March" are not date forms
      const mo = monthNumber(m[5])!;
      const d = +m[2];
      if (d < 1 || d > 31) return;
      // Drop a leading "the" unless the ordinal needs it ("the 5th of March").
      const start = m[1] && !m[4] ? m.index + m[0].indexOf(m[2]) : m.index;
      const c = (p: Parse): Candidate => ({ start, end: m.index + m[0].length, parse: p });
      if (m[6]) {
        if (isValidYmd(+m[6], mo, d)) out.push(c({ kind: 'full', y: +m[6], m: mo, d }));
      } else if (d <= daysInMonth(2000, mo)) {
        out.push(c({ kind: 'monthDay', m: mo, d, yearRel: relYearOf(m[7]) }));
      }
    }),

  (text, out) =>
    scan(RE.monthYear, text, (m) => {
      const pre = matchBefore(text, m.index, RE.partPrefix);
      const start = m.index - (pre?.[0].length ?? 0);
      const end = m.index + m[0].length;
      const mo = monthNumber(m[1])!;
      const part = pre?.[1].toLowerCase();
      if (m[2]) {
        const y = +m[2];
        if (y >= 1000 && !looksLikeCount(text, start, end)) out.push({ start, end, parse: { kind: 'monthYear', y, m: mo, part } });
      } else {
        out.push({ start, end, parse: { kind: 'month', m: mo, yearRel: relYearOf(m[3]), part } });
      }
    }),

  (text, out, opt) =>
    scan(RE.month, text, (m) => {
      const pre = matchBefore(text, m.index, RE.monthPrefix);
      const part = pre?.[1]?.toLowerCase();
      const mod = pre?.[2]?.toLowerCase() as Modifier | undefined;
      const end = m.index + m[0].length;
      const next = after(text, end);
      if (/^[ \t\u00a0]+[A-Z][a-z]+['’]s\b/.test(next)) return; // "August Wilson's"
      const ok = opt.lenient || part || mod || monthContext(text, m.index, m[1], next);
      const c: Candidate = { start: m.index - (pre?.[0].length ?? 0), end, parse: { kind: 'month', m: monthNumber(m[1])!, mod, part } };
      out.push(ok ? c : { ...c, needsChain: true });
    }),

  (text, out, opt) =>
    scan(RE.monthRange, text, (m) => {
      const m1 = monthNumber(m[1])!;
      const m2 = monthNumber(m[3])!;
      const first = prevWord(text, m.index);
      if (!m[4] && !opt.lenient && !MONTH_CONTEXT.has(first.word) && first.word !== 'the') return;
      const s1 = m.index;
      const e1 = s1 + m[1].length;
      const s2 = m.index + m[1].length + m[2].length;
      const e2 = m.index + m[0].length;
      let a: Parse;
      let b: Parse;
      if (m[4]) {
        const y = +m[4];
        b = { kind: 'monthYear', y, m: m2 };
        a = { kind: 'monthYear', y: m1 > m2 ? y - 1 : y, m: m1, note: `start of a range ending ${MONTH_NAMES[m2 - 1]} ${y}` };
      } else {
        a = { kind: 'month', m: m1 };
        b = { kind: 'month', m: m2 };
      }
      const ca: Candidate = { start: s1, end: e1, parse: a };
      const cb: Candidate = { start: s2, end: e2, parse: b };
      out.push({ start: s1, end: e2, parse: a, group: [ca, cb] });
    }),

  (text, out, opt) =>
    scan(RE.year, text, (m) => {
      const start = m.index;
      const end = start + m[1].length;
      if (looksLikeCount(text, start, end)) return;
      const p = prevWord(text, start);
      const possessive = !!m[2];
      const next = after(text, end);
      // "post-1959", "pre-2000": the year, read as a bound.
      const bound = /^(post|pre)-$/.exec(p.word)?.[1];
      let ok = opt.lenient || possessive || !!bound || YEAR_CONTEXT.has(p.word) || p.word.startsWith('mid-');
      // "the 2004 election", "Spain's 2000 victory" (counts were ruled out above)
      if (!ok && (YEAR_DETERMINERS.has(p.word) || /['’]s$/.test(p.word))) ok = /^(?:[ \t\u00a0]+\S|[,.;:)!?])/.test(next);
      if (!ok && text[start - 1] === '(' && next.startsWith(')')) ok = true; // "Casablanca (1942)"
      const c: Candidate = bound
        ? { start: p.start, end, parse: { kind: 'year', y: +m[1], note: bound === 'post' ? 'after that year' : 'before that year' } }
        : { start, end, parse: { kind: 'year', y: +m[1] } };
      if (ok) out.push(c);
      else out.push({ ...c, needsChain: true });
    }),

  (text, out, opt) =>
    scan(RE.yearRange, text, (m) => {
      const y1 = +m[1];
      const dash = !/[a-z]/i.test(m[2]);
      let y2 = +m[3];
      if (m[3].length === 2) {
        if (!dash) return;
        y2 = Math.floor(y1 / 100) * 100 + y2;
        if (y2 <= y1) y2 += 100;
        if (y2 - y1 > 20) return;
      } else if (y2 <= y1 || y2 - y1 > 100) return;
      const end = m.index + m[0].length;
      if (looksLikeCount(text, m.index, m.index + 4) || looksLikeCount(text, end - m[3].length, end)) return;
      if (!dash && !opt.lenient) {
        const p = prevWord(text, m.index);
        if (!YEAR_CONTEXT.has(p.word) && p.word !== 'between') return;
      }
      const s2 = end - m[3].length;
      const a: Candidate = { start: m.index, end: m.index + 4, parse: { kind: 'year', y: y1, note: 'start of a range' } };
      const b: Candidate = { start: s2, end, parse: { kind: 'year', y: y2, note: 'end of a range' } };
      out.push({ start: m.index, end, parse: a.parse, group: [a, b] });
    }),

  (text, out) =>
    scan(RE.decade, text, (m) => {
      const pre = matchBefore(text, m.index, RE.decadePrefix)!;
      if (m[2] && !pre[1]) return; // "the 90s" but not "his 80s"
      const start = pre[1] || pre[2] ? m.index - pre[0].length : m.index;
      const y = m[1] ? +m[1] : 1900 + +m[2];
      out.push({ start, end: m.index + m[0].length, parse: { kind: 'decade', y, part: pre[2]?.toLowerCase() } });
    }),

  (text, out) => {
    scan(RE.quarter, text, (m) => {
      const pre = matchBefore(text, m.index, RE.quarterPrefix);
      if (!pre) return;
      const suf = RE.quarterSuffix.exec(after(text, m.index + m[0].length));
      const which = pre[2].toLowerCase();
      const isHalf = m[1].toLowerCase() === 'half';
      const n = ORDINAL_WORDS[which];
      const hasYear = !!suf;
      if (isHalf && (n > 2 || !hasYear)) return; // "the first half" alone is usually a match half
      if (!hasYear) {
        // Bare quarters only as "the third quarter", never "the quarter of the game".
        if (!pre[1] || which === 'last' || which === 'final') return;
        if (/^[ \t\u00a0]+of[ \t\u00a0]+(?:the|a|an|this|that)\b/i.test(after(text, m.index + m[0].length))) return;
      }
      const q = isHalf ? 4 + n : n;
      const y = suf?.[1] ? +suf[1] : undefined;
      const yearRel = suf?.[2] ? relYearOf(suf[2]) : suf ? 0 : undefined;
      const start = m.index - pre[0].length;
      out.push({ start, end: m.index + m[0].length + (suf?.[0].length ?? 0), parse: { kind: 'quarter', q, y, yearRel } });
    });
    scan(RE.qNotation, text, (m) => out.push(cand(m, { kind: 'quarter', q: +(m[1] ?? m[4]), y: +(m[2] ?? m[3]) })));
  },

  (text, out) =>
    scan(RE.weekday, text, (m) => {
      const pre = matchBefore(text, m.index, RE.modPrefix);
      const mod = pre?.[1].toLowerCase() as Modifier | undefined;
      if (!mod && WEEKDAY_EVENT_PREFIX.has(prevWord(text, m.index).word)) return; // "Good Friday", "Super Tuesday"
      if (WEEKDAY_NAME_SUFFIX.test(after(text, m.index + m[0].length))) return; // "Sunday Times"
      const wd = WEEKDAY_NAMES.findIndex((w) => w.toLowerCase() === m[1].toLowerCase());
      out.push({ start: m.index - (pre?.[0].length ?? 0), end: m.index + m[0].length, parse: { kind: 'weekday', wd, mod } });
    }),

  (text, out) =>
    scan(RE.holiday, text, (m) => {
      const holiday = holidayOf(m[1].replace(/[ \t\u00a0]+/g, ' '))!;
      const pre = matchBefore(text, m.index, RE.modPrefix);
      const mod = pre?.[1].toLowerCase() as Modifier | undefined;
      const start = m.index - (pre?.[0].length ?? 0);
      // Part of a longer name or title: "Holocaust Memorial Day", "Wham's Last Christmas".
      const capitalized = /(\p{Lu}[\p{L}'’]*)[ \t\u00a0]+$/u.exec(text.slice(Math.max(0, start - 30), start));
      if (capitalized && !HOLIDAY_NAME_OK_BEFORE.has(capitalized[1].toLowerCase())) return;
      // A capital modifier inside a sentence is a title: "the band's Last Christmas".
      const sentenceStart = start === 0 || /[.!?:"“”\n][ \t\u00a0]*$/.test(text.slice(Math.max(0, start - 10), start));
      if (pre && /^\p{Lu}/u.test(pre[1]) && !sentenceStart) return;
      if (RE.holidayTitleAfter.test(after(text, m.index + m[0].length))) return; // "Halloween II", "Halloween: Resurrection"
      if (holiday.needsContext && !m[2]) {
        const next = after(text, m.index + m[0].length);
        if (RE.holidayNotAfter.test(next)) return;
        if (!mod && !HOLIDAY_CONTEXT.has(prevWord(text, m.index).word) && !RE.holidayAfter.test(next)) return;
      }
      out.push({ start, end: m.index + m[0].length, parse: { kind: 'holiday', holiday, mod, y: m[2] ? +m[2] : undefined } });
    }),

  (text, out, opt) =>
    scan(RE.ordinal, text, (m) => {
      const d = +m[1];
      if (d < 1 || d > 31) return;
      const rel = m[3]?.toLowerCase() ?? (/month$/i.test(m[0]) ? 'this' : undefined);
      const monthRel = rel === undefined ? undefined : rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      if (!opt.lenient && monthRel === undefined) {
        const p = prevWord(text, m.index);
        if (!ORDINAL_CONTEXT.has(p.word)) return;
        const next = after(text, m.index + m[0].length);
        if (ORDINAL_NOUN_AFTER.test(next)) return;
        const w = /^[ \t\u00a0]+([A-Za-z]+)/.exec(next);
        if (w && /^[a-z]/.test(w[1]) && !ORDINAL_FOLLOW_OK.has(w[1])) return; // "on the 20th floor"
      }
      out.push(cand(m, { kind: 'ordinalDay', d, monthRel }));
    }),

  (text, out) =>
    scan(RE.relative, text, (m) => {
      const pre = matchBefore(text, m.index, RE.relativePartPrefix);
      // "the last year", "over the next month": durations, not dates.
      if (!pre && ['the', 'a', 'that', 'every', 'each', 'per'].includes(prevWord(text, m.index).word)) return;
      const which = m[1].toLowerCase() as Modifier;
      const unit = m[2].toLowerCase() as Unit;
      const amount = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      const start = m.index - (pre?.[0].length ?? 0);
      out.push({ start, end: m.index + m[0].length, parse: { kind: 'relative', unit, amount, part: pre?.[1].toLowerCase(), mod: which } });
    }),

  (text, out) =>
    scan(RE.weekendSeason, text, (m) => {
      const p = prevWord(text, m.index);
      if (['the', 'a', 'that', 'every', 'each', 'per'].includes(p.word)) return;
      const mod = m[1].toLowerCase() as Modifier;
      const what = m[2].toLowerCase();
      out.push(cand(m, what === 'weekend' ? { kind: 'weekend', mod } : { kind: 'season', mod, part: what === 'fall' ? 'autumn' : what }));
    }),

  (text, out) => {
    // "over the weekend", "at the weekend"
    scan(RE.theWeekend, text, (m) => out.push(cand(m, { kind: 'weekend' })));
    scan(RE.yearEnd, text, (m) => out.push(cand(m, { kind: 'yearEnd', yearRel: relYearOf(m[1]) })));
    scan(RE.isoWeek, text, (m) => {
      const week = +m[2];
      if (week >= 1 && week <= 53 && isPlausibleYear(+m[1])) out.push(cand(m, { kind: 'isoWeek', y: +m[1], d: week }));
    });
    scan(RE.spelledYear, text, (m) => {
      const y = spelledYear(m[0]);
      if (y !== undefined && !looksLikeCount(text, m.index, m.index + m[0].length)) out.push(cand(m, { kind: 'year', y, note: 'written in words' }));
    });
  },

  (text, out) =>
    scan(RE.dayWord, text, (m) => {
      const word = (m[1] ?? m[2] ?? m[3]).toLowerCase().replace(/\s+/g, ' ');
      if (/^[A-Z]/.test(m[0])) {
        // Capitalized mid-sentence it is a name: "Radio 4's Today programme", "USA Today".
        if (!prevWord(text, m.index).sentenceStart) return;
        if (/^[ \t\u00a0]+(?:programme|program|show|Programme|Show)\b/.test(after(text, m.index + m[0].length))) return;
      }
      const amount = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      out.push(cand(m, { kind: 'relative', unit: 'day', amount }));
    }),

  (text, out) =>
    scan(RE.unitAnchor, text, (m) => {
      const pre = matchBefore(text, m.index, RE.amountPrefix);
      if (!pre) return;
      const start = m.index - pre[0].length;
      const n = amountOf(pre[1]);
      const unit = unitOf(m[1]);
      const dir = m[2].toLowerCase().replace(/\s+/g, ' ');
      let end = m.index + m[0].length;
      if (dir === 'ago') {
        out.push({ start, end, parse: n === undefined ? { kind: 'vague', reason: 'the amount of time is not exact' } : { kind: 'relative', unit, amount: -n, note: 'ago' } });
        return;
      }
      const sign = dir === 'after' || dir === 'later' ? 1 : -1;
      if (dir === 'before' || dir === 'after' || dir === 'prior to') {
        // "ten days before the attack": take the short noun phrase naming the event, unless a
        // date follows (then the offset is merged with it after selection).
        // One noun, optionally after names or abbreviations: "the attack", "the U.S. Special
        // Forces attack" (never a verb: "the military arrested").
        const np = /^[ \t\u00a0]+(?:the|a|an|his|her|their|its|this|that)[ \t\u00a0]+(?:(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}'’-]*)(?:[ \t\u00a0]+(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}'’-]*)){0,2}(?:[ \t\u00a0]+(?!(?:said|says|was|were|is|are|had|has|did|does|would|will|could)\b)\p{Ll}[\p{L}'’-]*(?<!ed))?|\p{Ll}[\p{L}'’-]*)/u.exec(after(text, end, 80));
        if (np && !isDateStart(np[0])) end += np[0].length;
      }
      out.push({ start, end, parse: { kind: 'offset', amount: n === undefined ? undefined : sign * n, unit } });
    }),

  (text, out) => {
    scan(RE.anaphorWeekday, text, (m) => {
      const wd = WEEKDAY_NAMES.findIndex((w) => w.toLowerCase() === m[2].toLowerCase());
      out.push(cand(m, { kind: 'anaphor', wd, amount: m[1].toLowerCase() === 'following' ? 1 : -1 }));
    });
    scan(RE.anaphorDay, text, (m) => {
      // "the day before the vote" counts from the vote, not from a date.
      if (m[4] && /^[ \t\u00a0]+(?:the|a|an|his|her|its|their|this|that|\p{Lu})/u.test(after(text, m.index + m[0].length))) return;
      const which = (m[4] ?? m[5] ?? '').toLowerCase();
      const amount = which === 'before' || which === 'previous' || which === 'preceding' ? -1 : which ? 1 : 0;
      out.push(cand(m, { kind: 'anaphor', amount, part: m[1]?.toLowerCase() }));
    });
    scan(RE.yearEarlier, text, (m) => out.push(cand(m, { kind: 'relative', unit: 'year', amount: -1, note: 'a year before' })));
  },

  (text, out) =>
    scan(RE.isoSlash, text, (m) => {
      if (isValidYmd(+m[1], +m[2], +m[3])) out.push(cand(m, { kind: 'full', y: +m[1], m: +m[2], d: +m[3] }));
    }),

  (text, out) =>
    scan(RE.numeric, text, (m) => {
      const a = +m[1];
      const sep = m[2];
      const b = +m[3];
      if (m[4].length === 2 && sep !== '/') return;
      const y = m[4].length === 2 ? 2000 + +m[4] - (+m[4] > 50 ? 100 : 0) : +m[4];
      // Dots are European (day first); slashes/dashes: day first only when the first number
      // cannot be a month, otherwise US month-first.
      const dayFirst = sep === '.' ? b <= 12 : a > 12;
      const [mo, d] = dayFirst ? [b, a] : [a, b];
      if (isValidYmd(y, mo, d)) out.push(cand(m, { kind: 'full', y, m: mo, d, note: dayFirst ? 'day-first numeric date' : 'month-first numeric date' }));
    }),

  (text, out) => {
    if (!/\b(?:de|el|El)[ \t\u00a0]/.test(text)) return; // no Spanish date can be here
    scan(RE.esDayMonth, text, (m) => {
      const mo = monthNumber(m[2])!;
      const d = +m[1];
      if (d >= 1 && d <= daysInMonth(2000, mo)) out.push(cand(m, { kind: 'monthDay', m: mo, d }));
    });
    scan(RE.esMonthYear, text, (m) => out.push(cand(m, { kind: 'monthYear', y: +m[2], m: monthNumber(m[1])! })));
    scan(RE.esWeekday, text, (m) => {
      const mod = (m[2] ?? m[4])?.toLowerCase();
      const wd = ES_WEEKDAYS[m[3].toLowerCase()];
      out.push(cand(m, { kind: 'weekday', wd, mod: mod === undefined ? undefined : mod === 'pasado' ? 'last' : 'next' }));
    });
  },
];

/** `re` (anchored with `$`) applied to the text just before `index` on the same line. */
function matchBefore(text: string, index: number, re: RegExp): RegExpExecArray | null {
  let slice = text.slice(Math.max(0, index - 40), index);
  const nl = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf('\r'));
  if (nl >= 0) slice = slice.slice(nl + 1);
  return re.exec(slice);
}

function cand(m: RegExpExecArray, parse: Parse): Candidate {
  return { start: m.index, end: m.index + m[0].length, parse };
}

const DATE_START = new RegExp(`^${S}(?:the${S}\\d|${EN_MONTH_RE}\\b|${WEEKDAY_RE}\\b|\\d|yesterday|today|tomorrow|last|next|this)`, 'i');

function isDateStart(s: string): boolean {
  return DATE_START.test(s);
}

/** Is a bare month word used as a date here ("in August", "the end of March", "January's")? */
function monthContext(text: string, start: number, word: string, next: string): boolean {
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
function spelledYear(written: string): number | undefined {
  const words = written.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  const value = (w: string): number => NUMBER_WORDS[w] ?? (w === 'oh' ? 0 : NaN);
  if (words[0] === 'two' && words[1] === 'thousand') return 2000 + words.slice(2).reduce((n, w) => n + value(w), 0);
  const century = value(words[0]) * 100;
  if (words[1] === 'hundred') return century;
  const rest = words.slice(1).reduce((n, w) => n + value(w), 0);
  return Number.isFinite(rest) && rest < 100 ? century + rest : undefined;
}

// ---------------------------------------------------------------------------------------------
// Candidate selection.

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

// `chosen` is kept sorted and non-overlapping, so both starts and ends ascend: binary search.
function overlapsAny(spans: Span[], s: Span): boolean {
  const i = firstAtOrAfter(spans, s.end);
  return i > 0 && spans[i - 1].end > s.start;
}

function insertSorted<T extends Span>(spans: T[], s: T): void {
  spans.splice(firstAtOrAfter(spans, s.start), 0, s);
}

function extract(text: string, opt: Options): Candidate[] {
  const all: Candidate[] = [];
  for (const rule of rules) rule(text, all, opt);
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

/** A month-like word (any case, abbreviated) next to a day number, or a numeric date. */
const MONTHISH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const CHRONO_HINT = new RegExp(
  `\\b${MONTHISH}\\.?[ \\t,]{1,3}\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]{1,3}(?:of[ \\t]+)?${MONTHISH}\\b|\\b\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b`,
  'gi',
);
const CHRONO_WINDOW = 30;

/**
 * chrono-node as a safety net: explicit calendar dates (month and day both written) our grammar
 * did not catch ("jan 5th", "5th of Jan."). chrono runs once per text, over the uncovered
 * places that look like dates (joined), which keeps it cheap on long documents. Relative and
 * partial results are ignored: chrono guesses those.
 */
function addChronoDates(text: string, chosen: Candidate[], header: Span | undefined): void {
  const windows: Span[] = [];
  // Hints come in text order: the start of the current line is carried forward, so the whole
  // text is scanned once however many hints one long line has.
  let lineStart = 0;
  let scanned = 0;
  scan(CHRONO_HINT, text, (m) => {
    const hint = { start: m.index, end: m.index + m[0].length };
    for (; scanned < hint.start; scanned++) {
      const ch = text.charCodeAt(scanned);
      if (ch === 10 || ch === 13) lineStart = scanned + 1;
    }
    if (overlapsAny(chosen, hint) || (header && overlaps(header, hint))) return;
    let start = Math.max(0, hint.start - CHRONO_WINDOW);
    let end = Math.min(text.length, hint.end + CHRONO_WINDOW);
    start = Math.max(start, lineStart);
    const nl = text.slice(hint.end, end).search(/[\r\n]/);
    if (nl >= 0) end = hint.end + nl;
    if (!/\d/.test(text.slice(start, end))) return;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  });
  if (!windows.length) return;

  const SEP = '\n\n';
  let joined = '';
  const offsets: number[] = []; // position of each window in `joined`
  for (const w of windows) {
    offsets.push(joined.length);
    joined += text.slice(w.start, w.end) + SEP;
  }
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(joined, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }, { forwardDate: false });
  } catch {
    return;
  }
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('month') || !s.isCertain('day') || !/\d/.test(r.text)) continue;
    if (!/[A-Za-z]{3}|\d{4}/.test(r.text)) continue; // "9/11" is an event, not a date
    if ([...s.tags()].some((t) => /casual|relative/i.test(t))) continue; // "now", "in 3 days"
    if (/\d[:.]\d\d|\b[ap]\.?m\b|\bnoon\b|\bmidnight\b/i.test(r.text)) continue; // times glued on
    let wi = offsets.length - 1;
    while (wi > 0 && offsets[wi] > r.index) wi--;
    const lead = /^(?:(?:on|in|at|by|from|since|until)[ \t\u00a0]+)?(?:the[ \t\u00a0]+(?=\d))?/i.exec(r.text)![0].length;
    const trimmed = r.text.slice(lead).replace(/[\s,.;:]+$/, '');
    const start = windows[wi].start + (r.index - offsets[wi]) + lead;
    const c: Candidate = { start, end: start + trimmed.length, parse: { kind: 'monthDay' } };
    if (!trimmed || c.end > windows[wi].end || overlapsAny(chosen, c)) continue;
    const mo = s.get('month')!;
    const d = s.get('day')!;
    c.parse = s.isCertain('year') ? { kind: 'full', y: s.get('year')!, m: mo, d } : { kind: 'monthDay', m: mo, d };
    c.parse.note = 'found by chrono-node';
    insertSorted(chosen, c);
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution.

interface Resolved {
  value?: string;
  granularity?: Granularity;
  how: string;
}

/** A bare month-day may be this far after the reference before we read it as last year's. */
const FUTURE_TOLERANCE_DAYS = 30;

const SEASON_CODES: Record<string, Season> = { spring: 'SP', summer: 'SU', autumn: 'FA', winter: 'WI' };

const DIRECTION_WORDS: Record<Direction, string> = { future: 'on or after', past: 'on or before', nearest: 'to' };

/** The year of month-day `m`/`d` a reader picks from `ref` (nearest: ties go to the past). */
function yearOfMonthDay(m: number, d: number, ref: Ymd, direction: Direction): number | undefined {
  const refN = toDayNumber(ref);
  const options = [ref.y - 1, ref.y, ref.y + 1].filter((y) => isValidYmd(y, m, d)).map((y) => ({ y, n: toDayNumber({ y, m, d }) - refN }));
  if (direction === 'future') return options.find((o) => o.n >= 0)?.y;
  if (direction === 'past') return [...options].reverse().find((o) => o.n <= 0)?.y;
  let best: { y: number; n: number } | undefined;
  for (const o of options) if (!best || Math.abs(o.n) < Math.abs(best.n)) best = o;
  return best?.y;
}

/** The year of month `m` a reader picks from `ref` (nearest: six months either way goes to the past). */
function yearOfMonth(m: number, ref: Ymd, direction: Direction): number {
  if (direction === 'future') return m >= ref.m ? ref.y : ref.y + 1;
  if (direction === 'past') return m <= ref.m ? ref.y : ref.y - 1;
  const diff = m - ref.m;
  return diff >= 6 ? ref.y - 1 : diff < -6 ? ref.y + 1 : ref.y;
}

/** The date a text was talking about just before an anaphor. */
interface Anchor {
  value: string;
  granularity: Granularity;
  end: number;
}

function resolve(c: Candidate, text: string, ref: Ymd | undefined, refSource?: DateSource, anchor?: Anchor): Resolved {
  const expr = text.slice(c.start, c.end);
  const p = c.parse;
  const refStr = ref ? formatDay(ref) : '';
  const refPhrase = `this article's date ${refStr}${refSource ? ` (${DATE_SOURCE_LABELS[refSource]})` : ''}`;
  let dir: Direction | undefined;
  const direction = (): Direction => (dir ??= ref ? directionAt(text, c.start, c.end) : 'nearest');
  const isFuture = (): boolean => direction() === 'future';
  const looks = (): string => (direction() === 'future' ? ' (the sentence looks ahead)' : direction() === 'past' ? ' (the sentence looks back)' : '');
  const noRef = (what: string): Resolved => ({ how: `${expr}: ${what}, and this document has no date to resolve it against` });
  const day = (date: Ymd, why: string): Resolved => ({ value: formatDay(date), granularity: 'day', how: `${expr} → ${formatDay(date)}, ${why}` });
  const month = (y: number, m: number, why: string): Resolved => ({ value: formatMonth(y, m), granularity: 'month', how: `${expr} → ${formatMonth(y, m)}, ${why}` });
  const year = (y: number, why: string): Resolved => ({ value: String(y), granularity: 'year', how: `${expr} → ${y}, ${why}` });
  const period = (value: string, granularity: Granularity, why: string): Resolved => ({ value, granularity, how: `${expr} → ${value}, ${why}` });
  const note = p.note ? ` (${p.note})` : '';
  const part = p.part ? ` (${p.part})` : '';

  switch (p.kind) {
    case 'full':
      return day({ y: p.y!, m: p.m!, d: p.d! }, `an explicit date${note}`);

    case 'monthDay': {
      const md = `${MONTH_NAMES[p.m! - 1]} ${p.d}`;
      if (p.yearRel !== undefined) {
        if (!ref) return noRef('the year is given relative to the article');
        const y = ref.y + p.yearRel;
        if (!isValidYmd(y, p.m!, p.d!)) return { how: `${expr}: ${md} does not exist in ${y}` };
        return day({ y, m: p.m!, d: p.d! }, `${md} of ${y}, the year given relative to ${refPhrase}`);
      }
      if (!ref) return noRef('no year is given');
      const y = yearOfMonthDay(p.m!, p.d!, ref, direction());
      if (y === undefined) return { how: `${expr}: ${md} does not exist near ${refPhrase}` };
      const which = direction() === 'future' ? 'next' : direction() === 'past' ? 'most recent' : 'nearest';
      return day({ y, m: p.m!, d: p.d! }, `the ${which} ${md} ${DIRECTION_WORDS[direction()]} ${refPhrase}${looks()}${note}`);
    }

    case 'monthYear':
      return month(p.y!, p.m!, `an explicit month${part}${note}`);

    case 'month': {
      const name = MONTH_NAMES[p.m! - 1];
      if (p.yearRel !== undefined) {
        if (!ref) return noRef('the year is given relative to the article');
        return month(ref.y + p.yearRel, p.m!, `${name} of the year given relative to ${refPhrase}${part}`);
      }
      if (!ref) return noRef('no year is given');
      if (p.mod === 'last') {
        const y = p.m! < ref.m ? ref.y : ref.y - 1;
        return month(y, p.m!, `the last ${name} before ${refPhrase}`);
      }
      if (p.mod === 'next') {
        const y = p.m! > ref.m ? ref.y : ref.y + 1;
        return month(y, p.m!, `the next ${name} after ${refPhrase}`);
      }
      if (p.mod === 'this') return month(ref.y, p.m!, `${name} of the year of ${refPhrase}`);
      const which = direction() === 'future' ? 'next' : direction() === 'past' ? 'most recent' : 'nearest';
      return month(yearOfMonth(p.m!, ref, direction()), p.m!, `the ${which} ${name} ${DIRECTION_WORDS[direction()]} ${refPhrase}${looks()}${part}${note}`);
    }

    case 'year':
      return year(p.y!, `an explicit year${note}`);

    case 'decade':
      return period(formatDecade(p.y!), 'decade', `the decade ${p.y}–${p.y! + 9}${part}`);

    case 'quarter': {
      const isHalf = p.q! > 4;
      const startMonth = isHalf ? (p.q! - 5) * 6 + 1 : (p.q! - 1) * 3 + 1;
      const label = isHalf ? `half ${p.q! - 4}` : `Q${p.q}`;
      const of = (y: number, why: string): Resolved =>
        isHalf ? period(formatHalf(y, p.q! - 4), 'half', why) : period(formatQuarter(y, p.q!), 'quarter', why);
      if (p.y !== undefined) return of(p.y, `${label} of ${p.y}`);
      if (!ref) return noRef('no year is given');
      if (p.yearRel !== undefined) return of(ref.y + p.yearRel, `${label} of the year given relative to ${refPhrase}`);
      const y = isFuture() ? (startMonth >= ref.m - 2 ? ref.y : ref.y + 1) : startMonth <= ref.m ? ref.y : ref.y - 1;
      return of(y, `the ${isFuture() ? 'next' : 'most recent'} ${label} from ${refPhrase}`);
    }

    case 'weekday': {
      const name = WEEKDAY_NAMES[p.wd!];
      if (!ref) return noRef(`a weekday alone`);
      const rwd = weekdayOf(ref);
      const refN = toDayNumber(ref);
      let delta: number;
      let why: string;
      if (p.mod === 'last') {
        delta = -(((rwd - p.wd! + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS);
        why = `the last ${name} before ${refPhrase}`;
      } else if (p.mod === 'next') {
        delta = ((p.wd! - rwd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS;
        why = `the next ${name} after ${refPhrase}`;
      } else if (p.mod === 'this' || isFuture()) {
        delta = (p.wd! - rwd + WEEK_DAYS) % WEEK_DAYS;
        why = `the first ${name} on or after ${refPhrase}${p.mod ? '' : ' (the sentence looks ahead)'}`;
      } else {
        const back = (rwd - p.wd! + WEEK_DAYS) % WEEK_DAYS;
        const ahead = (p.wd! - rwd + WEEK_DAYS) % WEEK_DAYS;
        if (direction() === 'nearest' && ahead < back) {
          delta = ahead;
          why = `the nearest ${name} to ${refPhrase}`;
        } else {
          delta = -back;
          why = `the most recent ${name} on or before ${refPhrase}`;
        }
      }
      return day(fromDayNumber(refN + delta), why);
    }

    case 'ordinalDay': {
      if (!ref) return noRef('a day of the month alone');
      let ym = { y: ref.y, m: ref.m };
      let why: string;
      if (p.monthRel !== undefined) {
        ym = addMonths(ref.y, ref.m, p.monthRel);
        why = `day ${p.d} of the month given relative to ${refPhrase}`;
      } else if (isFuture() && p.d! < ref.d) {
        ym = addMonths(ref.y, ref.m, 1);
        why = `day ${p.d} of the month after ${refPhrase} (the sentence looks ahead)`;
      } else if (!isFuture() && p.d! > ref.d) {
        ym = addMonths(ref.y, ref.m, -1);
        why = `day ${p.d} of the month before ${refPhrase}, since it is later than the article's day`;
      } else {
        why = `day ${p.d} of the month of ${refPhrase}`;
      }
      if (!isValidYmd(ym.y, ym.m, p.d!)) return { how: `${expr}: ${formatMonth(ym.y, ym.m)} has no day ${p.d}` };
      return day({ y: ym.y, m: ym.m, d: p.d! }, why);
    }

    case 'relative': {
      if (!ref) return noRef('a date relative to the article');
      const n = p.amount!;
      const part2 = p.part ? `, ${p.part}` : '';
      switch (p.unit) {
        case 'day': {
          const what = n === 0 ? 'the day of' : n < 0 ? `${-n} day${n === -1 ? '' : 's'} before` : `${n} day${n === 1 ? '' : 's'} after`;
          return day(fromDayNumber(toDayNumber(ref) + n), `${what} ${refPhrase}`);
        }
        case 'week': {
          // "this week", "late last week": the ISO week itself; "three weeks ago": that day.
          if (p.note === 'ago') return day(addDays(ref, n * WEEK_DAYS), `${-n * WEEK_DAYS} days before ${refPhrase} (a day in that week)`);
          const what = n === 0 ? 'the week of' : n < 0 ? `${-n} week${n === -1 ? '' : 's'} before the week of` : `${n} week${n === 1 ? '' : 's'} after the week of`;
          return period(formatWeek(isoWeekOf(addDays(ref, n * WEEK_DAYS))), 'week', `${what} ${refPhrase}${part2}`);
        }
        case 'month': {
          const ym = addMonths(ref.y, ref.m, n);
          const what = n === 0 ? 'the month of' : n < 0 ? `${-n} month${n === -1 ? '' : 's'} before` : `${n} month${n === 1 ? '' : 's'} after`;
          return month(ym.y, ym.m, `${what} ${refPhrase}${part}`);
        }
        case 'year': {
          const what = n === 0 ? 'the year of' : n < 0 ? `${-n} year${n === -1 ? '' : 's'} before` : `${n} year${n === 1 ? '' : 's'} after`;
          return year(ref.y + n, `${what} ${refPhrase}${part}`);
        }
        case 'decade':
          return period(formatDecade(ref.y + 10 * n), 'decade', `the decade ${Math.abs(n) * 10} years ${n < 0 ? 'before' : 'after'} ${refPhrase}`);
      }
      return { how: `${expr}: unsupported unit` };
    }

    case 'weekend': {
      if (!ref) return noRef('a weekend relative to the article');
      const rwd = weekdayOf(ref);
      const refN = toDayNumber(ref);
      // Saturday of the weekend meant: "last" = the last weekend fully before the article's day,
      // "this" = the current one (or the coming one on a weekday), "next" = the one after that;
      // "the weekend" = the coming one when the sentence looks ahead, else the latest one begun.
      const thisSat = rwd === 0 ? refN - 1 : refN + (6 - rwd);
      const latestSat = rwd === 6 ? refN : rwd === 0 ? refN - 1 : thisSat - WEEK_DAYS;
      const sat = p.mod === 'last' ? thisSat - WEEK_DAYS : p.mod === 'next' ? thisSat + WEEK_DAYS : p.mod === 'this' || isFuture() ? thisSat : latestSat;
      const which = p.mod ?? (isFuture() ? 'the coming' : 'the latest');
      return period(formatWeekend(isoWeekOf(fromDayNumber(sat))), 'weekend', `${which} weekend from ${refPhrase} (Saturday ${formatDay(fromDayNumber(sat))})`);
    }

    case 'season': {
      if (!ref) return noRef('a season relative to the article');
      const season = p.part!;
      const code = SEASON_CODES[season];
      // A season by the month it starts in; winter (December to February) counts from its December.
      const first = code === 'SP' ? 3 : code === 'SU' ? 6 : code === 'FA' ? 9 : 12;
      const refIndex = ref.y * 12 + ref.m - 1;
      const startOf = (y: number) => y * 12 + first - 1;
      // The season under way or most recently begun at the article's date.
      const current = startOf(ref.y) <= refIndex ? ref.y : ref.y - 1;
      const inProgress = refIndex - startOf(current) < 3;
      // "this spring" in June is the one just ended; "this autumn" in June the coming one.
      const y = p.mod === 'last' ? (inProgress ? current - 1 : current) : p.mod === 'next' ? current + 1 : inProgress || current === ref.y ? current : current + 1;
      return period(formatSeason(y, code), 'season', `the ${p.mod === 'this' ? 'current' : p.mod} ${season} from ${refPhrase}`);
    }

    case 'offset': {
      if (!p.inner && /(?:earlier|later)$/i.test(expr) && p.amount !== undefined) {
        // "two days later", "a year earlier": counted from the date just mentioned.
        const n = p.amount;
        if (anchor?.granularity === 'day' && (p.unit === 'day' || p.unit === 'week')) {
          const days = p.unit === 'week' ? n * WEEK_DAYS : n;
          return day(addDays(parseIsoDay(anchor.value)!, days), `${Math.abs(n)} ${p.unit}(s) ${n < 0 ? 'before' : 'after'} ${anchor.value}, the date mentioned just before`);
        }
        if (p.unit === 'year' && anchor) return year(Number(anchor.value.slice(0, 4)) + n, `${Math.abs(n)} year(s) ${n < 0 ? 'before' : 'after'} ${anchor.value.slice(0, 4)}, the date mentioned just before`);
        if (p.unit === 'year' && n < 0 && ref) return year(ref.y + n, `${-n} year(s) before ${refPhrase}`);
      }
      if (!p.inner) return { how: `${expr}: counted from another event, so it cannot be placed on the calendar` };
      const inner = resolve(p.inner, text, ref, refSource);
      if (!inner.value || p.amount === undefined) return { how: `${expr}: counted from an expression that could not be resolved` };
      const n = p.amount;
      if (inner.granularity === 'day' && (p.unit === 'day' || p.unit === 'week')) {
        const days = p.unit === 'week' ? n * WEEK_DAYS : n;
        const base = parseIsoDay(inner.value)!;
        return day(fromDayNumber(toDayNumber(base) + days), `${Math.abs(n)} ${p.unit}(s) ${n < 0 ? 'before' : 'after'} ${inner.value}`);
      }
      if (inner.granularity !== 'year' && p.unit === 'month') {
        const [y, m] = inner.value.split('-').map(Number);
        const ym = addMonths(y, m, n);
        return month(ym.y, ym.m, `${Math.abs(n)} month(s) ${n < 0 ? 'before' : 'after'} ${inner.value.slice(0, 7)}`);
      }
      if (p.unit === 'year') {
        return year(Number(inner.value.slice(0, 4)) + n, `${Math.abs(n)} year(s) ${n < 0 ? 'before' : 'after'} ${inner.value.slice(0, 4)}`);
      }
      return { how: `${expr}: the offset is finer than its anchor ${inner.value}` };
    }

    case 'holiday': {
      const h = p.holiday!;
      const on = (y: number): Ymd => holidayIn(h, y);
      if (p.y !== undefined) return day(on(p.y), `${h.name} of ${p.y}`);
      if (!ref) return noRef('no year is given');
      const refN = toDayNumber(ref);
      const thisYear = toDayNumber(on(ref.y));
      if (p.mod === 'last') return day(on(thisYear < refN ? ref.y : ref.y - 1), `the last ${h.name} before ${refPhrase}`);
      if (p.mod === 'next') return day(on(thisYear > refN ? ref.y : ref.y + 1), `the next ${h.name} after ${refPhrase}`);
      if (p.mod === 'this') return day(on(ref.y), `${h.name} of the year of ${refPhrase}`);
      if (isFuture()) return day(on(thisYear >= refN ? ref.y : ref.y + 1), `the next ${h.name} on or after ${refPhrase} (the sentence looks ahead)`);
      // As for "January 3": a few weeks ahead is tolerated unless the verb is in the past.
      const tolerance = pastCue(text, c.start) ? 0 : FUTURE_TOLERANCE_DAYS;
      if (thisYear - refN <= tolerance) return day(on(ref.y), `${h.name} in the year of ${refPhrase}`);
      return day(on(ref.y - 1), `the previous ${h.name}: ${h.name} ${ref.y} would be after ${refPhrase}`);
    }

    case 'anaphor': {
      if (anchor?.granularity !== 'day') return { how: `${expr}: refers to a day mentioned earlier, and no day is mentioned just before` };
      const base = parseIsoDay(anchor.value)!;
      if (p.wd !== undefined) {
        const name = WEEKDAY_NAMES[p.wd];
        const bwd = weekdayOf(base);
        const delta = p.amount! < 0 ? -(((bwd - p.wd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS) : ((p.wd - bwd + WEEK_DAYS) % WEEK_DAYS) || WEEK_DAYS;
        return day(addDays(base, delta), `the ${name} ${delta < 0 ? 'before' : 'after'} ${anchor.value}, the day mentioned just before`);
      }
      const n = p.amount ?? 0;
      const what = n === 0 ? 'the same day as' : n < 0 ? 'the day before' : 'the day after';
      return day(addDays(base, n), `${what} ${anchor.value}, the day mentioned just before${part}`);
    }

    case 'yearEnd': {
      if (!ref) return noRef('the end of a year relative to the article');
      // "the end of the year" is the article's year, unless early in a year the verb looks back.
      const y = p.yearRel !== undefined ? ref.y + p.yearRel : direction() === 'past' && ref.m <= 2 ? ref.y - 1 : ref.y;
      return month(y, 12, `the end of ${y}, from ${refPhrase}${looks()}`);
    }

    case 'isoWeek':
      return period(formatWeek({ year: p.y!, week: p.d! }), 'week', `ISO week ${p.d} of ${p.y}`);

    case 'vague':
      return { how: `${expr}: ${p.reason ?? 'not precise enough to place on the calendar'}` };
  }
}

function toMention(c: Candidate, text: string, ref: Ymd | undefined, refSource?: DateSource, anchor?: Anchor): DateMention {
  const r = resolve(c, text, ref, refSource, anchor);
  const mention: DateMention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), how: r.how };
  if (r.value !== undefined) {
    mention.value = r.value;
    mention.granularity = r.granularity;
  }
  return mention;
}

/** An anaphor ("that day", "two days later") looks back this far for the date it refers to. */
const ANAPHOR_WINDOW_CHARS = 400;

/** Resolves the candidates in text order, each anaphor against the last date before it. */
function resolveAll(candidates: Candidate[], text: string, ref: Ymd | undefined, refSource?: DateSource): DateMention[] {
  const out: DateMention[] = [];
  let anchor: Anchor | undefined;
  for (const c of candidates) {
    const near = anchor && c.start - anchor.end <= ANAPHOR_WINDOW_CHARS ? anchor : undefined;
    const m = toMention(c, text, ref, refSource, near);
    if (m.value && m.granularity) anchor = { value: m.value, granularity: m.granularity, end: m.end };
    out.push(m);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Finds every date expression in the text and resolves it against `reference` (YYYY-MM-DD, the document's publication date) when given. */
export function findDateMentions(text: string, reference?: string): DateMention[] {
  const ref = parseIsoDay(reference);
  return resolveAll(extract(text, { lenient: false }), text, ref);
}

/**
 * Whole pipeline for one document: its publication date (documentDate.ts: header, sidecar,
 * byline, dateline, name), else one inferred from the text (the latest full day it mentions,
 * bare month-days taking the year of its explicit full dates), else the folder's default; then
 * every mention resolved against it. With no clue at all: source 'none'.
 */
export function analyzeDates(text: string, path?: string, context?: DateContext): { date: DocumentDate; dates: DateMention[] } {
  const detected = detectDocumentDate(text, path, context);
  const candidates = extract(text, { lenient: false });
  let date = detected;
  if (!date.value) date = inferDate(candidates, text);
  const fallback = parseIsoDay(context?.default);
  if (!date.value && fallback && isPlausibleYear(fallback.y)) date = { value: formatDay(fallback), source: 'default' };
  const ref = parseIsoDay(date.value);
  return { date, dates: resolveAll(candidates, text, ref, ref && date.source) };
}

function inferDate(candidates: Candidate[], text: string): DocumentDate {
  const full = candidates.filter((c) => c.parse.kind === 'full' && isPlausibleYear(c.parse.y!));
  if (!full.length) return { source: 'none' };
  const dayOf = (c: Candidate): Ymd => ({ y: c.parse.y!, m: c.parse.m!, d: c.parse.d! });
  let best = full[0];
  for (const c of full) if (toDayNumber(dayOf(c)) > toDayNumber(dayOf(best))) best = c;
  const year = best.parse.y!;
  const latestFull = toDayNumber(dayOf(best));
  let bestN = latestFull;
  for (const c of candidates) {
    const p = c.parse;
    if (p.kind !== 'monthDay' || p.yearRel !== undefined || !isValidYmd(year, p.m!, p.d!)) continue;
    const n = toDayNumber({ y: year, m: p.m!, d: p.d! });
    // Same news-reader tolerance as for resolution: far after the latest explicit date, a bare
    // "31 December" is last year's, not a sign the article was written at the end of this one.
    if (n > bestN && n - latestFull <= FUTURE_TOLERANCE_DAYS) {
      bestN = n;
      best = c;
    }
  }
  // A later year written as past ("in 2003") means the full dates are background (a 2001
  // attack, a birth date): the article's own date is not among them.
  const laterYear = candidates.some(
    (c) => (c.parse.kind === 'year' || c.parse.kind === 'monthYear') && c.parse.y! > year && !futureCue(text, c.start),
  );
  if (laterYear) return { source: 'none' };
  return { value: formatDay(fromDayNumber(bestN)), source: 'inferred', span: { start: best.start, end: best.end } };
}

/** Resolve one expression (used by tests/eval): returns value+granularity or undefined. */
export function resolveDateExpression(
  expression: string,
  reference?: string,
): { value: string; granularity: Granularity; how: string } | undefined {
  const ref = parseIsoDay(reference);
  const candidates = extract(expression, { lenient: true });
  // The candidate covering most of the expression is the expression.
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.end - c.start > best.end - best.start) best = c;
  if (!best) return undefined;
  const r = resolve(best, expression, ref);
  return r.value !== undefined && r.granularity ? { value: r.value, granularity: r.granularity, how: r.how } : undefined;
}

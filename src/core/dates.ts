// Date mentions: find every date expression in a document and resolve it against the
// document's publication date the way a news reader would (DESIGN.md, "Dates").
//
// Finding is our own regex grammar (precise spans, context checks against "May"/"march"/
// "2000 troops"), with chrono-node as a safety net for explicit calendar dates the grammar
// misses. Resolution never uses chrono's guesses: granularity comes from what was written and
// the reference date is applied by the rules below.
import * as chrono from 'chrono-node';
import {
  EN_MONTH_FULL_RE, EN_MONTH_RE, ES_MONTH_RE, MONTH_NAMES, WEEKDAY_NAMES, Ymd,
  daysInMonth, detectDocumentDate, findFullDates, findHeaderMarker, formatDay, formatMonth,
  fromDayNumber, isValidYmd, monthNumber, parseIsoDay, toDayNumber, weekdayOf,
} from './documentDate';
import { DateMention, DocumentDate, Granularity, Span } from './types';

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
  | 'offset' // "three days after January 3"
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

const S = '[ \\t\\u00a0]+'; // in-line whitespace: an expression never spans a line break
const S0 = '[ \\t\\u00a0]*';
const WEEKDAY_RE = `(?:${WEEKDAY_NAMES.join('|')}|${WEEKDAY_NAMES.map((w) => w.toUpperCase()).join('|')})`;
const ES_WEEKDAYS: Record<string, number> = {
  domingo: 0, lunes: 1, martes: 2, 'miércoles': 3, miercoles: 3, jueves: 4, viernes: 5, 'sábado': 6, sabado: 6,
};
const ES_WEEKDAY_RE = `(?:${Object.keys(ES_WEEKDAYS).join('|')})`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
};
const AMOUNT_RE = `(?:${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,3}|a${S}few|a${S}couple${S}of|several|few|some|many)`;
const UNIT_RE = '(?:days?|weeks?|months?|years?|decades?)';
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

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

/** Text right after `index`, up to the end of the line (at most 40 chars). */
function after(text: string, index: number): string {
  const slice = text.slice(index, index + 40);
  const nl = slice.search(/[\r\n]/);
  return nl >= 0 ? slice.slice(0, nl) : slice;
}

/** Words that, right after a bare number, show it is a count or a time, not a year. */
const COUNT_OR_TIME_AFTER = /^(?:[ \t\u00a0]+(?:gmt|bst|utc|cet|est|edt|pst|pdt|hrs|hours|h|local\s+time|people|staff|police|personnel|troops|military|cattle|sheep|livestock|million|billion|thousand)\b)/i;
const FUNCTION_WORDS_ENDING_IN_S = new Set([
  'was', 'has', 'is', 'as', 'his', 'its', 'this', 'thus', 'plus', 'across', 'towards', 'afterwards', 'onwards',
  'less', 'unless', 'always', 'perhaps', 'whereas', 'does', 'goes', 'yes', 'us', 'besides', 'sees', 'saves',
]);

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

// Words before a bare year / bare month that make it a date.
const YEAR_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'through', 'throughout', 'between',
  'of', 'for', 'circa', 'around', 'early', 'late', 'mid', 'year', 'season', 'summer', 'spring', 'autumn', 'fall',
  'winter', 'end', 'start', 'beginning', 'middle', 'half', 'quarter', 'fiscal', 'financial', 'en', 'desde', 'de',
]);
const YEAR_DETERMINERS = new Set(['the', 'their', 'his', 'her', 'its', 'our', 'my', 'your', 'this', 'whose']);
const MONTH_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'through', 'throughout', 'between',
  'for', 'into', 'around', 'circa', 'en', 'desde', 'hasta',
]);
const MONTH_OF_CONTEXT = new Set(['end', 'start', 'beginning', 'middle', 'month', 'half', 'part', 'rest', 'course', 'mid']);
const WEEKDAY_EVENT_PREFIX = new Set([
  'good', 'black', 'bloody', 'super', 'ash', 'easter', 'palm', 'holy', 'maundy', 'shrove', 'cyber', 'giving',
  'blue', 'fat', 'mad', 'plough', 'mothering', 'remembrance', 'whit', 'trinity', 'low', 'man', 'girl', 'joe',
]);
const WEEKDAY_NAME_SUFFIX = /^[ \t\u00a0]+(?:Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Independent|Observer|Mail|Sport|People|Star|Night|Club|Review|Business|Mercury|Record|Sun|Age|Journal|Service|School|Group|Magazine|Programme|Show|Live)\b/;
const ORDINAL_CONTEXT = new Set(['on', 'since', 'until', 'till', 'by', 'before', 'after', 'from', 'through']);
const ORDINAL_FOLLOW_OK = new Set([
  'and', 'or', 'to', 'when', 'at', 'in', 'after', 'before', 'until', 'as', 'that', 'which', 'while', 'with', 'but',
  'the', 'a', 'he', 'she', 'they', 'it', 'we', 'i', 'this', 'during', 'amid', 'following', 'where', 'his', 'her',
]);
const ORDINAL_NOUN_AFTER = /^[ \t\u00a0]+(?:Century|Amendment|Street|Avenue|Division|Fleet|Army|Corps|Brigade|Regiment|Congress|Dynasty|Parliament|Infantry|Airborne)\b/;
/** Words just before an expression that make it point forward in time. */
const FUTURE_CUE = /(?:\b(?:will|shall|won['’]t|due(?![ \t]+to\b)|scheduled|slated|set[ \t]+to|set[ \t]+for|plans?[ \t]+to|planning|planned[ \t]+for|intends?[ \t]+to|(?:is|are)[ \t]+expected|(?:is|are)[ \t]+to|hopes?[ \t]+to|aims?[ \t]+to|pushing[ \t]+for|push(?:es)?[ \t]+for|invited|upcoming|coming|next)\b|['’]ll\b)/i;

function futureCue(text: string, start: number): boolean {
  let window = text.slice(Math.max(0, start - 70), start);
  const stop = Math.max(window.lastIndexOf('.'), window.lastIndexOf('!'), window.lastIndexOf('?'), window.lastIndexOf(';'), window.lastIndexOf('\n'));
  if (stop >= 0) window = window.slice(stop + 1);
  const words = window.trim().split(/\s+/);
  return FUTURE_CUE.test(words.slice(-7).join(' '));
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
    `(?<![\\d.,:/])\\b(?:(the)${S})?(\\d{1,2})(st|nd|rd|th)?${S}(?:(of)${S})?(${EN_MONTH_RE})(?![\\p{L}])(?:(?:,${S0}|${S})(\\d{4})\\b(?![.,]?\\d))?(?:,?${S}(?:of${S})?(last|this|next)${S}year\\b)?`,
    'gu',
  ),
  // "August 2025", "early January 2019", "January of 2019", "November last year", "March this year"
  monthYear: new RegExp(
    `\\b(?:(early|late|mid)(?:-|${S}))?(${EN_MONTH_RE})(?:,?${S}(?:of${S})?(\\d{4})\\b(?![.,]?\\d)|,?${S}(?:of${S})?(last|this|next)${S}year\\b)`,
    'gi',
  ),
  // A bare month: "in August", "early January", "last November", "next April"
  month: new RegExp(`\\b(?:(early|late|mid)(?:-|${S})|(last|next|this)${S})?(${EN_MONTH_FULL_RE})\\b`, 'gi'),
  // "from March to May 2025", "between January and March"
  monthRange: new RegExp(
    `\\b(${EN_MONTH_FULL_RE})(${S0}[–—-]${S0}|${S}(?:to|through|until|till|and|or)${S})(${EN_MONTH_FULL_RE})(?:,?${S}(\\d{4})\\b(?![.,]?\\d))?`,
    'g',
  ),
  year: /\b((?:19|20)\d{2})\b(['’]s\b)?/g,
  // "2019–2021", "2004-05", "from 2001 to 2003"
  yearRange: new RegExp(`\\b((?:19|20)\\d{2})(${S0}[–—/-]${S0}|${S}(?:to|and|through|until|till)${S})((?:19|20)\\d{2}|\\d{2})\\b(?![.,]?\\d|-)`, 'g'),
  decade: new RegExp(`\\b(?:(the)${S})?(?:(early|mid|late)(?:-|${S}))?((?:1[5-9]|20)\\d0)['’]?s\\b`, 'gi'),
  shortDecade: new RegExp(`\\b(the)${S}(?:(early|mid|late)(?:-|${S}))?['’]?([2-9]0)['’]?s\\b`, 'gi'),
  quarter: new RegExp(
    `\\b(?:(the)${S})?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)${S}(quarter|half)\\b(?:${S}(?:of|in)${S}(?:(\\d{4})\\b|(last|this|next)${S}year\\b|the${S}year\\b))?`,
    'gi',
  ),
  qNotation: /\b(?:Q([1-4])[ \t\u00a0]?(\d{4})|(\d{4})[ \t\u00a0]?Q([1-4]))\b/g,
  weekday: new RegExp(`\\b(?:(last|next|this)${S})?(${WEEKDAY_RE})\\b`, 'gi'),
  ordinal: new RegExp(`\\bthe${S}(\\d{1,2})(st|nd|rd|th)\\b(?:${S}of${S}(?:(this|last|next)${S}month|the${S}month)\\b)?`, 'gi'),
  relative: new RegExp(`\\b(?:(earlier|later|early|late|mid)(?:-|${S}))?(this|last|next)${S}(week|month|year)\\b`, 'gi'),
  dayWord: /\b(yesterday|today|tomorrow|tonight)\b|\b(last[ \t\u00a0]+night)\b|\b(this[ \t\u00a0]+(?:morning|afternoon|evening))\b/gi,
  ago: new RegExp(`\\b(${AMOUNT_RE})${S}(${UNIT_RE})${S}ago\\b`, 'gi'),
  eventOffset: new RegExp(`\\b(${AMOUNT_RE})${S}(${UNIT_RE})${S}(before|after|earlier|later|prior${S}to)\\b`, 'gi'),
  isoSlash: /(?<![\d/.-])\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b(?![/.-]?\d)/g,
  numeric: /(?<![\d/.-])\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(?![/.-]?\d)/g,
  esDayMonth: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})${S}de${S}(${ES_MONTH_RE})\\b`, 'g'),
  esMonthYear: new RegExp(`\\b(${ES_MONTH_RE})${S}(?:de${S}|del${S})(\\d{4})\\b`, 'g'),
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
      if (!isMonthWord(m[2])) return;
      const mo = monthNumber(m[2])!;
      const part = m[1]?.toLowerCase();
      if (m[3]) {
        const y = +m[3];
        if (y >= 1000 && !looksLikeCount(text, m.index, m.index + m[0].length)) out.push(cand(m, { kind: 'monthYear', y, m: mo, part }));
      } else {
        out.push(cand(m, { kind: 'month', m: mo, yearRel: relYearOf(m[4]), part }));
      }
    }),

  (text, out, opt) =>
    scan(RE.month, text, (m) => {
      if (!isMonthWord(m[3])) return;
      const part = m[1]?.toLowerCase();
      const mod = m[2]?.toLowerCase() as Modifier | undefined;
      const monthStart = m.index + m[0].length - m[3].length;
      const ok = opt.lenient || part || mod || monthContext(text, monthStart, m[3]);
      if (!ok) return;
      if (/^[ \t\u00a0]+[A-Z][a-z]+['’]s\b/.test(after(text, m.index + m[0].length))) return; // "August Wilson's"
      out.push(cand(m, { kind: 'month', m: monthNumber(m[3])!, mod, part }));
    }),

  (text, out, opt) =>
    scan(RE.monthRange, text, (m) => {
      const m1 = monthNumber(m[1])!;
      const m2 = monthNumber(m[3])!;
      const first = prevWord(text, m.index);
      if (!m[4] && !opt.lenient && !MONTH_CONTEXT.has(first.word)) return;
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
      let ok = opt.lenient || possessive || YEAR_CONTEXT.has(p.word) || p.word.startsWith('mid-');
      if (!ok && YEAR_DETERMINERS.has(p.word)) ok = /^(?:[ \t\u00a0]+\S|[,.;:)!?])/.test(next);
      const c: Candidate = { start, end, parse: { kind: 'year', y: +m[1] } };
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

  (text, out) => {
    const push = (m: RegExpExecArray, y: number) => {
      const part = m[2]?.toLowerCase();
      out.push(cand(m, { kind: 'decade', y, part }));
    };
    scan(RE.decade, text, (m) => push(m, +m[3]));
    scan(RE.shortDecade, text, (m) => push(m, 1900 + +m[3]));
  },

  (text, out) => {
    scan(RE.quarter, text, (m) => {
      const which = m[2].toLowerCase();
      const isHalf = m[3].toLowerCase() === 'half';
      const n = ORDINAL_WORDS[which];
      const hasYear = !!(m[4] || m[5] || /the\s+year$/i.test(m[0]));
      if (isHalf && (n > 2 || !hasYear)) return; // "the first half" alone is usually a match half
      if (!hasYear) {
        // Bare quarters only as "the third quarter", never "the quarter of the game".
        if (!m[1] || which === 'last' || which === 'final') return;
        if (/^[ \t\u00a0]+of[ \t\u00a0]+(?:the|a|an|this|that)\b/i.test(after(text, m.index + m[0].length))) return;
      }
      const q = isHalf ? 4 + n : n;
      const y = m[4] ? +m[4] : undefined;
      const yearRel = m[5] ? relYearOf(m[5]) : /the\s+year$/i.test(m[0]) ? 0 : undefined;
      out.push(cand(m, { kind: 'quarter', q, y, yearRel }));
    });
    scan(RE.qNotation, text, (m) => out.push(cand(m, { kind: 'quarter', q: +(m[1] ?? m[4]), y: +(m[2] ?? m[3]) })));
  },

  (text, out) =>
    scan(RE.weekday, text, (m) => {
      const name = m[2];
      if (!isMonthWord(name)) return; // case: Title or ALL CAPS only
      const mod = m[1]?.toLowerCase() as Modifier | undefined;
      const p = prevWord(text, m.index);
      if (WEEKDAY_EVENT_PREFIX.has(p.word) && !mod) return; // "Good Friday", "Super Tuesday"
      if (WEEKDAY_NAME_SUFFIX.test(after(text, m.index + m[0].length))) return; // "Sunday Times"
      const wd = WEEKDAY_NAMES.findIndex((w) => w.toLowerCase() === name.toLowerCase());
      out.push(cand(m, { kind: 'weekday', wd, mod }));
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
      const p = prevWord(text, m.index);
      // "the last year", "over the next month": durations, not dates.
      if (!m[1] && ['the', 'a', 'that', 'every', 'each', 'per'].includes(p.word)) return;
      const which = m[2].toLowerCase() as Modifier;
      const unit = m[3].toLowerCase() as Unit;
      const amount = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      out.push(cand(m, { kind: 'relative', unit, amount, part: m[1]?.toLowerCase(), mod: which }));
    }),

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
    scan(RE.ago, text, (m) => {
      const n = amountOf(m[1]);
      const unit = unitOf(m[2]);
      if (n === undefined) {
        out.push(cand(m, { kind: 'vague', reason: 'the amount of time is not exact' }));
        return;
      }
      out.push(cand(m, { kind: 'relative', unit, amount: -n, note: 'ago' }));
    }),

  (text, out) =>
    scan(RE.eventOffset, text, (m) => {
      const n = amountOf(m[1]);
      const unit = unitOf(m[2]);
      const dir = m[3].toLowerCase().replace(/\s+/g, ' ');
      const sign = dir === 'after' || dir === 'later' ? 1 : -1;
      let end = m.index + m[0].length;
      if (dir === 'before' || dir === 'after' || dir === 'prior to') {
        // "ten days before the attack": take the short noun phrase naming the event, unless a
        // date follows (then the offset is merged with it after selection).
        // One noun, optionally after a name or abbreviation: "the attack", "the U.S. strike".
        const np = /^[ \t\u00a0]+(?:the|a|an|his|her|their|its|this|that)[ \t\u00a0]+(?:(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}'’-]*)(?:[ \t\u00a0]+\p{Ll}[\p{L}'’-]*)?|\p{Ll}[\p{L}'’-]*)/u.exec(after(text, end));
        if (np && !isDateStart(np[0])) end += np[0].length;
      }
      out.push({
        start: m.index,
        end,
        parse: { kind: 'offset', amount: n === undefined ? undefined : sign * n, unit, reason: `${m[0]}: relative to another event` },
      });
    }),

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

function cand(m: RegExpExecArray, parse: Parse): Candidate {
  return { start: m.index, end: m.index + m[0].length, parse };
}

/** Title case or ALL CAPS (never lowercase: "may", "march", "sun"). */
function isMonthWord(word: string): boolean {
  return /^[A-Z](?:[a-z]+|[A-Z]+)\.?$/.test(word);
}

function isDateStart(s: string): boolean {
  return new RegExp(`^[ \\t\\u00a0]+(?:the[ \\t\\u00a0]+\\d|${EN_MONTH_RE}\\b|${WEEKDAY_RE}\\b|\\d|yesterday|today|tomorrow|last|next|this)`, 'i').test(s);
}

/** Is a bare month word used as a date here ("in August", "the end of March", "by May")? */
function monthContext(text: string, start: number, word: string): boolean {
  const p = prevWord(text, start);
  if (p.word === 'of') return MONTH_OF_CONTEXT.has(prevWord(text, p.start).word);
  if (!MONTH_CONTEXT.has(p.word)) return false;
  // "by May" / "for May" can be the politician; keep "May" to the unambiguous prepositions.
  if (word === 'May' && !['in', 'since', 'until', 'till', 'during', 'from', 'through', 'throughout', 'early', 'late'].includes(p.word)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Candidate selection.

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
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
  for (const { c } of order) if (!chosen.some((k) => overlaps(k, c))) chosen.push(c);
  chosen.sort((a, b) => a.start - b.start);

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
    if (chosen.some((k) => overlaps(k, p))) continue;
    const prev = chosen.filter((k) => k.end <= p.start).pop();
    if (!prev) continue;
    const prevLast = prev.group ? prev.group[prev.group.length - 1] : prev;
    if (prevLast.parse.kind !== 'year' && prevLast.parse.kind !== 'monthYear') continue;
    if (!/^(?:[ \t\u00a0]*(?:,|–|—|-|\/)?[ \t\u00a0]*(?:and|or|to|through|until|till|nor)?[ \t\u00a0]*)$/.test(text.slice(prevLast.end, p.start))) continue;
    if (p.start === prevLast.end) continue;
    const at = chosen.findIndex((k) => k.start > p.start);
    chosen.splice(at < 0 ? chosen.length : at, 0, p);
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

/**
 * chrono-node as a safety net: explicit calendar dates (month and day both written) our
 * grammar did not catch. Relative and partial results are ignored; chrono guesses those.
 */
function addChronoDates(text: string, chosen: Candidate[], header: Span | undefined): void {
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }, { forwardDate: false });
  } catch {
    return;
  }
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('month') || !s.isCertain('day') || !/\d/.test(r.text)) continue;
    if ([...s.tags()].some((t) => /casual|relative/i.test(t))) continue; // "now", "in 3 days"
    if (/\d[:.]\d\d|\b[ap]\.?m\b|\bnoon\b|\bmidnight\b/i.test(r.text)) continue; // times glued on
    const lead = /^(?:(?:on|in|at|by|from|since|until)[ \t\u00a0]+)?(?:the[ \t\u00a0]+(?=\d))?/i.exec(r.text)![0].length;
    const trimmed = r.text.slice(lead).replace(/[\s,.;:]+$/, '');
    const c: Candidate = { start: r.index + lead, end: r.index + lead + trimmed.length, parse: { kind: 'monthDay' } };
    if (!trimmed || chosen.some((k) => overlaps(k, c)) || (header && overlaps(header, c))) continue;
    const m = s.get('month')!;
    const d = s.get('day')!;
    c.parse = s.isCertain('year') ? { kind: 'full', y: s.get('year')!, m, d } : { kind: 'monthDay', m, d };
    c.parse.note = 'found by chrono-node';
    const at = chosen.findIndex((k) => k.start > c.start);
    chosen.splice(at < 0 ? chosen.length : at, 0, c);
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution.

interface Resolved {
  value?: string;
  granularity?: Granularity;
  how: string;
}

const WEEK_DAYS = 7;
/** A bare month-day may be this far after the reference before we read it as last year's. */
const FUTURE_TOLERANCE_DAYS = 30;

function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + delta;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

function resolve(c: Candidate, text: string, ref: Ymd | undefined): Resolved {
  const expr = text.slice(c.start, c.end);
  const p = c.parse;
  const refStr = ref ? formatDay(ref) : '';
  const refPhrase = `this article's date ${refStr}`;
  let fut: boolean | undefined;
  const isFuture = (): boolean => (fut ??= ref !== undefined && futureCue(text, c.start));
  const noRef = (what: string): Resolved => ({ how: `${expr}: ${what}, and this document has no date to resolve it against` });
  const day = (date: Ymd, why: string): Resolved => ({ value: formatDay(date), granularity: 'day', how: `${expr} → ${formatDay(date)}, ${why}` });
  const month = (y: number, m: number, why: string): Resolved => ({ value: formatMonth(y, m), granularity: 'month', how: `${expr} → ${formatMonth(y, m)}, ${why}` });
  const year = (y: number, why: string): Resolved => ({ value: String(y), granularity: 'year', how: `${expr} → ${y}, ${why}` });
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
      const refN = toDayNumber(ref);
      const sameYear = { y: ref.y, m: p.m!, d: p.d! };
      if (isFuture()) {
        const y = isValidYmd(ref.y, p.m!, p.d!) && toDayNumber(sameYear) >= refN ? ref.y : ref.y + 1;
        if (!isValidYmd(y, p.m!, p.d!)) return { how: `${expr}: ${md} does not exist in ${y}` };
        return day({ y, m: p.m!, d: p.d! }, `the next ${md} on or after ${refPhrase} (the sentence looks ahead)`);
      }
      if (isValidYmd(ref.y, p.m!, p.d!) && toDayNumber(sameYear) - refN <= FUTURE_TOLERANCE_DAYS) {
        return day(sameYear, `${md} in the year of ${refPhrase}${note}`);
      }
      const y = ref.y - 1;
      if (!isValidYmd(y, p.m!, p.d!)) return { how: `${expr}: ${md} does not exist in ${y}` };
      return day({ y, m: p.m!, d: p.d! }, `the previous year, since ${md} ${ref.y} would be well after ${refPhrase}`);
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
      if (isFuture()) {
        const y = p.m! >= ref.m ? ref.y : ref.y + 1;
        return month(y, p.m!, `the next ${name} from ${refPhrase} (the sentence looks ahead)${part}`);
      }
      const y = p.m! <= ref.m ? ref.y : ref.y - 1;
      return month(y, p.m!, `the most recent ${name} up to ${refPhrase}${part}${note}`);
    }

    case 'year':
      return year(p.y!, `an explicit year${note}`);

    case 'decade':
      return year(p.y!, `the decade starting ${p.y}${part}`);

    case 'quarter': {
      const isHalf = p.q! > 4;
      const startMonth = isHalf ? (p.q! - 5) * 6 + 1 : (p.q! - 1) * 3 + 1;
      const label = isHalf ? `half ${p.q! - 4}` : `Q${p.q}`;
      if (p.y !== undefined) return month(p.y, startMonth, `${label} of ${p.y}, starting in ${MONTH_NAMES[startMonth - 1]}`);
      if (!ref) return noRef('no year is given');
      if (p.yearRel !== undefined) return month(ref.y + p.yearRel, startMonth, `${label} of the year given relative to ${refPhrase}`);
      const y = isFuture() ? (startMonth >= ref.m - 2 ? ref.y : ref.y + 1) : startMonth <= ref.m ? ref.y : ref.y - 1;
      return month(y, startMonth, `the ${isFuture() ? 'next' : 'most recent'} ${label} from ${refPhrase}, starting in ${MONTH_NAMES[startMonth - 1]}`);
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
        delta = -((rwd - p.wd! + WEEK_DAYS) % WEEK_DAYS);
        why = `the most recent ${name} on or before ${refPhrase}`;
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
          const days = n * WEEK_DAYS;
          const what = days === 0 ? 'the week of' : days < 0 ? `${-days} days before` : `${days} days after`;
          return day(fromDayNumber(toDayNumber(ref) + days), `${what} ${refPhrase} (a day in that week${part2})`);
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
          return year(ref.y + 10 * n, `${-n * 10} years before ${refPhrase}`);
      }
      return { how: `${expr}: unsupported unit` };
    }

    case 'offset': {
      if (!p.inner) return { how: `${expr}: counted from another event, so it cannot be placed on the calendar` };
      const inner = resolve(p.inner, text, ref);
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

    case 'vague':
      return { how: `${expr}: ${p.reason ?? 'not precise enough to place on the calendar'}` };
  }
}

function toMention(c: Candidate, text: string, ref: Ymd | undefined): DateMention {
  const r = resolve(c, text, ref);
  const mention: DateMention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), how: r.how };
  if (r.value !== undefined) {
    mention.value = r.value;
    mention.granularity = r.granularity;
  }
  return mention;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Finds every date expression in the text and resolves it against `reference` (YYYY-MM-DD, the document's publication date) when given. */
export function findDateMentions(text: string, reference?: string): DateMention[] {
  const ref = parseIsoDay(reference);
  return extract(text, { lenient: false }).map((c) => toMention(c, text, ref));
}

/**
 * Whole pipeline for one document: header/byline date, else a date inferred from the text (the
 * latest full day it mentions, bare month-days taking the year of its explicit full dates),
 * then every mention resolved against it. With no clue at all: source 'none'.
 */
export function analyzeDates(text: string): { date: DocumentDate; dates: DateMention[] } {
  const detected = detectDocumentDate(text);
  const candidates = extract(text, { lenient: false });
  let date = detected;
  if (!detected.value) date = inferDate(candidates);
  const ref = parseIsoDay(date.value);
  return { date, dates: candidates.map((c) => toMention(c, text, ref)) };
}

function inferDate(candidates: Candidate[]): DocumentDate {
  const full = candidates.filter((c) => c.parse.kind === 'full');
  if (!full.length) return { source: 'none' };
  const dayOf = (c: Candidate): Ymd => ({ y: c.parse.y!, m: c.parse.m!, d: c.parse.d! });
  let best = full[0];
  for (const c of full) if (toDayNumber(dayOf(c)) > toDayNumber(dayOf(best))) best = c;
  const year = best.parse.y!;
  let bestN = toDayNumber(dayOf(best));
  for (const c of candidates) {
    const p = c.parse;
    if (p.kind !== 'monthDay' || p.yearRel !== undefined || !isValidYmd(year, p.m!, p.d!)) continue;
    const n = toDayNumber({ y: year, m: p.m!, d: p.d! });
    if (n > bestN) {
      bestN = n;
      best = c;
    }
  }
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

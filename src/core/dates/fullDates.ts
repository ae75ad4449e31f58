// Explicit full dates (day, month and year all written), shared by publication-date detection
// (documentDate.ts) and the date grammar.
import { isValidYmd, Ymd } from './calendar';
import { EN_MONTH_RE, monthNumber } from './lexicon';
import { ES_MONTH_RE } from './lexicon.es';
import type { Span } from '../types';

export interface FullDateMatch extends Span {
  date: Ymd;
  form: 'english' | 'spanish' | 'east-asian' | 'iso';
}

const FULL_DATE_PATTERNS: Array<{ form: FullDateMatch['form']; re: RegExp; get: (m: RegExpExecArray) => Ymd | undefined }> = [
  {
    // "January 17, 2026", "Jan. 17, 2026", "January 17 2026", optionally "17th"
    form: 'english',
    re: new RegExp(`\\b(${EN_MONTH_RE})[ \\t\\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t\\u00a0]+(\\d{4})(?![\\d])`, 'g'),
    get: (m) => ymdOf(+m[3], monthNumber(m[1]), +m[2]),
  },
  {
    // "17 January 2026", "17 January, 2026"
    form: 'english',
    re: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})(?:st|nd|rd|th)?[ \\t\\u00a0]+(${EN_MONTH_RE})(?:[ \\t\\u00a0]+|,[ \\t\\u00a0]*)(\\d{4})(?![\\d])`, 'g'),
    get: (m) => ymdOf(+m[3], monthNumber(m[2]), +m[1]),
  },
  {
    // "16 de enero, 2026", "16 de enero de 2026"
    form: 'spanish',
    re: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})[ \\t\\u00a0]+de[ \\t\\u00a0]+(${ES_MONTH_RE})(?:[ \\t\\u00a0]+de[ \\t\\u00a0]+|,[ \\t\\u00a0]*|[ \\t\\u00a0]+)(\\d{4})(?![\\d])`, 'g'),
    get: (m) => ymdOf(+m[3], monthNumber(m[2]), +m[1]),
  },
  {
    // "2026. 1. 21." (Korean blogs), "2026년 1월 21일", "2026年1月21日"
    form: 'east-asian',
    re: /(?<![\d.])\b(\d{4})\.[ \t\u00a0]*(\d{1,2})\.[ \t\u00a0]*(\d{1,2})\.?(?![\d])|(?<!\d)(\d{4})[ \t\u00a0]*[년年][ \t\u00a0]*(\d{1,2})[ \t\u00a0]*[월月][ \t\u00a0]*(\d{1,2})[ \t\u00a0]*[일日]/g,
    get: (m) => (m[1] ? ymdOf(+m[1], +m[2], +m[3]) : ymdOf(+m[4], +m[5], +m[6])),
  },
  {
    form: 'iso',
    re: /(?<![\d-])\b(\d{4})-(\d{2})-(\d{2})\b(?!-\d)/g,
    get: (m) => ymdOf(+m[1], +m[2], +m[3]),
  },
];

function ymdOf(y: number, m: number | undefined, d: number): Ymd | undefined {
  return m !== undefined && y >= 1000 && isValidYmd(y, m, d) ? { y, m, d } : undefined;
}

/** Every explicit full date in `text[from, to)`, in text order (overlaps dropped). */
export function findFullDates(text: string, from = 0, to = text.length): FullDateMatch[] {
  const region = text.slice(from, to);
  const found: FullDateMatch[] = [];
  for (const p of FULL_DATE_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(region); m; m = p.re.exec(region)) {
      const date = p.get(m);
      if (date) found.push({ start: from + m.index, end: from + m.index + m[0].length, date, form: p.form });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FullDateMatch[] = [];
  for (const f of found) if (!out.length || f.start >= out[out.length - 1].end) out.push(f);
  return out;
}


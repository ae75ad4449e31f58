// Month names: "January 15", "the 5th of March", "August 2025", "in August", "from March to May".
import { daysInMonth, isValidYmd } from '../calendar';
import { EN_MONTH_FULL_RE, EN_MONTH_RE, MONTH_CONTEXT, MONTH_NAMES, monthNumber, S, S0 } from '../lexicon';
import { after, cand, looksLikeCount, matchBefore, monthContext, prevWord, relYearOf, scan } from '../context';
import type { Candidate, Modifier, Parse, Parser } from '../types';

const RE = {
  // "15 January", "the 5th of March", "15 January 2026", "5 May last year"
  dayMonth: new RegExp(
    `(?<![\\d.,:/])\\b(?:(the)${S}(?=\\d{1,2}(?:st|nd|rd|th)))?(\\d{1,2})(st|nd|rd|th)?${S}(?:(of)${S})?(${EN_MONTH_RE})(?![\\p{L}])(?:(?:,${S0}|${S})(\\d{4})\\b(?![.,]?\\d))?(?:,?${S}(?:of${S})?(last|this|next)${S}year\\b)?`,
    'gu',
  ),
  // A bare month: "in August", "early January", "last November", "next April"
  month: new RegExp(`\\b(${EN_MONTH_FULL_RE})\\b`, 'g'),
  // "January 15", "Jan. 15th", "November 18 of last year", "November 16 last year", "January 15, 2026"
  monthDay: new RegExp(
    `\\b(${EN_MONTH_RE})${S}(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,:]?\\d|%)(?:(?:,${S0}|${S})(\\d{4})\\b(?![.,]?\\d))?(?:,?${S}(?:of${S})?(last|this|next)${S}year\\b)?`,
    'g',
  ),
  monthPrefix: new RegExp(`(?:\\b(early|late|mid)(?:-|${S})|\\b(last|next|this)${S})$`, 'i'),
  // "from March to May 2025", "between January and March"
  monthRange: new RegExp(
    `\\b(${EN_MONTH_FULL_RE})(${S0}[–—-]${S0}|-to-|${S}(?:to|through|until|till|and|or)${S})(${EN_MONTH_FULL_RE})(?:,?${S}(\\d{4})\\b(?![.,]?\\d))?`,
    'g',
  ),
  // "August 2025", "early January 2019", "January of 2019", "November last year", "March this year"
  monthYear: new RegExp(`\\b(${EN_MONTH_RE})(?:,?${S}(?:of${S})?(\\d{4})\\b(?![.,]?\\d)|,?${S}(?:of${S})?(last|this|next)${S}year\\b)`, 'g'),
  partPrefix: new RegExp(`\\b(early|late|mid)(?:-|${S})$`, 'i'),
};

export const monthDayParser: Parser = {
  name: 'monthDay',
  parse: (text, out) =>
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
};

export const dayMonthParser: Parser = {
  name: 'dayMonth',
  parse: (text, out) =>
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
};

export const monthYearParser: Parser = {
  name: 'monthYear',
  parse: (text, out) =>
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
};

export const monthParser: Parser = {
  name: 'month',
  parse: (text, out, opt) =>
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
};

export const monthRangeParser: Parser = {
  name: 'monthRange',
  parse: (text, out, opt) =>
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
};

// Years and periods counted in years: "in 1962", "2019–2021", "the 1990s", "the third quarter",
// "nineteen ninety-one".
import { ONES_RE, ORDINAL_WORDS, S, S0, TEENS_RE, TENS_RE, YEAR_CONTEXT, YEAR_DETERMINERS } from '../lexicon';
import { after, cand, looksLikeCount, matchBefore, prevWord, relYearOf, scan, spelledYear } from '../context';
import type { Candidate, Parser } from '../types';

const RE = {
  // Rules whose expression starts with one of many words scan for a distinctive anchor and
  // then look backwards: much faster than a leading alternation tried at every word.
  decade: /(?:\b((?:1[5-9]|20)\d0)|(?:\b|['’])([2-9]0))['’]?s\b/g,
  decadePrefix: new RegExp(`(?:\\b(the)${S})?(?:\\b(early|mid|late)(?:-|${S}))?['’]?$`, 'i'),
  qNotation: /\b(?:Q([1-4])[ \t\u00a0]?(\d{4})|(\d{4})[ \t\u00a0]?Q([1-4]))\b/g,
  quarter: /\b(quarter|half)\b/gi,
  quarterPrefix: new RegExp(`(?:\\b(the)${S})?\\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)${S}$`, 'i'),
  quarterSuffix: new RegExp(`^${S}(?:of|in)${S}(?:(\\d{4})\\b|(last|this|next)${S}year\\b|the${S}year\\b)`, 'i'),
  // "nineteen ninety-one", "twenty twenty-one", "two thousand and four"
  spelledYear: new RegExp(
    `\\b(?:(?:eighteen|nineteen|twenty)(?:${S}|-)(?:hundred|oh(?:${S}|-)${ONES_RE}|${TEENS_RE}|${TENS_RE}(?:(?:${S}|-)${ONES_RE})?)|two${S}thousand(?:${S}and)?${S}(?:${TEENS_RE}|${ONES_RE}))\\b`,
    'gi',
  ),
  year: /\b((?:19|20)\d{2})\b(['’]s\b)?/g,
  // "2019–2021", "2004-05", "from 2001 to 2003"
  yearRange: new RegExp(`\\b((?:19|20)\\d{2})(${S0}[–—/-]${S0}|${S}(?:to|and|through|until|till)${S})((?:19|20)\\d{2}|\\d{2})\\b(?![.,]?\\d|-)`, 'g'),
};

export const yearParser: Parser = {
  name: 'year',
  parse: (text, out, opt) =>
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
};

export const yearRangeParser: Parser = {
  name: 'yearRange',
  parse: (text, out, opt) =>
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
};

export const decadeParser: Parser = {
  name: 'decade',
  parse: (text, out) =>
    scan(RE.decade, text, (m) => {
      const pre = matchBefore(text, m.index, RE.decadePrefix)!;
      if (m[2] && !pre[1]) return; // "the 90s" but not "his 80s"
      const start = pre[1] || pre[2] ? m.index - pre[0].length : m.index;
      const y = m[1] ? +m[1] : 1900 + +m[2];
      out.push({ start, end: m.index + m[0].length, parse: { kind: 'decade', y, part: pre[2]?.toLowerCase() } });
    }),
};

export const quarterParser: Parser = {
  name: 'quarter',
  parse: (text, out) => {
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
};

export const spelledYearParser: Parser = {
  name: 'spelledYear',
  parse: (text, out) =>
    // Only texts with a spelled-out number of that size can hold one (native substring searches).
    ['ineteen', 'ighteen', 'wenty', 'housand'].some((w) => text.includes(w)) &&
    scan(RE.spelledYear, text, (m) => {
      const y = spelledYear(m[0]);
      if (y !== undefined && !looksLikeCount(text, m.index, m.index + m[0].length)) out.push(cand(m, { kind: 'year', y, note: 'written in words' }));
    }),
};

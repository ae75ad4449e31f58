// Days named without a month: "Thursday", "last Tuesday", "the 20th".
import { ORDINAL_CONTEXT, ORDINAL_FOLLOW_OK, ORDINAL_NOUN_AFTER, S, WEEKDAY_EVENT_PREFIX, WEEKDAY_NAME_SUFFIX, WEEKDAY_NAMES, WEEKDAY_RE } from '../lexicon';
import { after, cand, matchBefore, MOD_PREFIX, prevWord, scan } from '../context';
import type { Modifier, Parser } from '../types';

const RE = {
  ordinal: new RegExp(`\\bthe${S}(\\d{1,2})(st|nd|rd|th)\\b(?:${S}of${S}(?:(this|last|next)${S}month|the${S}month)\\b)?`, 'gi'),
  weekday: new RegExp(`\\b(${WEEKDAY_RE})\\b`, 'g'),
};

export const weekdayParser: Parser = {
  name: 'weekday',
  parse: (text, out) =>
    scan(RE.weekday, text, (m) => {
      const pre = matchBefore(text, m.index, MOD_PREFIX);
      const mod = pre?.[1].toLowerCase() as Modifier | undefined;
      if (!mod && WEEKDAY_EVENT_PREFIX.has(prevWord(text, m.index).word)) return; // "Good Friday", "Super Tuesday"
      if (WEEKDAY_NAME_SUFFIX.test(after(text, m.index + m[0].length))) return; // "Sunday Times"
      const wd = WEEKDAY_NAMES.findIndex((w) => w.toLowerCase() === m[1].toLowerCase());
      out.push({ start: m.index - (pre?.[0].length ?? 0), end: m.index + m[0].length, parse: { kind: 'weekday', wd, mod } });
    }),
};

export const ordinalDayParser: Parser = {
  name: 'ordinalDay',
  parse: (text, out, opt) =>
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
};

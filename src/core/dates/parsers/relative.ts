// Expressions counted from the article's date or from a date just mentioned: "last week", "this
// summer", "the weekend", "year-end", "yesterday", "two years ago", "the previous Friday", "that
// day".
import { AMOUNT_RE, S, UNIT_RE, WEEKDAY_NAMES, WEEKDAY_RE } from '../lexicon';
import { after, relYearOf, amountOf, cand, isDateStart, matchBefore, prevWord, scan, unitOf } from '../context';
import type { Modifier, Parse, Parser, Unit } from '../types';

const RE = {
  yearEnd: new RegExp(`\\b(?:the${S}end${S}of${S}(?:the|(this|last|next))${S}year|year[- ]end)\\b`, 'gi'),
  amountPrefix: new RegExp(`(?<![\\p{L}\\p{N}])(${AMOUNT_RE})${S}$`, 'iu'),
  // "that day", "the same day", "earlier that day", "the day before", "the next day"
  anaphorDay: new RegExp(
    `\\b(?:(?:(earlier|later)${S})?(?:that|the${S}same)${S}(day|morning|afternoon|evening|night)|the${S}(day|night)${S}(before|after)|the${S}(previous|preceding|next|following)${S}day)\\b`,
    'gi',
  ),
  // "the previous Friday", "the following Monday"
  // Anchored on the rarer word, "the"/"that" checked backwards: "the previous Friday"
  anaphorWeekday: new RegExp(`\\b(previous|preceding|following)${S}(${WEEKDAY_RE})\\b`, 'gi'),
  anaphorWeekdayPrefix: new RegExp(`\\b(?:the|that)${S}$`, 'i'),
  dayWord: /\b(yesterday|today|tomorrow|tonight)\b|\b(last[ \t\u00a0]+night)\b|\b(this[ \t\u00a0]+(?:morning|afternoon|evening))\b/gi,
  relative: new RegExp(`\\b(this|last|next)${S}(week|month|year)\\b`, 'gi'),
  relativePartPrefix: new RegExp(`\\b(earlier|later|early|late|mid)(?:-|${S})$`, 'i'),
  theWeekend: new RegExp(`\\bthe${S}weekend\\b`, 'gi'),
  unitAnchor: new RegExp(`\\b(${UNIT_RE})${S}(ago|before|after|earlier|later|prior${S}to)\\b`, 'gi'),
  weekendSeason: new RegExp(`\\b(last|this|next)${S}(weekend|summer|spring|autumn|fall|winter)\\b`, 'gi'),
  // "year-earlier", "year-ago" (adjectives: "the year-earlier period")
  yearEarlier: /\byear-(?:earlier|ago)\b/gi,
};

export const relativeParser: Parser = {
  name: 'relative',
  parse: (text, out) =>
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
};

export const weekendSeasonParser: Parser = {
  name: 'weekendSeason',
  parse: (text, out) =>
    scan(RE.weekendSeason, text, (m) => {
      const p = prevWord(text, m.index);
      if (['the', 'a', 'that', 'every', 'each', 'per'].includes(p.word)) return;
      const mod = m[1].toLowerCase() as Modifier;
      const what = m[2].toLowerCase();
      out.push(cand(m, what === 'weekend' ? { kind: 'weekend', mod } : { kind: 'season', mod, season: what === 'fall' ? 'autumn' : (what as 'spring' | 'summer' | 'winter') }));
    }),
};

export const theWeekendParser: Parser = {
  name: 'theWeekend',
  parse: (text, out) =>
    // "over the weekend", "at the weekend"
    text.includes('eekend') && scan(RE.theWeekend, text, (m) => out.push(cand(m, { kind: 'weekend' }))),
};

export const yearEndParser: Parser = {
  name: 'yearEnd',
  parse: (text, out) => scan(RE.yearEnd, text, (m) => out.push(cand(m, { kind: 'yearEnd', yearRel: relYearOf(m[1]) }))),
};

export const dayWordParser: Parser = {
  name: 'dayWord',
  parse: (text, out) =>
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
};

export const unitAnchorParser: Parser = {
  name: 'unitAnchor',
  parse: (text, out) =>
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
};

export const anaphorWeekdayParser: Parser = {
  name: 'anaphorWeekday',
  parse: (text, out) =>
    scan(RE.anaphorWeekday, text, (m) => {
      const pre = matchBefore(text, m.index, RE.anaphorWeekdayPrefix);
      if (!pre) return;
      const wd = WEEKDAY_NAMES.findIndex((w) => w.toLowerCase() === m[2].toLowerCase());
      const parse: Parse = { kind: 'anaphor', wd, amount: m[1].toLowerCase() === 'following' ? 1 : -1 };
      out.push({ start: m.index - pre[0].length, end: m.index + m[0].length, parse });
    }),
};

export const anaphorDayParser: Parser = {
  name: 'anaphorDay',
  parse: (text, out) =>
    scan(RE.anaphorDay, text, (m) => {
      // "the day before the vote" counts from the vote, not from a date.
      if (m[4] && /^[ \t\u00a0]+(?:the|a|an|his|her|its|their|this|that|\p{Lu})/u.test(after(text, m.index + m[0].length))) return;
      const which = (m[4] ?? m[5] ?? '').toLowerCase();
      const amount = which === 'before' || which === 'previous' || which === 'preceding' ? -1 : which ? 1 : 0;
      out.push(cand(m, { kind: 'anaphor', amount, part: m[1]?.toLowerCase() }));
    }),
};

export const yearEarlierParser: Parser = {
  name: 'yearEarlier',
  parse: (text, out) =>
    text.includes('ear-') && scan(RE.yearEarlier, text, (m) => out.push(cand(m, { kind: 'relative', unit: 'year', amount: -1, note: 'a year before' }))),
};

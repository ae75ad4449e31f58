// Holidays: "Christmas Eve", "last Easter", "Thanksgiving 2024" (the days are in ../holidays.ts).
import { HOLIDAY_BY_SPELLING, holidayOf } from '../holidays';
import { HOLIDAY_CONTEXT, HOLIDAY_NAME_OK_BEFORE, S } from '../lexicon';
import { after, matchBefore, MOD_PREFIX, prevWord, scan } from '../context';
import type { Modifier, Parser } from '../types';

const RE = {
  // "Christmas Eve", "Easter Monday", "Thanksgiving 2024", "Christmas of 2019"
  holiday: new RegExp(
    `\\b(${[...HOLIDAY_BY_SPELLING.keys()]
      .sort((a, b) => b.length - a.length)
      .map((h) => h.replace(/[.]/g, '\\.').replace(/'/g, "['’]").replace(/ /g, S))
      .join('|')})(?![\\p{L}'’])(?:,?${S}(?:of${S})?(\\d{4})\\b(?![.,]?\\d))?`,
    'gu',
  ),
  holidayAfter: /^[ \t\u00a0]+(?:holidays?|break|weekend|period|recess|day|eve|night|morning|celebrations?|festivities)\b/i,
  // "for Christmas presents", "on Christmas Island": the name, not the day.
  holidayNotAfter: /^[ \t\u00a0]+(?:Islands?|Carol|Rising|trees?|cards?|presents?|gifts?|markets?|number|singles?|albums?|songs?|lights|decorations|shopping|sales|eggs?|bunny|parade|special|episode|message|speech|lunch|dinner|party|parties|shows?|sequels?|films?|movies?)\b/i,
  holidayTitleAfter: /^(?:[ \t\u00a0]+(?:II|III|IV|V|VI)\b|:)/,
};

export const holidayParser: Parser = {
  name: 'holiday',
  parse: (text, out) =>
    scan(RE.holiday, text, (m) => {
      const holiday = holidayOf(m[1].replace(/[ \t\u00a0]+/g, ' '))!;
      const pre = matchBefore(text, m.index, MOD_PREFIX);
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
};

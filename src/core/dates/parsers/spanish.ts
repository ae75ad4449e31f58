// Spanish forms: "16 de enero", "enero de 2024", "el jueves pasado".
import { daysInMonth } from '../calendar';
import { monthNumber, S } from '../lexicon';
import { ES_MONTH_RE, ES_WEEKDAY_RE, ES_WEEKDAYS } from '../lexicon.es';
import { cand, scan } from '../context';
import type { Parser } from '../types';

const RE = {
  esDayMonth: new RegExp(`(?<![\\d.,])\\b(\\d{1,2})${S}de${S}(${ES_MONTH_RE})\\b`, 'g'),
  esMonthYear: new RegExp(`\\b(${ES_MONTH_RE})${S}(?:de${S}|del${S})(\\d{4})\\b`, 'g'),
  esWeekday: new RegExp(`\\b([Ee]l)${S}(?:(pasado|próximo|proximo)${S})?(${ES_WEEKDAY_RE})(?:${S}(pasado|próximo|proximo))?\\b`, 'gu'),
};

export const spanishParser: Parser = {
  name: 'spanish',
  parse: (text, out) => {
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
};

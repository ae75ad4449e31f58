// The chrono-node refiner: a safety net for explicit calendar dates the grammar missed.
import * as chrono from 'chrono-node';
import type { Span } from '../types';
import { scan } from './context';
import { insertSorted, overlaps, overlapsAny } from './spans';
import type { Candidate, Parse } from './types';

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
export function addChronoDates(text: string, chosen: Candidate[], header: Span | undefined): void {
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
    const span = { start, end: start + trimmed.length };
    if (!trimmed || span.end > windows[wi].end || overlapsAny(chosen, span)) continue;
    const mo = s.get('month')!;
    const d = s.get('day')!;
    const note = 'found by chrono-node';
    const parse: Parse = s.isCertain('year') ? { kind: 'full', y: s.get('year')!, m: mo, d, note } : { kind: 'monthDay', m: mo, d, note };
    insertSorted<Candidate>(chosen, { ...span, parse });
  }
}

// Exact-span precision / recall / F1 of findEntityMentions on CoNLL-2003 (dev by default).
// Usage: node out/scripts/evalNer.js [path/to/conll.txt] [--baseline] [--errors N] [--time]
//   --baseline  score plain compromise (people/places/organizations) instead of our analyzer
//   --errors N  list the N most frequent false negatives / false positives (non-sports docs)
//   --sports    list those of the sports documents instead
import * as path from 'path';
import nlp from 'compromise';
import { findEntityMentions } from '../src/core/entities';
import type { EntityMention, EntityType } from '../src/core/types';
import { readConll, type ConllDocument, type ConllType } from './conll';

type Scored = 'PER' | 'ORG' | 'LOC';
const TYPES: Scored[] = ['PER', 'ORG', 'LOC'];
const TO_CONLL: Record<EntityType, Scored> = { person: 'PER', organization: 'ORG', place: 'LOC' };

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

// A document is "sports" when its headline lines name a sport, or when many of its lines look
// like result tables (mostly numbers).
const SPORT_CUES = [
  'SOCCER', 'FOOTBALL', 'CRICKET', 'TENNIS', 'GOLF', 'BASEBALL', 'BASKETBALL', 'RUGBY', 'NFL',
  'NBA', 'NHL', 'ATHLETICS', 'CYCLING', 'MOTOR RACING', 'MOTORCYCLING', 'BOXING', 'HOCKEY',
  'ICE HOCKEY', 'SKIING', 'SWIMMING', 'ROWING', 'SAILING', 'YACHTING', 'HORSE RACING', 'RACING',
  'OLYMPICS', 'CHESS', 'SQUASH', 'BADMINTON', 'VOLLEYBALL', 'HANDBALL', 'WRESTLING', 'JUDO',
  'FORMULA ONE', 'F1', 'NASCAR', 'TRIATHLON', 'MARATHON', 'SNOOKER', 'DARTS', 'TABLE TENNIS',
];
const cueRe = new RegExp(`\\b(${SPORT_CUES.map((c) => c.replace(/ /g, '\\s+')).join('|')})\\b`);

export function isSportsDocument(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.slice(0, 2).some((l) => cueRe.test(l))) return true;
  let scoreLike = 0;
  for (const line of lines) {
    const toks = line.split(/\s+/);
    const nums = toks.filter((t) => /^[-+]?\d+([.,:/-]\d+)*$/.test(t)).length;
    if (nums >= 2 && nums / toks.length >= 0.3) scoreLike++;
  }
  return lines.length >= 4 && scoreLike / lines.length >= 0.3;
}

function baselineMentions(text: string): EntityMention[] {
  const doc = nlp(text);
  const out: EntityMention[] = [];
  const add = (view: { json: (o: object) => unknown }, type: EntityType): void => {
    const json = view.json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>;
    for (const m of json) {
      // Trim surrounding punctuation/space the way a caller would.
      let s = m.offset.start;
      let e = s + m.offset.length;
      while (e > s && /[\s.,;:!?'"()]/.test(text[e - 1])) e--;
      while (s < e && /[\s'"(]/.test(text[s])) s++;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), type });
    }
  };
  add(doc.people(), 'person');
  add(doc.places(), 'place');
  add(doc.organizations(), 'organization');
  return out.sort((a, b) => a.start - b.start);
}

function emptyCounts(): Record<Scored | 'ALL', Counts> {
  return {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
    ALL: { tp: 0, fp: 0, fn: 0 },
  };
}

function prf(c: Counts): [number, number, number] {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return [p * 100, r * 100, f * 100];
}

function printTable(title: string, counts: Record<Scored | 'ALL', Counts>): void {
  console.log(`\n${title}`);
  console.log('type      P      R      F1     tp    fp    fn');
  for (const t of [...TYPES, 'ALL'] as const) {
    const c = counts[t];
    const [p, r, f] = prf(c);
    console.log(
      `${t.padEnd(5)} ${p.toFixed(1).padStart(6)} ${r.toFixed(1).padStart(6)} ${f.toFixed(1).padStart(6)}` +
        ` ${String(c.tp).padStart(6)}${String(c.fp).padStart(6)}${String(c.fn).padStart(6)}`,
    );
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const baseline = args.includes('--baseline');
  const errIdx = args.indexOf('--errors');
  const errorCount = errIdx >= 0 ? Number(args[errIdx + 1] ?? 40) : 0;
  const errorsOfSports = args.includes('--sports');
  const file =
    args.find((a, i) => !a.startsWith('--') && !(errIdx >= 0 && i === errIdx + 1)) ??
    path.resolve(__dirname, '../../../shared/corpora/conll2003/dev.txt');

  const docs: ConllDocument[] = readConll(file);
  const all = emptyCounts();
  const nonSports = emptyCounts();
  let sportsDocs = 0;
  let chars = 0;
  const fnCount = new Map<string, number>();
  const fpCount = new Map<string, number>();
  const t0 = Date.now();

  for (const doc of docs) {
    const sports = isSportsDocument(doc.text);
    if (sports) sportsDocs++;
    chars += doc.text.length;
    const predicted = baseline ? baselineMentions(doc.text) : findEntityMentions(doc.text);

    const gold = new Map<string, ConllType>();
    for (const g of doc.gold) gold.set(`${g.start}:${g.end}`, g.type);
    const matched = new Set<string>();
    const targets = sports ? [all] : [all, nonSports];

    for (const m of predicted) {
      const key = `${m.start}:${m.end}`;
      const goldType = gold.get(key);
      if (goldType === 'MISC') continue;
      const type = TO_CONLL[m.type];
      if (goldType === type && !matched.has(key)) {
        matched.add(key);
        for (const c of targets) {
          c[type].tp++;
          c.ALL.tp++;
        }
      } else {
        for (const c of targets) {
          c[type].fp++;
          c.ALL.fp++;
        }
        if (sports === errorsOfSports) {
          const k = `${type} ${m.text}${goldType ? ` (gold ${goldType})` : ''}`;
          fpCount.set(k, (fpCount.get(k) ?? 0) + 1);
        }
      }
    }
    for (const g of doc.gold) {
      if (g.type === 'MISC' || matched.has(`${g.start}:${g.end}`)) continue;
      for (const c of targets) {
        c[g.type as Scored].fn++;
        c.ALL.fn++;
      }
      if (sports === errorsOfSports) {
        const k = `${g.type} ${g.text}`;
        fnCount.set(k, (fnCount.get(k) ?? 0) + 1);
      }
    }
  }
  const seconds = (Date.now() - t0) / 1000;

  console.log(`${baseline ? 'compromise baseline' : 'findEntityMentions'} on ${path.basename(file)}`);
  console.log(`documents: ${docs.length} (sports ${sportsDocs}, non-sports ${docs.length - sportsDocs})`);
  printTable(`All documents (${docs.length})`, all);
  printTable(`Non-sports documents (${docs.length - sportsDocs})`, nonSports);
  console.log(`\n${(chars / 1e6).toFixed(2)} MB in ${seconds.toFixed(1)} s = ${(chars / 1e6 / seconds).toFixed(2)} MB/s`);

  if (errorCount > 0) {
    const top = (m: Map<string, number>): string =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, errorCount)
        .map(([k, n]) => `${n}\t${k}`)
        .join('\n');
    const which = errorsOfSports ? 'sports' : 'non-sports';
    console.log(`\nFalse negatives (${which}):\n${top(fnCount)}`);
    console.log(`\nFalse positives (${which}):\n${top(fpCount)}`);
  }
}

main();

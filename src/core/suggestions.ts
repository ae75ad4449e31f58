// "Possible same entity": pairs of entities alias resolution kept apart that a reader might join,
// each with its evidence and a confidence, for the analyst to confirm (a merge) or dismiss (never
// suggested again). Bounded work: names are paired only through words few names share.
import { aliasKey, foldKey } from './aliasKey';
import { drain } from './steps';
import type { Entity } from './types';

export interface SameEntitySuggestion {
  a: Entity;
  b: Entity;
  /** 0..1: how likely a reader would call them one entity. */
  confidence: number;
  /** Why, in a reader's words ("“Halcyon” is part of “Halcyon Maritime Logistics”"). */
  evidence: string[];
}

/** A word shared by more names than this says nothing about any pair of them. */
const MAX_NAMES_PER_WORD = 8;
const SMALL_WORDS = new Set(['the', 'of', 'and', 'for', 'de', 'la', 'del', 'in', 'on', 'at', 'new', 'al', 'el', 'van', 'von']);

interface Profile {
  entity: Entity;
  keys: Set<string>;
  words: Set<string>;
  documents: Set<string>;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function profile(entity: Entity): Profile {
  const keys = new Set([entity.name, ...entity.aliases].map(aliasKey).filter(Boolean));
  const words = new Set<string>();
  for (const k of keys) for (const w of k.split(' ')) if (w.length >= 3 && !SMALL_WORDS.has(w)) words.add(w);
  return { entity, keys, words, documents: new Set(entity.documents) };
}

function initialsOf(name: string): string {
  return foldKey(name)
    .split(' ')
    .filter((w) => w && !SMALL_WORDS.has(w))
    .map((w) => w[0])
    .join('');
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Whether the analyst dismissed this pair (named by any of each entity's names). */
function isDismissed(p: Profile, q: Profile, dismissed: ReadonlyArray<readonly [string, string]>): boolean {
  return dismissed.some(([x, y]) => (p.keys.has(x) && q.keys.has(y)) || (p.keys.has(y) && q.keys.has(x)));
}

/**
 * Pairs of same-type entities a reader might take for one: a name inside another ("Halcyon" /
 * "Halcyon Maritime Logistics"), an acronym and the name it abbreviates, two spellings of one
 * name; stronger when the two are mentioned in the same documents. Most confident first.
 */
export function suggestSameEntities(
  entities: readonly Entity[],
  dismissed: ReadonlyArray<readonly [string, string]> = [],
  limit = 100,
): SameEntitySuggestion[] {
  return drain(suggestSameEntitySteps(entities, dismissed, limit));
}

/** Entities between two yields of suggestSameEntitySteps (a corpus has tens of thousands). */
const STEP = 200;

/** suggestSameEntities as a generator yielding every STEP entities or so, for hosts that slice their work. */
export function* suggestSameEntitySteps(
  entities: readonly Entity[],
  dismissed: ReadonlyArray<readonly [string, string]> = [],
  limit = 100,
): Generator<void, SameEntitySuggestion[]> {
  const profiles: Profile[] = [];
  for (const e of entities) {
    profiles.push(profile(e));
    if (profiles.length % STEP === 0) yield;
  }
  const pairs = new Map<string, { p: Profile; q: Profile; evidence: string[]; base: number }>();
  const consider = (p: Profile, q: Profile, base: number, evidence: string): void => {
    if (p === q || p.entity.type !== q.entity.type) return;
    const [x, y] = p.entity.id < q.entity.id ? [p, q] : [q, p];
    const id = `${x.entity.id}\n${y.entity.id}`;
    const pair = pairs.get(id);
    if (!pair) pairs.set(id, { p: x, q: y, evidence: [evidence], base });
    else if (!pair.evidence.includes(evidence)) {
      pair.evidence.push(evidence);
      pair.base = Math.max(pair.base, base) + 0.1;
    }
  };

  // A name whose words all stand inside another name.
  const byWord = new Map<string, Profile[]>();
  for (const p of profiles) for (const w of p.words) add(byWord, w, p);
  let n = 0;
  for (const list of byWord.values()) {
    if (++n % STEP === 0) yield;
    if (list.length < 2 || list.length > MAX_NAMES_PER_WORD) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j++) {
        const [short, long] = [list[i], list[j]];
        if (i === j || short.words.size === 0 || short.words.size >= long.words.size) continue;
        if ([...short.words].every((w) => long.words.has(w))) consider(short, long, 0.45, `“${short.entity.name}” is part of “${long.entity.name}”`);
      }
    }
  }
  // An acronym and the name it abbreviates.
  const byInitials = new Map<string, Profile[]>();
  for (const p of profiles) {
    if (p.entity.name.includes(' ')) {
      const ini = initialsOf(p.entity.name);
      if (ini.length >= 2) add(byInitials, ini, p);
    }
  }
  for (const p of profiles) {
    const name = p.entity.name.replace(/\./g, '');
    if (!/^[\p{Lu}&]{2,6}$/u.test(name)) continue;
    const matches = byInitials.get(name.toLowerCase()) ?? [];
    if (matches.length <= 2) for (const q of matches) consider(p, q, 0.55, `“${p.entity.name}” are the initials of “${q.entity.name}”`);
  }
  // Two spellings of one name.
  const byStart = new Map<string, Profile[]>();
  for (const p of profiles) {
    const k = foldKey(p.entity.name);
    if (k.length >= 6) add(byStart, `${p.entity.type}:${k.slice(0, 3)}`, p);
  }
  for (const list of byStart.values()) {
    if (list.length > 50) continue;
    for (let i = 0; i < list.length; i++) {
      if (++n % STEP === 0) yield;
      for (let j = i + 1; j < list.length; j++) {
        const a = foldKey(list[i].entity.name);
        const b = foldKey(list[j].entity.name);
        const limit = Math.max(1, Math.floor(Math.min(a.length, b.length) / 8));
        if (editDistance(a, b, limit) <= limit) consider(list[i], list[j], 0.5, `“${list[i].entity.name}” and “${list[j].entity.name}” are spelled alike`);
      }
    }
  }

  const out: SameEntitySuggestion[] = [];
  for (const { p, q, evidence, base } of pairs.values()) {
    if (++n % STEP === 0) yield;
    if (isDismissed(p, q, dismissed)) continue;
    let shared = 0;
    for (const d of p.documents) if (q.documents.has(d)) shared++;
    const ev = [...evidence];
    if (shared) ev.push(`mentioned together in ${shared === 1 ? 'one document' : `${shared} documents`}`);
    const confidence = Math.min(0.95, base + 0.3 * Math.min(1, shared / 3));
    out.push({ a: p.entity, b: q.entity, confidence, evidence: ev });
  }
  out.sort((x, y) => y.confidence - x.confidence || y.a.mentionCount + y.b.mentionCount - (x.a.mentionCount + x.b.mentionCount) || (x.a.id < y.a.id ? -1 : 1));
  return out.slice(0, limit);
}

/**
 * How good a merge partner `other` is for `entity` in *Merge With…*: same type and shared name
 * words first, then same type, then the rest (higher is better).
 */
export function mergeCandidateRank(entity: Entity, other: Entity): number {
  const mine = profile(entity).words;
  let shared = 0;
  for (const w of profile(other).words) if (mine.has(w)) shared++;
  return (other.type === entity.type ? 2 : 0) + (shared > 0 ? 4 : 0) + Math.min(shared, 3) * 0.1;
}

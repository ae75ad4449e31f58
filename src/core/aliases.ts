// Cross-document alias resolution: which raw mentions are the same entity, what it is called,
// and what type it is. Works on surface keys, so it is cheap to rerun after any document change.
import type { Corrections } from './corrections';
import { EntityMention, EntityType } from './types';

/** Accent-, case- and punctuation-insensitive key: "Nicolás  Maduro’s" → "nicolas maduro". */
export function foldKey(surface: string): string {
  return surface
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]s$/u, '')
    .replace(/[.'’`]/g, '')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Well-known variants of one name (general knowledge, not corpus-specific). Keys are folded.
const KNOWN_ALIASES: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  'united states of america': 'united states',
  america: 'united states',
  uk: 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  un: 'united nations',
  eu: 'european union',
  nyt: 'new york times',
  'ny times': 'new york times',
  cia: 'central intelligence agency',
  fbi: 'federal bureau of investigation',
  nsa: 'national security agency',
  nato: 'north atlantic treaty organization',
  imf: 'international monetary fund',
  wto: 'world trade organization',
  opec: 'organization of the petroleum exporting countries',
  uae: 'united arab emirates',
  ussr: 'soviet union',
  prc: 'china',
  dprk: 'north korea',
};

const KNOWN_TYPES: Record<string, EntityType> = {
  'united states': 'place',
  'united kingdom': 'place',
  'united arab emirates': 'place',
  'soviet union': 'place',
  china: 'place',
  'north korea': 'place',
};

/** "Ratcliffe, John" (catalogue order) → "John Ratcliffe". */
function naturalOrder(surface: string): string {
  const m = /^([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)?)$/u.exec(surface.trim());
  return m ? `${m[2]} ${m[1]}` : surface;
}

export function aliasKey(surface: string): string {
  const k = foldKey(naturalOrder(surface));
  return KNOWN_ALIASES[k] ?? k;
}

export interface PlacedMention {
  path: string;
  mention: EntityMention;
}

export interface EntityCluster {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  members: PlacedMention[];
  ambiguousWith?: string[];
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Family name of a multi-word person name: last word, or the first for "Kim Jong-un" style names. */
function familyKey(surface: string): string | undefined {
  const words = naturalOrder(surface).trim().split(/\s+/);
  while (words.length > 1 && NAME_SUFFIXES.has(foldKey(words[words.length - 1]))) words.pop();
  if (words.length < 2) return undefined;
  if (words.length <= 3 && /\p{L}-\p{L}/u.test(words[words.length - 1]) && words.length === 2) return foldKey(words[0]);
  return foldKey(words[words.length - 1]);
}

interface KeyGroup {
  key: string;
  members: PlacedMention[];
  votes: Record<EntityType, number>;
  surfaces: Map<string, number>;
}

function votedType(votes: Record<EntityType, number>, key: string): EntityType {
  const known = KNOWN_TYPES[key];
  if (known) return known;
  const order: EntityType[] = ['person', 'organization', 'place'];
  return order.reduce((best, t) => (votes[t] > votes[best] ? t : best), order[0]);
}

/** How complete and well-formed a surface is as a display name (higher is better). */
function nameScore(surface: string, type: EntityType, count: number): number[] {
  const words = surface.split(/\s+/).length;
  const wellFormed = /^[\p{Lu}\d]/u.test(surface) && !/[\d@#,]/.test(surface) ? 1 : 0;
  const allCaps = surface === surface.toUpperCase() && /\p{L}{2}/u.test(surface) ? 1 : 0;
  const accents = (surface.normalize('NFD').match(/\p{M}/gu) ?? []).length;
  // People: full name beats surname, but a 5-word "name" is more likely a tagging run-on.
  const completeness = type === 'person' ? Math.min(words, 3) - (words > 4 ? 2 : 0) : surface.length;
  return [wellFormed, -allCaps, completeness, accents, count, surface.length];
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

export function slug(s: string): string {
  return foldKey(s).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'x';
}

export function resolveEntities(
  documents: Iterable<{ path: string; entities: EntityMention[] }>,
  corrections?: Corrections,
): EntityCluster[] {
  const groups = new Map<string, KeyGroup>();
  const uf = new UnionFind();
  const split = corrections?.split ?? new Set<string>();
  for (const doc of documents) {
    for (const mention of doc.entities) {
      const key = aliasKey(mention.text);
      if (!key || corrections?.ignore.has(key)) continue;
      let g = groups.get(key);
      if (!g) {
        g = { key, members: [], votes: { person: 0, organization: 0, place: 0 }, surfaces: new Map() };
        groups.set(key, g);
      }
      g.members.push({ path: doc.path, mention });
      g.votes[mention.type]++;
      g.surfaces.set(mention.text, (g.surfaces.get(mention.text) ?? 0) + 1);
      if (mention.expansion) {
        const ek = aliasKey(mention.expansion);
        if (ek && ek !== key && !split.has(key) && !split.has(ek)) uf.union(ek, key);
      }
    }
  }

  // Surname-only and initial-plus-surname people join the unique full name with that family name.
  const byFamily = new Map<string, KeyGroup[]>();
  for (const g of groups.values()) {
    if (votedType(g.votes, g.key) !== 'person') continue;
    const surface = [...g.surfaces.keys()][0];
    const fam = familyKey(surface);
    if (!fam || /^\p{L}$/u.test(g.key.split(' ')[0])) continue;
    const list = byFamily.get(fam) ?? [];
    list.push(g);
    byFamily.set(fam, list);
  }
  const ambiguity = new Map<string, string[]>();
  for (const g of groups.values()) {
    const words = g.key.split(' ');
    let candidates: KeyGroup[] | undefined;
    if (words.length === 1 && g.votes.person > 0) {
      candidates = byFamily.get(g.key);
    } else if (words.length === 2 && /^\p{L}$/u.test(words[0])) {
      candidates = byFamily.get(words[1])?.filter((c) => c.key.startsWith(words[0]));
    }
    if (split.has(g.key)) continue;
    candidates = candidates?.filter((c) => !split.has(c.key));
    if (!candidates || candidates.length === 0) continue;
    const distinct = new Set(candidates.map((c) => uf.find(c.key)));
    if (distinct.size === 1) uf.union(candidates[0].key, g.key);
    else ambiguity.set(g.key, candidates.map((c) => [...c.surfaces.keys()][0]));
  }

  for (const names of corrections?.merge ?? []) {
    const present = names.filter((k) => groups.has(k));
    for (const k of present.slice(1)) uf.union(present[0], k);
  }

  const clusters = new Map<string, KeyGroup[]>();
  for (const g of groups.values()) {
    const root = uf.find(g.key);
    const list = clusters.get(root) ?? [];
    list.push(g);
    clusters.set(root, list);
  }

  const result: EntityCluster[] = [];
  const usedIds = new Set<string>();
  for (const parts of clusters.values()) {
    const votes: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
    const surfaces = new Map<string, number>();
    const members: PlacedMention[] = [];
    let knownType: EntityType | undefined;
    for (const g of parts) {
      for (const t of Object.keys(votes) as EntityType[]) votes[t] += g.votes[t];
      for (const [s, n] of g.surfaces) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
      members.push(...g.members);
      knownType ??= KNOWN_TYPES[g.key];
    }
    const retyped = parts.map((g) => corrections?.retype.get(g.key)).find(Boolean);
    const type = retyped ?? knownType ?? votedType(votes, '');
    let name = '';
    let bestScore: number[] | undefined;
    for (const [s, n] of surfaces) {
      const score = nameScore(s, type, n);
      if (!bestScore || better(score, bestScore)) {
        bestScore = score;
        name = s;
      }
    }
    const renamed = parts.map((g) => corrections?.rename.get(g.key)).find(Boolean);
    if (renamed) name = renamed;
    let id = `${type}:${slug(name)}`;
    for (let i = 2; usedIds.has(id); i++) id = `${type}:${slug(name)}-${i}`;
    usedIds.add(id);
    const aliases = [...surfaces.keys()].filter((s) => s !== name).sort();
    const amb = parts.length === 1 ? ambiguity.get(parts[0].key) : undefined;
    result.push({ id, name, type, aliases, members, ...(amb ? { ambiguousWith: amb } : {}) });
  }
  return result;
}

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
const KNOWN_ALIASES = new Map<string, string>(Object.entries({
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
}));

const KNOWN_TYPES = new Map<string, EntityType>(Object.entries({
  'united states': 'place',
  'united kingdom': 'place',
  'united arab emirates': 'place',
  'soviet union': 'place',
  china: 'place',
  'north korea': 'place',
} as Record<string, EntityType>));

/** "Ratcliffe, John" (catalogue order) → "John Ratcliffe". */
function naturalOrder(surface: string): string {
  const m = /^([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)?)$/u.exec(surface.trim());
  return m ? `${m[2]} ${m[1]}` : surface;
}

export function aliasKey(surface: string): string {
  const k = foldKey(naturalOrder(surface));
  return KNOWN_ALIASES.get(k) ?? k;
}

export interface PlacedMention {
  path: string;
  mention: EntityMention;
}

/** Everything known about one alias key across the corpus; kept up to date document by document. */
export interface KeyGroup {
  key: string;
  votes: Record<EntityType, number>;
  /** Surface form → number of mentions. */
  surfaces: Map<string, number>;
  /** Expansion key (acronym defined in text) → number of mentions carrying it. */
  expansions: Map<string, number>;
  /** Path → number of mentions there. */
  documents: Map<string, number>;
  count: number;
  /** Changes whenever the group does (cache key for cluster drafts). */
  version: number;
}

/** One entity as alias resolution sees it: a set of keys, a name, a type. */
export interface Cluster {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  keys: string[];
  count: number;
  ambiguousWith?: string[];
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** Per-key aggregates over all documents, updated incrementally when one document changes. */
export class KeyGroups {
  readonly groups = new Map<string, KeyGroup>();
  private version = 0;
  /** Memo of surface → key: the same few thousand surfaces recur across a corpus. */
  private readonly keyMemo = new Map<string, string>();

  keyOf(surface: string): string {
    let k = this.keyMemo.get(surface);
    if (k === undefined) this.keyMemo.set(surface, (k = aliasKey(surface)));
    return k;
  }

  add(path: string, mentions: EntityMention[]): void {
    this.apply(path, mentions, 1);
  }

  remove(path: string, mentions: EntityMention[]): void {
    this.apply(path, mentions, -1);
  }

  private apply(path: string, mentions: EntityMention[], sign: 1 | -1): void {
    for (const m of mentions) {
      const key = this.keyOf(m.text);
      if (!key) continue;
      let g = this.groups.get(key);
      if (!g) {
        if (sign < 0) continue;
        g = { key, votes: { person: 0, organization: 0, place: 0 }, surfaces: new Map(), expansions: new Map(), documents: new Map(), count: 0, version: 0 };
        this.groups.set(key, g);
      }
      g.version = ++this.version;
      g.count += sign;
      g.votes[m.type] += sign;
      bump(g.surfaces, m.text, sign);
      bump(g.documents, path, sign);
      if (m.expansion) {
        const ek = this.keyOf(m.expansion);
        if (ek && ek !== key) bump(g.expansions, ek, sign);
      }
      if (g.count <= 0) this.groups.delete(key);
    }
  }
}

/**
 * A bare given name ("Tomás") joins a full name only when every document that uses it also names
 * exactly that one person in full: the key is corpus-wide, so one stray "Tomás" elsewhere stops it.
 */
function sameFullNameEverywhere(given: KeyGroup, fullNames: KeyGroup[] | undefined): KeyGroup | undefined {
  if (!fullNames) return undefined;
  let only: KeyGroup | undefined;
  for (const path of given.documents.keys()) {
    const here = fullNames.filter((f) => f.documents.has(path));
    if (here.length !== 1 || (only && here[0] !== only)) return undefined;
    only = here[0];
  }
  return only;
}

function firstSurface(g: KeyGroup): string {
  return g.surfaces.keys().next().value ?? g.key;
}

type Draft = Omit<Cluster, 'id'>;

/** Drafts of the previous run, reused for clusters whose groups did not change. */
export interface ClusterCache {
  corrections?: Corrections;
  drafts: Map<string, { signature: string; draft: Draft }>;
}

export function newClusterCache(): ClusterCache {
  return { drafts: new Map() };
}

/** Clusters the key groups into entities. Cost grows with distinct keys, not with mentions. */
export function clusterKeyGroups(groupMap: Map<string, KeyGroup>, corrections?: Corrections, cache = newClusterCache()): Cluster[] {
  if (cache.corrections !== corrections) {
    cache.drafts.clear();
    cache.corrections = corrections;
  }
  const split = corrections?.split ?? new Set<string>();
  const ignore = corrections?.ignore ?? new Set<string>();
  const groups = [...groupMap.values()].filter((g) => !ignore.has(g.key));
  const uf = new UnionFind();
  for (const g of groups) {
    for (const ek of g.expansions.keys()) {
      if (!split.has(g.key) && !split.has(ek) && !ignore.has(ek)) uf.union(ek, g.key);
    }
  }

  // A one-word short form of a company ("Halcyon" for "Halcyon Maritime Logistics") joins the one
  // longer company name it begins, when there is exactly one. Only names ending in a company word
  // qualify: other long "organizations" are too often tagging run-ons to lend their first word.
  const orgPrefixes = new Map<string, KeyGroup[]>();
  for (const g of groups) {
    if (votedType(g.votes, g.key) !== 'organization' || split.has(g.key)) continue;
    const words = g.key.split(' ');
    if (words.length < 2 || !COMPANY_WORDS.has(words[words.length - 1])) continue;
    const list = orgPrefixes.get(words[0]);
    if (list) list.push(g);
    else orgPrefixes.set(words[0], [g]);
  }
  for (const g of groups) {
    const longer = orgPrefixes.get(g.key);
    if (!longer || split.has(g.key) || votedType(g.votes, g.key) !== 'organization') continue;
    if (new Set(longer.map((c) => uf.find(c.key))).size === 1) uf.union(longer[0].key, g.key);
  }

  // Surname-only and initial-plus-surname people join the unique full name with that family name.
  const byFamily = new Map<string, KeyGroup[]>();
  const byGiven = new Map<string, KeyGroup[]>();
  for (const g of groups) {
    if (votedType(g.votes, g.key) !== 'person' || g.key.indexOf(' ') < 0) continue;
    const given = g.key.slice(0, g.key.indexOf(' '));
    if (given.length > 1) {
      const list = byGiven.get(given);
      if (list) list.push(g);
      else byGiven.set(given, [g]);
    }
    const fam = familyKey(firstSurface(g));
    if (!fam || g.key[1] === ' ') continue;
    const list = byFamily.get(fam) ?? [];
    list.push(g);
    byFamily.set(fam, list);
  }
  const ambiguity = new Map<string, string[]>();
  for (const g of groups) {
    if (g.votes.person === 0 || split.has(g.key)) continue;
    const words = g.key.split(' ');
    let candidates: KeyGroup[] | undefined;
    if (words.length === 1 && g.votes.person > 0) {
      candidates = byFamily.get(g.key);
    } else if (words.length === 2 && /^\p{L}$/u.test(words[0])) {
      candidates = byFamily.get(words[1])?.filter((c) => c.key.startsWith(words[0]));
    }
    candidates = candidates?.filter((c) => !split.has(c.key));
    if ((!candidates || candidates.length === 0) && words.length === 1) {
      const full = sameFullNameEverywhere(g, byGiven.get(g.key));
      if (full && !split.has(full.key)) uf.union(full.key, g.key);
      continue;
    }
    if (!candidates || candidates.length === 0) continue;
    const distinct = new Set(candidates.map((c) => uf.find(c.key)));
    if (distinct.size === 1) uf.union(candidates[0].key, g.key);
    else ambiguity.set(g.key, candidates.map(firstSurface));
  }

  for (const names of corrections?.merge ?? []) {
    const present = names.filter((k) => groupMap.has(k) && !ignore.has(k));
    for (const k of present.slice(1)) uf.union(present[0], k);
  }

  const byRoot = new Map<string, KeyGroup[]>();
  for (const g of groups) {
    const root = uf.find(g.key);
    const list = byRoot.get(root);
    if (list) list.push(g);
    else byRoot.set(root, [g]);
  }

  const drafts: Draft[] = [];
  const nextDrafts = new Map<string, { signature: string; draft: Draft }>();
  for (const [root, parts] of byRoot) {
    const amb = parts.length === 1 ? ambiguity.get(parts[0].key) : undefined;
    const signature = parts.length === 1 ? `${parts[0].version}|${amb ?? ''}` : parts.map((g) => `${g.key}:${g.version}`).join('|');
    const cached = cache.drafts.get(root);
    if (cached && cached.signature === signature) {
      drafts.push(cached.draft);
      nextDrafts.set(root, cached);
      continue;
    }
    const votes: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
    const surfaces = new Map<string, number>();
    let count = 0;
    let knownType: EntityType | undefined;
    for (const g of parts) {
      votes.person += g.votes.person;
      votes.organization += g.votes.organization;
      votes.place += g.votes.place;
      count += g.count;
      for (const [s, n] of g.surfaces) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
      knownType ??= KNOWN_TYPES.get(g.key);
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
    const aliases = [...surfaces.keys()].filter((s) => s !== name).sort();
    const keys = parts.map((g) => g.key).sort();
    const draft: Draft = { name, type, aliases, keys, count, ...(amb ? { ambiguousWith: amb } : {}) };
    drafts.push(draft);
    nextDrafts.set(root, { signature, draft });
  }
  cache.drafts = nextDrafts;

  // Ids follow names; a rare clash gets suffixes assigned in key order, so ids stay stable.
  const byBase = new Map<string, Draft[]>();
  for (const d of drafts) {
    const base = `${d.type}:${slug(d.name)}`;
    const list = byBase.get(base);
    if (list) list.push(d);
    else byBase.set(base, [d]);
  }
  const clusters: Cluster[] = [];
  for (const [base, list] of byBase) {
    if (list.length > 1) list.sort((a, b) => (a.keys[0] < b.keys[0] ? -1 : 1));
    list.forEach((d, i) => clusters.push({ id: i === 0 ? base : `${base}-${i + 1}`, ...d }));
  }
  return clusters;
}

export interface EntityCluster extends Cluster {
  members: PlacedMention[];
}

/** Whole-corpus resolution in one call (tests, one-off tools); the index uses KeyGroups incrementally. */
export function resolveEntities(
  documents: Iterable<{ path: string; entities: EntityMention[] }>,
  corrections?: Corrections,
): EntityCluster[] {
  const keyGroups = new KeyGroups();
  const docs = [...documents];
  for (const d of docs) keyGroups.add(d.path, d.entities);
  const clusters = clusterKeyGroups(keyGroups.groups, corrections);
  const byKey = new Map<string, EntityCluster>();
  const result = clusters.map((c) => {
    const ec: EntityCluster = { ...c, members: [] };
    for (const k of c.keys) byKey.set(k, ec);
    return ec;
  });
  for (const d of docs) {
    for (const mention of d.entities) byKey.get(keyGroups.keyOf(mention.text))?.members.push({ path: d.path, mention });
  }
  return result;
}

const COMPANY_WORDS = new Set(
  ('logistics group holdings inc corp corporation company co ltd plc llc ag sa gmbh bank airlines airways motors ' +
    'systems technologies technology partners capital energy media shipping industries pharmaceuticals telecom ' +
    'communications entertainment foods insurance investments securities ventures labs networks electronics ' +
    'enterprises petroleum mining steel software solutions brands resources').split(' '),
);

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Family name of a multi-word person name: last word, or the first for "Kim Jong-un" style names. */
/** Memoizes a pure function of one string: alias resolution reruns over the same surfaces after every edit. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) cache.set(s, (v = fn(s)));
    return v as T;
  };
}

const familyKey = memo(familyKeyOf);
const surfaceShape = memo((surface: string) => ({
  words: surface.split(/\s+/).length,
  wellFormed: /^[\p{Lu}\d]/u.test(surface) && !/[\d@#,]/.test(surface) ? 1 : 0,
  allCaps: surface === surface.toUpperCase() && /\p{L}{2}/u.test(surface) ? 1 : 0,
  accents: (surface.normalize('NFD').match(/\p{M}/gu) ?? []).length,
}));

function familyKeyOf(surface: string): string | undefined {
  const words = naturalOrder(surface).trim().split(/\s+/);
  while (words.length > 1 && NAME_SUFFIXES.has(foldKey(words[words.length - 1]))) words.pop();
  if (words.length < 2) return undefined;
  if (words.length <= 3 && /\p{L}-\p{L}/u.test(words[words.length - 1]) && words.length === 2) return foldKey(words[0]);
  return foldKey(words[words.length - 1]);
}

function votedType(votes: Record<EntityType, number>, key: string): EntityType {
  const known = KNOWN_TYPES.get(key);
  if (known) return known;
  const order: EntityType[] = ['person', 'organization', 'place'];
  return order.reduce((best, t) => (votes[t] > votes[best] ? t : best), order[0]);
}

/** How complete and well-formed a surface is as a display name (higher is better). */
function nameScore(surface: string, type: EntityType, count: number): number[] {
  const { words, wellFormed, allCaps, accents } = surfaceShape(surface);
  // People: full name beats surname, but a 5-word "name" is more likely a tagging run-on.
  const completeness = type === 'person' ? Math.min(words, 3) - (words > 4 ? 2 : 0) : surface.length;
  return [wellFormed, -allCaps, completeness, accents, count, surface.length];
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

export const slug = memo(slugOf);

function slugOf(s: string): string {
  return foldKey(s).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'x';
}


class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression keeps later finds flat.
    for (let node = x; node !== root; ) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

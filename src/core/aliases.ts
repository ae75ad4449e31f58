// Cross-document alias resolution: which raw mentions are the same entity, what it is called,
// and what type it is. Works on surface keys, so it is cheap to rerun after any document change.
import { CANONICAL_KEYS, KNOWN_TYPES, aliasKey, foldKey, mentionKey, naturalOrder } from './aliasKey';
import type { Corrections } from './corrections';
import { drain } from './steps';
import { EntityMention, EntityType } from './types';

export { aliasKey, foldKey };

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
  /** Fuller names mentions here stand for ("King Faisal" for "Faisal"; EntityMention.refersTo) → count. */
  fullForms: Map<string, number>;
  /** Path → number of mentions there. */
  documents: Map<string, number>;
  count: number;
  /** Changes whenever the group does (cache key for cluster drafts). */
  version: number;
  /** Derived facts, recomputed only when version moves on. */
  shape?: GroupShape;
}

interface GroupShape {
  version: number;
  type: EntityType;
  words: string[];
  /** Family name of a multi-word person. */
  family?: string;
  /** First word of a multi-word person, when longer than an initial. */
  given?: string;
  /** First word of a company name ending in a company word. */
  companyHead?: string;
}

function shapeOf(g: KeyGroup): GroupShape {
  if (g.shape && g.shape.version === g.version) return g.shape;
  const type = votedType(g.votes, g.key);
  const words = g.key.split(' ');
  const shape: GroupShape = { version: g.version, type, words };
  if (type === 'person' && words.length > 1) {
    if (words[0].length > 1) {
      shape.given = words[0];
      shape.family = familyKey(mainSurface(g));
    }
  } else if (type === 'organization' && words.length > 1 && COMPANY_WORDS.has(words[words.length - 1])) {
    shape.companyHead = words[0];
  }
  return (g.shape = shape);
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

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/**
 * Names whose mentions file under their own key even where their document linked them to a fuller
 * name: those the analyst split off or marked as no entity.
 */
export function detachedKeys(corrections: Corrections | undefined): Set<string> {
  return new Set([...(corrections?.split ?? []), ...(corrections?.ignore ?? [])]);
}

/** Per-key aggregates over all documents, updated incrementally when one document changes. */
export class KeyGroups {
  readonly groups = new Map<string, KeyGroup>();

  /** `detached`: keys of short forms the analyst split off or ignored, which keep their own key (detachedKeys). */
  constructor(readonly detached: ReadonlySet<string> = new Set()) {}
  private version = 0;
  private changed = new Set<string>();

  /** Keys changed, appeared or vanished since the last call. */
  takeChanges(): KeyChanges {
    const c = { changed: this.changed };
    this.changed = new Set();
    return c;
  }
  /** Memo of surface → key: the same few thousand surfaces recur across a corpus. */
  private readonly keyMemo = new Map<string, string>();

  keyOf(surface: string): string {
    let k = this.keyMemo.get(surface);
    if (k === undefined) this.keyMemo.set(surface, (k = aliasKey(surface)));
    return k;
  }

  /** The key a mention files under (see mentionKey). */
  keyOfMention(m: EntityMention): string {
    return mentionKey(m, this.detached, (surface) => this.keyOf(surface));
  }

  add(path: string, mentions: EntityMention[]): void {
    this.apply(path, mentions, 1);
  }

  remove(path: string, mentions: EntityMention[]): void {
    this.apply(path, mentions, -1);
  }

  private apply(path: string, mentions: EntityMention[], sign: 1 | -1): void {
    for (const m of mentions) {
      const key = this.keyOfMention(m);
      if (!key) continue;
      let g = this.groups.get(key);
      if (!g) {
        if (sign < 0) continue;
        g = { key, votes: { person: 0, organization: 0, place: 0 }, surfaces: new Map(), expansions: new Map(), fullForms: new Map(), documents: new Map(), count: 0, version: 0 };
        this.groups.set(key, g);
      }
      g.version = ++this.version;
      this.changed.add(key);
      g.count += sign;
      g.votes[m.type] += sign;
      bump(g.surfaces, m.text, sign);
      bump(g.documents, path, sign);
      if (m.refersTo && key !== this.keyOf(m.text)) bump(g.fullForms, m.refersTo, sign);
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

/** How much a full name must dominate before a bare surname or given name joins it. */
interface Evidence {
  /** The chosen name's documents, at least this many times the runner-up's. */
  overRunnerUp: number;
  /** The bare form's documents, at most this many times the chosen name's (else it means someone else). */
  bareRatio: number;
  /** The chosen name's documents, at least. */
  minDocuments: number;
}
const SURNAME_EVIDENCE: Evidence = { overRunnerUp: 2, bareRatio: 4, minDocuments: 1 };
const GIVEN_NAME_EVIDENCE: Evidence = { overRunnerUp: 3, bareRatio: 2, minDocuments: 3 };

interface BareDecision {
  pick?: KeyGroup;
  others: KeyGroup[];
  /** Decided as a given name ("Maddie"), not a surname. */
  given?: boolean;
}

/** The surname, or "initial surname", a bare name is looked up by (undefined: not a bare name). */
function bareFamily(g: KeyGroup): string | undefined {
  const words = shapeOf(g).words;
  if (words.length === 1) return g.key;
  if (words.length === 2 && /^\p{L}$/u.test(words[0])) return words[1];
  return undefined;
}

/**
 * Which full name a bare surname, initial and surname, or given name joins, if any: the full
 * names with that family name (or given name) compete by documents (dominantFullName).
 */
function bareNameDecision(
  g: KeyGroup,
  byFamily: Map<string, KeyGroup[]>,
  byGiven: Map<string, KeyGroup[]>,
  root: (key: string) => string,
  split: ReadonlySet<string>,
): BareDecision | undefined {
  const words = shapeOf(g).words;
  const family = bareFamily(g);
  if (family === undefined) return undefined;
  const candidates = byFamily.get(family)?.filter((c) => !split.has(c.key) && (words.length === 1 || c.key.startsWith(words[0])));
  if (candidates?.length) return dominantFullName(g, candidates, root, SURNAME_EVIDENCE);
  if (words.length !== 1) return undefined;
  const given = byGiven.get(g.key)?.filter((c) => !split.has(c.key));
  if (!given?.length) return undefined;
  const everywhere = sameFullNameEverywhere(g, given);
  const decision = everywhere ? { pick: everywhere, others: [] } : dominantFullName(g, given, root, GIVEN_NAME_EVIDENCE);
  return { ...decision, given: true };
}

function decisionSignature(d: BareDecision): string {
  return `${d.given ? 'g' : 's'}:${d.pick?.key ?? ''}>${d.others.map((o) => o.key).join(',')}`;
}

/**
 * Which of several full names a bare surname (or given name) means across the corpus, as a reader
 * would decide it: the person named in clearly more documents than any other — provided the bare
 * form is not far more common than that person (then it most likely means someone the corpus never
 * names in full: a bare "Bush" in forty articles is not the "Jeb Bush" written once). Full names
 * already joined count as one. The runners-up are returned either way ("could also be").
 */
function dominantFullName(bare: KeyGroup, candidates: KeyGroup[], rootOf: (key: string) => string, evidence: Evidence): BareDecision {
  const byRoot = new Map<string, { best: KeyGroup; docs: Set<string> }>();
  for (const c of candidates) {
    const root = rootOf(c.key);
    let r = byRoot.get(root);
    if (!r) byRoot.set(root, (r = { best: c, docs: new Set() }));
    for (const p of c.documents.keys()) r.docs.add(p);
    if (c.count > r.best.count || (c.count === r.best.count && c.key < r.best.key)) r.best = c;
  }
  const ranked = [...byRoot.values()].sort((x, y) => y.docs.size - x.docs.size || (x.best.key < y.best.key ? -1 : 1));
  const [top, second] = ranked;
  const others = ranked.slice(1).map((r) => r.best);
  const bareDocs = bare.documents.size;
  const dominant =
    top.docs.size >= evidence.minDocuments &&
    (!second || top.docs.size >= evidence.overRunnerUp * second.docs.size) &&
    bareDocs <= Math.max(10, evidence.bareRatio * top.docs.size);
  return dominant ? { pick: top.best, others } : { others: ranked.map((r) => r.best) };
}

/** "Could also be" names of an entity: the runners-up of the bare names it absorbed, most documents first. */
function ambiguityOf(parts: KeyGroup[], ambiguity: Map<string, RunnerUp[]>): string[] | undefined {
  const own = new Set(parts.map(mainSurface));
  const docs = new Map<string, number>();
  for (const g of parts) {
    for (const r of ambiguity.get(g.key) ?? []) if (!own.has(r.name)) docs.set(r.name, Math.max(docs.get(r.name) ?? 0, r.documents));
  }
  if (!docs.size) return undefined;
  return [...docs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

/** A full name a bare name could also mean, and in how many documents it is named. */
interface RunnerUp {
  name: string;
  documents: number;
}

/**
 * The group's most frequent surface (ties: the first in code-point order). Never the first one
 * seen: documents arrive in any order (workers, the cache, the file watcher), and the entities
 * must not depend on it.
 */
function mainSurface(g: KeyGroup): string {
  let best: string | undefined;
  let bestCount = 0;
  for (const [s, n] of g.surfaces) {
    // Only spellings of the key itself: bare surnames filed here by their documents (refersTo)
    // are shorter forms, not the name ("Trump" is written more often than "Donald Trump").
    if (g.fullForms.size && g.surfaces.size > 1 && foldKey(naturalOrder(s)) !== g.key && aliasKey(s) !== g.key) continue;
    if (n > bestCount || (n === bestCount && best !== undefined && s < best)) [best, bestCount] = [s, n];
  }
  return best ?? g.key;
}

type Draft = Omit<Cluster, 'id'>;

// Reused drafts keep their id and cluster object, so an unchanged entity costs two lookups.
const baseIdOfDraft = new WeakMap<Draft, string>();
const clusterOfDraft = new WeakMap<Draft, Cluster>();

/** Drafts of the previous run, reused for clusters whose groups did not change. */
export interface ClusterCache {
  corrections?: Corrections;
  drafts: Map<string, { signature: string; draft: Draft }>;
  last?: LastClustering;
  /**
   * The bookkeeping a later patch needs from the last full clustering (`last`), left to do: it is
   * not needed to answer queries, so it waits (settleClusterCache) until the key groups are
   * about to change, or until a host has time for it (settleSteps).
   */
  remembering?: Generator<void, void>;
  /** How many clusterings were full and how many were local patches. */
  stats: { full: number; patched: number };
}

export function newClusterCache(): ClusterCache {
  return { drafts: new Map(), stats: { full: 0, patched: 0 } };
}

/**
 * Bump whenever the clustering of given key groups changes (the rules here, the known aliases
 * and types): a clustering saved by an older version must not be adopted.
 */
export const CLUSTERING_VERSION = 2;

/** A clustering saved with the signature of the corpus and corrections it was computed for. */
export interface ClusteringSnapshot {
  signature: string;
  clusters: Cluster[];
}

/**
 * Takes clusters computed earlier over exactly these key groups (a saved clustering): the cache
 * then stands as if clusterSteps had just produced them, so the next change is patched locally.
 */
export function adoptClusters(groupMap: Map<string, KeyGroup>, corrections: Corrections | undefined, cache: ClusterCache, clusters: Cluster[]): void {
  cache.corrections = corrections;
  cache.drafts.clear();
  cache.last = undefined;
  cache.remembering = remember(cache, clusters, groupMap);
}

/** Finishes the last full clustering's bookkeeping; call before the key groups change. */
export function settleClusterCache(cache: ClusterCache): void {
  const steps = cache.remembering;
  cache.remembering = undefined;
  if (steps) drain(steps);
}

/** settleClusterCache in slices. Abandoned half way, settleClusterCache finishes the same work. */
export function* settleSteps(cache: ClusterCache): Generator<void, void> {
  const steps = cache.remembering;
  if (!steps) return;
  yield* steps;
  if (cache.remembering === steps) cache.remembering = undefined;
}

/** Name, type and aliases of the entity made of these key groups. */
function draftOf(parts: KeyGroup[], corrections: Corrections | undefined, amb: string[] | undefined): Draft {
  const votes: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  const surfaces = new Map<string, number>();
  const fullForms = new Map<string, number>();
  let count = 0;
  let knownType: EntityType | undefined;
  for (const g of parts) {
    votes.person += g.votes.person;
    votes.organization += g.votes.organization;
    votes.place += g.votes.place;
    count += g.count;
    for (const [s, n] of g.surfaces) surfaces.set(s, (surfaces.get(s) ?? 0) + n);
    for (const [s, n] of g.fullForms) fullForms.set(s, (fullForms.get(s) ?? 0) + n);
    knownType ??= KNOWN_TYPES.get(g.key);
  }
  const retyped = parts.map((g) => corrections?.retype.get(g.key)).find(Boolean);
  const type = retyped ?? knownType ?? entityType(votes, parts);
  let name = '';
  let bestScore: number[] | undefined;
  // The name is chosen among the forms written and the fuller names they stood for.
  const candidates = new Map(surfaces);
  for (const [s, n] of fullForms) if (!candidates.has(s)) candidates.set(s, n);
  let most = '';
  for (const [s, n] of candidates) if (n > (candidates.get(most) ?? 0)) most = s;
  const mostCount = candidates.get(most) ?? 0;
  const acronymMost = /^[\p{Lu}\d&.]{2,8}$/u.test(most);
  for (const [s, n] of candidates) {
    const score = nameScore(s, type, n, mostCount, acronymMost);
    // Equal scores: the first in code-point order, whatever order the surfaces were seen in.
    if (!bestScore || better(score, bestScore) || (!better(bestScore, score) && s < name)) {
      bestScore = score;
      name = s;
    }
  }
  const renamed = parts.map((g) => corrections?.rename.get(g.key)).find(Boolean);
  if (renamed) name = renamed;
  const aliases = [...surfaces.keys()].filter((s) => s !== name).sort();
  const keys = parts.map((g) => g.key).sort();
  return { name, type, aliases, keys, count, ...(amb ? { ambiguousWith: amb } : {}) };
}

/** What decides how a group links to others; a change in any of it means a full re-clustering. */
function linkSignature(g: KeyGroup): string {
  const sh = shapeOf(g);
  const expansions = g.expansions.size ? [...g.expansions.keys()].sort().join(',') : '';
  return `${sh.type}|${g.votes.person > 0 ? 1 : 0}|${sh.family ?? ''}|${sh.given ?? ''}|${sh.companyHead ?? ''}|${expansions}`;
}

/** Keys touched since the last clustering: the index passes these so an edit re-clusters locally. */
export interface KeyChanges {
  /** Keys whose group changed, appeared or vanished. */
  changed: Set<string>;
}

/**
 * What a group is filed under or looks up. `strict`: its own key when one word, a family name —
 * any other key sharing one can change how both link. `loose`: a given name or company head,
 * which links only to a one-word key equal to it.
 */
interface LookupValues {
  strict: string[];
  loose: string[];
}

function lookupValues(g: KeyGroup): LookupValues {
  const sh = shapeOf(g);
  const strict: string[] = [];
  const loose: string[] = [];
  if (sh.words.length === 1) strict.push(g.key);
  else if (sh.words.length === 2 && sh.words[0].length === 1) strict.push(sh.words[1]);
  if (sh.family) strict.push(sh.family);
  if (sh.given) loose.push(sh.given);
  if (sh.companyHead) loose.push(sh.companyHead);
  return { strict, loose };
}

function eachValue(v: LookupValues): string[] {
  return v.loose.length ? [...v.strict, ...v.loose] : v.strict;
}

/**
 * Patches the previous clustering for an edit that links nothing new: changed groups keep how they
 * link (type, family and given name, company head, acronyms), and keys that appear or disappear
 * share no lookup value with any other key. Returns undefined otherwise, and the caller
 * re-clusters everything.
 */
function patchClusters(groupMap: Map<string, KeyGroup>, corrections: Corrections | undefined, cache: ClusterCache, changes: KeyChanges): Cluster[] | undefined {
  const last = cache.last;
  if (!last) return undefined;
  const ignore = corrections?.ignore;
  const merged = new Set((corrections?.merge ?? []).flat());
  const touched = new Set<Cluster>();
  const gone = new Set<Cluster>();
  const fresh: KeyGroup[] = [];
  /** Surnames and given names whose full names changed documents: their bare names are decided again. */
  const recheck: string[] = [];
  const alone = (key: string, values: LookupValues, own: number) =>
    !last.expansionTargets.has(key) &&
    !merged.has(key) &&
    values.strict.every((v) => (last.lookupCounts.get(v) ?? 0) === own && (v === key || !groupMap.has(v))) &&
    values.loose.every((v) => !groupMap.has(v));
  for (const key of changes.changed) {
    if (ignore?.has(key)) continue;
    const g = groupMap.get(key);
    const before = last.links.get(key);
    if (!g) {
      if (before === undefined) continue;
      // A vanished key must have stood alone: its own cluster, nobody filed with it.
      const cluster = last.clusterOfKey.get(key)!;
      if (cluster.keys.length !== 1 || !alone(key, last.filed.get(key) ?? { strict: [], loose: [] }, 1)) return undefined;
      gone.add(cluster);
      continue;
    }
    if (before !== undefined) {
      if (before !== linkSignature(g)) return undefined;
      // Bare names join full names by document counts (dominantFullName): where names compete
      // for one surname or given name, a change in documents can tip it.
      if (last.documentCounts.get(key) !== g.documents.size) {
        const values = last.filed.get(key)!;
        if (values.strict.some((v) => (last.lookupCounts.get(v) ?? 0) > 1) || values.loose.some((v) => groupMap.has(v))) recheck.push(...eachValue(values));
      }
      touched.add(last.clusterOfKey.get(key)!);
      continue;
    }
    if (g.expansions.size || !alone(key, lookupValues(g), 0)) return undefined;
    fresh.push(g);
  }
  if (recheck.length && !sameBareDecisions(groupMap, corrections, last, new Set(recheck))) return undefined;
  for (const key of changes.changed) if (groupMap.has(key)) last.documentCounts.set(key, groupMap.get(key)!.documents.size);
  const replaced = new Map<Cluster, Cluster>();
  const added: Cluster[] = [];
  const taken = (id: string, previous?: Cluster) =>
    (last.byId.has(id) && last.byId.get(id) !== previous && !gone.has(last.byId.get(id)!)) || added.some((c) => c.id === id);
  for (const old of touched) {
    const draft = draftOf(old.keys.map((k) => groupMap.get(k)!), corrections, old.ambiguousWith);
    const id = `${draft.type}:${slug(draft.name)}`;
    if (taken(id, old)) return undefined;
    replaced.set(old, { id, ...draft });
  }
  for (const g of fresh) {
    const draft = draftOf([g], corrections, undefined);
    const id = `${draft.type}:${slug(draft.name)}`;
    if (taken(id)) return undefined;
    added.push({ id, ...draft });
  }
  if (new Set([...replaced.values()].map((c) => c.id)).size !== replaced.size) return undefined;

  const clusters: Cluster[] = [];
  for (const c of last.clusters) if (!gone.has(c)) clusters.push(replaced.get(c) ?? c);
  clusters.push(...added);
  for (const c of gone) {
    const key = c.keys[0];
    for (const v of eachValue(last.filed.get(key) ?? { strict: [], loose: [] })) bumpCount(last.lookupCounts, v, -1);
    last.links.delete(key);
    last.documentCounts.delete(key);
    last.filed.delete(key);
    last.clusterOfKey.delete(key);
    if (last.byId.get(c.id) === c) last.byId.delete(c.id);
  }
  for (const [old, now] of replaced) {
    if (last.byId.get(old.id) === old) last.byId.delete(old.id);
    last.byId.set(now.id, now);
    for (const k of now.keys) last.clusterOfKey.set(k, now);
  }
  for (const c of added) {
    const g = groupMap.get(c.keys[0])!;
    const values = lookupValues(g);
    for (const v of eachValue(values)) bumpCount(last.lookupCounts, v, 1);
    last.filed.set(g.key, values);
    last.links.set(g.key, linkSignature(g));
    last.documentCounts.set(g.key, g.documents.size);
    last.clusterOfKey.set(g.key, c);
    last.byId.set(c.id, c);
  }
  last.clusters = clusters;
  return clusters;
}

/**
 * Whether the bare names looked up by these surnames / given names would be decided as before,
 * with the groups as they are now (candidates already in one cluster count as one).
 */
function sameBareDecisions(groupMap: Map<string, KeyGroup>, corrections: Corrections | undefined, last: LastClustering, values: Set<string>): boolean {
  if (!last.decisions) return false;
  const split = corrections?.split ?? new Set<string>();
  const ignore = corrections?.ignore ?? new Set<string>();
  const byFamily = new Map<string, KeyGroup[]>();
  const byGiven = new Map<string, KeyGroup[]>();
  const bare: KeyGroup[] = [];
  for (const g of groupMap.values()) {
    if (ignore.has(g.key)) continue;
    const { given, family } = shapeOf(g);
    if (family && values.has(family)) addTo(byFamily, family, g);
    if (given && values.has(given)) addTo(byGiven, given, g);
    const bf = bareFamily(g);
    if (bf !== undefined && values.has(bf) && g.votes.person > 0 && !split.has(g.key)) bare.push(g);
  }
  const rootOf = (k: string): string => last.clusterOfKey.get(k)?.id ?? k;
  for (const g of bare) {
    const decision = bareNameDecision(g, byFamily, byGiven, rootOf, split);
    if ((decision ? decisionSignature(decision) : undefined) !== last.decisions.get(g.key)) return false;
  }
  return true;
}

function bumpCount(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** Keeps what patchClusters needs from a full clustering. */
function* remember(cache: ClusterCache, clusters: Cluster[], groupMap: Map<string, KeyGroup>, decisions?: Map<string, string>): Generator<void, void> {
  const clusterOfKey = new Map<string, Cluster>();
  const byId = new Map<string, Cluster>();
  for (const c of clusters) {
    byId.set(c.id, c);
    for (const k of c.keys) clusterOfKey.set(k, c);
  }
  const links = new Map<string, string>();
  const documentCounts = new Map<string, number>();
  const filed = new Map<string, LookupValues>();
  const lookupCounts = new Map<string, number>();
  const expansionTargets = new Set<string>();
  let n = 0;
  for (const g of groupMap.values()) {
    if (++n % SLICE === 0) yield;
    links.set(g.key, linkSignature(g));
    documentCounts.set(g.key, g.documents.size);
    const values = lookupValues(g);
    filed.set(g.key, values);
    for (const v of eachValue(values)) bumpCount(lookupCounts, v, 1);
    for (const ek of g.expansions.keys()) expansionTargets.add(ek);
  }
  cache.last = { clusters, clusterOfKey, byId, links, documentCounts, filed, lookupCounts, expansionTargets, decisions };
}

interface LastClustering {
  clusters: Cluster[];
  clusterOfKey: Map<string, Cluster>;
  byId: Map<string, Cluster>;
  /** linkSignature of every key. */
  links: Map<string, string>;
  /** How many documents each key's group was in. */
  documentCounts: Map<string, number>;
  /** How each bare name was decided (decisionSignature); absent after adopting a saved clustering. */
  decisions?: Map<string, string>;
  /** lookupValues of every key. */
  filed: Map<string, LookupValues>;
  /** How many keys are filed under or look up each value. */
  lookupCounts: Map<string, number>;
  /** Keys some acronym expands to. */
  expansionTargets: Set<string>;
}

/** Groups handled between two yields of a sliced clustering (well under a millisecond of work). */
const SLICE = 100;

/** Clusters the key groups into entities. Cost grows with distinct keys, not with mentions. */
export function clusterKeyGroups(
  groupMap: Map<string, KeyGroup>,
  corrections?: Corrections,
  cache = newClusterCache(),
  changes?: KeyChanges,
): Cluster[] {
  const clusters = drain(clusterSteps(groupMap, corrections, cache, changes));
  settleClusterCache(cache); // the caller may change the groups next
  return clusters;
}

/**
 * clusterKeyGroups as a generator that yields every few milliseconds, so a host can spread a
 * full clustering over its event loop. Abandoning it half way leaves the cache needing a full run.
 */
export function* clusterSteps(
  groupMap: Map<string, KeyGroup>,
  corrections?: Corrections,
  cache = newClusterCache(),
  changes?: KeyChanges,
): Generator<void, Cluster[]> {
  if (cache.corrections !== corrections) {
    cache.drafts.clear();
    cache.last = undefined;
    cache.corrections = corrections;
  }
  const patched = changes && patchClusters(groupMap, corrections, cache, changes);
  if (patched) {
    cache.stats.patched++;
    return patched;
  }
  cache.stats.full++;
  // Until this run completes, the last clustering no longer matches the key groups.
  cache.last = undefined;
  cache.remembering = undefined;
  let n = 0;
  const split = corrections?.split ?? new Set<string>();
  const ignore = corrections?.ignore ?? new Set<string>();
  const groups = [...groupMap.values()].filter((g) => !ignore.has(g.key));
  const uf = new UnionFind();
  for (const g of groups) {
    if (++n % SLICE === 0) yield;
    for (const ek of g.expansions.keys()) {
      if (!split.has(g.key) && !split.has(ek) && !ignore.has(ek)) uf.union(ek, g.key);
    }
  }

  // A one-word short form of a company ("Halcyon" for "Halcyon Maritime Logistics") joins the one
  // longer company name it begins, when there is exactly one. Only names ending in a company word
  // qualify: other long "organizations" are too often tagging run-ons to lend their first word.
  const orgPrefixes = new Map<string, KeyGroup[]>();
  for (const g of groups) {
    if (++n % SLICE === 0) yield;
    const head = shapeOf(g).companyHead;
    if (!head || split.has(g.key)) continue;
    const list = orgPrefixes.get(head);
    if (list) list.push(g);
    else orgPrefixes.set(head, [g]);
  }
  for (const g of groups) {
    if (++n % SLICE === 0) yield;
    const longer = orgPrefixes.get(g.key);
    if (!longer || split.has(g.key) || shapeOf(g).type !== 'organization') continue;
    // Some document must write both ("Halcyon Maritime Logistics ... Halcyon"): an ordinary word
    // that happens to begin a company's name ("The World", "World Bank") never does.
    const together = [...g.documents.keys()].some((p) => longer.some((c) => c.documents.has(p)));
    if (together && new Set(longer.map((c) => uf.find(c.key))).size === 1) uf.union(longer[0].key, g.key);
  }

  // Surname-only and initial-plus-surname people join the unique full name with that family name.
  const byFamily = new Map<string, KeyGroup[]>();
  const byGiven = new Map<string, KeyGroup[]>();
  for (const g of groups) {
    if (++n % SLICE === 0) yield;
    const { given, family } = shapeOf(g);
    if (given) addTo(byGiven, given, g);
    if (family) addTo(byFamily, family, g);
  }
  const ambiguity = new Map<string, RunnerUp[]>();
  const decisions = new Map<string, string>();
  for (const g of groups) {
    if (++n % SLICE === 0) yield;
    if (g.votes.person === 0 || split.has(g.key)) continue;
    const decision = bareNameDecision(g, byFamily, byGiven, (k) => uf.find(k), split);
    if (!decision) continue;
    decisions.set(g.key, decisionSignature(decision));
    if (decision.pick) uf.union(decision.pick.key, g.key);
    if (decision.others.length && !decision.given) ambiguity.set(g.key, decision.others.map((o) => ({ name: mainSurface(o), documents: o.documents.size })));
  }

  for (const names of corrections?.merge ?? []) {
    const present = names.filter((k) => groupMap.has(k) && !ignore.has(k));
    for (const k of present.slice(1)) uf.union(present[0], k);
  }

  const byRoot = new Map<string, KeyGroup[]>();
  for (const g of groups) {
    if (++n % SLICE === 0) yield;
    const root = uf.find(g.key);
    const list = byRoot.get(root);
    if (list) list.push(g);
    else byRoot.set(root, [g]);
  }

  const drafts: Draft[] = [];
  const nextDrafts = new Map<string, { signature: string; draft: Draft }>();
  for (const [root, parts] of byRoot) {
    if (++n % SLICE === 0) yield;
    const amb = ambiguityOf(parts, ambiguity);
    const signature = (parts.length === 1 ? `${parts[0].version}` : parts.map((g) => `${g.key}:${g.version}`).join('|')) + `|${amb ?? ''}`;
    const cached = cache.drafts.get(root);
    if (cached && cached.signature === signature) {
      drafts.push(cached.draft);
      nextDrafts.set(root, cached);
      continue;
    }
    const draft = draftOf(parts, corrections, amb);
    drafts.push(draft);
    nextDrafts.set(root, { signature, draft });
  }
  cache.drafts = nextDrafts;

  // Ids follow names; a rare clash gets suffixes assigned in key order, so ids stay stable.
  const byBase = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (++n % SLICE === 0) yield;
    let base = baseIdOfDraft.get(d);
    if (base === undefined) baseIdOfDraft.set(d, (base = `${d.type}:${slug(d.name)}`));
    const list = byBase.get(base);
    if (list) list.push(d);
    else byBase.set(base, [d]);
  }
  const clusters: Cluster[] = [];
  for (const [base, list] of byBase) {
    if (++n % SLICE === 0) yield;
    if (list.length > 1) list.sort((a, b) => (a.keys[0] < b.keys[0] ? -1 : 1));
    list.forEach((d, i) => {
      const id = i === 0 ? base : `${base}-${i + 1}`;
      let cluster = clusterOfDraft.get(d);
      if (!cluster || cluster.id !== id) clusterOfDraft.set(d, (cluster = { id, ...d }));
      clusters.push(cluster);
    });
  }
  cache.remembering = remember(cache, clusters, groupMap, decisions);
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
  const keyGroups = new KeyGroups(detachedKeys(corrections));
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
    for (const mention of d.entities) byKey.get(keyGroups.keyOfMention(mention))?.members.push({ path: d.path, mention });
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
  // Counted on the folded key, so "Kilroy-Silk" and "Kilroy Silk" are equally complete.
  words: foldKey(surface).split(' ').length,
  /** The spelling a well-known variant resolves to ("United Kingdom" for "UK", "Britain"). */
  canonical: CANONICAL_KEYS.has(foldKey(surface)) ? 1 : 0,
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

/**
 * An entity's type from all its mentions. A one-word "person" never written with a first name or
 * surname is weak evidence: a club ("Chelsea"), company or place the recognizer took for a first
 * name. When a good share of its mentions say organization or place, that wins.
 */
function entityType(votes: Record<EntityType, number>, parts: KeyGroup[]): EntityType {
  const voted = votedType(votes, '');
  if (voted !== 'person' || parts.some((g) => g.key.includes(' '))) return voted;
  const other: EntityType = votes.organization >= votes.place ? 'organization' : 'place';
  return votes[other] >= 0.3 * votes.person ? other : voted;
}

function votedType(votes: Record<EntityType, number>, key: string): EntityType {
  const known = KNOWN_TYPES.get(key);
  if (known) return known;
  const order: EntityType[] = ['person', 'organization', 'place'];
  return order.reduce((best, t) => (votes[t] > votes[best] ? t : best), order[0]);
}

/** How complete and well-formed a surface is as a display name (higher is better). */
function nameScore(surface: string, type: EntityType, count: number, most: number, acronymMost: boolean): number[] {
  const { words, wellFormed, allCaps, accents, canonical } = surfaceShape(surface);
  // People: the full name beats the surname, however rare, but a 5-word "name" is more likely a
  // tagging run-on. Others: the fuller form ("Federal Bureau of Investigation", not "FBI") among
  // the forms written often enough, so a rare form glued to a neighbouring word never wins; an
  // acronym's spelled-out form always counts.
  const completeness = Math.min(words, 3) - (words > 4 ? 2 : 0);
  const frequent = type === 'person' || count * 10 >= most || (acronymMost && words > 1) ? 1 : 0;
  return [wellFormed, canonical, frequent, -allCaps, completeness, count, accents, surface.length];
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

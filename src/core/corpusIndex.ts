// The cross-document index: documents in, entities / references / timeline out. Alias
// resolution reruns lazily after a change; per-request lookups are binary searches.
// Two ways for queries to meet changes (CorpusIndexOptions.queries): exact (the CLI, exports) or
// from a snapshot that a sliced preparation swaps in whole (the editor, whose thread never waits).
import {
  adoptClusters, Cluster, CLUSTERING_VERSION, ClusteringSnapshot, clusterSteps, detachedKeys, foldKey, KeyGroups, newClusterCache, settleClusterCache, settleSteps,
} from './aliases';
import type { DateContext } from './dateContext';
import { contentHash } from './hash';
import { suggestSameEntities, suggestSameEntitySteps, type SameEntitySuggestion } from './suggestions';
import { ABANDONED, drain, Slicer, sortSteps } from './steps';
import { analyzeDocumentLazily as analyzeDocument } from './lazyAnalyze';
import { Corrections, CORRECTIONS_FILE, NO_CORRECTIONS } from './corrections';
import { settleRenamedIds } from './renamedIds';
import { buildTimeline, TimelineSource, timelineSteps } from './timeline';
import { internAnalysisStrings, InternTable } from './intern';
import { PlacedMentions } from './placedMentions';
import { offsetAt as offsetAtLine, positionAt as positionAtLine, spanAt } from './text';
import { DateMention, DocumentAnalysis, Entity, EntityMention, MentionRef, Position, Span, TimelineDay } from './types';

export interface CorpusIndexOptions {
  /** The analyst's corrections (.dossier/aliases.json, parsed by parseCorrections). */
  corrections?: Corrections;
  /**
   * How queries meet changes.
   * - 'exact' (default; the CLI, exports, tests): a query after a change resolves aliases (and
   *   builds what else it needs) on the spot, so it always sees the documents as they are.
   * - 'snapshot' (the editor): a query never does that work. Entities, the timeline, date lists
   *   and suggestions answer from the last preparation (prepare()) that ran to its end, swapped
   *   in whole, even when documents changed since; per-document facts (texts, date mentions,
   *   mention positions) are always the current ones. A mention whose name the snapshot does not
   *   know yet has no entity until the next swap.
   */
  queries?: 'exact' | 'snapshot';
  /** Runs prepare()'s slices, sharing them with the host's other sliced work (default: its own). */
  slicer?: Slicer;
}

/** An entity whose mention list is gathered only when someone asks for it. */
class EntityRecord implements Entity {
  readonly id: string;
  readonly name: string;
  readonly type: Entity['type'];
  readonly aliases: string[];
  readonly ambiguousWith?: string[];
  readonly keys: string[];
  readonly count: number;
  private folded?: string;
  /**
   * Where its mentions are, found by one scan of its documents: pairs (index into documents,
   * index into that document's placed mentions), 8 bytes a mention where MentionRefs take ~200.
   */
  private places?: Int32Array;
  private documentList?: string[];
  /** The index's change count when the lists were gathered: they hold until the next change. */
  private listsAt = -1;

  constructor(
    cluster: Cluster,
    private readonly index: CorpusIndex,
  ) {
    this.id = cluster.id;
    this.name = cluster.name;
    this.type = cluster.type;
    this.aliases = cluster.aliases;
    if (cluster.ambiguousWith) this.ambiguousWith = cluster.ambiguousWith;
    this.keys = cluster.keys;
    this.count = cluster.count;
  }

  /** Name and aliases folded once, so a search folds only the query. */
  get searchText(): string {
    return (this.folded ??= [this.name, ...this.aliases].map(foldKey).join('\n'));
  }

  get mentionCount(): number {
    return this.count;
  }

  /** Drops lists gathered before the last change (a snapshot's records outlive changes). */
  private fresh(): void {
    if (this.listsAt === this.index.changeCount) return;
    this.listsAt = this.index.changeCount;
    this.documentList = this.places = undefined;
  }

  get documents(): string[] {
    this.fresh();
    return (this.documentList ??= this.index.documentsOfKeys(this.keys));
  }

  /** Gathered on each call from the placed mentions (the index keeps the last few lists). */
  get mentions(): MentionRef[] {
    return this.index.mentionsOf(this);
  }

  /** @internal What `mentions` returns, made afresh from where the mentions are (found once). */
  gatherMentions(): MentionRef[] {
    this.fresh();
    const documents = this.documents;
    for (let attempt = 0; ; attempt++) {
      const places = (this.places ??= this.findPlaces(documents));
      const list: MentionRef[] = [];
      for (let j = 0; j < places.length; j += 2) {
        const placed = this.index.placedMentions(documents[places[j]]);
        const i = places[j + 1];
        // A record kept by someone past a change to its documents finds its mentions again.
        if (i >= placed.length || !this.keys.includes(placed.key(i))) break;
        list.push(placed.ref(i));
      }
      if (list.length * 2 === places.length || attempt > 0) return list;
      this.places = undefined;
    }
  }

  private findPlaces(documents: string[]): Int32Array {
    const pairs: number[] = [];
    documents.forEach((path, d) => {
      const placed = this.index.placedMentions(path);
      for (let i = 0; i < placed.length; i++) if (this.keys.includes(placed.key(i))) pairs.push(d, i);
    });
    return Int32Array.from(pairs);
  }

  toJSON(): Entity {
    const { id, name, type, aliases, mentions, mentionCount, documents, ambiguousWith } = this;
    return { id, name, type, aliases, mentions, mentionCount, documents, ...(ambiguousWith ? { ambiguousWith } : {}) };
  }
}

/** How many entities' mention lists the index keeps (the hover and the views ask for a few at a time). */
const RECENT_MENTION_LISTS = 32;
/** …and at most this many mentions in all (~200 bytes each): an export asks for the largest lists first. */
const RECENT_MENTIONS = 20_000;

/** Most mentioned first, then by name. */
const byMentions = (a: EntityRecord, b: EntityRecord): number => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface Resolved {
  /** Sorted by mentions on first use: lookups at a position never need the order. */
  entities?: EntityRecord[];
  clusters: Cluster[];
  records: EntityRecord[];
  byId: Map<string, EntityRecord>;
  byKey: Map<string, EntityRecord>;
  suggestions?: SameEntitySuggestion[];
}

/**
 * What snapshot queries read, each part as of the preparation that finished it (`at`: the
 * index's change count then). Entities are swapped in as soon as they are resolved and sorted,
 * the timeline, date list and suggestions once they are built on top of them.
 */
interface Published {
  resolved: Resolved & { entities: EntityRecord[] };
  resolvedAt: number;
  timeline: TimelineDay[];
  dateRefs: DateReference[];
  suggestions: SameEntitySuggestion[];
  builtAt: number;
}

const NOTHING_PUBLISHED: Published = {
  resolved: { entities: [], clusters: [], records: [], byId: new Map(), byKey: new Map(), suggestions: [] },
  resolvedAt: -1,
  timeline: [],
  dateRefs: [],
  suggestions: [],
  builtAt: -1,
};

export interface DateReference {
  path: string;
  mention: DateMention;
  range: { start: Position; end: Position };
}

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

export class CorpusIndex {
  private readonly docs = new Map<string, DocumentAnalysis>();
  private readonly texts = new Map<string, string>();
  /** One instance of each string the documents' analyses repeat (intern.ts). */
  private readonly strings: InternTable = new Map();
  /** Alias-key aggregates, updated per document so re-resolution never rescans the corpus. */
  private keyGroups: KeyGroups;
  private clusterCache = newClusterCache();
  /** Counts changes to the index (documents, corrections), for work done in slices to notice them. */
  private changes = 0;
  /** A cluster object survives re-resolution only while its key groups are unchanged, and so may its record. */
  private readonly recordOfCluster = new WeakMap<Cluster, EntityRecord>();
  private resolved: Resolved | undefined;
  /** Per document, entity mentions with their alias keys, sorted by start; kept until the document changes. */
  private readonly placed = new Map<string, PlacedMentions>();
  /**
   * The mention lists of the entities asked for last, most recent last: an entity's list is a
   * few hundred bytes a mention, so they are not all kept (an export asks for every one).
   */
  private readonly recentMentions = new Map<EntityRecord, MentionRef[]>();
  private recentMentionCount = 0;
  private readonly coMentionCache = new Map<string, { entity: Entity; count: number }[]>();
  private timelineCache: TimelineDay[] | undefined;
  /** Every resolved date mention, sorted by value; built on demand after a change. */
  private dateRefs: DateReference[] | undefined;

  private corrections: Corrections;
  /** Renames that could not take their new name's plain id (settleRenamedIds). */
  private renameProblems: string[] = [];
  /** Snapshot mode: what queries answer from (CorpusIndexOptions.queries); exact mode: undefined. */
  private published: Published | undefined;
  private readonly slicer: Slicer;

  constructor(options: CorpusIndexOptions = {}) {
    this.corrections = options.corrections ?? NO_CORRECTIONS;
    this.keyGroups = new KeyGroups(detachedKeys(this.corrections));
    if (options.queries === 'snapshot') this.published = NOTHING_PUBLISHED;
    this.slicer = options.slicer ?? new Slicer();
  }

  /** @internal Changes so far (documents, corrections): lists gathered at another count are stale. */
  get changeCount(): number {
    return this.changes;
  }

  /** How often alias resolution re-clustered everything, and how often it patched locally. */
  get clusteringStats(): { full: number; patched: number } {
    return { ...this.clusterCache.stats };
  }

  /** Replaces the analyst's corrections; entities re-resolve on the next query. */
  setCorrections(corrections: Corrections): void {
    this.corrections = corrections;
    const detached = detachedKeys(corrections);
    if (!sameKeys(this.keyGroups.detached, detached)) {
      // Split-off or ignored short forms file under their own keys: the aggregates are rebuilt.
      settleClusterCache(this.clusterCache);
      this.keyGroups = new KeyGroups(detached);
      for (const doc of this.docs.values()) this.keyGroups.add(doc.path, doc.entities);
      this.placed.clear();
    }
    this.invalidate();
  }

  /** Analyzes text and adds or replaces the document. */
  update(path: string, text: string, warnings: string[] = [], dateContext?: DateContext): DocumentAnalysis {
    const analysis = analyzeDocument(path, text, warnings, dateContext);
    this.set(analysis, text);
    return analysis;
  }

  /** Adds a precomputed analysis (from a worker or the cache); the text gives sentence snippets. */
  set(analysis: DocumentAnalysis, text: string): void {
    internAnalysisStrings(analysis, this.strings);
    settleClusterCache(this.clusterCache);
    const old = this.docs.get(analysis.path);
    if (old) this.keyGroups.remove(old.path, old.entities);
    this.keyGroups.add(analysis.path, analysis.entities);
    this.docs.set(analysis.path, analysis);
    this.placed.delete(analysis.path);
    this.texts.set(analysis.path, text);
    this.invalidate();
  }

  remove(path: string): boolean {
    const old = this.docs.get(path);
    if (old) settleClusterCache(this.clusterCache);
    if (old) this.keyGroups.remove(path, old.entities);
    const had = this.docs.delete(path);
    this.texts.delete(path);
    this.placed.delete(path);
    if (had) this.invalidate();
    return had;
  }

  clear(): void {
    // Start afresh rather than subtracting every document one by one.
    const stats = this.clusterCache.stats;
    this.keyGroups = new KeyGroups(detachedKeys(this.corrections));
    this.clusterCache = newClusterCache();
    this.clusterCache.stats = stats;
    this.docs.clear();
    this.texts.clear();
    this.strings.clear();
    this.placed.clear();
    this.invalidate();
  }

  private invalidate(): void {
    this.changes++;
    if (this.preparing && !this.resolved) {
      // The half-done clustering consumed the key changes it was given: the next one must be full.
      this.clusterCache.last = undefined;
    }
    this.preparing = undefined;
    this.resolved = undefined;
    this.coMentionCache.clear();
    this.recentMentions.clear();
    this.recentMentionCount = 0;
    this.timelineCache = undefined;
    this.dateRefs = undefined;
  }

  get size(): number {
    return this.docs.size;
  }

  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  /** Paths of the documents under a folder (any order; no sorting of the whole corpus). */
  pathsUnder(folder: string): string[] {
    const prefix = folder.endsWith('/') ? folder : folder + '/';
    const out: string[] = [];
    for (const p of this.docs.keys()) if (p.startsWith(prefix)) out.push(p);
    return out;
  }

  analysis(path: string): DocumentAnalysis | undefined {
    return this.docs.get(path);
  }

  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  /** Documents ordered by publication date (undated last), then path. */
  pathsByDate(): string[] {
    return this.paths().sort((a, b) => compareByDate(this.docs.get(a)!, this.docs.get(b)!));
  }

  positionAt(path: string, offset: number): Position {
    const doc = this.docs.get(path);
    return doc ? positionAtLine(doc.lineStarts, offset) : { line: 0, character: offset };
  }

  offsetAt(path: string, position: Position): number {
    const doc = this.docs.get(path);
    return doc ? offsetAtLine(doc.lineStarts, position, this.texts.get(path)?.length ?? 0) : 0;
  }


  /** The resolution queries read: the current one (exact mode, made now if need be) or the snapshot's. */
  private resolve(): Resolved {
    if (this.published) return this.published.resolved;
    if (!this.resolved) this.finishPreparing();
    if (!this.resolved) drain(this.resolveSteps());
    return this.resolved!;
  }

  private *resolveSteps(): Generator<void, void> {
    const clusters = yield* clusterSteps(this.keyGroups.groups, this.corrections, this.clusterCache, this.keyGroups.takeChanges());
    this.resolved = yield* this.recordsOf(clusters);
  }

  private *recordsOf(clusters: Cluster[]): Generator<void, Resolved> {
    const byId = new Map<string, EntityRecord>();
    const byKey = new Map<string, EntityRecord>();
    const records: EntityRecord[] = [];
    const settled = settleRenamedIds(clusters, this.corrections);
    this.renameProblems = settled.problems;
    for (const c of settled.clusters) {
      let e = this.recordOfCluster.get(c);
      if (!e) this.recordOfCluster.set(c, (e = new EntityRecord(c, this)));
      byId.set(e.id, e);
      for (const k of c.keys) byKey.set(k, e);
      records.push(e);
      if (records.length % 100 === 0) yield;
    }
    return { clusters, records, byId, byKey };
  }

  /** What a clustering depends on: every document's content, by path, the corrections, the rules. */
  corpusSignature(): string {
    const docs = [...this.docs.values()].map((d) => `${d.path}\t${d.hash}`).sort();
    const c = this.corrections;
    const corrections = JSON.stringify([c.merge, [...c.split].sort(), [...c.rename].sort(), [...c.retype].sort(), [...c.ignore].sort()]);
    return contentHash(`clustering ${CLUSTERING_VERSION}\n${corrections}\n${docs.join('\n')}`);
  }

  /** Problems with the corrections found while resolving entities (resolves them if needed). */
  correctionWarnings(): string[] {
    this.resolve();
    return this.renameProblems.map((p) => `${CORRECTIONS_FILE}: ${p}`);
  }

  /** The current clustering, to save for the next start; undefined until aliases are resolved. */
  clusteringSnapshot(): ClusteringSnapshot | undefined {
    return this.resolved ? { signature: this.corpusSignature(), clusters: this.resolved.clusters } : undefined;
  }

  /**
   * Adopts a saved clustering instead of computing one, when it was computed for exactly these
   * documents and corrections (and names exactly their alias keys). False: nothing changed, the
   * clustering will be computed as usual.
   */
  restoreClustering(snapshot: ClusteringSnapshot): boolean {
    return drain(this.restoreSteps(snapshot));
  }

  /** restoreClustering in slices; a change to the index meanwhile makes it give up (false). */
  *restoreSteps(snapshot: ClusteringSnapshot): Generator<void, boolean> {
    if (this.resolved || snapshot.signature !== this.corpusSignature()) return false;
    const at = this.changes;
    const groups = this.keyGroups.groups;
    const ignore = this.corrections.ignore;
    let keys = 0;
    for (const c of snapshot.clusters) {
      for (const k of c.keys) {
        if (!groups.has(k) || ignore.has(k)) return false;
        if (++keys % 2000 === 0) {
          yield;
          if (this.changes !== at || this.resolved) return false;
        }
      }
    }
    let expected = 0;
    for (const k of groups.keys()) if (!ignore.has(k)) expected++;
    if (keys !== expected) return false;
    this.keyGroups.takeChanges();
    // From here the cache stands for the snapshot: a change meanwhile is patched onto it later.
    adoptClusters(groups, this.corrections, this.clusterCache, snapshot.clusters);
    const resolved = yield* this.recordsOf(snapshot.clusters);
    if (this.changes !== at || this.resolved) return false;
    this.resolved = resolved;
    return true;
  }

  private *timelineSources(resolved: Resolved): Generator<TimelineSource> {
    for (const doc of this.docs.values()) {
      yield {
        analysis: doc,
        text: this.texts.get(doc.path) ?? '',
        entityMentions: this.placedMentions(doc.path),
        entityIdOf: (key: string) => resolved.byKey.get(key)?.id,
      };
    }
  }

  private *prepareSteps(): Generator<void, void> {
    if (!this.resolved) yield* this.resolveSteps();
    const resolved = this.resolved!;
    const entities = (resolved.entities ??= yield* sortSteps(resolved.records, byMentions));
    const at = this.changes;
    // Snapshot mode: the entities are ready, swap them in before building the rest on them.
    if (this.published) this.published = { ...this.published, resolved: { ...resolved, entities }, resolvedAt: at };
    yield;
    if (!this.timelineCache) this.timelineCache = yield* timelineSteps(this.timelineSources(resolved));
    if (this.published) {
      this.dateRefs ??= yield* this.dateRefSteps();
      // Suggestions and the views read every entity's documents: gathered a few entities a step
      // (one named in a thousand documents is a long step of its own).
      let gathered = 0;
      for (const e of entities) {
        gathered += e.documents.length;
        if (gathered > 2000) [gathered] = [0, yield];
      }
      resolved.suggestions ??= yield* suggestSameEntitySteps(entities, this.corrections.dismissed);
      this.published = { ...this.published, timeline: this.timelineCache, dateRefs: this.dateRefs, suggestions: resolved.suggestions, builtAt: at };
    }
    // What the next edit's local re-clustering needs, once everything queries need is ready.
    yield* settleSteps(this.clusterCache);
  }

  /**
   * True when queries will find aliases resolved and the timeline built (nothing changed since
   * prepare()); in snapshot mode, when the snapshot holds every change.
   */
  get prepared(): boolean {
    if (this.published) return this.published.resolvedAt === this.changes && this.published.builtAt === this.changes;
    return !!this.resolved && !!this.timelineCache && !!this.resolved.entities;
  }

  /** A preparation half done by prepare(): a query that needs its result finishes it first. */
  private preparing: Generator<void, void> | undefined;

  private finishPreparing(): void {
    const steps = this.preparing;
    this.preparing = undefined;
    if (steps) drain(steps);
  }

  /**
   * Does ahead of time what the first queries after a change would do — alias resolution, the
   * sorted entity list, the timeline (in snapshot mode also the date list and the suggestions,
   * then the swap) — in slices (the index's slicer, or slices of sliceMs), yielding to the event
   * loop in between, so a host thread that shares the index with a UI never blocks for long.
   * A change meanwhile abandons the work and starts it over (at most 20 times).
   */
  async prepare(sliceMs?: number): Promise<void> {
    const slicer = sliceMs === undefined ? this.slicer : new Slicer(sliceMs);
    for (let attempt = 0; attempt < 20; attempt++) {
      const steps = (this.preparing ??= this.prepareSteps());
      // A change (or, in exact mode, a query) takes over from this preparation.
      const result = await slicer.steps(steps, () => this.preparing !== steps);
      if (result !== ABANDONED) {
        if (this.preparing === steps) this.preparing = undefined;
        return;
      }
      if (this.prepared) return;
    }
  }

  /** @internal Sorted paths holding any of these alias keys. */
  documentsOfKeys(keys: string[]): string[] {
    const paths = new Set<string>();
    for (const k of keys) for (const p of this.keyGroups.groups.get(k)?.documents.keys() ?? []) paths.add(p);
    return [...paths].sort();
  }

  /** @internal One document's entity mentions with their alias keys, sorted by start. */
  placedMentions(path: string): PlacedMentions {
    let placed = this.placed.get(path);
    if (placed) return placed;
    const doc = this.docs.get(path);
    const groups = this.keyGroups.groups;
    // The key groups' own key strings, so that every document shares one string per key.
    const keyOf = (m: EntityMention) => {
      const key = this.keyGroups.keyOfMention(m);
      return key ? (groups.get(key)?.key ?? key) : undefined;
    };
    placed = PlacedMentions.of(path, doc?.entities ?? [], doc?.lineStarts ?? [0], keyOf);
    this.placed.set(path, placed);
    return placed;
  }

  /** @internal An entity's mentions, from the recent lists or gathered (and kept among them). */
  mentionsOf(record: EntityRecord): MentionRef[] {
    const recent = this.recentMentions;
    let list = recent.get(record);
    if (list) {
      recent.delete(record);
      recent.set(record, list);
      return list;
    }
    list = record.gatherMentions();
    if (list.length > RECENT_MENTIONS) return list;
    // Oldest out first, until the kept lists fit in RECENT_MENTIONS together.
    while (recent.size >= RECENT_MENTION_LISTS || this.recentMentionCount + list.length > RECENT_MENTIONS) {
      const [oldest, mentions] = recent.entries().next().value!;
      recent.delete(oldest);
      this.recentMentionCount -= mentions.length;
    }
    recent.set(record, list);
    this.recentMentionCount += list.length;
    return list;
  }

  /** The entity an alias key belongs to (none for an ignored name, or one the snapshot does not know). */
  private entityOfKey(key: string): EntityRecord | undefined {
    return this.resolve().byKey.get(key);
  }

  /** All entities, most mentioned first. */
  entities(): Entity[] {
    const r = this.resolve();
    return (r.entities ??= [...r.records].sort(byMentions));
  }

  /** Pairs of entities that may be one, for the analyst to confirm or dismiss (corrections' `dismissed`). */
  sameEntitySuggestions(): SameEntitySuggestion[] {
    if (this.published) return this.published.suggestions;
    const r = this.resolve();
    return (r.suggestions ??= suggestSameEntities(this.entities(), this.corrections.dismissed));
  }

  entity(id: string): Entity | undefined {
    return this.resolve().byId.get(id);
  }

  entityAt(path: string, offset: number): { entity: Entity; mention: MentionRef } | undefined {
    const placed = this.placedMentions(path);
    const i = placed.indexAt(offset);
    const entity = i >= 0 ? this.entityOfKey(placed.key(i)) : undefined;
    return entity ? { entity, mention: placed.ref(i) } : undefined;
  }

  /** Entity mentions of one document, sorted by offset. */
  mentionsIn(path: string): { entity: Entity; mention: MentionRef }[] {
    const out: { entity: Entity; mention: MentionRef }[] = [];
    const placed = this.placedMentions(path);
    for (let i = 0; i < placed.length; i++) {
      const entity = this.entityOfKey(placed.key(i));
      if (entity) out.push({ entity, mention: placed.ref(i) });
    }
    return out;
  }

  dateAt(path: string, offset: number): DateMention | undefined {
    return spanAt(this.docs.get(path)?.dates ?? [], offset);
  }

  references(entityId: string): MentionRef[] {
    return this.entity(entityId)?.mentions ?? [];
  }

  /** The first mention in each document, documents ordered by publication date then path. */
  firstMentionPerDocument(entityId: string): MentionRef[] {
    const first = new Map<string, MentionRef>();
    for (const m of this.references(entityId)) if (!first.has(m.path)) first.set(m.path, m);
    return [...first.values()].sort((a, b) => compareByDate(this.docs.get(a.path)!, this.docs.get(b.path)!));
  }

  /** Date mentions equal to a day value, or inside a month/year value. */
  sameDateMentions(value: string): DateReference[] {
    const refs = this.published ? this.published.dateRefs : (this.dateRefs ??= drain(this.dateRefSteps()));
    // A snapshot's list may name documents changed or removed since: only the current ones count.
    const current = this.published && this.published.builtAt !== this.changes ? (r: DateReference) => this.docs.get(r.path)?.dates.includes(r.mention) : undefined;
    // Values sort so that a day or month follows its month or year prefix directly.
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].mention.value! < value) lo = mid + 1;
      else hi = mid;
    }
    const out: DateReference[] = [];
    for (let i = lo; i < refs.length; i++) {
      const v = refs[i].mention.value!;
      if (v !== value && !v.startsWith(value + '-')) break;
      if (!current || current(refs[i])) out.push(refs[i]);
    }
    return out.sort((a, b) => compareByDate(this.docs.get(a.path)!, this.docs.get(b.path)!) || a.mention.start - b.mention.start);
  }

  private *dateRefSteps(): Generator<void, DateReference[]> {
    const refs: DateReference[] = [];
    let n = 0;
    for (const [path, doc] of this.docs) {
      for (const d of doc.dates) {
        if (d.value) refs.push({ path, mention: d, range: { start: positionAtLine(doc.lineStarts, d.start), end: positionAtLine(doc.lineStarts, d.end) } });
      }
      if (++n % 64 === 0) yield;
    }
    return yield* sortSteps(refs, (a, b) => (a.mention.value! < b.mention.value! ? -1 : a.mention.value! > b.mention.value! ? 1 : 0));
  }

  /** Entities mentioned in the same sentences as this one, by number of shared sentences. */
  coMentions(entityId: string, limit = 5): { entity: Entity; count: number }[] {
    let all = this.coMentionCache.get(entityId);
    if (!all) {
      const counts = new Map<string, number>();
      for (const path of this.entity(entityId)?.documents ?? []) {
        const doc = this.docs.get(path)!;
        const mentions = this.placedMentions(path);
        const seen = new Set<Span>();
        for (let j = 0; j < mentions.length; j++) {
          if (this.entityOfKey(mentions.key(j))?.id !== entityId) continue;
          const sentence = spanAt(doc.sentences, mentions.start(j));
          if (!sentence || seen.has(sentence)) continue;
          seen.add(sentence);
          const inside = new Set<string>();
          // Mentions are sorted: walk from the first one at or after the sentence start.
          for (let i = mentions.firstAtOrAfter(sentence.start); i < mentions.length && mentions.start(i) < sentence.end; i++) {
            const id = this.entityOfKey(mentions.key(i))?.id;
            if (id && id !== entityId) inside.add(id);
          }
          for (const id of inside) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
      const byId = this.resolve().byId;
      all = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 20)
        .map(([id, count]) => ({ entity: byId.get(id)!, count }));
      this.coMentionCache.set(entityId, all);
    }
    return all.slice(0, limit);
  }

  sentenceAt(path: string, offset: number): { span: Span; text: string } | undefined {
    const doc = this.docs.get(path);
    const span = doc && spanAt(doc.sentences, offset);
    return span ? { span, text: this.texts.get(path)!.slice(span.start, span.end) } : undefined;
  }

  timeline(filter: { entityId?: string } = {}): TimelineDay[] {
    let timeline: TimelineDay[];
    if (this.published) timeline = this.published.timeline;
    else {
      if (!this.timelineCache) this.finishPreparing();
      timeline = this.timelineCache ??= buildTimeline(this.timelineSources(this.resolve()));
    }
    if (!filter.entityId) return timeline;
    const id = filter.entityId;
    return timeline
      .map((day) => ({ ...day, entries: day.entries.filter((e) => e.entities.includes(id)) }))
      .filter((day) => day.entries.length > 0);
  }

  /** Entities whose name or an alias contains the query (accent/case-insensitive). */
  searchEntities(query: string): Entity[] {
    const q = foldKey(query);
    return (this.entities() as EntityRecord[]).filter((e) => e.searchText.includes(q));
  }
}

function compareByDate(a: DocumentAnalysis, b: DocumentAnalysis): number {
  const da = a.date.value ?? '\uffff';
  const db = b.date.value ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

// The cross-document index: documents in, entities / references / timeline out. Alias
// resolution reruns lazily after a change; per-request lookups are binary searches.
import { EntityCluster, resolveEntities, foldKey } from './aliases';
import { analyzeDocument } from './analyze';
import { Corrections, NO_CORRECTIONS } from './corrections';
import { buildTimeline } from './timeline';
import { offsetAt as offsetAtLine, positionAt as positionAtLine, spanAt } from './text';
import { DateMention, DocumentAnalysis, Entity, MentionRef, Position, Span, TimelineDay } from './types';

export interface CorpusIndexOptions {
  /** The analyst's corrections (.dossier/aliases.json, parsed by parseCorrections). */
  corrections?: Corrections;
}

interface PlacedEntityMention extends Span {
  entityId: string;
  ref: MentionRef;
}

interface Resolved {
  entities: Entity[];
  byId: Map<string, Entity>;
  /** Per document, entity mentions sorted by start. */
  mentionsByPath: Map<string, PlacedEntityMention[]>;
}

export interface DateReference {
  path: string;
  mention: DateMention;
  range: { start: Position; end: Position };
}

export class CorpusIndex {
  private readonly docs = new Map<string, DocumentAnalysis>();
  private readonly texts = new Map<string, string>();
  private resolved: Resolved | undefined;
  private timelineCache: TimelineDay[] | undefined;

  private corrections: Corrections;

  constructor(options: CorpusIndexOptions = {}) {
    this.corrections = options.corrections ?? NO_CORRECTIONS;
  }

  /** Replaces the analyst's corrections; entities re-resolve on the next query. */
  setCorrections(corrections: Corrections): void {
    this.corrections = corrections;
    this.invalidate();
  }

  /** Analyzes text and adds or replaces the document. */
  update(path: string, text: string, warnings: string[] = []): DocumentAnalysis {
    const analysis = analyzeDocument(path, text, warnings);
    this.set(analysis, text);
    return analysis;
  }

  /** Adds a precomputed analysis (from a worker or the cache); the text gives sentence snippets. */
  set(analysis: DocumentAnalysis, text: string): void {
    this.docs.set(analysis.path, analysis);
    this.texts.set(analysis.path, text);
    this.invalidate();
  }

  remove(path: string): boolean {
    const had = this.docs.delete(path);
    this.texts.delete(path);
    if (had) this.invalidate();
    return had;
  }

  clear(): void {
    this.docs.clear();
    this.texts.clear();
    this.invalidate();
  }

  private invalidate(): void {
    this.resolved = undefined;
    this.timelineCache = undefined;
  }

  get size(): number {
    return this.docs.size;
  }

  paths(): string[] {
    return [...this.docs.keys()].sort();
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

  private ref(path: string, start: number, end: number, text: string): MentionRef {
    const lines = this.docs.get(path)!.lineStarts;
    return { path, start, end, text, range: { start: positionAtLine(lines, start), end: positionAtLine(lines, end) } };
  }

  private resolve(): Resolved {
    if (this.resolved) return this.resolved;
    const clusters: EntityCluster[] = resolveEntities(this.docs.values(), this.corrections);
    const byId = new Map<string, Entity>();
    const mentionsByPath = new Map<string, PlacedEntityMention[]>();
    const entities: Entity[] = [];
    for (const c of clusters) {
      const mentions = c.members
        .map((m) => this.ref(m.path, m.mention.start, m.mention.end, m.mention.text))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
      const documents = [...new Set(mentions.map((m) => m.path))];
      const entity: Entity = { id: c.id, name: c.name, type: c.type, aliases: c.aliases, mentions, documents };
      if (c.ambiguousWith) entity.ambiguousWith = c.ambiguousWith;
      entities.push(entity);
      byId.set(entity.id, entity);
      for (const ref of mentions) {
        let list = mentionsByPath.get(ref.path);
        if (!list) mentionsByPath.set(ref.path, (list = []));
        list.push({ start: ref.start, end: ref.end, entityId: entity.id, ref });
      }
    }
    for (const list of mentionsByPath.values()) list.sort((a, b) => a.start - b.start);
    entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    this.resolved = { entities, byId, mentionsByPath };
    return this.resolved;
  }

  /** All entities, most mentioned first. */
  entities(): Entity[] {
    return this.resolve().entities;
  }

  entity(id: string): Entity | undefined {
    return this.resolve().byId.get(id);
  }

  entityAt(path: string, offset: number): { entity: Entity; mention: MentionRef } | undefined {
    const r = this.resolve();
    const hit = spanAt(r.mentionsByPath.get(path) ?? [], offset);
    return hit ? { entity: r.byId.get(hit.entityId)!, mention: hit.ref } : undefined;
  }

  /** Entity mentions of one document, sorted by offset. */
  mentionsIn(path: string): { entity: Entity; mention: MentionRef }[] {
    const r = this.resolve();
    return (r.mentionsByPath.get(path) ?? []).map((m) => ({ entity: r.byId.get(m.entityId)!, mention: m.ref }));
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
    const out: DateReference[] = [];
    for (const path of this.pathsByDate()) {
      const doc = this.docs.get(path)!;
      for (const d of doc.dates) {
        if (!d.value) continue;
        if (d.value === value || d.value.startsWith(value + '-')) {
          const ref = this.ref(path, d.start, d.end, d.text);
          out.push({ path, mention: d, range: ref.range });
        }
      }
    }
    return out;
  }

  /** Entities mentioned in the same sentences as this one, by number of shared sentences. */
  coMentions(entityId: string, limit = 5): { entity: Entity; count: number }[] {
    const counts = new Map<string, number>();
    const r = this.resolve();
    for (const path of this.entity(entityId)?.documents ?? []) {
      const doc = this.docs.get(path)!;
      const mentions = r.mentionsByPath.get(path) ?? [];
      for (const sentence of doc.sentences) {
        const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
        if (!inside.some((m) => m.entityId === entityId)) continue;
        for (const id of new Set(inside.map((m) => m.entityId))) {
          if (id !== entityId) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
      }
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id, count]) => ({ entity: r.byId.get(id)!, count }));
  }

  sentenceAt(path: string, offset: number): { span: Span; text: string } | undefined {
    const doc = this.docs.get(path);
    const span = doc && spanAt(doc.sentences, offset);
    return span ? { span, text: this.texts.get(path)!.slice(span.start, span.end) } : undefined;
  }

  timeline(filter: { entityId?: string } = {}): TimelineDay[] {
    if (!this.timelineCache) {
      const r = this.resolve();
      this.timelineCache = buildTimeline(
        [...this.docs.values()].map((doc) => ({
          analysis: doc,
          text: this.texts.get(doc.path) ?? '',
          entityMentions: r.mentionsByPath.get(doc.path) ?? [],
        })),
      );
    }
    if (!filter.entityId) return this.timelineCache;
    const id = filter.entityId;
    return this.timelineCache
      .map((day) => ({ ...day, entries: day.entries.filter((e) => e.entities.includes(id)) }))
      .filter((day) => day.entries.length > 0);
  }

  /** Entities whose name or an alias contains the query (accent/case-insensitive). */
  searchEntities(query: string): Entity[] {
    const q = foldKey(query);
    return this.entities().filter((e) => [e.name, ...e.aliases].some((n) => foldKey(n).includes(q)));
  }
}

function compareByDate(a: DocumentAnalysis, b: DocumentAnalysis): number {
  const da = a.date.value ?? '\uffff';
  const db = b.date.value ?? '\uffff';
  return da < db ? -1 : da > db ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

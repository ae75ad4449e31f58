// One document's entity mentions placed for queries: sorted by start, each with its alias key.
// Held compactly — an index into the analysis's mentions and an interned key, 12 bytes a
// mention — since the index keeps one per document for as long as the document is unchanged;
// MentionRefs (two Position objects each, ~200 bytes) are made only when a query asks.
import { positionAt } from './text';
import type { EntityMention, MentionRef } from './types';

export class PlacedMentions {
  private constructor(
    private readonly path: string,
    private readonly mentions: readonly EntityMention[],
    private readonly lineStarts: number[],
    /** Indexes into mentions, ordered by start. */
    private readonly order: Int32Array,
    /** Alias key of each placed mention, in the same order (strings shared with the key groups). */
    private readonly keys: string[],
  ) {}

  /**
   * Places a document's mentions; keyOf gives a mention's alias key (undefined: not an entity,
   * left out) and should return one string instance per key, so that documents share them.
   */
  static of(path: string, mentions: readonly EntityMention[], lineStarts: number[], keyOf: (m: EntityMention) => string | undefined): PlacedMentions {
    const kept: { i: number; key: string }[] = [];
    mentions.forEach((m, i) => {
      const key = keyOf(m);
      if (key) kept.push({ i, key });
    });
    kept.sort((a, b) => mentions[a.i].start - mentions[b.i].start || a.i - b.i);
    return new PlacedMentions(path, mentions, lineStarts, Int32Array.from(kept, (k) => k.i), kept.map((k) => k.key));
  }

  get length(): number {
    return this.order.length;
  }

  start(i: number): number {
    return this.mentions[this.order[i]].start;
  }

  end(i: number): number {
    return this.mentions[this.order[i]].end;
  }

  key(i: number): string {
    return this.keys[i];
  }

  /** Each placed mention's span and key, in order (for callers that walk them all). */
  *[Symbol.iterator](): IterableIterator<{ start: number; end: number; key: string }> {
    for (let i = 0; i < this.order.length; i++) yield { start: this.start(i), end: this.end(i), key: this.keys[i] };
  }

  /** The i-th mention as a MentionRef (a new object each time). */
  ref(i: number): MentionRef {
    const m = this.mentions[this.order[i]];
    return { path: this.path, start: m.start, end: m.end, text: m.text, range: { start: positionAt(this.lineStarts, m.start), end: positionAt(this.lineStarts, m.end) } };
  }

  /** Index of the first mention starting at or after offset (length if none). */
  firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the mention containing offset, its end included (as text.ts's spanAt), or -1. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < this.start(mid)) hi = mid - 1;
      else if (offset > this.end(mid)) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

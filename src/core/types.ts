// Plain data shared by every core module. No `vscode` here: the extension converts these in
// one place (src/extension/convert.ts).

/** 0-based line and UTF-16 character, exactly as VS Code counts them. */
export interface Position {
  line: number;
  character: number;
}

export type EntityType = 'person' | 'organization' | 'place';
/** How precise a date value is; values are written as in docs/EXPORT.md ("Date values"). */
export type Granularity = 'decade' | 'year' | 'half' | 'quarter' | 'season' | 'month' | 'week' | 'weekend' | 'day';
/** Where a publication date came from (DATE_SOURCE_LABELS in documentDate.ts says it in words). */
export type DateSource = 'header' | 'sidecar' | 'byline' | 'dateline' | 'fileName' | 'folderName' | 'inferred' | 'modified' | 'default' | 'none';

/** A span of a document's text, as UTF-16 offsets into the decoded string. */
export interface Span {
  start: number;
  end: number;
}

/** The publication (reference) date of one document. */
export interface DocumentDate {
  /** `YYYY-MM-DD`, or undefined when the document gives no clue at all. */
  value?: string;
  source: DateSource;
  /** Where in the text the header, byline or dateline was found, when it was. */
  span?: Span;
}

/** One date expression in a document, resolved when possible. */
export interface DateMention extends Span {
  text: string;
  /**
   * `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www` (ISO week), `YYYY-Www-WE`, `YYYY-Qn`, `YYYY-Hn`,
   * `YYYY-SP|SU|FA|WI` or `YYYX` (decade); undefined when the expression cannot be resolved.
   */
  value?: string;
  granularity?: Granularity;
  /** Human explanation of the resolution, e.g. "Thursday → most recent Thursday on or before 2026-01-17". */
  how: string;
}

/** One raw entity mention in a document (surface form as written, titles already stripped). */
export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Expansion of an acronym defined in this document ("CIA" → "Central Intelligence Agency"). */
  expansion?: string;
  /**
   * The fuller name this mention stands for in this document: a bare surname after the full name
   * ("Keswick" → "Dorian Keswick"), or a monarch's name with its title ("Hussein" → "King Hussein").
   * Alias resolution files the mention under it.
   */
  refersTo?: string;
}

/** Everything the per-document analysis produces; pure function of (path, text, date context). */
export interface DocumentAnalysis {
  path: string;
  /** Cache key: content hash of the text, salted with the date context that applied (dateContext.ts). */
  hash: string;
  date: DocumentDate;
  dates: DateMention[];
  entities: EntityMention[];
  /** Sentence spans, sorted, non-overlapping. */
  sentences: Span[];
  /** Offsets at which each line starts (for offset ⇄ position). */
  lineStarts: number[];
  /** Problems met while reading or analyzing (shown in the output channel / stderr). */
  warnings: string[];
}

/** An entity mention placed in the corpus. */
export interface MentionRef {
  path: string;
  start: number;
  end: number;
  text: string;
  range: { start: Position; end: Position };
}

export interface Entity {
  /** Stable id: `type:slug-of-canonical-name`. */
  id: string;
  name: string;
  type: EntityType;
  /** Other surface forms, canonical name excluded, sorted. */
  aliases: string[];
  /** Every mention, sorted by path then offset. */
  mentions: MentionRef[];
  /** mentions.length, known without gathering the mentions. */
  mentionCount: number;
  /** Paths of the documents mentioning it. */
  documents: string[];
  /** Set when a bare surname could belong to several people. */
  ambiguousWith?: string[];
}

export interface TimelineEntry {
  path: string;
  /** Offset/position of the date mention. */
  start: number;
  end: number;
  position: Position;
  /** The date expression as written. */
  mentionText: string;
  /** The sentence around the date mention. */
  sentence: string;
  sentenceSpan: Span;
  entities: string[];
}

export interface TimelineDay {
  date: string;
  granularity: Granularity;
  entries: TimelineEntry[];
}

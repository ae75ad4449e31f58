// Shared types of the entity recognizer's stages. No stage imports another stage's internals:
// they meet here.
import type { EntityType } from '../types';

/** The entity types Dossier keeps, in display order. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** One token of a document, with the facts every stage asks about. */
export interface Tok {
  text: string;
  start: number;
  end: number;
  /** Lower-case, accents stripped (lexicon key). */
  key: string;
  /** Has a letter or digit. */
  word: boolean;
  /** Starts with an upper-case letter (or "al-Aqsa"-style particle + capital). */
  cap: boolean;
  allCaps: boolean;
  line: number;
  /** First word of a sentence (or of a line). */
  sentStart: boolean;
}

/**
 * The recognizer's label set: BIO over CoNLL's four classes. MISC (nationalities, events, works,
 * awards) is learned so that it is not confused with the others, then left out.
 */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export type NerClass = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A span of tokens [a, b) labelled by the recognizer. */
export interface TokenSpan {
  a: number;
  b: number;
  cls: NerClass;
}

// Person / organization / place mentions of one document. The pipeline:
//   tokens.ts     text → CoNLL-like tokens
//   features.ts   tokens → hashed features (word, shape, context, lexicons, document facts)
//   recognize.ts  stage 1: the trained recognizer (model.ts) labels each sentence; labels → spans
//   passes.ts     stage 2: document-level passes, in the order below
// Word lists live in lexicon.ts; training (training.ts) runs only from `npm run train:ner`.
import type { EntityMention } from '../types';
import { tokenFeatures } from './features';
import { nerModel } from './model';
import {
  defineAcronyms,
  dropMiscAndDebris,
  hyphenatedGivenNames,
  knownOrganizations,
  joinPossessiveNames,
  linkToFullNames,
  propagateNames,
  splitGluedNames,
  sportsTeams,
  trimSpans,
  unifyTypes,
  type DocContext,
} from './passes';
import { labelTokens, spansOf } from './recognize';
import { tokenize } from './tokens';
import { ENTITY_TYPES } from './types';

export { ENTITY_TYPES };

const TYPE_OF = { PER: 'person', ORG: 'organization', LOC: 'place' } as const;

/** The document-level passes, in order. */
const PASSES: Array<(ctx: DocContext) => void> = [
  dropMiscAndDebris,
  trimSpans,
  splitGluedNames,
  joinPossessiveNames,
  hyphenatedGivenNames,
  defineAcronyms,
  propagateNames,
  sportsTeams,
  knownOrganizations,
  unifyTypes,
  linkToFullNames,
];

/**
 * Person / organization / place mentions in one document's text. Spans are UTF-16 offsets into
 * `text`, exact: no titles or honorifics ("President", "Mr."), no possessive "'s", no trailing
 * punctuation. Sorted, never overlapping.
 */
export function findEntityMentions(text: string): EntityMention[] {
  const toks = tokenize(text);
  if (toks.length === 0) return [];
  const features = tokenFeatures(toks);
  const ctx: DocContext = { text, toks, spans: spansOf(labelTokens(nerModel(), toks, features), toks) };
  for (const pass of PASSES) pass(ctx);
  const out: EntityMention[] = [];
  for (const s of ctx.spans) {
    if (s.cls === 'MISC') continue;
    const start = toks[s.a].start;
    const end = toks[s.b - 1].end;
    const m: EntityMention = { start, end, text: text.slice(start, end), type: TYPE_OF[s.cls] };
    if (s.expansion) m.expansion = s.expansion;
    if (s.refersTo && s.refersTo !== m.text) m.refersTo = s.refersTo;
    out.push(m);
  }
  return out;
}

// What `npm run train:ner` does, as functions: CoNLL documents → training sequences → model, and
// the recognizer-alone dev score. The unit tests call trainFromConll to check that the committed
// model is exactly what training gives.
import { tokenFeatures, type TokenFeatures } from '../src/core/entities/features';
import type { NerModel } from '../src/core/entities/model';
import { labelTokens, spansOf } from '../src/core/entities/recognize';
import { sequences, tokenize } from '../src/core/entities/tokens';
import { trainPerceptron, type TrainingOptions, type TrainingSequence } from '../src/core/entities/training';
import { LABELS, type Tok } from '../src/core/entities/types';
import { readConll, type ConllDocument } from './conll';

/** The options `npm run train:ner` uses by default (chosen on CoNLL dev). */
export const DEFAULT_TRAINING = { epochs: 7, seed: 20261203, minCount: 2 };

export interface Prepared {
  doc: ConllDocument;
  toks: Tok[];
  features: TokenFeatures;
}

export function prepare(doc: ConllDocument): Prepared {
  const toks = tokenize(doc.text);
  return { doc, toks, features: tokenFeatures(toks, true) };
}

/** Gold label of each token: the gold span that contains its start (B- at the span's start). */
export function goldLabels(p: Prepared): Uint8Array {
  const labels = new Uint8Array(p.toks.length);
  let g = 0;
  const gold = p.doc.gold;
  p.toks.forEach((t, i) => {
    while (g < gold.length && gold[g].end <= t.start) g++;
    const span = gold[g];
    if (span && span.start <= t.start && t.start < span.end) {
      labels[i] = LABELS.indexOf(`${t.start === span.start ? 'B' : 'I'}-${span.type}` as (typeof LABELS)[number]);
    }
  });
  return labels;
}

export function score(model: NerModel, docs: Prepared[]): string {
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const k of ['PER', 'ORG', 'LOC', 'ALL']) c[k] = { tp: 0, fp: 0, fn: 0 };
  for (const p of docs) {
    const spans = spansOf(labelTokens(model, p.toks, p.features), p.toks);
    const predicted = new Map<string, string>();
    for (const s of spans) if (s.cls !== 'MISC') predicted.set(`${p.toks[s.a].start}:${p.toks[s.b - 1].end}`, s.cls);
    const gold = new Map<string, string>();
    for (const g of p.doc.gold) if (g.type !== 'MISC') gold.set(`${g.start}:${g.end}`, g.type);
    for (const [k, t] of predicted) {
      const hit = gold.get(k) === t ? 'tp' : 'fp';
      c[t][hit]++;
      c.ALL[hit]++;
    }
    for (const [k, t] of gold) {
      if (predicted.get(k) !== t) {
        c[t].fn++;
        c.ALL.fn++;
      }
    }
  }
  const f1 = (x: { tp: number; fp: number; fn: number }): string => ((200 * x.tp) / (2 * x.tp + x.fp + x.fn)).toFixed(1);
  return ['PER', 'ORG', 'LOC', 'ALL'].map((k) => `${k} ${f1(c[k])}`).join('  ');
}


/** Trains on a CoNLL file with the given options (defaults: DEFAULT_TRAINING). */
export function trainFromConll(file: string, options: Partial<TrainingOptions> = {}): NerModel {
  const data: TrainingSequence[] = [];
  for (const p of readConll(file).map(prepare)) {
    const gold = goldLabels(p);
    for (const [a, b] of sequences(p.toks)) data.push({ features: p.features, a, b, gold: gold.subarray(a, b) });
  }
  return trainPerceptron(data, { ...DEFAULT_TRAINING, ...options });
}

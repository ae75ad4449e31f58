// Averaged structured perceptron for NerModel (Collins 2002): decode each training sequence with
// the current weights, and where the best path differs from the gold one, add the gold path's
// features and subtract the predicted path's. Weights are averaged over every step, kept lazily
// as w - acc / steps. Deterministic for a given seed. Used by `npm run train:ner`, never at run time.
import { allFeatures, type TokenFeatures } from './features';
import { LABEL_COUNT, NerModel, viterbi } from './model';

export interface TrainingSequence {
  features: TokenFeatures;
  /** Token range [a, b) within the document the features belong to. */
  a: number;
  b: number;
  /** Gold label index of each token of the range. */
  gold: Uint8Array;
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Called after each epoch with the averaged model so far (e.g. to score dev). */
  afterEpoch?: (epoch: number, model: NerModel) => void;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same training order everywhere. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainPerceptron(data: TrainingSequence[], options: TrainingOptions): NerModel {
  const L = LABEL_COUNT;
  // Feature rows: hashes seen at least minCount times (in sequences used for training).
  const counts = new Map<number, number>();
  const flat = new Map<TokenFeatures, { hashes: Int32Array; offsets: Int32Array }>();
  for (const s of data) {
    let f = flat.get(s.features);
    if (!f) flat.set(s.features, (f = allFeatures(s.features)));
    for (let h = f.offsets[s.a]; h < f.offsets[s.b]; h++) counts.set(f.hashes[h], (counts.get(f.hashes[h]) ?? 0) + 1);
  }
  const keys = [...counts].filter(([, n]) => n >= options.minCount).map(([k]) => k).sort((x, y) => x - y);
  const rowOf = new Map<number, number>();
  keys.forEach((k, r) => rowOf.set(k, r));
  const rows = new Map<TokenFeatures, Int32Array>();
  for (const [f, all] of flat) rows.set(f, all.hashes.map((h) => rowOf.get(h) ?? -1));

  const w = new Float64Array(keys.length * L);
  const acc = new Float64Array(keys.length * L);
  const tw = new Float64Array((L + 1) * L);
  const tacc = new Float64Array((L + 1) * L);
  let step = 1;
  const next = random(options.seed);
  const order = data.map((_, i) => i);

  const averaged = (): NerModel => {
    const weights = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) weights[i] = w[i] - acc[i] / step;
    const trans = new Float32Array(tw.length);
    for (let i = 0; i < tw.length; i++) trans[i] = tw[i] - tacc[i] / step;
    return new NerModel(Int32Array.from(keys), weights, trans);
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const s = data[idx];
      const n = s.b - s.a;
      const r = rows.get(s.features)!;
      const off = flat.get(s.features)!.offsets;
      const em = new Float32Array(n * L);
      for (let t = 0; t < n; t++) {
        for (let h = off[s.a + t]; h < off[s.a + t + 1]; h++) {
          const row = r[h];
          if (row < 0) continue;
          for (let l = 0; l < L; l++) em[t * L + l] += w[row * L + l];
        }
      }
      const pred = viterbi(em, n, Float32Array.from(tw));
      let prevG: number = L;
      let prevP: number = L;
      for (let t = 0; t < n; t++) {
        const g = s.gold[t];
        const p = pred[t];
        if (g !== p) {
          for (let h = off[s.a + t]; h < off[s.a + t + 1]; h++) {
            const row = r[h];
            if (row < 0) continue;
            w[row * L + g] += 1;
            acc[row * L + g] += step;
            w[row * L + p] -= 1;
            acc[row * L + p] -= step;
          }
        }
        if (g !== p || prevG !== prevP) {
          tw[prevG * L + g] += 1;
          tacc[prevG * L + g] += step;
          tw[prevP * L + p] -= 1;
          tacc[prevP * L + p] -= step;
        }
        prevG = g;
        prevP = p;
      }
      step++;
    }
    options.afterEpoch?.(epoch, averaged());
  }
  return prune(averaged());
}

/** Drops feature rows whose averaged weights are all near zero: they change no decision. */
function prune(model: NerModel): NerModel {
  const L = LABEL_COUNT;
  let max = 0;
  for (const x of model.weights) max = Math.max(max, Math.abs(x));
  const eps = max / 32767; // below the stored precision
  const keep: number[] = [];
  for (let r = 0; r < model.keys.length; r++) {
    for (let l = 0; l < L; l++) {
      if (Math.abs(model.weights[r * L + l]) >= eps) {
        keep.push(r);
        break;
      }
    }
  }
  const keys = new Int32Array(keep.length);
  const weights = new Float32Array(keep.length * L);
  keep.forEach((r, i) => {
    keys[i] = model.keys[r];
    weights.set(model.weights.subarray(r * L, r * L + L), i * L);
  });
  return new NerModel(keys, weights, model.transitions);
}

// The recognizer's model: a first-order linear-chain model over hashed features (weights per
// feature and label, plus label-to-label transitions), decoded by Viterbi. Trained as an averaged
// structured perceptron (training.ts). Stored gzipped beside the code and read once, lazily.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { FEATURES_VERSION, type TokenFeatures } from './features';
import { LABELS } from './types';

export const LABEL_COUNT = LABELS.length;
/** The O score of a token that cannot be inside a name (TokenFeatures.outside). */
const OUTSIDE_SCORE = 1e6;
/** Row of the transition table used for the first label of a sequence. */
const START = LABEL_COUNT;
const O_LABEL = 0;
const MAGIC = 'DOSSIER-NER';
export const MODEL_FILE = 'ner-model.bin';

/** I-X may only follow B-X or I-X; this table says which label pairs are allowed. */
const ALLOWED = ((): Uint8Array => {
  const ok = new Uint8Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let prev = 0; prev <= LABEL_COUNT; prev++) {
    for (let cur = 0; cur < LABEL_COUNT; cur++) {
      const c = LABELS[cur];
      const p = prev === START ? 'O' : LABELS[prev];
      ok[prev * LABEL_COUNT + cur] = !c.startsWith('I-') || p.slice(2) === c.slice(2) ? 1 : 0;
    }
  }
  return ok;
})();

export class NerModel {
  /** Open-addressing table: feature hash → row + 1 (0 = empty slot). */
  private readonly slots: Int32Array;
  private readonly slotKeys: Int32Array;
  private readonly mask: number;

  constructor(
    readonly keys: Int32Array,
    /** keys.length × LABEL_COUNT weights. */
    readonly weights: Float32Array,
    /** (LABEL_COUNT + 1) × LABEL_COUNT transition weights; the last row is the start. */
    readonly transitions: Float32Array,
  ) {
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.slotKeys = new Int32Array(size);
    for (let r = 0; r < keys.length; r++) {
      let s = hashSlot(keys[r]) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = r + 1;
      this.slotKeys[s] = keys[r];
    }
  }

  /** The row of a feature hash, or -1 when the model never kept it. */
  row(hash: number): number {
    let s = hashSlot(hash) & this.mask;
    for (let r = this.slots[s]; r !== 0; r = this.slots[s]) {
      if (this.slotKeys[s] === hash) return r - 1;
      s = (s + 1) & this.mask;
    }
    return -1;
  }

  /** Scores of a word's own features, cached per (shared) feature array. */
  private readonly wordScores = new WeakMap<Int32Array, Float32Array>();

  private addScores(out: Float32Array, base: number, hashes: Int32Array, from: number, to: number): void {
    for (let h = from; h < to; h++) {
      const r = this.row(hashes[h]);
      if (r < 0) continue;
      const w = r * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++) out[base + l] += this.weights[w + l];
    }
  }

  /** Label scores of tokens [a, b): (b - a) × LABEL_COUNT. */
  emissions(f: TokenFeatures, a: number, b: number): Float32Array {
    const out = new Float32Array((b - a) * LABEL_COUNT);
    for (let i = a; i < b; i++) {
      const base = (i - a) * LABEL_COUNT;
      if (f.outside?.[i]) {
        out[base] = OUTSIDE_SCORE; // O, and nothing else can win
        continue;
      }
      const word = f.words[i];
      let ws = this.wordScores.get(word);
      if (!ws) {
        ws = new Float32Array(LABEL_COUNT);
        this.addScores(ws, 0, word, 0, word.length);
        this.wordScores.set(word, ws);
      }
      for (let l = 0; l < LABEL_COUNT; l++) out[base + l] = ws[l];
      this.addScores(out, base, f.hashes, f.offsets[i], f.offsets[i + 1]);
    }
    return out;
  }

  /**
   * Best label sequence of tokens [a, b) (label indices into LABELS). Tokens marked `outside` are
   * O, which cuts the chain: the stretches between them are decoded on their own, starting from
   * O (or the sequence start) and ending into O (or the sequence end) — the same best path.
   */
  decode(f: TokenFeatures, a: number, b: number): Uint8Array {
    const out = new Uint8Array(b - a); // O everywhere to begin with
    const outside = f.outside;
    if (!outside) return viterbi(this.emissions(f, a, b), b - a, this.transitions);
    for (let s = a; s < b; ) {
      if (outside[s]) {
        s++;
        continue;
      }
      let e = s + 1;
      while (e < b && !outside[e]) e++;
      const labels = viterbi(this.emissions(f, s, e), e - s, this.transitions, s === a ? START : O_LABEL, e < b);
      out.set(labels, s - a);
      s = e;
    }
    return out;
  }
}

function hashSlot(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ (h >>> 13);
}

/**
 * Viterbi over emission scores and transitions, under the BIO constraints. `from`: the label row
 * the first token follows (START, or O inside a longer sequence); `intoO`: the token after the
 * last is an O, so its transition counts.
 */
export function viterbi(em: Float32Array, n: number, trans: Float32Array, from: number = START, intoO = false): Uint8Array {
  const L = LABEL_COUNT;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = ALLOWED[from * L + l] ? em[l] + trans[from * L + l] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + l]) continue;
        const s = score[(i - 1) * L + p] + trans[p * L + l];
        if (s > best) ((best = s), (arg = p));
      }
      score[i * L + l] = best + em[i * L + l];
      back[i * L + l] = arg;
    }
  }
  const last = (l: number): number => score[(n - 1) * L + l] + (intoO ? trans[l * L + O_LABEL] : 0);
  let arg = 0;
  for (let l = 1; l < L; l++) if (last(l) > last(arg)) arg = l;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Storage: gzip of a small JSON header line, then keys (int32), weights (int16, one scale), and
// transitions (float32), little-endian.

interface Header {
  magic: string;
  featuresVersion: number;
  labels: readonly string[];
  features: number;
  scale: number;
}

export function serializeModel(model: NerModel): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const header: Header = { magic: MAGIC, featuresVersion: FEATURES_VERSION, labels: LABELS, features: model.keys.length, scale };
  const head = Buffer.from(JSON.stringify(header) + '\n', 'utf8');
  const keys = Buffer.alloc(model.keys.length * 4);
  model.keys.forEach((k, i) => keys.writeInt32LE(k, i * 4));
  const weights = Buffer.alloc(model.weights.length * 2);
  model.weights.forEach((w, i) => weights.writeInt16LE(Math.round(w / scale), i * 2));
  const trans = Buffer.alloc(model.transitions.length * 4);
  model.transitions.forEach((w, i) => trans.writeFloatLE(w, i * 4));
  return zlib.gzipSync(Buffer.concat([head, keys, weights, trans]), { level: 9 });
}

export function deserializeModel(gz: Buffer): NerModel {
  const raw = zlib.gunzipSync(gz);
  const nl = raw.indexOf(10);
  const header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Header;
  if (header.magic !== MAGIC) throw new Error('not a Dossier recognizer model');
  if (header.featuresVersion !== FEATURES_VERSION || header.labels.join() !== LABELS.join()) {
    throw new Error(`recognizer model was trained for features v${header.featuresVersion}; this build needs v${FEATURES_VERSION} (run npm run train:ner)`);
  }
  const n = header.features;
  let at = nl + 1;
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++, at += 4) keys[i] = raw.readInt32LE(at);
  const weights = new Float32Array(n * LABEL_COUNT);
  for (let i = 0; i < weights.length; i++, at += 2) weights[i] = raw.readInt16LE(at) * header.scale;
  const transitions = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let i = 0; i < transitions.length; i++, at += 4) transitions[i] = raw.readFloatLE(at);
  return new NerModel(keys, weights, transitions);
}

/**
 * Where the model file is: beside the bundle (dist/, the .vsix) or, when running from compiled
 * sources (out/), in src/core/entities/ of the checkout. DOSSIER_NER_MODEL overrides both.
 */
export function modelPath(): string {
  if (process.env.DOSSIER_NER_MODEL) return process.env.DOSSIER_NER_MODEL;
  const beside = path.join(__dirname, MODEL_FILE);
  if (fs.existsSync(beside)) return beside;
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'src', 'core', 'entities', MODEL_FILE);
    if (fs.existsSync(candidate)) return candidate;
  }
  return beside;
}

let loaded: NerModel | undefined;

/** The shipped model, read on first use (each worker thread reads its own copy). */
export function nerModel(): NerModel {
  return (loaded ??= deserializeModel(fs.readFileSync(modelPath())));
}

// Features of each token for the recognizer, hashed to 32-bit ints (FNV-1a) so the model needs
// no feature strings: template id, then the value's characters. The training script and the
// analyzer call the same function, so what was learned is what is looked up.
import { keyOf } from './tokens';
import {
  DEBRIS_WORDS,
  EXTRA_COUNTRIES,
  NAME_PARTICLES,
  NEWSPAPER_WORDS,
  ORG_SUFFIXES,
  PERSON_TITLES,
  PLACE_SUFFIXES,
  TITLE_HEADS,
  WEEKDAYS_MONTHS,
  nameLexicon,
  type NameLexicon,
} from './lexicon';
import type { Tok } from './types';

/** Bump when a template changes: a model trained on other features must not be loaded. */
export const FEATURES_VERSION = 1;

const FNV_PRIME = 16777619;

function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
function start(template: number): number {
  return Math.imul(0x811c9dc5 ^ (template * 0x9e3779b1), FNV_PRIME);
}
function one(template: number, a: string): number {
  return mixString(start(template), a) | 0;
}
function two(template: number, a: string, b: string): number {
  return mixString(Math.imul(mixString(start(template), a) ^ 0x1f, FNV_PRIME), b) | 0;
}
function three(template: number, a: string, b: string, c: string): number {
  return mixString(Math.imul(mixString(Math.imul(mixString(start(template), a) ^ 0x1f, FNV_PRIME), b) ^ 0x1f, FNV_PRIME), c) | 0;
}

const SHAPE_UPPER = /\p{Lu}/u;
const SHAPE_LOWER = /\p{Ll}/u;
const SHAPE_DIGIT = /\p{N}/u;

/** "Xxxx", "XX", "dd-dd", "X.X.": each character by class, runs longer than 2 kept at 2. */
function shapeOf(text: string): string {
  let s = '';
  let last = '';
  let run = 0;
  for (const ch of text) {
    const c = SHAPE_UPPER.test(ch) ? 'X' : SHAPE_LOWER.test(ch) ? 'x' : SHAPE_DIGIT.test(ch) ? 'd' : ch;
    if (c === last) {
      if (++run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    s += c;
    if (s.length >= 12) break;
  }
  return s;
}

/** The same with every run collapsed to one character: "Xx", "X", "d-d", "X.X.". */
function shortShapeOf(shape: string): string {
  let s = '';
  for (const c of shape) if (c !== s[s.length - 1]) s += c;
  return s;
}

/** Lexicon classes of one word, as short codes. */
function wordClasses(L: NameLexicon, key: string): string[] {
  const k = key.endsWith('.') && key.length > 2 ? key.slice(0, -1) : key;
  const out: string[] = [];
  if (L.countries.has(k) || EXTRA_COUNTRIES.has(k)) out.push('cty');
  else if (L.places.has(k)) out.push('plc');
  if (L.orgs.has(k)) out.push('org');
  if (L.persons.has(k)) out.push('per');
  if (L.firstNames.has(k)) out.push('fst');
  if (L.lastNames.has(k)) out.push('lst');
  if (L.demonyms.has(k)) out.push('dem');
  if (L.common.has(k)) out.push('com');
  if (PERSON_TITLES.has(key) || PERSON_TITLES.has(k)) out.push(TITLE_HEADS.has(k) ? 'tth' : 'ttl');
  if (ORG_SUFFIXES.has(k)) out.push('osf');
  if (PLACE_SUFFIXES.has(k)) out.push('psf');
  if (NEWSPAPER_WORDS.has(k)) out.push('np');
  if (WEEKDAYS_MONTHS.has(k)) out.push('dm');
  if (NAME_PARTICLES.has(k)) out.push('prt');
  if (DEBRIS_WORDS.has(k)) out.push('dbr');
  return out;
}

/** Longest known multi-word names starting at each capitalised token: B-/I- + class per token. */
function phraseMatches(L: NameLexicon, toks: Tok[]): Array<string | undefined> {
  const marks: Array<string | undefined> = new Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].cap) continue;
    for (let n = Math.min(4, toks.length - i); n >= 2; n--) {
      if (toks[i + n - 1].line !== toks[i].line) continue;
      const k = keyOf(toks, i, i + n);
      const cls = L.countries.has(k) ? 'cty' : L.places.has(k) ? 'plc' : L.orgs.has(k) ? 'org' : L.persons.has(k) ? 'per' : undefined;
      if (!cls) continue;
      marks[i] = 'B' + cls;
      for (let j = i + 1; j < i + n; j++) marks[j] = 'I' + cls;
      i += n - 1;
      break;
    }
  }
  return marks;
}

/** Lines mostly in capitals (headlines, datelines): capitalisation says little there. */
function capsLines(toks: Tok[]): Set<number> {
  const letters = new Map<number, number>();
  const caps = new Map<number, number>();
  for (const t of toks) {
    if (!t.word || !/\p{L}/u.test(t.text)) continue;
    letters.set(t.line, (letters.get(t.line) ?? 0) + 1);
    if (t.allCaps || (t.text.length === 1 && t.cap)) caps.set(t.line, (caps.get(t.line) ?? 0) + 1);
  }
  const out = new Set<number>();
  for (const [line, n] of letters) if ((caps.get(line) ?? 0) >= Math.max(1, 0.6 * n)) out.add(line);
  return out;
}

/**
 * Features of a document's tokens. `words[i]`: the features of token i's own text (shared by
 * every occurrence of that text, so the model can cache their scores); `hashes[offsets[i] ..
 * offsets[i + 1])`: the features of its context and of the document.
 */
export interface TokenFeatures {
  words: Int32Array[];
  hashes: Int32Array;
  offsets: Int32Array;
  /**
   * Tokens that cannot be inside a name, left unscored (their context features are not even
   * computed): not capitalised, between two tokens that are not either. Names run through
   * lower-case words only next to a capitalised one ("Bank of England", "Dar es Salaam"). Unset
   * when features are computed for training, which sees every token.
   */
  outside?: Uint8Array;
}

interface WordInfo {
  shape: string;
  classes: string[];
  hashes: Int32Array;
}

/** Word features by text, across documents: news repeats a small vocabulary. Bounded. */
const wordMemo = new Map<string, WordInfo>();
const WORD_MEMO_LIMIT = 200_000;

function wordInfo(L: NameLexicon, t: Tok): WordInfo {
  let info = wordMemo.get(t.text);
  if (info) return info;
  const k = t.key;
  const shape = shapeOf(t.text);
  const classes = wordClasses(L, k);
  const h: number[] = [one(0, ''), one(1, t.text), one(2, k), one(3, shape), one(4, shortShapeOf(shape))];
  for (let m = 2; m <= 4 && m < k.length; m++) h.push(one(5, k.slice(0, m)), one(6, k.slice(-m)));
  if (k.length > 1) h.push(one(7, k.slice(-1)));
  for (const c of classes) h.push(one(21, c), two(22, c, t.cap ? 'C' : 'l'));
  info = { shape, classes, hashes: Int32Array.from(h) };
  if (wordMemo.size >= WORD_MEMO_LIMIT) wordMemo.clear();
  wordMemo.set(t.text, info);
  return info;
}

const BOUNDARY = '<s>';
const LOWER_START = /^\p{Ll}/u;

/**
 * Features of every token of a document (document-level facts included). Linear in its length.
 * `forTraining`: every token gets its features, none is marked `outside`.
 */
export function tokenFeatures(toks: Tok[], forTraining = false): TokenFeatures {
  const L = nameLexicon();
  const n = toks.length;
  const lowerSeen = new Set<string>();
  const capMid = new Set<string>();
  const caps = capsLines(toks);
  for (const t of toks) {
    if (!t.word) continue;
    if (!t.cap && LOWER_START.test(t.text)) lowerSeen.add(t.key);
    else if (t.cap && !t.sentStart && !caps.has(t.line)) capMid.add(t.key);
  }
  const infos = toks.map((t) => wordInfo(L, t));
  const phrases = phraseMatches(L, toks);
  const hashes: number[] = [];
  const offsets = new Int32Array(n + 1);
  const outside = forTraining ? undefined : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    offsets[i] = hashes.length;
    const t = toks[i];
    if (outside && !t.cap && !(i > 0 && toks[i - 1].cap) && !(i + 1 < n && toks[i + 1].cap)) {
      outside[i] = 1;
      continue;
    }
    const line = t.line;
    const prev = i > 0 && toks[i - 1].line === line;
    const prev2 = i > 1 && toks[i - 2].line === line;
    const next = i + 1 < n && toks[i + 1].line === line;
    const next2 = i + 2 < n && toks[i + 2].line === line;
    const k = t.key;
    const shape = infos[i].shape;
    const p1 = prev ? toks[i - 1].key : BOUNDARY;
    const n1 = next ? toks[i + 1].key : BOUNDARY;
    const ps = prev ? infos[i - 1].shape : BOUNDARY;
    const ns = next ? infos[i + 1].shape : BOUNDARY;
    hashes.push(
      one(9, p1),
      one(10, n1),
      one(11, prev2 ? toks[i - 2].key : BOUNDARY),
      one(12, next2 ? toks[i + 2].key : BOUNDARY),
      one(13, ps),
      one(14, ns),
      two(15, p1, k),
      two(16, k, n1),
      three(17, ps, shape, ns),
      two(18, t.sentStart ? 'S' : '-', shape),
    );
    if (caps.has(line)) hashes.push(one(19, ''), one(20, k));
    if (prev) for (const c of infos[i - 1].classes) hashes.push(one(23, c));
    if (next) for (const c of infos[i + 1].classes) hashes.push(one(24, c));
    const ph = phrases[i];
    if (ph) hashes.push(one(25, ph));
    if (t.cap && lowerSeen.has(k)) hashes.push(one(26, t.sentStart ? 'S' : '-'));
    if (t.cap && capMid.has(k)) hashes.push(one(27, t.sentStart || caps.has(line) ? 'S' : '-'));
  }
  offsets[n] = hashes.length;
  return { words: infos.map((w) => w.hashes), hashes: Int32Array.from(hashes), offsets, outside };
}

/** Every feature of each token in one list (word and context), as training reads them. */
export function allFeatures(f: TokenFeatures): { hashes: Int32Array; offsets: Int32Array } {
  const n = f.words.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) total += f.words[i].length + f.offsets[i + 1] - f.offsets[i];
  const hashes = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    hashes.set(f.words[i], at);
    at += f.words[i].length;
    hashes.set(f.hashes.subarray(f.offsets[i], f.offsets[i + 1]), at);
    at += f.offsets[i + 1] - f.offsets[i];
  }
  offsets[n] = at;
  return { hashes, offsets };
}

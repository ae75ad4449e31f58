// Stage 2: document-level passes over the recognizer's spans. Each pass is a named function that
// reads and rewrites the document's spans; index.ts runs them in order. Every pass is linear in
// the number of tokens (lookups over windows of at most MAX_NAME_WORDS tokens).
import {
  CORP_SUFFIXES,
  DEBRIS_LINES,
  DEBRIS_WORDS,
  FUNCTION_WORDS,
  NAME_PARTICLES,
  AWARDS,
  EXTRA_COUNTRIES,
  NOT_ENTITY_WORDS,
  POST_NOMINALS,
  PRONOUNS,
  INSTITUTIONS,
  ORG_APPOSITION,
  PLACE_HEADS,
  ORG_SUFFIXES,
  PLACE_OF_BEFORE,
  PLACE_POSSESSED,
  PLACE_PREPS,
  ROYAL_TITLES,
  SPORT_WORDS,
  TEAM_VERBS_AFTER,
  TEAM_WORDS_BEFORE,
  TITLE_HEADS,
  WEEKDAYS,
  nameLexicon,
  norm,
} from './lexicon';
import { keyOf } from './tokens';
import type { NerClass, Tok } from './types';

/** A recognized name in a document, as the passes refine it. */
export interface DocSpan {
  a: number;
  b: number;
  cls: NerClass;
  expansion?: string;
  refersTo?: string;
}

export interface DocContext {
  text: string;
  toks: Tok[];
  spans: DocSpan[];
}

/** Longest web-page debris line ("your email address will not be published"), in tokens, with slack. */
const DEBRIS_LINE_TOKENS = 12;
/** Longest name the lookups consider, in tokens. */
const MAX_NAME_WORDS = 5;

const stripDot = (k: string): string => (k.length > 2 && k.endsWith('.') ? k.slice(0, -1) : k);
const surface = (ctx: DocContext, a: number, b: number): string => ctx.text.slice(ctx.toks[a].start, ctx.toks[b - 1].end);
const byStart = (x: DocSpan, y: DocSpan): number => x.a - y.a || y.b - x.b;

/** Keeps spans sorted and drops any that overlaps an earlier (longer) one. */
function settle(ctx: DocContext): void {
  ctx.spans.sort(byStart);
  const kept: DocSpan[] = [];
  let end = -1;
  for (const s of ctx.spans) {
    if (s.a < end || s.b <= s.a) continue;
    kept.push(s);
    end = s.b;
  }
  ctx.spans = kept;
}

/** Which tokens are inside a span: index → span, for lookups by position. */
function coverage(ctx: DocContext): Array<DocSpan | undefined> {
  const at: Array<DocSpan | undefined> = new Array(ctx.toks.length);
  for (const s of ctx.spans) for (let i = s.a; i < s.b; i++) at[i] = s;
  return at;
}

// ---------------------------------------------------------------------------------------------

/** MISC (nationalities, events, works, awards) is not an entity here; web-page debris is nothing. */
export function dropMiscAndDebris(ctx: DocContext): void {
  const debris = new Set<number>();
  const toks = ctx.toks;
  // Debris lines are a few words ("Leave a comment", "Go up"): only short lines are read.
  for (let a = 0; a < toks.length; ) {
    let b = a + 1;
    while (b < toks.length && toks[b].line === toks[a].line) b++;
    if (b - a <= DEBRIS_LINE_TOKENS) {
      const bare = keyOf(toks, a, b).replace(/[.!?:…]+$/, '').replace(/\s+/g, ' ').trim();
      if (DEBRIS_LINES.has(bare)) debris.add(toks[a].line);
    }
    a = b;
  }
  ctx.spans = ctx.spans.filter((s) => s.cls !== 'MISC' && !debris.has(ctx.toks[s.a].line));
}

const POSSESSIVE = /^['’][sS]$/;
/** Lower-case words that may stand inside a name: "Bank of England", "Dar es Salaam", "Cartel de los Soles". */
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'at', 'to', 'upon', 'du', 'des', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'la', 'le', 'les', 'los', 'las', 'el', 'al', 'es', 'y', 'e', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'ibn', 'bint', 'abu', 'ul', 'ud', 'sur', 'am', 'an', 'im', 'zu', 'zum', 'und', "'s", '’s']);
/** Punctuation that may stand inside a name: "AT & T", "St. Louis", "Procter & Gamble", "O'Neill". */
const INNER_PUNCTUATION = /^[&.'’\-\/]$|^['’]s$/;
/** Last words of a minister's portfolio ("Minister of Maritime Affairs", "Secretary of State"). */
const PORTFOLIOS = new Set(['affairs', 'defence', 'defense', 'finance', 'trade', 'health', 'education', 'justice', 'interior', 'energy', 'state', 'agriculture', 'transport', 'fisheries', 'labour', 'labor', 'culture', 'environment', 'development', 'security', 'industry', 'commerce', 'economy', 'tourism', 'communications']);
const MARKUP = /^[*_#`~|[\]]+$/;
const CONTRACTION = /['’](?:m|ve|d|ll|re|t)$/i;
/** Endings of ordinary nouns the lexicon may lack (Telecommunications, Development). */
const COMMON_ENDING = /(?:tions?|ments?|ities|ing|ness)$/;
const COMPASS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'new',
  'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'greater',
]);

/**
 * Titles and honorifics never start a person's name ("Mr.", "President"), and "&" never ends a
 * name. Lone initials, numbers, weekdays and web-page words are not names.
 */
export function trimSpans(ctx: DocContext): void {
  const toks = ctx.toks;
  for (const s of ctx.spans) {
    // "Chelsea winger Arjen Robben": a lower-case word inside a person's name ends what came
    // before it (particles aside: "Ludwig van der Rohe").
    if (s.cls === 'PER') {
      for (let i = s.b - 2; i > s.a; i--) {
        const t = toks[i];
        if (t.word && !t.cap && !NAME_PARTICLES.has(t.key) && toks[i + 1].cap) {
          s.a = i + 1;
          break;
        }
      }
      // "Then Roddick": an opening function word is not part of the name.
      while (s.b - s.a > 1 && toks[s.a].sentStart && FUNCTION_WORDS.has(toks[s.a].key) && !nameLexicon().firstNames.has(toks[s.a].key)) s.a++;
    }
    // "Later Mrs Halloran": a sentence's opening word before a title goes with the title.
    while (s.cls === 'PER' && s.b - s.a > 2 && toks[s.a].sentStart && TITLE_HEADS.has(toks[s.a + 1].key) && !nameLexicon().firstNames.has(toks[s.a].key)) s.a++;
    while (s.cls === 'PER' && s.b - s.a > 1 && TITLE_HEADS.has(toks[s.a].key)) s.a++;
    while (s.b - s.a > 1 && (toks[s.b - 1].key === '&' || POSSESSIVE.test(toks[s.b - 1].text))) s.b--;
    while (s.cls === 'PER' && s.b - s.a > 2 && POST_NOMINALS.has(toks[s.b - 1].key)) s.b--;
    // "**Port of Rotterdam**": Markdown markup never opens or closes a name.
    while (s.b - s.a > 1 && MARKUP.test(toks[s.b - 1].text)) s.b--;
    while (s.b - s.a > 1 && MARKUP.test(toks[s.a].text)) s.a++;
  }
  const L = nameLexicon();
  for (const s of ctx.spans) {
    // "Telco BT said": an ordinary word opening the sentence is not part of the name after it.
    const first = toks[s.a];
    if (s.b - s.a !== 2 || !first.sentStart || first.allCaps || L.firstNames.has(first.key) || L.places.has(first.key) || L.orgs.has(first.key)) continue;
    const whole = keyOf(toks, s.a, s.b);
    if (L.places.has(whole) || L.orgs.has(whole)) continue;
    // "Telco BT", "Carmaker GM": a descriptive word before an acronym or a known organization.
    if (toks[s.a + 1].allCaps || (L.common.has(first.key) && L.orgs.has(toks[s.a + 1].key))) s.a++;
  }
  ctx.spans = ctx.spans.filter((s) => {
    const before = toks[s.a - 1];
    // People take no article: "won an Oscar", "a Grammy", "The Aviator" are things.
    if (s.cls === 'PER' && s.b - s.a === 1 && before && /^(a|an)$/.test(before.key)) return false;
    if (s.cls === 'PER' && toks[s.a].key === 'the') return false;
    const key = keyOf(toks, s.a, s.b);
    if (AWARDS.has(key) || NOT_ENTITY_WORDS.has(key)) return false;
    // "I'm", "I've", "We'd": contractions are never names.
    for (let i = s.a; i < s.b; i++) if (CONTRACTION.test(toks[i].text)) return false;
    if (s.b - s.a !== 1) return true;
    const t = toks[s.a];
    // "His lawyer said": a capitalised pronoun ("US" in capitals stays the country).
    if (PRONOUNS.has(t.key) && !t.allCaps) return false;
    if (POST_NOMINALS.has(t.key)) return false;
    // "Asia-Europe schedules": a compound of places is an adjective, not a name.
    if (t.key.includes('-') && t.key.split('-').every((part) => L.places.has(part))) return false;
    return t.word && !/^\p{Lu}\.?$/u.test(t.text) && !/^[\d.,:/-]+$/.test(t.text) && !WEEKDAYS.has(t.key) && !DEBRIS_WORDS.has(t.key);
  });
}

// ---------------------------------------------------------------------------------------------
// Acronyms defined in the text: "Central Intelligence Agency (CIA)" or "CIA (Central ...)"

const INITIAL_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'los', '&', 'in', 'on']);

function initials(toks: Tok[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) {
    if (INITIAL_SKIP.has(toks[i].key)) continue;
    for (const part of toks[i].text.split('-')) if (part) s += part[0].toUpperCase();
  }
  return s;
}

function acronymLetters(t: Tok): string | undefined {
  const letters = t.text.replace(/\./g, '');
  if (!/^[\p{Lu}][\p{L}\d&]{1,7}$/u.test(letters)) return undefined;
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  if (upper.length < 2 || upper.length < letters.length - 2) return undefined;
  return upper;
}

/**
 * "National Water Authority (NWA)": the acronym takes the long form's type and expansion, here and
 * wherever else the document writes it. A prefix the initials do not cover becomes its own name
 * ("US Federal Aviation Administration (FAA)").
 */
export function defineAcronyms(ctx: DocContext): void {
  const toks = ctx.toks;
  const L = nameLexicon();
  const defs = new Map<string, { cls: NerClass; expansion: string }>();
  const at = coverage(ctx);
  const added: DocSpan[] = [];
  for (const long of [...ctx.spans]) {
    const open = toks[long.b];
    const inner = toks[long.b + 1];
    const close = toks[long.b + 2];
    if (!open || open.text !== '(' || !inner || !close || close.text !== ')') continue;
    const acr = acronymLetters(inner);
    if (!acr) continue;
    // An acronym has at most 8 letters: its long form starts within the last few words.
    for (let s = Math.max(long.a, long.b - 2 * 8); s < long.b - 1; s++) {
      if (initials(toks, s, long.b) !== acr) continue;
      if (s > long.a) {
        const prefixKey = keyOf(toks, long.a, s);
        added.push({ a: long.a, b: s, cls: L.places.has(prefixKey) ? 'LOC' : long.cls });
        long.a = s;
      }
      const cls = long.cls === 'MISC' ? 'ORG' : long.cls;
      long.cls = cls;
      const expansion = surface(ctx, long.a, long.b);
      defs.set(inner.key, { cls, expansion });
      const own = at[long.b + 1];
      if (own && own.a === long.b + 1 && own.b === long.b + 2) own.cls = cls;
      else if (!own) added.push({ a: long.b + 1, b: long.b + 2, cls });
      break;
    }
  }
  ctx.spans.push(...added);
  settle(ctx);
  impliedAcronyms(ctx, defs);
  if (defs.size === 0) return;
  const covered = coverage(ctx);
  for (let i = 0; i < toks.length; i++) {
    const def = defs.get(toks[i].key);
    if (!def) continue;
    const s = covered[i];
    if (s && (s.a !== i || s.b !== i + 1)) continue;
    if (s) {
      s.cls = def.cls;
      s.expansion = def.expansion;
    } else ctx.spans.push({ a: i, b: i + 1, cls: def.cls, expansion: def.expansion });
  }
  for (const s of ctx.spans) if (s.expansion === surface(ctx, s.a, s.b)) delete s.expansion;
  settle(ctx);
}

/**
 * "The Bank of Japan … the BOJ": news often uses an acronym without defining it, after the long
 * form. An all-capitals name whose letters are the initials of exactly one earlier multi-word
 * organization of the document (connecting words counted or not) stands for it.
 */
function impliedAcronyms(ctx: DocContext, defs: Map<string, { cls: NerClass; expansion: string }>): void {
  const toks = ctx.toks;
  const longForms = new Map<string, { first: number; expansions: Set<string> }>();
  for (const s of ctx.spans) {
    if (s.cls !== 'ORG' || s.b - s.a < 2 || s.expansion) continue;
    const expansion = surface(ctx, s.a, s.b);
    let withConnectors = '';
    for (let i = s.a; i < s.b; i++) if (toks[i].word) withConnectors += toks[i].text[0].toUpperCase();
    for (const letters of new Set([initials(toks, s.a, s.b), withConnectors])) {
      if (letters.length < 2) continue;
      const known = longForms.get(letters);
      if (known) known.expansions.add(norm(expansion));
      else longForms.set(letters, { first: s.a, expansions: new Set([norm(expansion)]) });
    }
  }
  if (longForms.size === 0) return;
  for (const s of ctx.spans) {
    if (s.b - s.a !== 1 || s.expansion || s.cls === 'PER') continue;
    const t = toks[s.a];
    if (defs.has(t.key) || t.text !== t.text.toUpperCase() || acronymLetters(t) !== t.text.replace(/\./g, '')) continue;
    const long = longForms.get(t.text.replace(/\./g, ''));
    if (!long || long.expansions.size !== 1 || long.first > s.a) continue;
    const span = ctx.spans.find((x) => x.a === long.first)!;
    defs.set(t.key, { cls: 'ORG', expansion: surface(ctx, span.a, span.b) });
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * A name recognized once is that name wherever the document writes it again, capitalised and
 * outside another name: the recognizer may miss a bare "Keswick" at a sentence start. A person's
 * surname and a company's first word ("Brightwater" of "Brightwater Maritime Logistics") count too.
 */
export function propagateNames(ctx: DocContext): void {
  const toks = ctx.toks;
  const L = nameLexicon();
  const known = new Map<string, NerClass>();
  const votes = new Map<string, Record<NerClass, number>>();
  const vote = (k: string, cls: NerClass): void => {
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { PER: 0, ORG: 0, LOC: 0, MISC: 0 }));
    v[cls]++;
  };
  for (const s of ctx.spans) {
    vote(keyOf(toks, s.a, s.b), s.cls);
    const last = toks[s.b - 1];
    if (s.cls === 'PER' && s.b - s.a >= 2 && last.cap) vote(last.key, 'PER');
    if (s.cls === 'ORG' && s.b - s.a >= 2 && CORP_SUFFIXES.has(stripDot(last.key)) && !L.common.has(toks[s.a].key)) vote(toks[s.a].key, 'ORG');
  }
  for (const [k, v] of votes) {
    let best: NerClass = 'PER';
    for (const c of ['ORG', 'LOC', 'MISC'] as NerClass[]) if (v[c] > v[best]) best = c;
    known.set(k, best);
  }
  const at = coverage(ctx);
  const added: DocSpan[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (at[i] || !toks[i].cap) continue;
    for (let n = Math.min(MAX_NAME_WORDS, toks.length - i); n >= 1; n--) {
      let free = true;
      for (let j = i; j < i + n && free; j++) free = !at[j] && toks[j].line === toks[i].line && (toks[j].cap || j > i);
      if (!free || !toks[i + n - 1].cap) continue;
      const cls = known.get(keyOf(toks, i, i + n));
      if (!cls || cls === 'MISC') continue;
      // Inside a longer capitalised run ("Keswick Road") the word is part of another name.
      const before = toks[i - 1];
      const after = toks[i + n];
      if ((before && before.cap && before.line === toks[i].line && !before.sentStart) || (after && after.cap && after.line === toks[i].line)) break;
      added.push({ a: i, b: i + n, cls });
      i += n - 1;
      break;
    }
  }
  ctx.spans.push(...added);
  settle(ctx);
}

/**
 * Names glued together by the recognizer come apart: "Green Harbor Party and Norland Bank" at the
 * "and" after an institution's head word; "CIA North Korea" or "Trump Navy SEAL" where a known
 * name meets another; "Singapore North Korea-US summit", whose place-place compound is an
 * adjective, not part of a name.
 */
export function splitGluedNames(ctx: DocContext): void {
  const toks = ctx.toks;
  const L = nameLexicon();
  const alone = new Map<string, NerClass>();
  for (const s of ctx.spans) if (s.b - s.a === 1) alone.set(toks[s.a].key, s.cls);
  const lexClass = (k: string): NerClass | undefined =>
    L.places.has(k) ? 'LOC' : L.orgs.has(k) ? 'ORG' : L.persons.has(k) ? 'PER' : undefined;
  const out: DocSpan[] = [];
  const split = (s: DocSpan): void => {
    const n = s.b - s.a;
    if (n < 2) return void out.push(s);
    // "U.S. State Department designating Cartel de los Soles", "State [Department": a lower-case
    // word that is no connector, or a bracket, cannot be inside a name.
    for (let m = s.a + 1; m < s.b - 1; m++) {
      const t = toks[m];
      const breaks = t.word ? !t.cap && !/\d/.test(t.text) && !CONNECTORS.has(t.key) : !INNER_PUNCTUATION.test(t.text);
      if (!breaks) continue;
      split({ ...s, b: m });
      return split({ ...s, a: m + 1 });
    }
    // A trailing place-place compound ("North Korea-US") and the words that belong to it go.
    const last = toks[s.b - 1];
    const parts = last.key.split('-');
    if (parts.length === 2 && L.places.has(parts[1]) && !L.places.has(last.key)) {
      for (let m = s.a; m < s.b; m++) {
        const head = (m < s.b - 1 ? keyOf(toks, m, s.b - 1) + ' ' : '') + parts[0];
        if (L.places.has(head)) return m > s.a ? split({ ...s, b: m, cls: lexClass(keyOf(toks, s.a, m)) ?? s.cls }) : undefined;
      }
    }
    const whole = keyOf(toks, s.a, s.b);
    if (lexClass(whole)) return void out.push(s);
    for (let m = s.a + 1; m < s.b; m++) {
      const t = toks[m];
      if (t.key === 'and' && m + 1 < s.b && ORG_SUFFIXES.has(stripDot(toks[m - 1].key)) && !L.common.has(toks[m + 1].key) && !COMMON_ENDING.test(toks[m + 1].key)) {
        split({ ...s, b: m });
        return split({ ...s, a: m + 1 });
      }
      if (m - s.a > MAX_NAME_WORDS || s.b - m > MAX_NAME_WORDS) continue;
      const left = keyOf(toks, s.a, m);
      const right = keyOf(toks, m, s.b);
      const rightCls = L.places.has(right) || L.orgs.has(right) ? lexClass(right) : undefined;
      const leftCls = alone.get(left) ?? lexClass(left);
      if (!rightCls || !leftCls || COMPASS.has(stripDot(toks[m - 1].key)) || !t.cap) continue;
      // "Spartak Moscow", "U.S. Senate": a team or an institution and its place stay one name;
      // a person before a name, or a country after one, does not.
      const personLeft = leftCls === 'PER' || L.firstNames.has(left);
      if (!personLeft && !(L.countries.has(right) || EXTRA_COUNTRIES.has(right))) continue;
      if (leftCls === 'LOC' && rightCls === 'LOC') continue;
      if (TITLE_HEADS.has(toks[m - 1].key) || TITLE_HEADS.has(t.key)) continue;
      out.push({ a: s.a, b: m, cls: leftCls }, { a: m, b: s.b, cls: rightCls });
      return;
    }
    out.push(s);
  };
  for (const s of ctx.spans) split(s);
  ctx.spans = out;
  settle(ctx);
}

/**
 * "Public Prosecutor's Office", "People's Party": a possessive inside an institution's name, which
 * the recognizer (trained on text that splits "'s" off) cuts in two.
 */
export function joinPossessiveNames(ctx: DocContext): void {
  const toks = ctx.toks;
  const L = nameLexicon();
  const joined: DocSpan[] = [];
  for (let i = 1; i + 1 < toks.length; i++) {
    const head = toks[i + 1];
    const prev = toks[i - 1];
    if (!POSSESSIVE.test(toks[i].text) || toks[i].start !== prev.end || !head.cap || !ORG_SUFFIXES.has(head.key)) continue;
    if (!prev.cap || L.places.has(prev.key) || L.persons.has(prev.key) || L.firstNames.has(prev.key) || L.lastNames.has(prev.key)) continue;
    let a = i - 1;
    while (a > 0 && i - a < 4 && toks[a - 1].cap && toks[a - 1].line === prev.line && !toks[a].sentStart) a--;
    let b = i + 2;
    while (b < toks.length && b - i < 5 && toks[b].cap && toks[b].line === head.line) b++;
    joined.push({ a, b, cls: 'ORG' });
  }
  if (joined.length === 0) return;
  const covered = new Uint8Array(toks.length);
  for (const j of joined) covered.fill(1, j.a, j.b);
  ctx.spans = ctx.spans.filter((s) => !covered.subarray(s.a, s.b).some((c) => c === 1));
  ctx.spans.push(...joined);
  settle(ctx);
}

/** Words of the stock market around a company's name. */
const SHARE_WORDS = new Set(['shares', 'share', 'stake', 'stock', 'stocks', 'shareholders', 'shareholder', 'takeover', 'bid', 'buyout', 'subsidiary', 'unit', 'chief', 'executive', 'boss', 'chairman']);

/** Prepositions that take places far more often than companies or people ("at Google", "to Smith"). */
const STRONG_PLACE_PREPS = new Set(['through', 'via', 'near', 'across', 'outside', 'throughout', 'towards', 'toward', 'around']);

/** Votes from one mention's surroundings, for a one-word name the lexicons do not know. */
function contextVotes(ctx: DocContext, s: DocSpan, v: Record<NerClass, number>, classAt: Array<NerClass | undefined>): void {
  const toks = ctx.toks;
  const L = nameLexicon();
  const k = toks[s.a].key;
  orgVotes(ctx, s, v);
  if (s.b - s.a !== 1 || (!L.places.has(k) && (L.orgs.has(k) || L.persons.has(k) || L.firstNames.has(k)))) return;
  const line = toks[s.a].line;
  const at = (i: number): Tok | undefined => (toks[i] && toks[i].line === line ? toks[i] : undefined);
  const before = at(s.a - 1);
  const before2 = at(s.a - 2);
  const after = at(s.b);
  if (before && PLACE_PREPS.has(before.key)) v.LOC += STRONG_PLACE_PREPS.has(before.key) ? 1.5 : 0.5;
  if (before && before.key === 'of' && before2 && PLACE_OF_BEFORE.has(before2.key)) v.LOC += 2;
  if (after && POSSESSIVE.test(after.text) && at(s.b + 1) && PLACE_POSSESSED.has(at(s.b + 1)!.key)) v.LOC += 2;
  if (after && after.text === ',') {
    const w1 = at(s.b + 1);
    const w2 = at(s.b + 2);
    if (w1 && /^\d{1,2}$/.test(w1.text) && w2 && w2.text === ',') v.PER += 2;
    if (w1 && /^(a|an|the)$/.test(w1.key)) {
      // A capitalised word ends the apposition: "In Europe, the European Central Bank" names another.
      for (let e = s.b + 2; e < s.b + 6 && at(e) && at(e)!.word && !at(e)!.cap; e++) {
        if (ORG_APPOSITION.has(at(e)!.key)) {
          v.ORG += 2;
          break;
        }
      }
    }
  }
  // Coordinated with a place: "in Lisbon and Quenzo", "through Parvela and Ostmar".
  const coordinated = (i: number): boolean => !!at(i) && at(i)!.cap && (L.places.has(at(i)!.key) || classAt[i] === 'LOC');
  // A comma coordinates only inside a list that goes on ("in Lisbon, Quenzo and Faro"), not after
  // an opening phrase ("In Washington, Rubio said").
  const listGoesOn = !!after && /^(and|or|,)$/.test(after.key);
  if (before && (/^(and|or)$/.test(before.key) || (before.key === ',' && listGoesOn)) && coordinated(s.a - 2)) v.LOC += 1.5;
  if (after && /^(and|or)$/.test(after.key) && coordinated(s.b + 1)) v.LOC += 1.5;
}

/** "shares in X", "X shares", "a stake in X": X is a company, whatever its name looks like ("Time Warner"). */
function orgVotes(ctx: DocContext, s: DocSpan, v: Record<NerClass, number>): void {
  const toks = ctx.toks;
  const line = toks[s.a].line;
  const at = (i: number): Tok | undefined => (toks[i] && toks[i].line === line ? toks[i] : undefined);
  const b1 = at(s.a - 1);
  const b2 = at(s.a - 2);
  let i = s.b;
  if (at(i) && POSSESSIVE.test(at(i)!.text)) i++;
  const a1 = at(i);
  if (nameLexicon().places.has(keyOf(toks, s.a, s.b))) return; // "Tokyo stocks" are the market's, not a company's
  if (b1 && /^(in|of)$/.test(b1.key) && b2 && SHARE_WORDS.has(b2.key)) v.ORG += 3;
  if (a1 && SHARE_WORDS.has(a1.key)) v.ORG += 3;
}

/** Words of sports reporting; a document using several is a sports report. */
function isSportsReport(toks: Tok[]): boolean {
  let score = 0;
  const firstLine = toks.find((t) => t.word)?.line;
  for (const t of toks) if (t.word && SPORT_WORDS.has(t.key)) score += t.line === firstLine ? 3 : 1;
  return score >= 4;
}

/**
 * In a sports report, a place that plays is its team: in a results line, or next to "beat",
 * "against", "v". Countries stay places (national teams, as CoNLL annotates them).
 */
export function sportsTeams(ctx: DocContext): void {
  const toks = ctx.toks;
  if (!isSportsReport(toks)) return;
  const L = nameLexicon();
  const numbersOnLine = new Map<number, number>();
  const wordsOnLine = new Map<number, number>();
  for (const t of toks) {
    if (!t.word) continue;
    wordsOnLine.set(t.line, (wordsOnLine.get(t.line) ?? 0) + 1);
    if (/^[-+.]?\d/.test(t.text)) numbersOnLine.set(t.line, (numbersOnLine.get(t.line) ?? 0) + 1);
  }
  const teams = new Set<string>();
  const nameParts = new Set<string>();
  for (const s of ctx.spans) if (s.cls === 'PER' && s.b - s.a > 1) for (let i = s.a; i < s.b; i++) nameParts.add(toks[i].key);
  for (const s of ctx.spans) {
    const k = keyOf(toks, s.a, s.b);
    // Places that play; and one-word "people" that play ("Chelsea beat Arsenal").
    const playsAsPlace = s.cls === 'LOC' && L.places.has(k) && !L.countries.has(k) && !EXTRA_COUNTRIES.has(k);
    // A one-word "person" that plays, and is no part of a person named in full here, is a club
    // ("Chelsea beat Arsenal"); "Federer beat Nadal" after "Roger Federer" stays a player.
    const playsAsPerson = s.cls === 'PER' && s.b - s.a === 1 && !nameParts.has(k);
    // A name the recognizer already typed as a club tells the rest of the report too.
    if (!playsAsPlace && !playsAsPerson && s.cls !== 'ORG') continue;
    const line = toks[s.a].line;
    const before = toks[s.a - 1]?.line === line ? toks[s.a - 1] : undefined;
    const after = toks[s.b]?.line === line ? toks[s.b] : undefined;
    const lostTo = before?.key === 'to' && /^(lost|losing|lose|loses|fell)$/.test(toks[s.a - 2]?.key ?? '');
    if (before && PLACE_PREPS.has(before.key) && !lostTo) continue;
    const nums = numbersOnLine.get(line) ?? 0;
    const scoreLine = nums >= 2 && nums >= 0.3 * (wordsOnLine.get(line) ?? 1);
    const scoreAfter = !!after && /^\d/.test(after.text) && !/^\d{4}-\d\d-\d\d$/.test(after.text);
    if (lostTo || scoreLine || scoreAfter || (after && TEAM_VERBS_AFTER.has(after.key)) || (before && TEAM_WORDS_BEFORE.has(before.key))) teams.add(k);
  }
  for (const s of ctx.spans) {
    const k = keyOf(toks, s.a, s.b);
    if (s.cls !== 'ORG' && teams.has(k) && !nameParts.has(k) && !L.countries.has(k) && !EXTRA_COUNTRIES.has(k)) s.cls = 'ORG';
  }
}

/**
 * General knowledge the recognizer's training text disagrees with: institutions it annotates as
 * places ("White House", "Pentagon", "Kremlin") are organizations to a reader, who means the
 * people inside. Multi-word and acronym names from the organizations list win.
 */
export function knownOrganizations(ctx: DocContext): void {
  const toks = ctx.toks;
  for (const s of ctx.spans) {
    const k = keyOf(toks, s.a, s.b);
    if (INSTITUTIONS.has(k)) s.cls = 'ORG';
    // "Bay of Biscay", "Gulf of Aden", "Isle of Man": a geographic head makes a place.
    else if (s.b - s.a >= 3 && PLACE_HEADS.has(toks[s.a].key) && toks[s.a + 1].key === 'of') s.cls = 'LOC';
  }
  // "Minister of Maritime Affairs": the portfolio after a title is no organization of its own.
  ctx.spans = ctx.spans.filter((s) => {
    const of = toks[s.a - 1];
    const title = toks[s.a - 2];
    return !(of && of.key === 'of' && title && TITLE_HEADS.has(title.key) && s.cls === 'ORG' && PORTFOLIOS.has(toks[s.b - 1].key) && !nameLexicon().orgs.has(keyOf(toks, s.a, s.b)));
  });
}

/**
 * "Park Min-jun", "Choi Soo-yeon": a capitalised word before a given name of East Asian shape
 * (capital, lower-case, hyphen, lower-case) is a person the recognizer may not know.
 */
export function hyphenatedGivenNames(ctx: DocContext): void {
  const toks = ctx.toks;
  const at = coverage(ctx);
  const replaced = new Set<DocSpan>();
  const found: DocSpan[] = [];
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    const family = toks[i - 1];
    if (!/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(t.text) || !family.cap || family.line !== t.line || family.end + 1 !== t.start) continue;
    if (family.text.length > 6 || (at[i - 1] && at[i - 1]!.b - at[i - 1]!.a > 1) || (at[i] && at[i]!.b - at[i]!.a > 1)) continue;
    if (family.sentStart && nameLexicon().common.has(family.key)) continue;
    for (const s of [at[i - 1], at[i]]) if (s) replaced.add(s);
    found.push({ a: i - 1, b: i + 1, cls: 'PER' });
  }
  if (!found.length) return;
  ctx.spans = ctx.spans.filter((s) => !replaced.has(s)).concat(found);
  settle(ctx);
}

/**
 * One name, one type within a document: the type most of its mentions received, with votes from
 * the context of one-word names the lexicons do not know; ties go to the first mention. A bare
 * surname of a person named in full is that person; a company's first word is that company.
 */
export function unifyTypes(ctx: DocContext): void {
  // Read from the recognizer's own types, before the rounds unify them (a tie must not cascade).
  const persons = personsTaggedCompanies(ctx);
  // Twice: a name typed in the first round can cue its neighbour in the second ("X and Y").
  unifyRound(ctx, persons);
  unifyRound(ctx, persons);
}

/**
 * "Elon Musk" tagged a company, then "Musk" alone a person at least as often: the pattern of a
 * person named in full, then by surname. The first word must look like a given name: not a word
 * of the lexicons ("Crystal Palace", "Apple Mac") nor an acronym ("MG Rover"). Keys of such names.
 */
function personsTaggedCompanies(ctx: DocContext): Set<string> {
  const toks = ctx.toks;
  const L = nameLexicon();
  interface Tally {
    count: number;
    first: number;
  }
  const barePersons = new Map<string, Tally>();
  const bareOthers = new Map<string, Tally>();
  const orgNames = new Map<string, Tally>();
  const tally = (map: Map<string, Tally>, k: string, at: number): void => {
    const t = map.get(k);
    if (t) t.count++;
    else map.set(k, { count: 1, first: at });
  };
  for (const s of ctx.spans) {
    if (s.b - s.a === 1) tally(s.cls === 'PER' ? barePersons : bareOthers, toks[s.a].key, s.a);
    if (s.b - s.a === 2 && s.cls === 'ORG') tally(orgNames, keyOf(toks, s.a, s.b), s.a);
  }
  const out = new Set<string>();
  for (const [k, full] of orgNames) {
    const first = toks[full.first];
    const fk = first.key;
    const lk = toks[full.first + 1].key;
    if (!first.cap || first.text === first.text.toUpperCase() || L.common.has(fk) || L.nonNoun.has(fk) || L.orgs.has(fk) || L.places.has(fk) || L.demonyms.has(fk)) continue;
    const bare = barePersons.get(lk);
    const other = bareOthers.get(lk)?.count ?? 0;
    if (bare && bare.first > full.first && bare.count >= full.count && bare.count > other) out.add(k);
  }
  return out;
}

function unifyRound(ctx: DocContext, personsTagged: Set<string>): void {
  const toks = ctx.toks;
  const classAt: Array<NerClass | undefined> = new Array(toks.length);
  for (const s of ctx.spans) if (s.b - s.a === 1) classAt[s.a] = s.cls;
  const L = nameLexicon();
  const votes = new Map<string, Record<NerClass, number>>();
  const first = new Map<string, NerClass>();
  const surnames = new Set<string>();
  const companyHeads = new Set<string>();
  for (const s of ctx.spans) {
    const k = keyOf(toks, s.a, s.b);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { PER: 0, ORG: 0, LOC: 0, MISC: 0 }));
    if (!first.has(k)) first.set(k, s.cls);
    v[s.cls] += s.expansion ? 2 : 1;
    contextVotes(ctx, s, v, classAt);
    const last = toks[s.b - 1];
    if (s.cls === 'ORG' && personsTagged.has(k)) v.PER += 3;
    if (s.b - s.a >= 2 && s.cls === 'PER') surnames.add(last.key);
    if (s.b - s.a >= 2 && s.cls === 'ORG' && CORP_SUFFIXES.has(stripDot(last.key)) && !L.common.has(toks[s.a].key)) companyHeads.add(toks[s.a].key);
  }
  for (const s of ctx.spans) {
    const k = keyOf(toks, s.a, s.b);
    if (s.b - s.a === 1 && surnames.has(k)) s.cls = 'PER';
    else if (s.b - s.a === 1 && companyHeads.has(k)) s.cls = 'ORG';
    else {
      const v = votes.get(k)!;
      let best = first.get(k)!;
      for (const c of ['PER', 'ORG', 'LOC'] as NerClass[]) if (v[c] > v[best]) best = c;
      s.cls = best;
    }
  }
}

// ---------------------------------------------------------------------------------------------

const MALE_HONORIFICS = new Set(['mr', 'mr.', 'sir', 'lord', 'messrs']);
const FEMALE_HONORIFICS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'madam', 'madame']);

/**
 * A bare surname (or given name) stands for the person this document names in full: its
 * `refersTo` is that full name, so alias resolution files it there rather than under a surname
 * several people share. Among several full names with that surname, an honorific's gender decides
 * ("Mr Blair" is not "Cherie Blair"), then the nearest full name before it. A monarch's or pope's
 * single name keeps its title ("King Hussein" is not "Saddam Hussein").
 */
export function linkToFullNames(ctx: DocContext): void {
  const toks = ctx.toks;
  const L = nameLexicon();
  interface Full {
    span: DocSpan;
    name: string;
    given: string;
  }
  const byFamily = new Map<string, Full[]>();
  const byGiven = new Map<string, Full[]>();
  /** Inner words of long names: "Lula" in "Luiz Inácio Lula da Silva". */
  const byInner = new Map<string, Full[]>();
  const file = (map: Map<string, Full[]>, k: string, f: Full): void => {
    const list = map.get(k);
    if (list) list.push(f);
    else map.set(k, [f]);
  };
  const titleBefore = (s: DocSpan): string | undefined => {
    const t = toks[s.a - 1];
    return t && t.line === toks[s.a].line ? t.key : undefined;
  };
  for (const s of ctx.spans) {
    if (s.cls !== 'PER') continue;
    const n = s.b - s.a;
    const title = titleBefore(s);
    if (n === 1 && title && ROYAL_TITLES.has(stripDot(title))) {
      const name = `${toks[s.a - 1].text.replace(/\.$/, '')} ${surface(ctx, s.a, s.b)}`;
      s.refersTo = name;
      file(byFamily, toks[s.a].key, { span: s, name, given: stripDot(title) });
      continue;
    }
    if (n < 2 || !toks[s.b - 1].cap || toks[s.a].text.length < 2) continue;
    const full: Full = { span: s, name: surface(ctx, s.a, s.b), given: stripDot(toks[s.a].key) };
    file(byFamily, toks[s.b - 1].key, full);
    if (!/^\p{Lu}\.?$/u.test(toks[s.a].text)) file(byGiven, full.given, full);
    for (let i = s.a + 1; i < s.b - 1; i++) if (toks[i].cap && toks[i].text.length > 2) file(byInner, toks[i].key, full);
  }
  if (byFamily.size === 0) return;
  for (const s of ctx.spans) {
    if (s.cls !== 'PER' || s.b - s.a !== 1 || s.refersTo) continue;
    const k = toks[s.a].key;
    const title = titleBefore(s);
    let candidates = byFamily.get(k);
    if (!candidates) {
      // A bare given (or inner) name: only when one person of the document has it and nobody has
      // it as a surname.
      const given = byGiven.get(k) ?? byInner.get(k);
      if (given && new Set(given.map((g) => norm(g.name))).size === 1) s.refersTo = given[0].name;
      continue;
    }
    if (title && (MALE_HONORIFICS.has(title) || FEMALE_HONORIFICS.has(title))) {
      const names = MALE_HONORIFICS.has(title) ? L.maleNames : L.femaleNames;
      const agreeing = candidates.filter((c) => names.has(c.given));
      if (agreeing.length) candidates = agreeing;
    }
    let pick = candidates[0];
    for (const c of candidates) if (c.span.a < s.a) pick = c; // the nearest before, else the first after
    s.refersTo = pick.name;
  }
}

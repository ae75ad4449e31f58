// Person / organization / place mentions from capitalisation, word lists (compromise's lexicon
// plus src/core/gazetteer.ts), local cues and document-level propagation. No full compromise
// parse: its tagger runs at ~0.07 MB/s, while its lexicon gives the same name knowledge for free.
import nlp from 'compromise';
import type { EntityMention, EntityType } from './types';
import {
  DEBRIS_LINES,
  DEBRIS_WORDS,
  EXTRA_COUNTRIES,
  EXTRA_PLACES,
  FUNCTION_WORDS,
  KNOWN_ORGS,
  MISC_SUFFIXES,
  NEWSPAPER_WORDS,
  NOT_ENTITY_WORDS,
  ORG_HEADS,
  ORG_SUFFIXES,
  PERSON_TITLES,
  PERSON_VERBS,
  PLACE_HEADS,
  PLACE_SUFFIXES,
  SPORT_WORDS,
  TEAM_VERBS_AFTER,
  TEAM_WORDS_BEFORE,
  TITLE_HEADS,
  WEEKDAYS_MONTHS,
} from './gazetteer';

type Kind = EntityType | 'none';

// ---------------------------------------------------------------------------------------------
// Lexicon (built once, lazily)

interface Lexicon {
  places: Set<string>;
  /** Countries (national teams keep the country's name and stay places). */
  countries: Set<string>;
  orgs: Set<string>;
  persons: Set<string>;
  firstNames: Set<string>;
  lastNames: Set<string>;
  demonyms: Set<string>;
  /** Words compromise knows as ordinary vocabulary (verbs, adjectives, common nouns...). */
  common: Set<string>;
  /** Words compromise knows only as verbs, adjectives or adverbs (never institution names). */
  nonNoun: Set<string>;
}

let lexicon: Lexicon | undefined;

const COMMON_TAGS = new Set([
  'Adjective', 'Adverb', 'Conjunction', 'Determiner', 'Preposition', 'Pronoun', 'PastTense',
  'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Modal', 'Copula', 'Comparative', 'Superlative',
  'Plural', 'Singular', 'Uncountable', 'Noun', 'Actor', 'QuestionWord', 'Expression', 'PhrasalVerb',
  'Verb', 'Negative', 'Condition', 'Imperative', 'Reflexive', 'TextValue', 'Ordinal', 'Cardinal', 'Unit',
]);
const PLACE_NOISE = new Set([
  'downtown', 'uptown', 'midtown', 'lakefront', 'riverfront', 'lowland', 'lowlands', 'highland', 'highlands',
  'boardwalk', 'riverside', 'parkside', 'old town', 'main street', 'main st', 'financial district',
  'shopping district', 'east end', 'north end', 'south end', 'east side', 'north side', 'south side',
  'gay village', 'green acres', 'green valley', 'hillcrest', 'brookside', 'riverbend', 'lindley',
]);

function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const lex = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]>; frozenLex?: Record<string, string> } } })
    .model().one;
  const L: Lexicon = {
    places: new Set(EXTRA_PLACES),
    countries: new Set(EXTRA_COUNTRIES),
    orgs: new Set(KNOWN_ORGS),
    persons: new Set(),
    firstNames: new Set(),
    lastNames: new Set(),
    demonyms: new Set(),
    common: new Set(),
    nonNoun: new Set(),
  };
  const nounish = new Set<string>();
  const entries: Array<[string, string | string[]]> = Object.entries(lex.lexicon);
  for (const [k, v] of Object.entries(lex.frozenLex ?? {})) entries.push([k, v]);
  for (const [word, tag] of entries) {
    const tags = Array.isArray(tag) ? tag : [tag];
    const key = norm(word);
    for (const t of tags) {
      if (t === 'Country' || t === 'City' || t === 'Region') L.places.add(key);
      if (t === 'Country') L.countries.add(key);
      else if (t === 'Place' && key.length >= 4 && !PLACE_NOISE.has(key)) L.places.add(key);
      else if (t === 'Organization' || t === 'SportsTeam') L.orgs.add(key);
      else if (t === 'Person') L.persons.add(key);
      else if (t === 'MaleName' || t === 'FemaleName' || t === 'FirstName') L.firstNames.add(key);
      else if (t === 'LastName') L.lastNames.add(key);
      else if (t === 'Demonym') L.demonyms.add(key);
      else if (COMMON_TAGS.has(t)) {
        L.common.add(key);
        if (/^(Singular|Plural|Uncountable|Noun|Actor)$/.test(t)) nounish.add(key);
        else L.nonNoun.add(key);
      }
    }
  }
  for (const k of nounish) L.nonNoun.delete(k);
  // "us" is a pronoun to compromise; "U.S." handled by EXTRA_PLACES but lowercase "us" must not be.
  lexicon = L;
  return L;
}

/** Lower-case, accents stripped, typographic apostrophes straightened. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  text: string;
  start: number;
  end: number;
  key: string;
  word: boolean;
  /** Starts with an upper-case letter (or "al-Aqsa"-style particle + capital). */
  cap: boolean;
  allCaps: boolean;
  line: number;
  sentStart: boolean;
}

const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'gen', 'col', 'lt', 'sgt',
  'capt', 'rev', 'gov', 'sen', 'rep', 'messrs', 'mt', 'ft', 'dept', 'adm', 'maj', 'cpl', 'bros', 'vs', 'no',
]);
/** US state abbreviations written with a period ("Fla.", "Calif."). */
const STATE_ABBREV = new Set([
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn',
  'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'vt', 'va', 'wash', 'wis', 'wyo',
]);
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:(?:[-&]|['’](?![sS](?![\p{L}\p{M}\p{N}])))[\p{L}\p{M}\p{N}]+)*|\S/gu;
const PARTICLE_CAP_RE = /^(?:al|el|ad|as|an|ash|at|az|bin|ibn|abu|de|d|l|o|mc)[-'’]\p{Lu}/u;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let line = 0;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let s = m[0];
    const start = m.index;
    for (let i = lastEnd; i < start; i++) if (text.charCodeAt(i) === 10) line++;
    // Abbreviations and initials keep their period ("Mr.", "Inc.", "John F. Kennedy").
    if (
      text[start + s.length] === '.' &&
      (ABBREV.has(s.toLowerCase()) || /^\p{Lu}$/u.test(s) || (/^\p{Lu}/u.test(s) && STATE_ABBREV.has(s.toLowerCase())))
    ) {
      s += '.';
      TOKEN_RE.lastIndex = start + s.length;
    }
    const word = /[\p{L}\p{N}]/u.test(s);
    const letters = s.replace(/[^\p{L}]/gu, '');
    const cap = word && (/^\p{Lu}/u.test(s) || PARTICLE_CAP_RE.test(s));
    toks.push({
      text: s,
      start,
      end: start + s.length,
      key: norm(s),
      word,
      cap,
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      line,
      sentStart: false,
    });
    lastEnd = start + s.length;
  }
  // Sentence starts: first word of a line, or first word after . ! ? : (quotes/brackets skipped).
  let expectStart = true;
  let prevLine = -1;
  for (const t of toks) {
    if (t.line !== prevLine) {
      expectStart = true;
      prevLine = t.line;
    }
    if (t.word) {
      t.sentStart = expectStart;
      expectStart = false;
    } else if (/^[.!?:;…•·|*>–—]$/.test(t.text) || (t.text === '-' && expectStart)) {
      expectStart = true;
    }
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// Lines: debris and all-caps / headline lines (where capitalisation says nothing)

interface LineInfo {
  debris: boolean;
  capsLine: boolean;
  /** Mostly numbers: a results table or standings row ("Surrey 350-6", "Chicago 72 58 .554"). */
  scoreLine: boolean;
}

function lineInfo(text: string, toks: Tok[]): Map<number, LineInfo> {
  const byLine = new Map<number, Tok[]>();
  for (const t of toks) {
    const list = byLine.get(t.line);
    if (list) list.push(t);
    else byLine.set(t.line, [t]);
  }
  const info = new Map<number, LineInfo>();
  for (const [line, lt] of byLine) {
    const lineText = text.slice(lt[0].start, lt[lt.length - 1].end);
    const bare = norm(lineText).replace(/[.!?:…]+$/, '').replace(/\s+/g, ' ').trim();
    const debris = DEBRIS_LINES.has(bare);
    const letterWords = lt.filter((t) => /\p{L}/u.test(t.text));
    const caps = letterWords.filter((t) => t.allCaps);
    // Title-case headings ("US Forces Attack Venezuelan Boat, Disguised as Civilian Aircraft"): every
    // content word capitalised, so capitalisation tells nothing either.
    const content = letterWords.filter((t) => !(FUNCTION_WORDS.has(t.key) && !t.cap) && !/^(a|an|the|of|to|in|on|at|for|and|or|as|by|with|vs)$/.test(t.key));
    const commonCount = content.filter((t) => getLexicon().common.has(t.key) && !isKnownNameKey(t.key)).length;
    const titleCase =
      content.length >= 4 &&
      content.every((t) => t.cap) &&
      commonCount >= 2 &&
      commonCount >= 0.4 * content.length &&
      lt.every((t) => !/^[.!?]$/.test(t.text) || t === lt[lt.length - 1]);
    const capsLine =
      titleCase ||
      (caps.length > 0 &&
        caps.length / letterWords.length >= 0.6 &&
        (letterWords.length >= 2 || caps[0].text.length >= 6));
    const numbers = lt.filter((t) => /^[-+.]?\d/.test(t.text)).length;
    const scoreLine = numbers >= 2 && numbers >= 0.3 * lt.filter((t) => t.word).length;
    info.set(line, { debris, capsLine, scoreLine });
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Chunks of capitalised words

const PARTICLES = new Set([
  'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'do', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'los',
  'las', 'bin', 'ibn', 'al', 'el', 'y',
]);
const OF_HOSTS = new Set([
  ...ORG_HEADS, ...PLACE_SUFFIXES, ...PLACE_HEADS, 'secretary', 'minister', 'commonwealth',
  'governor', 'center', 'centre', 'states', 'friends', 'people', 'republic', 'kingdom', 'isle', 'sea',
  'chamber', 'house', 'bureau', 'commissioner', 'director', 'president', 'chancellor', 'speaker', 'district',
]);
const FOR_HOSTS = new Set([
  'center', 'centre', 'organisation', 'organization', 'commission', 'committee', 'council', 'institute', 'court',
  'office', 'foundation', 'fund', 'agency', 'movement', 'union', 'party', 'alliance', 'coalition', 'front',
  'association', 'federation', 'league', 'society', 'campaign', 'bureau', 'board', 'ministry', 'department',
]);

interface Piece {
  /** Token indices, end exclusive. */
  a: number;
  b: number;
  /** Evidence from the surroundings of this occurrence. */
  cue: Partial<Record<Kind, number>>;
  expansion?: string;
  /** Found by lookup in an all-caps line. */
  fromCaps?: boolean;
}

function isNameWord(t: Tok): boolean {
  return t.cap && !WEEKDAYS_MONTHS.has(t.key.replace(/\.$/, '')) && !/'(m|re|ll|ve|d|t)$/.test(t.key) && !/^(vs\.?|versus)$/.test(t.key);
}

function buildChunks(toks: Tok[], lines: Map<number, LineInfo>): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let i = 0;
  while (i < toks.length) {
    const li = lines.get(toks[i].line)!;
    if (li.debris || li.capsLine || !isNameWord(toks[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && toks[j].line === toks[i].line) {
      const t = toks[j];
      if (isNameWord(t)) {
        j++;
        continue;
      }
      const prev = toks[j - 1];
      const next = toks[j + 1];
      const next2 = toks[j + 2];
      const k = t.key;
      if (next && next.line === t.line) {
        if (PARTICLES.has(t.text)) {
          // "Cartel de los Soles", "Ludwig van der Rohe": a run of particles between names.
          let q = j;
          while (q < toks.length && toks[q].line === t.line && PARTICLES.has(toks[q].text) && q - j < 3) q++;
          if (q < toks.length && toks[q].line === t.line && isNameWord(toks[q])) {
            j = q + 1;
            continue;
          }
        }
        if (k === '&' && isNameWord(next)) {
          j += 2;
          continue;
        }
        // "Public Prosecutor's Office", "People's Party": a possessive inside an institution's name.
        if (/^['’]$/.test(t.text) && next.key === 's' && next.start === t.end && next2 && next2.line === t.line && isNameWord(next2) && ORG_SUFFIXES.has(stripKey(next2)) && (isTitleWord(prev) || (getLexicon().common.has(prev.key) && !isKnownNameKey(prev.key)))) {
          j += 3;
          continue;
        }
        const host = prev.key.replace(/\.$/, '');
        // "Organisation for Security and Cooperation in Europe": and/in once of/for opened the phrase.
        if ((k === 'and' || k === 'in') && isNameWord(next) && toks.slice(i, j).some((x) => x.key === 'of' || x.key === 'for')) {
          j += 2;
          continue;
        }
        if ((k === 'of' && OF_HOSTS.has(host)) || (k === 'for' && FOR_HOSTS.has(host))) {
          if (isNameWord(next)) {
            j += 2;
            continue;
          }
          if (next.key === 'the' && next2 && next2.line === t.line && isNameWord(next2)) {
            j += 3;
            continue;
          }
        }
      }
      break;
    }
    chunks.push([i, j]);
    i = j;
  }
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// Splitting chunks into pieces: titles out, function words and sentence-initial common words off

function stripKey(t: Tok): string {
  return t.key.replace(/\.$/, '');
}

function isTitleWord(t: Tok): boolean {
  const k = stripKey(t);
  return PERSON_TITLES.has(t.key) || PERSON_TITLES.has(k) || (k.includes('-') && k.split('-').every((w) => PERSON_TITLES.has(w)));
}
function isTitleHead(t: Tok): boolean {
  const k = stripKey(t);
  return TITLE_HEADS.has(t.key) || TITLE_HEADS.has(k) || (k.includes('-') && k.split('-').some((w) => TITLE_HEADS.has(w)) && isTitleWord(t));
}

interface Ctx {
  toks: Tok[];
  text: string;
  lex: Lexicon;
  /** Lower-case forms of words seen written in lower case in this document. */
  lowerSeen: Set<string>;
  /** Keys of words seen capitalised away from sentence starts. */
  capSeen: Set<string>;
  /** Keys of words seen capitalised away from sentence starts with no capitalised neighbour. */
  capAlone: Set<string>;
  lines: Map<number, LineInfo>;
  /** A sports report: places that play are teams, i.e. organizations (CoNLL's convention too). */
  sports: boolean;
}

function isKnownNameKey(key: string): boolean {
  const L = getLexicon();
  return L.places.has(key) || L.orgs.has(key) || L.persons.has(key) || L.firstNames.has(key) || L.lastNames.has(key);
}

function isKnownName(ctx: Ctx, key: string): boolean {
  const L = ctx.lex;
  return L.places.has(key) || L.orgs.has(key) || L.persons.has(key) || L.firstNames.has(key) || L.lastNames.has(key);
}

/** An ordinary word (or its plural) per compromise's lexicon or this document's lower-case words. */
function isCommonWord(ctx: Ctx, t: Tok): boolean {
  if (t.allCaps) return false;
  const k = stripKey(t);
  if (isKnownName(ctx, k)) return false;
  const cands = [k];
  if (k.endsWith('s')) cands.push(k.slice(0, -1));
  if (k.endsWith('es')) cands.push(k.slice(0, -2));
  if (k.endsWith('ies')) cands.push(k.slice(0, -3) + 'y');
  return cands.some((c) => c.length > 2 && (ctx.lex.common.has(c) || ctx.lowerSeen.has(c) || FUNCTION_WORDS.has(c)));
}

/** A sentence-initial capitalised word that is probably an ordinary word. */
function isCommonOpener(ctx: Ctx, t: Tok): boolean {
  const k = stripKey(t);
  if (FUNCTION_WORDS.has(k) || WEEKDAYS_MONTHS.has(k)) return true;
  if (t.allCaps && t.text.length <= 6) return false;
  if (isKnownName(ctx, k) || ctx.lex.demonyms.has(k)) return false;
  // Capitalised elsewhere only inside a longer name ("Port Authority") says nothing about "Port strike".
  if (ctx.capAlone.has(k) || (ctx.capSeen.has(k) && !isCommonWord(ctx, t))) return false;
  if (isCommonWord(ctx, t)) return true;
  return /(?:ly|ing|ed|ness|ment|ity|ive|ous|ful|less|able|ible)$/.test(k) && k.length > 5;
}

function splitChunk(ctx: Ctx, a: number, b: number, out: Piece[]): void {
  const toks = ctx.toks;
  // Whole chunk known (e.g. "Prince Edward Island", "The Hague") → keep as is.
  const whole = keyOf(toks, a, b);
  if (b - a > 1 && (ctx.lex.places.has(whole) || ctx.lex.orgs.has(whole))) {
    out.push({ a, b, cue: {} });
    return;
  }
  // Two known names side by side ("CIA North Korea strategy") are two mentions.
  for (let m = a + 1; m < b; m++) {
    if (isKnownWhole(ctx, a, m) && isKnownWhole(ctx, m, b) && !isTitleWord(toks[m - 1]) && !isTitleWord(toks[m]) && !(m - a === 1 && COMPASS.has(stripKey(toks[a])))) {
      emitPiece(ctx, a, m, 0, out);
      emitPiece(ctx, m, b, 0, out);
      return;
    }
  }
  // "Singapore North Korea-US summit": a place-place compound ends the chunk; it is an adjective, not a name.
  const lastTok = toks[b - 1];
  if (b - a > 1 && lastTok.text.includes('-')) {
    const parts = lastTok.key.split('-');
    const tail = parts[parts.length - 1];
    if (parts.length === 2 && ctx.lex.places.has(tail)) {
      for (let m = a; m < b; m++) {
        const head = (m < b - 1 ? keyOf(toks, m, b - 1) + ' ' : '') + parts[0];
        if (ctx.lex.places.has(head)) {
          if (m > a) splitChunk(ctx, a, m, out);
          return;
        }
      }
    }
  }
  // "Trump Navy SEAL": a word used alone elsewhere in the text, then a known organization or place.
  for (let m = b - 1; m > a; m--) {
    if (m - a === 1 && isKnownWhole(ctx, m, b) && b - m >= 2 && ctx.capAlone.has(stripKey(toks[a])) && !isKnownWhole(ctx, a, m) && !isTitleWord(toks[a]) && !isCommonWord(ctx, toks[a]) && !ctx.lex.demonyms.has(stripKey(toks[a]))) {
      emitPiece(ctx, a, m, 0, out);
      emitPiece(ctx, m, b, 0, out);
      return;
    }
  }
  // Title runs: a run of title words containing a head, not followed by an org/place word.
  let start = a;
  let personCue = 0;
  let i = a;
  while (i < b) {
    if (!isTitleWord(toks[i])) {
      i++;
      continue;
    }
    let j = i;
    let head = false;
    while (j < b && (isTitleWord(toks[j]) || (toks[j].key === 'of' && j > i && j + 1 < b && isTitleWord(toks[j + 1])))) {
      if (isTitleHead(toks[j])) head = true;
      j++;
    }
    const after = j < b ? stripKey(toks[j]) : '';
    const orgLike = after !== '' && (ORG_SUFFIXES.has(after) || PLACE_SUFFIXES.has(after) || /^['’]$/.test(after));
    // "Minister of Maritime Affairs": a title with its portfolio is no name. What follows the "of"
    // is kept only when known ("Governor of Texas") or when a person's name follows the portfolio.
    if (head && i === start && j < b - 1 && toks[j].key === 'of' && !ORG_HEADS.has(stripKey(toks[j - 1])) && !toks.slice(i, j).some((t) => ORG_SUFFIXES.has(stripKey(t)) && !isTitleHead(t))) {
      let r = j + 1;
      if (toks[r].key === 'the') r++;
      if (r < b && isKnownWhole(ctx, r, b)) {
        emitPiece(ctx, r, b, 0, out);
        return;
      }
      for (let q = r + 1; q < b; q++) {
        if (ctx.lex.firstNames.has(stripKey(toks[q])) && !isCommonWord(ctx, toks[q])) {
          if (isKnownWhole(ctx, r, q)) emitPiece(ctx, r, q, 0, out);
          emitPiece(ctx, q, b, 4, out);
          return;
        }
      }
      return;
    }
    // A run that is itself the whole chunk's org-ish tail ("General Motors") is no title.
    if (head && !orgLike && !(j < b && toks[j].key === 'of')) {
      if (i > start) emitPiece(ctx, start, i, personCue, out);
      start = j;
      personCue = 4;
    }
    i = j;
  }
  if (start < b) emitPiece(ctx, start, b, personCue, out);
}

const COMPASS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'new',
  'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'greater',
]);

function emitPiece(ctx: Ctx, a: number, b: number, personCue: number, out: Piece[]): void {
  const toks = ctx.toks;
  let openerOff = false;
  // Leading function words / sentence-initial ordinary words off.
  while (a < b) {
    const t = toks[a];
    const k = stripKey(t);
    if (FUNCTION_WORDS.has(k) && !(b - a > 1 && ctx.lex.places.has(keyOf(toks, a, b)))) a++;
    else if (t.sentStart && b - a >= 1 && isCommonOpener(ctx, t) && !personCue) (a++, (openerOff = true));
    else if (WEEKDAYS_MONTHS.has(k) || DEBRIS_WORDS.has(k)) a++;
    else break;
  }
  while (b > a && (WEEKDAYS_MONTHS.has(stripKey(toks[b - 1])) || toks[b - 1].key === '&' || PARTICLES.has(toks[b - 1].text))) b--;
  // "Ontario-based Magna" → "Magna".
  while (b - a > 1 && /-(based|born|owned|led|backed|run|made|controlled)$/.test(toks[a].key)) a++;
  // Leading demonyms/nationality words off ("Russian Foreign Ministry" → "Foreign Ministry").
  const keepWhole =
    b - a === 2 && (/^(republic|federation|kingdom|emirates)$/.test(stripKey(toks[b - 1])) || PLACE_SUFFIXES.has(stripKey(toks[b - 1])) || isCommonWord(ctx, toks[b - 1]));
  while (!keepWhole && b - a > 1 && (ctx.lex.demonyms.has(stripKey(toks[a])) || NOT_ENTITY_WORDS.has(stripKey(toks[a]))) && !isKnownWhole(ctx, a, b)) a++;
  if (a >= b) return;
  if (!toks[a].cap) return;
  // "Harbour Notes" → not "Notes": an ordinary word left over from a title-cased phrase.
  if (openerOff && b - a === 1 && isCommonWord(ctx, toks[a]) && !ctx.capAlone.has(stripKey(toks[a]))) return;
  // Lone initials ("N.", "C") and codes with digits ("C-4", "H1") are not names.
  if (b - a === 1 && (/^\p{Lu}\.?$/u.test(toks[a].text) || /\d/.test(toks[a].text))) return;
  const cue: Partial<Record<Kind, number>> = {};
  if (personCue) cue.person = personCue;
  out.push({ a, b, cue });
}

function isKnownWhole(ctx: Ctx, a: number, b: number): boolean {
  const k = keyOf(ctx.toks, a, b);
  return ctx.lex.places.has(k) || ctx.lex.orgs.has(k) || ctx.lex.persons.has(k);
}

function keyOf(toks: Tok[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) {
    if (i > a && toks[i].start > toks[i - 1].end) s += ' ';
    s += toks[i].key;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Acronyms defined in the text: "Central Intelligence Agency (CIA)" or "CIA (Central ...)"

const INITIAL_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'los', '&', 'in', 'on']);

function initials(toks: Tok[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) {
    const t = toks[i];
    if (INITIAL_SKIP.has(t.key)) continue;
    for (const part of t.text.split('-')) if (part) s += part[0].toUpperCase();
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

/** Splits/marks pieces defined as acronym + expansion. Returns acronym key → expansion text. */
function findAcronyms(ctx: Ctx, pieces: Piece[]): Map<string, string> {
  const toks = ctx.toks;
  const defs = new Map<string, string>();
  const byStart = new Map<number, number>();
  pieces.forEach((p, idx) => byStart.set(p.a, idx));
  for (let idx = 0; idx < pieces.length; idx++) {
    const p = pieces[idx];
    const open = toks[p.b];
    if (!open || open.text !== '(') continue;
    const inner = byStart.get(p.b + 1);
    if (inner === undefined) continue;
    const q = pieces[inner];
    if (!toks[q.b] || toks[q.b].text !== ')') continue;
    // Long form then acronym, or acronym then long form.
    const [longP, shortP] = q.b - q.a === 1 && acronymLetters(toks[q.a]) ? [p, q] : [q, p];
    if (shortP.b - shortP.a !== 1) continue;
    const acr = acronymLetters(toks[shortP.a]);
    if (!acr) continue;
    for (let s = longP.a; s < longP.b - 1; s++) {
      if (initials(toks, s, longP.b) !== acr) continue;
      if (s > longP.a) {
        // "US Central Intelligence Agency (CIA)": the prefix becomes its own piece.
        pieces.splice(pieces.indexOf(longP), 0, { a: longP.a, b: s, cue: { ...longP.cue } });
        longP.a = s;
        idx++;
      }
      const expansion = ctx.text.slice(toks[longP.a].start, toks[longP.b - 1].end);
      defs.set(toks[shortP.a].key, expansion);
      longP.cue.organization = (longP.cue.organization ?? 0) + 1;
      break;
    }
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------
// Evidence

const PLACE_PREPS = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'across', 'outside', 'throughout', 'towards', 'toward', 'via', 'through', 'around']);
/** "Valmora's port", "Busan's mayor": what a possessive place name is followed by. */
const PLACE_POSSESSED = new Set([
  'port', 'ports', 'harbour', 'harbor', 'airport', 'mayor', 'city', 'government', 'governor', 'streets', 'suburbs',
  'outskirts', 'residents', 'population', 'economy', 'coast', 'coastline', 'waterfront', 'docks', 'province', 'region',
  'capital', 'neighbourhoods', 'neighborhoods', 'downtown', 'citizens', 'inhabitants', 'border', 'borders', 'territory',
]);
/** Nouns that, in "X, a <noun>" or "X, the <noun>", make X an organization. */
const ORG_APPOSITION = new Set([
  'company', 'firm', 'contractor', 'subcontractor', 'group', 'carrier', 'bank', 'lender', 'insurer', 'operator', 'maker',
  'manufacturer', 'retailer', 'conglomerate', 'subsidiary', 'unit', 'agency', 'newspaper', 'broadcaster', 'airline',
  'shipper', 'startup', 'start-up', 'supplier', 'developer', 'consultancy', 'publisher', 'producer', 'exporter',
  'importer', 'distributor', 'utility', 'charity', 'organisation', 'organization', 'nonprofit', 'non-profit', 'party',
  'union', 'association', 'watchdog', 'regulator', 'ngo', 'fund', 'chain', 'brokerage', 'daily', 'weekly', 'magazine',
]);
const ORG_CONTEXT_BEFORE = new Set([
  'newspaper', 'daily', 'weekly', 'agency', 'firm', 'company', 'group', 'carrier', 'airline', 'bank', 'broker',
  'brokerage', 'unit', 'subsidiary', 'magazine', 'channel', 'station', 'club', 'party', 'team', 'insurer', 'maker',
  'operator', 'retailer', 'producer', 'manufacturer', 'conglomerate', 'utility', 'publisher', 'network',
  'contractor', 'subcontractor', 'lender', 'shipper', 'supplier', 'consultancy', 'broadcaster',
]);
const ORG_CONTEXT_AFTER = new Set([
  'shares', 'stock', 'stocks', 'spokesman', 'spokeswoman', 'officials', 'executives', 'board', 'chairman',
  'chief', 'president', 'ceo', 'director', 'management', 'employees', 'workers', 'unit', 'subsidiary', 'plant',
  'shareholders', 'profit', 'profits', 'earnings', 'revenue', 'sales', 'bonds', 'debt', 'offer', 'bid',
  'newspaper', 'daily', 'agency', 'members', 'leadership', 'leader', 'leaders', 'headquarters', 'group', 'company',
]);
const ORG_OF_BEFORE = new Set([
  'spokesman', 'spokeswoman', 'director', 'head', 'chairman', 'chief', 'president', 'member', 'members',
  'leader', 'leaders', 'shares', 'officials', 'official', 'secretary-general', 'ceo', 'executive', 'founder',
]);
const PLACE_OF_BEFORE = new Set([
  'town', 'towns', 'village', 'villages', 'city', 'cities', 'province', 'provinces', 'region', 'district', 'capital',
  'port', 'island', 'islands', 'state', 'county', 'outskirts', 'suburb', 'suburbs', 'north', 'south', 'east', 'west',
  'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west',
  'northern', 'southern', 'eastern', 'western', 'central', 'republic', 'area', 'centre', 'center', 'heart',
  'governor', 'mayor', 'residents', 'streets', 'border', 'coast', 'shores', 'people', 'citizens', 'settlement',
]);
const PERSON_CONTEXT_AFTER = new Set([
  'who', 'himself', 'herself', 'his', 'her',
]);

function addScore(s: Record<Kind, number>, k: Kind, v: number): void {
  s[k] += v;
}

/** Evidence from the words of the piece itself. */
function intrinsic(ctx: Ctx, p: Piece): Record<Kind, number> {
  const toks = ctx.toks;
  const L = ctx.lex;
  const s: Record<Kind, number> = { person: 0, organization: 0, place: 0, none: 0 };
  const n = p.b - p.a;
  const key = keyOf(toks, p.a, p.b);
  const first = stripKey(toks[p.a]);
  const last = stripKey(toks[p.b - 1]);

  if (L.places.has(key)) addScore(s, 'place', 5);
  if (L.orgs.has(key)) addScore(s, 'organization', 6);
  if (L.persons.has(key)) addScore(s, 'person', 5);
  if (L.demonyms.has(key) || NOT_ENTITY_WORDS.has(key)) addScore(s, 'none', 6);
  if (n === 1 && (PERSON_TITLES.has(key) || FUNCTION_WORDS.has(key) || DEBRIS_WORDS.has(key))) addScore(s, 'none', 4);
  if (n === 1 && (ORG_HEADS.has(key) || CORP_SUFFIXES.has(stripKey(toks[p.a])) || /^(department|agency|ministry|group|company|government|office|administration)$/.test(key))) addScore(s, 'none', 4);

  if (n >= 2) {
    if (ORG_SUFFIXES.has(last)) addScore(s, 'organization', 3);
    if (ORG_HEADS.has(first) && toks.slice(p.a, p.b).some((t) => t.key === 'of' || t.key === 'for')) addScore(s, 'organization', 3);
    if (PLACE_SUFFIXES.has(last)) addScore(s, 'place', 2.5);
    if (PLACE_HEADS.has(first)) addScore(s, 'place', 1.5);
    if (/^(operation|project|hurricane|typhoon|cyclone|storm|tropical|exercise)$/.test(first)) addScore(s, 'none', 5);
    if (MISC_SUFFIXES.has(last)) addScore(s, 'none', 4);
    if (L.demonyms.has(last) || NOT_ENTITY_WORDS.has(last)) addScore(s, 'none', 3);
    const ofAt = toks.slice(p.a, p.b).findIndex((t) => t.key === 'of' || t.key === 'for');
    if (ofAt > 0 && toks.slice(p.a, p.a + ofAt).some((t) => ORG_SUFFIXES.has(stripKey(t)) || ORG_HEADS.has(stripKey(t)))) addScore(s, 'organization', 3.5);
    if (ofAt > 0 && PLACE_SUFFIXES.has(stripKey(toks[p.a + ofAt - 1])) && L.places.has(keyOf(toks, p.a + ofAt + 1, p.b))) addScore(s, 'place', 3);
    if (L.firstNames.has(first) && !L.places.has(first)) addScore(s, 'person', 2.5);
    if (L.lastNames.has(last) && !ORG_SUFFIXES.has(last)) addScore(s, 'person', 1.5);
    if (toks.slice(p.a + 1, p.b - 1).some((t) => /^\p{Lu}\.$/u.test(t.text))) addScore(s, 'person', 2);
    if (toks.slice(p.a, p.b).some((t) => t.text === '&')) addScore(s, 'organization', 2);
    // "West Africa", "South Korea", "Southern Sudan": compass word + known place.
    if (COMPASS.has(first) && first !== 'new' && L.places.has(keyOf(toks, p.a + 1, p.b))) addScore(s, 'place', 3);
    // Newspapers: "La Tribuna del Atlantico", "The Valmora Herald".
    if (toks.slice(p.a + 1, p.b).some((t) => NEWSPAPER_WORDS.has(stripKey(t))) && !PLACE_SUFFIXES.has(last)) addScore(s, 'organization', 2);
    // Any org word inside ("Bank Austria", "Air France").
    if (toks.slice(p.a, p.b - 1).some((t) => ORG_SUFFIXES.has(stripKey(t)) && !L.places.has(stripKey(t)))) addScore(s, 'organization', 1);
    // First word a place, rest not person-like: usually an org ("Boston Globe", "Mexico Telecom").
    if (L.places.has(first) && !PLACE_SUFFIXES.has(last)) addScore(s, 'organization', 0.5);
    if (L.demonyms.has(first)) addScore(s, 'organization', 0.5);
  } else {
    const t = toks[p.a];
    if (L.firstNames.has(key) && !L.places.has(key)) addScore(s, 'person', 1);
    if (L.lastNames.has(key)) addScore(s, 'person', 1);
    if (t.allCaps && t.text.replace(/\./g, '').length <= 5 && !L.places.has(key)) addScore(s, 'organization', 2);
    if (/-/.test(t.text) && L.places.has(norm(t.text.split('-')[0]))) addScore(s, 'none', 1);
  }
  return s;
}

/** Evidence from around this occurrence. */
function contextual(ctx: Ctx, p: Piece, s: Record<Kind, number>): void {
  const toks = ctx.toks;
  const before = toks[p.a - 1];
  const before2 = toks[p.a - 2];
  let ai = p.b;
  // Skip possessive "'s" and a comma for the following-word cues.
  const after = toks[ai];
  const afterWord = after && after.text === ',' ? toks[ai + 1] : after;
  const possessive = after && /^['’]$/.test(after.text) && toks[ai + 1] && toks[ai + 1].key === 's';
  if (possessive) ai += 2;
  const next = toks[ai];
  const n = p.b - p.a;

  if (before && PLACE_PREPS.has(before.key) && before.line === toks[p.a].line) addScore(s, 'place', n === 1 ? 1 : 0.6);
  // The preposition distributes over a coordination: "in Vigo and Algeciras".
  if (n === 1 && before && /^(and|or)$/.test(before.key) && before2 && before2.cap) {
    let q = p.a - 2;
    while (q > 0 && p.a - 2 - q < 3 && toks[q - 1].cap && toks[q - 1].line === before2.line) q--;
    const prep = toks[q - 1];
    if (prep && PLACE_PREPS.has(prep.key) && prep.line === before2.line) addScore(s, 'place', 1);
  }
  if (before && ORG_CONTEXT_BEFORE.has(before.key)) addScore(s, 'organization', 1.5);
  if (before && before.key === 'of' && before2 && PLACE_OF_BEFORE.has(before2.key)) addScore(s, 'place', 2.5);
  if (before && /^(and|or)$/.test(before.key) && before2 && before2.cap && PLACE_OF_BEFORE.has(toks[p.a - 4]?.key ?? '')) addScore(s, 'place', 1.5);
  if (before && before.key === 'of' && before2 && ORG_OF_BEFORE.has(before2.key)) addScore(s, 'organization', 1.2);
  if (before && (before.key === 'the' || before.key === 'The'.toLowerCase())) addScore(s, 'organization', 0.6);
  if (before && before.key === 'by' && before2 && /^(reported|quoted|published|said)$/.test(before2.key)) addScore(s, 'organization', 1);
  // A sentence-initial word never capitalised elsewhere ("Auditor says ...") is likely an ordinary noun.
  const commonWord = n === 1 && (isCommonWord(ctx, toks[p.a]) || (toks[p.a].sentStart && !ctx.capSeen.has(stripKey(toks[p.a])) && !isKnownName(ctx, stripKey(toks[p.a])) && /(?:or|ist|ant|ent|ary|ion)$/.test(stripKey(toks[p.a]))));
  if (next && !possessive && !commonWord && PERSON_VERBS.has(next.key)) addScore(s, 'person', n === 1 ? 1 : 0.8);
  if (afterWord && afterWord !== after && !commonWord && PERSON_CONTEXT_AFTER.has(afterWord.key)) addScore(s, 'person', 1);
  if (next && ORG_CONTEXT_AFTER.has(next.key)) addScore(s, 'organization', 1.2);
  if (afterWord && after && after.text === ',' && toks[ai + 2] && /^(a|an|the)$/.test(afterWord.key)) {
    // "X, a spokesman for ..." → person; "X, the country's largest bank" → weak org.
    const w = toks[ai + 2].key;
    if (PERSON_TITLES.has(w) || /^(former|senior|spokesman|spokeswoman|lawyer|official|member|leader|\d+-year-old)$/.test(w)) addScore(s, 'person', 1.5);
  }
  // Appositions: "Wang, 45, was ..." (age) or "Vigo, former editor of ..." (title) → person.
  if (after && after.text === ',' && afterWord) {
    const third = toks[ai + 2];
    if (/^\d{1,2}$/.test(afterWord.text) && third && third.text === ',') addScore(s, 'person', 3);
    else if (afterWord.key !== 'the' && (isTitleHead(afterWord) || /^(former|then|now|a|an)$/.test(afterWord.key)) && third && isTitleWord(third)) addScore(s, 'person', 1.5);
    else if (isTitleHead(afterWord) && afterWord.key !== 'party') addScore(s, 'person', 1);
  }
  if (after && /^\d/.test(after.text) && n === 1 && after.line === toks[p.a].line) addScore(s, 'none', 0.5);
  // "the Iberian network": an unknown -ian/-ean/-ese word used as an adjective is a demonym.
  if (n === 1 && after && after.word && !after.cap && after.line === toks[p.a].line && !PERSON_VERBS.has(after.key) && /(?:ian|ean|ese)$/.test(stripKey(toks[p.a])) && !isKnownName(ctx, stripKey(toks[p.a]))) addScore(s, 'none', 3);
  // "Valmora's port", "Busan's mayor" → place.
  if (possessive && next && PLACE_POSSESSED.has(next.key)) addScore(s, 'place', 1.5);
  // "Busan, South Korea" → place (a following known country or region).
  if (after && after.text === ',' && afterWord && afterWord.cap && afterWord.line === toks[p.a].line) {
    let e = ai + 1;
    while (e < toks.length && e - ai <= 3 && toks[e].cap && toks[e].line === afterWord.line) e++;
    if (e > ai + 1 && ctx.lex.places.has(keyOf(toks, ai + 1, e)) && !(toks[e] && (toks[e].cap || PERSON_VERBS.has(toks[e].key)))) addScore(s, 'place', 1.5);
  }
  // "X, a company registered in ...", "X, the contractor" → organization.
  if (after && after.text === ',' && afterWord && /^(a|an|the)$/.test(afterWord.key)) {
    for (let e = ai + 2; e < Math.min(toks.length, ai + 6); e++) {
      const w = toks[e];
      if (!w.word && w.text !== '-' && w.text !== '.') break;
      if (ORG_APPOSITION.has(w.key)) {
        addScore(s, 'organization', 2);
        break;
      }
    }
  }
  // "X, which is incorporated in Delaware" / "X is registered in" → organization.
  if (afterWord && (afterWord.key === 'which' || afterWord.key === 'is')) {
    const w2 = toks[ai + (afterWord === after ? 1 : 2)];
    const w3 = w2 && w2.key === 'is' ? toks[ai + (afterWord === after ? 2 : 3)] : w2;
    if (w3 && /^(incorporated|registered|headquartered|listed|based)$/.test(w3.key) && w3 !== w2) addScore(s, 'organization', 1.5);
  }
  // Coordination with a known place: "through Sines and Algeciras", "Busan and Gwangyang".
  if (n === 1 && before && /^(and|or|,)$/.test(before.key) && before2 && before2.cap && before2.line === toks[p.a].line) {
    const a0 = toks[p.a - 3] && toks[p.a - 3].cap && toks[p.a - 3].line === before2.line ? p.a - 3 : p.a - 2;
    if (ctx.lex.places.has(keyOf(toks, a0, p.a - 1)) || ctx.lex.places.has(before2.key)) addScore(s, 'place', 1);
  }
  if (n === 1 && after && /^(and|or)$/.test(after.key) && !possessive) {
    const w = toks[p.b + 1];
    if (w && w.cap && w.line === after.line) {
      const w2 = toks[p.b + 2];
      const k2 = w2 && w2.cap && w2.line === w.line ? keyOf(toks, p.b + 1, p.b + 3) : '';
      if ((k2 && ctx.lex.places.has(k2)) || (ctx.lex.places.has(w.key) && !(w2 && w2.cap))) addScore(s, 'place', 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const TYPES: EntityType[] = ['person', 'organization', 'place'];
const CORP_SUFFIXES = new Set([
  'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'ag', 'sa', 'nv', 'gmbh', 'spa', 'bv', 'group', 'holdings', 'international',
  'corporation', 'company', 'industries', 'bancorp', 'bhd', 'airlines', 'motors', 'systems', 'technologies', 'as', 'asa', 'ab', 'oy',
  'logistics', 'shipping', 'partners', 'capital', 'energy', 'pharmaceuticals', 'media', 'ventures', 'enterprises',
  'solutions', 'software', 'airways', 'resources', 'investments', 'securities',
]);

/** Person / organization / place mentions in one document's text. Spans are UTF-16 offsets into `text`, exact: no titles/honorifics ("President", "CIA Director", "Mr.", "Chairman"), no possessive "'s"/"’s", no trailing punctuation. */
export function findEntityMentions(text: string): EntityMention[] {
  const lex = getLexicon();
  const toks = tokenize(text);
  if (toks.length === 0) return [];
  const lines = lineInfo(text, toks);

  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  const capAlone = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word) continue;
    if (!t.cap && /^\p{Ll}/u.test(t.text)) lowerSeen.add(t.key);
    else if (t.cap && !t.sentStart && !lines.get(t.line)!.capsLine) {
      const k = stripKey(t);
      capSeen.add(k);
      const pv = toks[i - 1];
      const nx = toks[i + 1];
      if (!(pv && pv.cap && pv.line === t.line) && !(nx && nx.cap && nx.line === t.line)) capAlone.add(k);
    }
  }
  const ctx: Ctx = { toks, text, lex, lowerSeen, capSeen, capAlone, lines, sports: isSportsReport(toks) };

  const pieces: Piece[] = [];
  for (const [a, b] of buildChunks(toks, lines)) splitChunk(ctx, a, b, pieces);
  const acronyms = findAcronyms(ctx, pieces);

  // Per-name evidence summed over the document.
  const total = new Map<string, Record<Kind, number>>();
  const scoreOf = (k: string): Record<Kind, number> => {
    let s = total.get(k);
    if (!s) total.set(k, (s = { person: 0, organization: 0, place: 0, none: 0 }));
    return s;
  };
  const pieceKeys = pieces.map((p) => keyOf(toks, p.a, p.b));
  const intrinsicCache = new Map<string, Record<Kind, number>>();
  const teams = new Set<string>();
  pieces.forEach((p, i) => {
    const k = pieceKeys[i];
    const s = scoreOf(k);
    let intr = intrinsicCache.get(k);
    if (!intr) {
      intr = intrinsic(ctx, p);
      intrinsicCache.set(k, intr);
      for (const t of [...TYPES, 'none'] as Kind[]) s[t] += intr[t];
    }
    for (const [t, v] of Object.entries(p.cue)) s[t as Kind] += v ?? 0;
    contextual(ctx, p, s);
    if (ctx.sports && isTeam(ctx, p.a, p.b, k)) {
      addScore(s, 'organization', TEAM_EVIDENCE);
      teams.add(k);
    }
  });
  // An acronym shares its expansion's evidence, both ways.
  for (const [acrKey, expansion] of acronyms) {
    const e = scoreOf(norm(expansion).replace(/\s+/g, ' '));
    const a = scoreOf(acrKey);
    for (const t of [...TYPES, 'none'] as Kind[]) {
      const sum = e[t] + a[t];
      e[t] = sum;
      a[t] = sum;
    }
  }

  const decide = (s: Record<Kind, number> | undefined): Kind | undefined => {
    if (!s) return undefined;
    let best: Kind | undefined;
    let bestV = 0;
    for (const t of ['none', ...TYPES] as Kind[]) if (s[t] > bestV) ((best = t), (bestV = s[t]));
    return best;
  };

  // A place that plays once in a sports report is that team throughout it ("title rivals Essex").
  for (const k of teams) {
    const sc = total.get(k)!;
    if (decide(sc) === 'place') sc.organization = sc.place + 1;
  }

  // "Port Authority of Valmora", "University of Lisbon": a one-word name after "of" in an institution's name is a place.
  pieces.forEach((p, i) => {
    if (p.b - p.a < 3 || toks[p.b - 2].key !== 'of' || decide(total.get(pieceKeys[i])) !== 'organization') return;
    const k = toks[p.b - 1].key;
    const s = total.get(k);
    if (s && !lex.orgs.has(k) && !lex.persons.has(k)) s.place += 1.5;
  });
  // Coordination with a place: "through Sines and Algeciras", "to Lisbon and Sines".
  const decided = pieces.map((_, i) => decide(total.get(pieceKeys[i])));
  const placeBoost = new Map<string, number>();
  pieces.forEach((p, i) => {
    if (p.b - p.a !== 1) return;
    const prev = pieces[i - 1];
    const next = pieces[i + 1];
    const linkedPrev = prev && prev.b === p.a - 1 && /^(and|or|,)$/.test(toks[p.a - 1].key) && decided[i - 1] === 'place';
    const linkedNext = next && next.a === p.b + 1 && /^(and|or)$/.test(toks[p.b].key) && decided[i + 1] === 'place';
    if (linkedPrev || linkedNext) placeBoost.set(pieceKeys[i], 1);
  });
  for (const [k, v] of placeBoost) total.get(k)!.place += v;

  // Surnames (and given-name-less last parts) of multi-word people are people too.
  const surnames = new Map<string, number>();
  pieces.forEach((p, i) => {
    if (p.b - p.a < 2 || decide(total.get(pieceKeys[i])) !== 'person') return;
    const last = toks[p.b - 1].key;
    surnames.set(last, (surnames.get(last) ?? 0) + 1);
  });
  // A bare surname after the full name in the same document is that person, whatever the lists say.
  for (const [k, v] of surnames) {
    const s = total.get(k);
    if (s) s.person = Math.max(s.person + 2 + v, s.organization + 1, s.place + 1, s.none + 1);
  }

  // "Magna International Inc" → later "Magna" is that company.
  pieces.forEach((p, i) => {
    if (p.b - p.a < 2 || !CORP_SUFFIXES.has(stripKey(toks[p.b - 1]))) return;
    if (decide(total.get(pieceKeys[i])) !== 'organization') return;
    for (let e = p.a + 1; e < p.b; e++) {
      const s = total.get(keyOf(toks, p.a, e));
      if (s) s.organization = Math.max(s.organization + 3, s.person + 1, s.place + 1);
    }
  });

  const out: EntityMention[] = [];
  const emit = (a: number, b: number, type: EntityType): void => {
    const start = toks[a].start;
    const end = toks[b - 1].end;
    const m: EntityMention = { start, end, text: text.slice(start, end), type };
    const exp = b - a === 1 ? acronyms.get(toks[a].key) : undefined;
    if (exp && exp !== m.text) m.expansion = exp;
    out.push(m);
  };

  const typed = new Map<string, EntityType>();
  pieces.forEach((p, i) => {
    const k = pieceKeys[i];
    let type = decide(total.get(k));
    if (type === undefined) type = defaultType(ctx, p);
    if (type === 'none' || type === undefined) return;
    typed.set(k, type);
    emit(p.a, p.b, type);
  });

  // All-caps and headline lines: only names known from the rest of the document or the gazetteer.
  const capsLookup = (k: string): EntityType | undefined => {
    const t = typed.get(k);
    if (t) return t;
    if (lex.orgs.has(k)) return 'organization';
    if (lex.places.has(k)) return 'place';
    if (lex.persons.has(k)) return 'person';
    return undefined;
  };
  // Datelines: "NEW YORK, January 27", "PARAMARIBO 1996-08-27", "LONDON (Reuters) -" at a line start.
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].allCaps || (i > 0 && toks[i - 1].line === toks[i].line)) continue;
    let j = i;
    while (j < toks.length && j - i < 4 && toks[j].line === toks[i].line && toks[j].word && toks[j].allCaps && !/\d/.test(toks[j].text)) j++;
    const nx = toks[j];
    if (j === i || !nx || nx.line !== toks[i].line) continue;
    const dateNext = /^\d{4}-\d\d-\d\d$/.test(nx.text) || nx.text === '(' || (nx.text === ',' && toks[j + 1] && toks[j + 1].line === nx.line && (toks[j + 1].cap || /^\d/.test(toks[j + 1].text)));
    const k = keyOf(toks, i, j);
    if (dateNext && !typed.has(k) && !lex.orgs.has(k) && !NOT_ENTITY_WORDS.has(k) && !lex.demonyms.has(k)) typed.set(k, 'place');
    i = j;
  }
  for (let i = 0; i < toks.length; ) {
    const li = lines.get(toks[i].line)!;
    if (!li.capsLine || li.debris || !toks[i].word) {
      i++;
      continue;
    }
    let matched = 0;
    // Mastheads: "THE VALMORA HERALD" → the newspaper.
    for (let n = Math.min(4, toks.length - i); n >= 2 && !matched; n--) {
      const last = toks[i + n - 1];
      if (last.line !== toks[i].line || !NEWSPAPER_WORDS.has(last.key) || (toks[i + n] && toks[i + n].line === last.line && toks[i + n].word)) continue;
      if (toks.slice(i, i + n).every((t) => t.word && t.allCaps && !FUNCTION_WORDS.has(t.key))) {
        emit(i, i + n, 'organization');
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    for (let n = Math.min(5, toks.length - i); n >= 1; n--) {
      if (toks[i + n - 1].line !== toks[i].line || !toks[i + n - 1].word) continue;
      const k = keyOf(toks, i, i + n);
      const type = capsLookup(k);
      if (type) {
        // Standings and results in capitals: "NEW YORK 72 58 .554".
        emit(i, i + n, type === 'place' && ctx.sports && isTeam(ctx, i, i + n, k) ? 'organization' : type);
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }

  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const result: EntityMention[] = [];
  let lastEnd = -1;
  for (const m of out) {
    if (m.start < lastEnd) continue;
    result.push(m);
    lastEnd = m.end;
  }
  return result;
}

/** Evidence of one "team" occurrence: enough to outweigh a place name's own evidence. */
const TEAM_EVIDENCE = 6;

/** Sports words in the text, the first line (a headline or a "SOCCER -" slug) counting thrice. */
function isSportsReport(toks: Tok[]): boolean {
  let score = 0;
  const firstLine = toks.find((t) => t.word)?.line;
  for (const t of toks) if (t.word && SPORT_WORDS.has(t.key)) score += t.line === firstLine ? 3 : 1;
  return score >= 4;
}

/**
 * Whether the place name at toks[a, b) plays here, in a sports report: in a results or standings
 * line, or right next to a sports verb or "against" / "v". Countries stay places (national
 * teams), and so does a name after "in", "at", "from"...
 */
function isTeam(ctx: Ctx, a: number, b: number, key: string): boolean {
  if (!ctx.lex.places.has(key) || ctx.lex.countries.has(key)) return false;
  const toks = ctx.toks;
  const line = toks[a].line;
  const before = toks[a - 1]?.line === line ? toks[a - 1] : undefined;
  const after = toks[b]?.line === line ? toks[b] : undefined;
  const lostTo = before?.key === 'to' && /^(lost|losing|lose|loses|fell)$/.test(toks[a - 2]?.key ?? '');
  if (before && PLACE_PREPS.has(before.key) && !lostTo) return false;
  const score = !!after && /^\d/.test(after.text) && !/^\d{4}-\d\d-\d\d$/.test(after.text); // "Surrey 429-7", not a dateline
  return lostTo || score || ctx.lines.get(line)!.scoreLine || (!!after && TEAM_VERBS_AFTER.has(after.key)) || (!!before && TEAM_WORDS_BEFORE.has(before.key));
}

/** Type of a capitalised phrase nothing else tells about. */
function defaultType(ctx: Ctx, p: Piece): Kind | undefined {
  const toks = ctx.toks;
  const n = p.b - p.a;
  const first = toks[p.a];
  if (n === 1 && first.sentStart && (isCommonOpener(ctx, first) || !ctx.capAlone.has(stripKey(first)))) return 'none';
  // A capitalised ordinary noun mid-sentence is mostly an institution ("the Treasury", "Commerce").
  if (n === 1 && isCommonWord(ctx, first)) {
    const k = stripKey(first);
    return ctx.lex.nonNoun.has(k) || /(?:ed|ing|ly)$/.test(k) || ORG_SUFFIXES.has(k) || ORG_HEADS.has(k) ? 'none' : 'organization';
  }
  if (n >= 2 && toks.slice(p.a, p.b).every((t) => !ctx.lex.common.has(t.key) || ctx.lex.firstNames.has(t.key))) return 'person';
  // "Park Min-jun": a name-like last word (not an ordinary word) makes a person.
  const last = toks[p.b - 1];
  if (n >= 2 && n <= 3 && !last.allCaps && !isCommonWord(ctx, last) && !ORG_SUFFIXES.has(stripKey(last)) && !PLACE_SUFFIXES.has(stripKey(last))) return 'person';
  if (n >= 2) return 'organization';
  // A lone unknown word with no cue at all is too weak to be anyone.
  return 'none';
}

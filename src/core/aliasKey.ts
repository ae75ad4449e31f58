// Alias keys: the one spelling-insensitive key every variant of a name files under ("Nicolás
// Maduro’s" and "nicolas maduro" alike), with the well-known variants of general knowledge. Its own
// module so corrections and alias resolution can both use it without importing each other.
import type { EntityMention, EntityType } from './types';

/** Accent-, case- and punctuation-insensitive key: "Nicolás  Maduro’s" → "nicolas maduro". */
export function foldKey(surface: string): string {
  return surface
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]s$/u, '')
    .replace(/[.'’`]/g, '')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Well-known variants of one name (general knowledge, not corpus-specific). Keys are folded.
const KNOWN_ALIASES = new Map<string, string>(Object.entries({
  us: 'united states',
  usa: 'united states',
  'united states of america': 'united states',
  america: 'united states',
  uk: 'united kingdom',
  britain: 'united kingdom',
  'great britain': 'united kingdom',
  un: 'united nations',
  eu: 'european union',
  nyt: 'new york times',
  'ny times': 'new york times',
  cia: 'central intelligence agency',
  fbi: 'federal bureau of investigation',
  nsa: 'national security agency',
  nato: 'north atlantic treaty organization',
  imf: 'international monetary fund',
  wto: 'world trade organization',
  opec: 'organization of the petroleum exporting countries',
  uae: 'united arab emirates',
  ussr: 'soviet union',
  prc: 'china',
  dprk: 'north korea',
  // Parties and their nicknames (UK, US).
  tories: 'conservative party',
  tory: 'conservative party',
  'tory party': 'conservative party',
  conservatives: 'conservative party',
  'lib dems': 'liberal democrats',
  'lib dem': 'liberal democrats',
  libdems: 'liberal democrats',
  'liberal democrat party': 'liberal democrats',
  labour: 'labour party',
  snp: 'scottish national party',
  ukip: 'uk independence party',
  'united kingdom independence party': 'uk independence party',
  gop: 'republican party',
  republicans: 'republican party',
  democrats: 'democratic party',
  'democratic national committee': 'democratic national committee',
  // Short forms of well-known bodies.
  'un security council': 'security council',
  'united nations security council': 'security council',
  'european central bank': 'european central bank',
  ecb: 'european central bank',
  'the fed': 'federal reserve',
  fed: 'federal reserve',
  'us federal reserve': 'federal reserve',
  who: 'world health organization',
  wef: 'world economic forum',
}));

/** Keys well-known variants resolve to: their own spelling is the entity's natural name. */
export const CANONICAL_KEYS: ReadonlySet<string> = new Set(KNOWN_ALIASES.values());

export const KNOWN_TYPES = new Map<string, EntityType>(Object.entries({
  'united states': 'place',
  'united kingdom': 'place',
  'united arab emirates': 'place',
  'soviet union': 'place',
  china: 'place',
  'north korea': 'place',
  'conservative party': 'organization',
  'liberal democrats': 'organization',
  'labour party': 'organization',
  'scottish national party': 'organization',
  'uk independence party': 'organization',
  'republican party': 'organization',
  'democratic party': 'organization',
  'federal reserve': 'organization',
} as Record<string, EntityType>));

/** "Ratcliffe, John" (catalogue order) → "John Ratcliffe". */
export function naturalOrder(surface: string): string {
  const m = /^([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)?)$/u.exec(surface.trim());
  return m ? `${m[2]} ${m[1]}` : surface;
}

export function aliasKey(surface: string): string {
  const k = foldKey(naturalOrder(surface));
  return KNOWN_ALIASES.get(k) ?? k;
}


/**
 * The key a mention files under: the fuller name it stands for in its document (a surname after
 * the full name, "King Hussein"), unless the analyst split that short form off (`detached`).
 */
export function mentionKey(m: EntityMention, detached?: ReadonlySet<string>, keyOf: (s: string) => string = aliasKey): string {
  if (!m.refersTo) return keyOf(m.text);
  const own = keyOf(m.text);
  return detached?.has(own) ? own : keyOf(m.refersTo);
}

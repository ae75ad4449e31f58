// The analyst's corrections (`.dossier/aliases.json`): plain, diffable JSON that overrides what
// the analyzers decided. Entities are named by any of their names, never by id (ids follow names).
import { aliasKey } from './aliasKey';
import { EntityType } from './types';

export const CORRECTIONS_FILE = '.dossier/aliases.json';
export const CORRECTIONS_SCHEMA_VERSION = 1;

export interface CorrectionsFile {
  $schema?: string;
  version?: number;
  /** Each list of names becomes one entity. */
  merge?: string[][];
  /** Names that stand alone: not joined to a full name, an acronym or anything else. */
  split?: string[];
  /** Display name for the entity holding `entity`. */
  rename?: { entity: string; name: string }[];
  /** Type for the entity holding `entity`. */
  retype?: { entity: string; type: EntityType }[];
  /** Names that are not entities at all. */
  ignore?: string[];
  /** Pairs of names the analyst said are not the same entity: never suggested again. */
  dismissed?: string[][];
}

/** Corrections as alias keys, ready for resolution. */
export interface Corrections {
  merge: string[][];
  split: Set<string>;
  rename: Map<string, string>;
  retype: Map<string, EntityType>;
  ignore: Set<string>;
  /** Alias-key pairs of dismissed "possible same entity" suggestions. */
  dismissed: Array<[string, string]>;
}

export const NO_CORRECTIONS: Corrections = {
  merge: [],
  split: new Set(),
  rename: new Map(),
  retype: new Map(),
  ignore: new Set(),
  dismissed: [],
};

const TYPES: EntityType[] = ['person', 'organization', 'place'];
const KNOWN_KEYS = ['$schema', 'version', 'merge', 'split', 'rename', 'retype', 'ignore', 'dismissed'];

/** Edit distance up to 2 (more is "far"): enough to say `merges` meant `merge`. */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] <= 2;
}

/** Parses and validates the file's text. Problems are reported, never thrown; bad entries are skipped. */
export function parseCorrections(text: string): { corrections: Corrections; problems: string[] } {
  const problems: string[] = [];
  let raw: unknown;
  try {
    // Editors on Windows may save a byte-order mark; JSON.parse does not take one.
    const body = text.replace(/^\uFEFF/, '');
    raw = body.trim() ? JSON.parse(body) : {};
  } catch (e) {
    return { corrections: NO_CORRECTIONS, problems: [`${CORRECTIONS_FILE}: not valid JSON (${(e as Error).message}); corrections ignored`] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { corrections: NO_CORRECTIONS, problems: [`${CORRECTIONS_FILE}: must hold a JSON object; corrections ignored`] };
  }
  const file = raw as Record<string, unknown>;
  for (const key of Object.keys(file)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const meant = KNOWN_KEYS.find((k) => nearlyEqual(key.toLowerCase(), k));
    problems.push(`${CORRECTIONS_FILE}: unknown key "${key}" ignored${meant ? ` (did you mean "${meant}"?)` : ''}`);
  }
  if (file.version !== undefined && file.version !== CORRECTIONS_SCHEMA_VERSION) {
    problems.push(`${CORRECTIONS_FILE}: "version": ${JSON.stringify(file.version)} is not one this Dossier knows (${CORRECTIONS_SCHEMA_VERSION}); read as version ${CORRECTIONS_SCHEMA_VERSION}`);
  }
  const isName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
  const list = (key: string): unknown[] => {
    const v = file[key];
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    problems.push(`${CORRECTIONS_FILE}: "${key}" must be a list`);
    return [];
  };
  const c: Corrections = { merge: [], split: new Set(), rename: new Map(), retype: new Map(), ignore: new Set(), dismissed: [] };
  list('dismissed').forEach((pair, i) => {
    if (Array.isArray(pair) && pair.length === 2 && pair.every(isName)) c.dismissed.push([aliasKey(pair[0]), aliasKey(pair[1])]);
    else problems.push(`${CORRECTIONS_FILE}: dismissed[${i}] must be a pair of names`);
  });
  list('merge').forEach((group, i) => {
    if (Array.isArray(group) && group.length >= 2 && group.every(isName)) c.merge.push(group.map(aliasKey));
    else problems.push(`${CORRECTIONS_FILE}: merge[${i}] must be a list of at least two names`);
  });
  list('split').forEach((name, i) => (isName(name) ? c.split.add(aliasKey(name)) : problems.push(`${CORRECTIONS_FILE}: split[${i}] must be a name`)));
  list('ignore').forEach((name, i) => (isName(name) ? c.ignore.add(aliasKey(name)) : problems.push(`${CORRECTIONS_FILE}: ignore[${i}] must be a name`)));
  list('rename').forEach((r, i) => {
    const e = r as { entity?: unknown; name?: unknown };
    if (e && isName(e.entity) && isName(e.name)) c.rename.set(aliasKey(e.entity), e.name.trim());
    else problems.push(`${CORRECTIONS_FILE}: rename[${i}] needs "entity" and "name"`);
  });
  list('retype').forEach((r, i) => {
    const e = r as { entity?: unknown; type?: unknown };
    if (e && isName(e.entity) && TYPES.includes(e.type as EntityType)) c.retype.set(aliasKey(e.entity), e.type as EntityType);
    else problems.push(`${CORRECTIONS_FILE}: retype[${i}] needs "entity" and a "type" of ${TYPES.join(', ')}`);
  });
  return { corrections: c, problems };
}

/** Returns a new file with one more correction; the rest of the file (and its order) is kept. */
export function addCorrection(
  file: CorrectionsFile,
  change:
    | { kind: 'merge'; names: string[] }
    | { kind: 'split'; name: string }
    | { kind: 'rename'; entity: string; name: string }
    | { kind: 'retype'; entity: string; type: EntityType }
    | { kind: 'ignore'; name: string }
    | { kind: 'dismiss'; names: [string, string] },
): CorrectionsFile {
  const next: CorrectionsFile = JSON.parse(JSON.stringify(file));
  next.version ??= CORRECTIONS_SCHEMA_VERSION;
  switch (change.kind) {
    case 'merge':
      (next.merge ??= []).push(change.names);
      break;
    case 'split':
      if (!(next.split ??= []).includes(change.name)) next.split.push(change.name);
      break;
    case 'ignore':
      if (!(next.ignore ??= []).includes(change.name)) next.ignore.push(change.name);
      break;
    case 'dismiss':
      (next.dismissed ??= []).push(change.names);
      break;
    case 'rename':
      next.rename = (next.rename ?? []).filter((r) => aliasKey(r.entity) !== aliasKey(change.entity));
      next.rename.push({ entity: change.entity, name: change.name });
      break;
    case 'retype':
      next.retype = (next.retype ?? []).filter((r) => aliasKey(r.entity) !== aliasKey(change.entity));
      next.retype.push({ entity: change.entity, type: change.type });
      break;
  }
  return next;
}

import * as assert from 'assert';
import { parseCorrections, addCorrection } from '../../src/core/corrections';
import { mergeCandidateRank, suggestSameEntities } from '../../src/core/suggestions';
import type { Entity, EntityType } from '../../src/core/types';

// Entities as the index gives them; only names, type, counts and documents matter here.
function entity(name: string, type: EntityType, documents: string[], aliases: string[] = []): Entity {
  return { id: `${type}:${name.toLowerCase().replace(/\W+/g, '-')}`, name, type, aliases, mentions: [], mentionCount: documents.length, documents };
}

describe('possible same entity suggestions', () => {
  const halcyon = entity('Halcyon Maritime Logistics', 'organization', ['a', 'b']);
  const bareHalcyon = entity('Halcyon', 'organization', ['b', 'c']);
  const hso = entity('HSO', 'organization', ['d']);
  const office = entity('Harbour Safety Office', 'organization', ['e']);
  const spelledA = entity('Yurgenskneft', 'organization', ['f']);
  const spelledB = entity('Yurgenskneff', 'organization', ['f', 'g']);
  const place = entity('Halcyon', 'place', ['h']);

  it('pairs a name inside another, an acronym and its expansion, and two spellings, with evidence', () => {
    const out = suggestSameEntities([halcyon, bareHalcyon, hso, office, spelledA, spelledB, place]);
    const pair = (x: Entity, y: Entity) => out.find((s) => (s.a === x && s.b === y) || (s.a === y && s.b === x));
    assert.match(pair(bareHalcyon, halcyon)!.evidence.join(' '), /“Halcyon” is part of “Halcyon Maritime Logistics”.*one document/);
    assert.match(pair(hso, office)!.evidence[0], /initials of “Harbour Safety Office”/);
    assert.match(pair(spelledA, spelledB)!.evidence[0], /spelled alike/);
    assert.strictEqual(pair(place, halcyon), undefined, 'never across types');
    assert.ok(pair(bareHalcyon, halcyon)!.confidence > pair(hso, office)!.confidence - 0.2);
    for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].confidence >= out[i].confidence, 'most confident first');
  });

  it('never suggests a pair the analyst dismissed, named by any of their names', () => {
    const file = addCorrection({}, { kind: 'dismiss', names: ['Halcyon', 'Halcyon Maritime Logistics'] });
    const { corrections, problems } = parseCorrections(JSON.stringify(file));
    assert.deepStrictEqual(problems, []);
    const out = suggestSameEntities([halcyon, bareHalcyon], corrections.dismissed);
    assert.deepStrictEqual(out, []);
    assert.strictEqual(suggestSameEntities([halcyon, bareHalcyon]).length, 1);
  });

  it('reports a malformed dismissed entry', () => {
    const { problems } = parseCorrections(JSON.stringify({ version: 1, dismissed: [['only one']] }));
    assert.match(problems[0], /dismissed\[0\] must be a pair of names/);
  });

  it('stays bounded when a word is shared by many names', () => {
    const many = Array.from({ length: 200 }, (_, i) => entity(`North Harbour ${i}`, 'place', [`d${i}`]));
    const out = suggestSameEntities(many);
    assert.ok(out.length <= 100);
  });

  it('ranks same-type, overlapping names first for Merge With…', () => {
    const ranked = [place, office, bareHalcyon, hso].sort((x, y) => mergeCandidateRank(halcyon, y) - mergeCandidateRank(halcyon, x));
    assert.deepStrictEqual(ranked.map((e) => `${e.type}:${e.name}`), ['organization:Halcyon', 'place:Halcyon', 'organization:Harbour Safety Office', 'organization:HSO']);
  });
});

import * as assert from 'assert';
import { aliasKey, foldKey, resolveEntities } from '../../src/core/aliases';
import { mentionsDoc as doc } from './placedMentions';

function find(clusters: ReturnType<typeof resolveEntities>, surface: string) {
  return clusters.filter((c) => c.members.some((m) => m.mention.text === surface));
}

describe('foldKey / aliasKey', () => {
  it('ignores accents, case, periods and possessives', () => {
    assert.strictEqual(foldKey('Nicolás  Maduro’s'), 'nicolas maduro');
    assert.strictEqual(foldKey('U.S.'), 'us');
    assert.strictEqual(foldKey('Kim Jong-un'), foldKey('Kim Jong Un'));
  });

  it('maps well-known country variants to one key', () => {
    for (const v of ['U.S.', 'US', 'USA', 'United States', 'the United States', 'America']) {
      assert.strictEqual(aliasKey(v), 'united states', v);
    }
  });
});

describe('resolveEntities', () => {
  it('joins accent variants and keeps the accented, most complete name', () => {
    const clusters = resolveEntities([
      doc('a', [['Nicolas Maduro', 'person'], ['Maduro', 'person']]),
      doc('b', [['Nicolás Maduro', 'person']]),
      doc('c', [['Maduro', 'person']]),
    ]);
    const [maduro] = find(clusters, 'Maduro');
    assert.strictEqual(maduro.name, 'Nicolás Maduro');
    assert.strictEqual(maduro.id, 'person:nicolas-maduro');
    assert.deepStrictEqual(maduro.aliases, ['Maduro', 'Nicolas Maduro']);
    assert.deepStrictEqual([...new Set(maduro.members.map((m) => m.path))].sort(), ['a', 'b', 'c']);
  });

  it('joins an acronym to the expansion defined in text, across documents', () => {
    const clusters = resolveEntities([
      doc('a', [['Maritime Safety Office', 'organization'], ['MSO', 'organization', 'Maritime Safety Office']]),
      doc('b', [['MSO', 'organization']]),
    ]);
    const mso = find(clusters, 'MSO');
    assert.strictEqual(mso.length, 1);
    assert.strictEqual(mso[0].name, 'Maritime Safety Office');
    assert.strictEqual(mso[0].members.length, 3);
  });

  it('makes U.S., US and United States one place', () => {
    const clusters = resolveEntities([doc('a', [['U.S.', 'place'], ['United States', 'place']]), doc('b', [['US', 'organization']])]);
    const us = find(clusters, 'US');
    assert.strictEqual(us.length, 1);
    assert.strictEqual(us[0].type, 'place');
    assert.strictEqual(us[0].name, 'United States');
    assert.strictEqual(us[0].members.length, 3);
  });

  it('joins a surname to the unique full name, and an initial plus surname too', () => {
    const clusters = resolveEntities([
      doc('a', [['Ingrid Halvorsen', 'person']]),
      doc('b', [['Halvorsen', 'person'], ['I. Halvorsen', 'person']]),
    ]);
    assert.strictEqual(find(clusters, 'Halvorsen')[0], find(clusters, 'Ingrid Halvorsen')[0]);
    assert.strictEqual(find(clusters, 'I. Halvorsen')[0], find(clusters, 'Ingrid Halvorsen')[0]);
  });

  it('reads "Lastname, Firstname" as the same person', () => {
    const clusters = resolveEntities([doc('a', [['Ingrid Halvorsen', 'person']]), doc('b', [['Halvorsen, Ingrid', 'person']])]);
    assert.strictEqual(find(clusters, 'Halvorsen, Ingrid')[0], find(clusters, 'Ingrid Halvorsen')[0]);
    assert.strictEqual(find(clusters, 'Ingrid Halvorsen')[0].name, 'Ingrid Halvorsen');
  });

  it('joins a bare given name only where the same full name is always beside it', () => {
    const clusters = resolveEntities([
      doc('a', [['Tomás Ferreira', 'person'], ['Tomás', 'person']]),
      doc('b', [['Ingrid Halvorsen', 'person'], ['Ingrid', 'person']]),
      doc('c', [['Ingrid', 'person'], ['Ingrid Lund', 'person']]),
    ]);
    assert.strictEqual(find(clusters, 'Tomás')[0].name, 'Tomás Ferreira');
    assert.strictEqual(find(clusters, 'Ingrid')[0].name, 'Ingrid');
  });

  it('joins a bare family name to a Korean-style full name', () => {
    const clusters = resolveEntities([doc('a', [['Park Ji-won', 'person'], ['Park', 'person']])]);
    assert.strictEqual(find(clusters, 'Park')[0].name, 'Park Ji-won');
  });

  it('joins a short organization name to the one longer name it begins', () => {
    const clusters = resolveEntities([
      doc('a', [['Halcyon Maritime Logistics', 'organization'], ['Halcyon', 'organization']]),
      doc('b', [['Halcyon', 'organization'], ['Valmora', 'place'], ['Valmora Ledger', 'organization'], ['Valmora Chamber of Commerce', 'organization']]),
    ]);
    assert.strictEqual(find(clusters, 'Halcyon')[0].name, 'Halcyon Maritime Logistics');
    // A place is not a short form of organizations named after it, and two candidates are too many.
    assert.strictEqual(find(clusters, 'Valmora')[0].name, 'Valmora');
    assert.notStrictEqual(find(clusters, 'Valmora Ledger')[0], find(clusters, 'Valmora Chamber of Commerce')[0]);
  });

  it('never merges two different full names sharing a surname; the bare surname stays ambiguous', () => {
    const clusters = resolveEntities([
      doc('a', [['Ana Ruiz', 'person'], ['Ruiz', 'person']]),
      doc('b', [['Pablo Ruiz', 'person']]),
    ]);
    const ana = find(clusters, 'Ana Ruiz')[0];
    const pablo = find(clusters, 'Pablo Ruiz')[0];
    const bare = find(clusters, 'Ruiz')[0];
    assert.notStrictEqual(ana, pablo);
    assert.notStrictEqual(bare, ana);
    assert.notStrictEqual(bare, pablo);
    assert.deepStrictEqual(bare.ambiguousWith?.sort(), ['Ana Ruiz', 'Pablo Ruiz']);
  });

  it('decides the type by the majority of mentions', () => {
    const clusters = resolveEntities([
      doc('a', [['Valmora', 'place'], ['Valmora', 'place']]),
      doc('b', [['Valmora', 'organization']]),
    ]);
    assert.strictEqual(find(clusters, 'Valmora')[0].type, 'place');
  });
});

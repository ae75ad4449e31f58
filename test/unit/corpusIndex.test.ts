import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/corpusIndex';

// Hand-written articles: the analyzers run for real on them.
const HERALD = `date 2025-03-12
Dockworkers strike in Valmora

Port director Ingrid Halvorsen said on Monday that talks had failed. Halvorsen blamed the ministry.
`;
const WIRE = `date 2025-03-14
Halvorsen under pressure

Ingrid Halvorsen met union leaders on March 10 in Valmora, according to the Valmora Herald.
`;

describe('CorpusIndex', () => {
  let index: CorpusIndex;
  beforeEach(() => {
    index = new CorpusIndex();
    index.update('herald.txt', HERALD);
    index.update('wire.txt', WIRE);
  });

  it('finds the entity at a position, with its mentions in both documents', () => {
    const offset = HERALD.indexOf('Halvorsen blamed') + 2;
    const hit = index.entityAt('herald.txt', offset);
    assert.ok(hit, 'no entity at Halvorsen');
    assert.strictEqual(hit.entity.name, 'Ingrid Halvorsen');
    assert.strictEqual(hit.entity.type, 'person');
    assert.deepStrictEqual(hit.entity.documents, ['herald.txt', 'wire.txt']);
    assert.ok(index.references(hit.entity.id).length >= 4);
    assert.strictEqual(index.entityAt('herald.txt', HERALD.indexOf('talks')), undefined);
  });

  it('orders first mentions per document by document date', () => {
    const id = index.entityAt('wire.txt', WIRE.indexOf('Ingrid'))!.entity.id;
    assert.deepStrictEqual(
      index.firstMentionPerDocument(id).map((m) => m.path),
      ['herald.txt', 'wire.txt'],
    );
  });

  it('puts the same day from two documents together on the timeline', () => {
    const day = index.timeline().find((d) => d.date === '2025-03-10');
    assert.ok(day, 'no 2025-03-10 on the timeline');
    assert.deepStrictEqual(day.entries.map((e) => e.path), ['herald.txt', 'wire.txt']);
    assert.strictEqual(day.entries[0].sentence, 'Port director Ingrid Halvorsen said on Monday that talks had failed.');
    const id = index.entityAt('wire.txt', WIRE.indexOf('Ingrid'))!.entity.id;
    assert.ok(day.entries.every((e) => e.entities.includes(id)));
    const sameDay = index.sameDateMentions('2025-03-10');
    assert.deepStrictEqual(sameDay.map((d) => [d.path, d.mention.text]), [['herald.txt', 'Monday'], ['wire.txt', 'March 10']]);
    assert.deepStrictEqual(sameDay[1].range.start, { line: 3, character: index.text('wire.txt')!.split('\n')[3].indexOf('March 10') });
    const month = index.sameDateMentions('2025-03').map((d) => d.mention.value);
    assert.ok(month.includes('2025-03-10') && month.every((v) => v!.startsWith('2025-03')), month.join());
    assert.deepStrictEqual(index.sameDateMentions('2025-03-1'), []);
  });

  it('filters the timeline by entity', () => {
    index.update('other.txt', 'date 2025-03-20\nNothing named happened on March 1.\n');
    const id = index.entityAt('wire.txt', WIRE.indexOf('Ingrid'))!.entity.id;
    const filtered = index.timeline({ entityId: id });
    assert.ok(filtered.length > 0);
    assert.ok(!filtered.some((d) => d.date === '2025-03-01'));
    assert.ok(index.timeline().some((d) => d.date === '2025-03-01'));
  });

  it('searches entities by any name, ignoring accents and case', () => {
    index.update('extra.txt', 'date 2025-03-15\nTomás Ferreira met officials in the U.S. on Friday.\n');
    assert.deepStrictEqual(index.searchEntities('tomas ferr').map((e) => e.name), ['Tomás Ferreira']);
    assert.deepStrictEqual(index.searchEntities('HALVOR').map((e) => e.name), ['Ingrid Halvorsen']);
    assert.ok(index.searchEntities('u.s').some((e) => e.name === 'U.S.' || e.aliases.includes('U.S.')));
  });

  it('updates and removes documents', () => {
    index.update('wire.txt', 'date 2025-03-14\nNothing here.\n');
    const hit = index.entityAt('herald.txt', HERALD.indexOf('Halvorsen blamed'));
    assert.deepStrictEqual(hit!.entity.documents, ['herald.txt']);
    assert.ok(index.remove('herald.txt'));
    assert.strictEqual(index.entities().some((e) => e.name.includes('Halvorsen')), false);
    assert.deepStrictEqual(index.paths(), ['wire.txt']);
  });

  it('converts offsets and positions with the document line table', () => {
    const offset = WIRE.indexOf('Ingrid');
    const pos = index.positionAt('wire.txt', offset);
    assert.deepStrictEqual(pos, { line: 3, character: 0 });
    assert.strictEqual(index.offsetAt('wire.txt', pos), offset);
  });
});

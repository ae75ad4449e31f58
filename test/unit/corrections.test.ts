import * as assert from 'assert';
import { resolveEntities } from '../../src/core/aliases';
import { addCorrection, CorrectionsFile, parseCorrections } from '../../src/core/corrections';
import { mentionsDoc as doc } from './placedMentions';

const DOCS = [
  doc('a', [['Ingrid Halvorsen', 'person'], ['Halvorsen', 'person'], ['Harbour Board', 'organization'], ['Comments', 'organization']]),
  doc('b', [['Halvorsen', 'person'], ['Valmora', 'organization'], ['Valmora Port Board', 'organization'], ['VPB', 'organization', 'Valmora Port Board']]),
];

/** Applies the file through the same path the CLI and the editor use: text → parse → resolve. */
function resolveWith(file: CorrectionsFile) {
  const { corrections, problems } = parseCorrections(JSON.stringify(file));
  assert.deepStrictEqual(problems, []);
  const clusters = resolveEntities(DOCS, corrections);
  const holding = (surface: string) => clusters.find((c) => c.members.some((m) => m.mention.text === surface));
  return { clusters, holding };
}

describe('corrections file', () => {
  it('round-trips each correction kind through addCorrection → JSON → parse → resolution', () => {
    let file: CorrectionsFile = {};
    file = addCorrection(file, { kind: 'merge', names: ['Harbour Board', 'Valmora Port Board'] });
    file = addCorrection(file, { kind: 'split', name: 'VPB' });
    file = addCorrection(file, { kind: 'rename', entity: 'Halvorsen', name: 'Ingrid M. Halvorsen' });
    file = addCorrection(file, { kind: 'retype', entity: 'Valmora', type: 'place' });
    file = addCorrection(file, { kind: 'ignore', name: 'Comments' });
    const { clusters, holding } = resolveWith(JSON.parse(JSON.stringify(file, null, 2)));

    assert.strictEqual(holding('Harbour Board'), holding('Valmora Port Board'), 'merge');
    assert.notStrictEqual(holding('VPB'), holding('Valmora Port Board'), 'split');
    assert.strictEqual(holding('Halvorsen')!.name, 'Ingrid M. Halvorsen', 'rename');
    assert.strictEqual(holding('Halvorsen')!.id, 'person:ingrid-m-halvorsen');
    assert.strictEqual(holding('Valmora')!.type, 'place', 'retype');
    assert.ok(!clusters.some((c) => c.name === 'Comments'), 'ignore');
  });

  it('without corrections the analyzers decide', () => {
    const { clusters, holding } = resolveWith({});
    assert.strictEqual(holding('VPB'), holding('Valmora Port Board'));
    assert.notStrictEqual(holding('Harbour Board'), holding('Valmora Port Board'));
    assert.strictEqual(holding('Halvorsen')!.name, 'Ingrid Halvorsen');
    assert.strictEqual(holding('Valmora')!.type, 'organization');
    assert.ok(clusters.some((c) => c.name === 'Comments'));
  });

  it('replaces an earlier rename or retype of the same entity instead of piling up', () => {
    let file = addCorrection({}, { kind: 'rename', entity: 'Halvorsen', name: 'A' });
    file = addCorrection(file, { kind: 'rename', entity: 'halvorsen', name: 'B' });
    assert.deepStrictEqual(file.rename, [{ entity: 'halvorsen', name: 'B' }]);
  });

  it('reports broken files and entries instead of throwing', () => {
    assert.match(parseCorrections('{ not json').problems[0], /not valid JSON/);
    const r = parseCorrections(JSON.stringify({ merge: [['only one']], retype: [{ entity: 'X', type: 'animal' }], ignore: 'Comments' }));
    assert.strictEqual(r.problems.length, 3);
    assert.strictEqual(r.corrections.merge.length, 0);
  });
});

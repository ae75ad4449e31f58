import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { buildNetwork, CoMentionNetwork, inDateRange, selectNetwork } from '../../src/core/network';

// Hand-written articles; who is named with whom is known from the text.
const MARCH = `date 2025-03-12
Talks in Lisbon

Ingrid Halvorsen met Tomas Ferreira in Lisbon on Monday. Ferreira later flew to Oslo.

Halvorsen said nothing more.
`;
const APRIL = `date 2025-04-02
Audit published

Ingrid Halvorsen published the audit in Oslo on Tuesday. Tomas Ferreira and Ingrid Halvorsen did not comment.
`;

function edge(network: CoMentionNetwork, a: string, b: string) {
  const id = (name: string) => network.nodes.find((n) => n.name === name)?.id;
  const [x, y] = [id(a), id(b)];
  assert.ok(x && y, `${a} or ${b} is not a node: ${network.nodes.map((n) => n.name).join(', ')}`);
  return network.edges.find((e) => (e.source === x && e.target === y) || (e.source === y && e.target === x));
}

describe('co-mention network', () => {
  let index: CorpusIndex;
  beforeEach(() => {
    index = new CorpusIndex();
    index.update('march.txt', MARCH);
    index.update('april.txt', APRIL);
  });

  it('weighs an edge by the sentences naming both entities, and counts their documents', () => {
    const net = buildNetwork(index);
    assert.strictEqual(net.scope, 'sentence');
    const pair = edge(net, 'Ingrid Halvorsen', 'Tomas Ferreira');
    assert.deepStrictEqual([pair?.weight, pair?.documents], [2, 2]);
    assert.strictEqual(edge(net, 'Tomas Ferreira', 'Oslo')?.weight, 1);
    assert.strictEqual(edge(net, 'Ingrid Halvorsen', 'Oslo')?.weight, 1);
    assert.strictEqual(edge(net, 'Ingrid Halvorsen', 'Oslo')?.documents, 1);
    // A name repeated in one sentence is one co-mention, and nobody is linked to themself.
    assert.ok(net.edges.every((e) => e.source < e.target));
    const halvorsen = net.nodes.find((n) => n.name === 'Ingrid Halvorsen')!;
    assert.strictEqual(halvorsen.documents, 2);
    assert.strictEqual(halvorsen.mentions, index.entity(halvorsen.id)!.mentionCount);
  });

  it('counts documents instead of sentences when asked', () => {
    const net = buildNetwork(index, { scope: 'document' });
    assert.strictEqual(edge(net, 'Ingrid Halvorsen', 'Tomas Ferreira')?.weight, 2);
    assert.strictEqual(edge(net, 'Ingrid Halvorsen', 'Oslo')?.weight, 2);
    assert.strictEqual(edge(net, 'Lisbon', 'Oslo')?.weight, 1);
    assert.strictEqual(edge(buildNetwork(index), 'Lisbon', 'Oslo'), undefined);
  });

  it('keeps only the documents published in a date range', () => {
    const april = buildNetwork(index, { from: '2025-04-01' });
    assert.ok(!april.nodes.some((n) => n.name === 'Lisbon'));
    assert.strictEqual(edge(april, 'Ingrid Halvorsen', 'Tomas Ferreira')?.weight, 1);
    assert.strictEqual(buildNetwork(index, { to: '2025-03-31' }).nodes.some((n) => n.name === 'Lisbon'), true);
    assert.strictEqual(inDateRange(undefined, '2025-01-01'), false);
    assert.strictEqual(inDateRange('2025-03', '2025-03-15'), true);
    assert.strictEqual(inDateRange('2025-03-15', undefined, '2025-03'), true);
    assert.strictEqual(inDateRange('2025-04-01', undefined, '2025-03'), false);
  });

  it('selects the best connected nodes after filtering by type and weight', () => {
    const net = buildNetwork(index);
    const people = selectNetwork(net, { types: ['person'] });
    assert.deepStrictEqual(people.nodes.map((n) => n.type).filter((t) => t !== 'person'), []);
    assert.ok(people.edges.length >= 1);
    const heavy = selectNetwork(net, { minWeight: 2 });
    assert.ok(heavy.edges.length >= 1 && heavy.edges.every((e) => e.weight >= 2));
    const top = selectNetwork(net, { top: 2 });
    assert.strictEqual(top.nodes.length, 2);
    const ids = new Set(top.nodes.map((n) => n.id));
    assert.ok(top.edges.every((e) => ids.has(e.source) && ids.has(e.target)));
    // Ranked by degree: nobody left out has more neighbours than someone kept.
    const least = Math.min(...top.nodes.map((n) => top.degree.get(n.id) ?? 0));
    assert.ok(net.nodes.filter((n) => !ids.has(n.id)).every((n) => (top.degree.get(n.id) ?? 0) <= least));
    assert.strictEqual(top.available, net.nodes.length);
    // Heavy links only: the entities left without one are not drawn at all.
    const connected = selectNetwork(net, { minWeight: 2, connectedOnly: true });
    const linked = new Set(connected.edges.flatMap((e) => [e.source, e.target]));
    assert.deepStrictEqual(connected.nodes.map((n) => n.id).sort(), [...linked].sort());
    assert.strictEqual(connected.available, linked.size);
  });
});

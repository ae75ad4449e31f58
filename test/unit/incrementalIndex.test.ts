// The index re-clusters locally after an edit when it can; whatever path it takes, the entities
// must equal those of an index built from scratch over the same documents.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { rebuilt } from './rebuilt';
import { repoRoot } from './sharedCorpora';

function snapshot(index: CorpusIndex) {
  return index
    .entities()
    .map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      ambiguous: e.ambiguousWith ?? [],
      mentions: e.mentions.map((m) => `${m.path}:${m.start}-${m.end}`),
      counted: e.mentionCount === e.mentions.length,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function assertCounted(index: CorpusIndex) {
  assert.deepStrictEqual(index.entities().filter((e) => e.mentionCount !== e.mentions.length).map((e) => e.name), []);
}

describe('CorpusIndex after edits equals a rebuilt index', () => {
  const samples = path.join(repoRoot, 'samples');
  const files = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(samples, f), 'utf8')]));

  const edits: [string, (index: CorpusIndex) => void][] = [
    ['a new person in one article', (i) => i.update(files[0], texts.get(files[0])! + '\nAnalyst Petra Lindqvist said the port would reopen.\n')],
    ['that person renamed', (i) => i.update(files[0], texts.get(files[0])! + '\nAnalyst Petra Lindgren said the port would reopen.\n')],
    ['a bare surname of a known person', (i) => i.update(files[1], texts.get(files[1])! + '\nLindgren declined to comment.\n')],
    ['a second full name with that surname', (i) => i.update(files[2], texts.get(files[2])! + '\nOla Lindgren, a union lawyer, disagreed.\n')],
    ['an acronym defined in text', (i) => i.update(files[3], texts.get(files[3])! + '\nThe Nordic Port Council (NPC) met in Oslo. The NPC said little.\n')],
    ['a document removed', (i) => void i.remove(files[2])],
    ['a place added and an edit elsewhere', (i) => i.update(files[4], 'date 2025-03-16\nShips waited off Tromsø on Sunday, said Ingrid Halvorsen.\n')],
    ['the article restored', (i) => i.update(files[0], texts.get(files[0])!)],
    ['a document added back', (i) => i.update(files[2], texts.get(files[2])!)],
    [
      'everything cleared and indexed again',
      (i) => {
        i.clear();
        for (const [f, t] of texts) i.update(f, t);
      },
    ],
  ];

  it('after each edit in turn', () => {
    const index = new CorpusIndex();
    for (const [f, t] of texts) index.update(f, t);
    index.entities();
    for (const [what, edit] of edits) {
      edit(index);
      // snapshot() resolves: locally when the edit allows it, fully otherwise.
      assert.deepStrictEqual(snapshot(index), snapshot(rebuilt(index)), what);
    }
    const { full, patched } = index.clusteringStats;
    assert.ok(patched >= 3, `only ${patched} of ${full + patched} edits were patched locally`);
  });

  it('after a long run of random edits', () => {
    // Sentences whose names collide with each other and with the samples in every way that links.
    const sentences = [
      'Analyst Petra Lindqvist said the port would reopen.',
      'Lindqvist declined to comment.',
      'Ola Lindqvist, a union lawyer, disagreed.',
      'Petra said nothing more.',
      'Halvorsen spoke to Nordby Shipping.',
      'Nordby Shipping Group (NSG) denied it. NSG said so again.',
      'Nordby was not available.',
      'Ingrid met I. Halvorsen in Tromsø.',
      'Tomás called Mr. Ferreira on Monday.',
      'The Harbour Council met.',
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const index = new CorpusIndex();
    for (const [f, t] of texts) index.update(f, t);
    index.entities();
    for (let step = 0; step < 60; step++) {
      const file = files[random(files.length)];
      const op = random(4);
      if (op === 0) index.remove(file);
      else if (op === 1) index.update(file, texts.get(file)!);
      else {
        const extra = Array.from({ length: 1 + random(3) }, () => sentences[random(sentences.length)]).join(' ');
        index.update(file, `${texts.get(file)!}\n${extra}\n`);
      }
      assert.deepStrictEqual(snapshot(index), snapshot(rebuilt(index)), `step ${step}`);
      assertCounted(index);
    }
    assert.ok(index.clusteringStats.patched > 0);
  });

  it('prepares in slices, and a change or a query in the middle leaves it consistent', async () => {
    const index = new CorpusIndex();
    for (const [f, t] of texts) index.update(f, t);
    // A query arriving while a preparation is half done finishes it first.
    const running = index.prepare(0);
    const hit = index.entityAt(files[0], texts.get(files[0])!.indexOf('Ferreira') + 1);
    assert.ok(hit, 'no entity at Ferreira');
    await running;
    assert.deepStrictEqual(snapshot(index), snapshot(rebuilt(index)));
    // A change while preparing abandons the stale work; the next preparation starts over.
    const extra = '\nOla Lindgren, a union lawyer, spoke to Lindgren.\n';
    const again = index.prepare(0);
    index.update(files[1], texts.get(files[1])! + extra);
    await again;
    await index.prepare(0);
    assert.deepStrictEqual(snapshot(index), snapshot(rebuilt(index)));
    assert.deepStrictEqual(
      index.timeline().map((d) => [d.date, d.entries.length]),
      rebuilt(index).timeline().map((d) => [d.date, d.entries.length]),
    );
  });

  it('answers lookups from the patched clustering', () => {
    const index = new CorpusIndex();
    for (const [f, t] of texts) index.update(f, t);
    index.entities();
    const text = texts.get(files[0])! + '\nAnalyst Petra Lindqvist said the port would reopen.\n';
    index.update(files[0], text);
    const before = index.clusteringStats.patched;
    const hit = index.entityAt(files[0], text.indexOf('Petra Lindqvist') + 2);
    assert.strictEqual(index.clusteringStats.patched, before + 1);
    assert.strictEqual(hit?.entity.name, 'Petra Lindqvist');
    assert.strictEqual(hit?.entity.type, 'person');
    assert.deepStrictEqual(index.references(hit!.entity.id).map((m) => m.text), ['Petra Lindqvist']);
  });
});

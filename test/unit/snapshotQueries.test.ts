// The editor's index answers from a snapshot: a query never does alias resolution (or builds the
// timeline) on the spot; prepare() builds the next snapshot in slices and swaps it in, and once
// it has, every answer equals that of an index built from scratch over the same documents.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { rebuilt } from './rebuilt';
import { repoRoot } from './sharedCorpora';

/** Everything a reader sees, in a form deepStrictEqual can compare across two indexes. */
function answers(index: CorpusIndex) {
  const entities = index.entities().map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    documents: e.documents,
    mentions: e.mentions.map((m) => `${m.path}:${m.start}-${m.end}`),
    first: index.firstMentionPerDocument(e.id).map((m) => m.path),
    with: index.coMentions(e.id).map((c) => `${c.entity.id}×${c.count}`),
  }));
  const timeline = index.timeline().map((d) => [d.date, d.entries.map((e) => `${e.path}:${e.start} ${e.entities.join(',')}`)]);
  const dates = index.timeline().map((d) => [d.date, index.sameDateMentions(d.date).map((r) => `${r.path}:${r.mention.start}`)]);
  const suggestions = index.sameEntitySuggestions().map((s) => `${s.a.id}|${s.b.id} ${s.confidence.toFixed(3)}`);
  return { entities, timeline, dates, suggestions };
}

describe('CorpusIndex answering from a snapshot (the editor)', () => {
  const samples = path.join(repoRoot, 'samples');
  const files = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(samples, f), 'utf8')]));
  const extra = '\nAnalyst Petra Lindqvist said on Friday the port would reopen.\n';

  function filled(): CorpusIndex {
    const index = new CorpusIndex({ queries: 'snapshot' });
    for (const [f, t] of texts) index.update(f, t);
    return index;
  }

  it('answers nothing before the first preparation, and a query during it never finishes it', async () => {
    const index = filled();
    assert.deepStrictEqual(index.entities(), []);
    assert.deepStrictEqual(index.timeline(), []);
    const running = index.prepare(0);
    // No turn of the event loop yet: the preparation has not started, and queries must not run it.
    const someName = [...index.placedMentions(files[0])][0];
    assert.ok(someName, `no name in ${files[0]}`);
    assert.strictEqual(index.entityAt(files[0], someName.start), undefined);
    assert.deepStrictEqual(index.sameEntitySuggestions(), []);
    assert.strictEqual(index.prepared, false);
    // Per-document facts are the current ones all along.
    assert.ok(index.analysis(files[0]));
    await running;
    assert.strictEqual(index.prepared, true);
    assert.ok(index.entityAt(files[0], someName.start));
    assert.deepStrictEqual(answers(index), answers(rebuilt(index)));
  });

  it('keeps answering from the last snapshot after an edit, then swaps in the next one', async () => {
    const index = filled();
    await index.prepare(0);
    const before = answers(index);
    const text = texts.get(files[0])! + extra;
    index.update(files[0], text);
    assert.strictEqual(index.prepared, false);
    // The new name is not known yet; known names still answer, from the document as it is now.
    assert.strictEqual(index.entityAt(files[0], text.indexOf('Lindqvist') + 1), undefined);
    assert.deepStrictEqual(index.entities().map((e) => e.id), before.entities.map((e) => e.id));
    assert.deepStrictEqual(index.timeline().map((d) => d.date), before.timeline.map(([d]) => d));
    const known = [...index.placedMentions(files[1])][0];
    assert.ok(index.entityAt(files[1], known.start));
    await index.prepare(0);
    assert.strictEqual(index.prepared, true);
    assert.strictEqual(index.entityAt(files[0], text.indexOf('Lindqvist') + 1)?.entity.name, 'Petra Lindqvist');
    assert.deepStrictEqual(answers(index), answers(rebuilt(index)));
  });

  it('never answers with a document removed since the snapshot', async () => {
    const index = filled();
    await index.prepare(0);
    const gone = files[1];
    const datesThere = index.analysis(gone)!.dates.filter((d) => d.value).map((d) => d.value!);
    const namedThere = [...index.placedMentions(gone)].map((m) => index.entityAt(gone, m.start)?.entity.id);
    assert.ok(datesThere.length && namedThere.length, `${gone} has no dates or names`);
    index.remove(gone);
    for (const value of datesThere) assert.ok(!index.sameDateMentions(value).some((r) => r.path === gone), value);
    for (const id of namedThere) {
      if (!id) continue;
      assert.ok(!index.firstMentionPerDocument(id).some((m) => m.path === gone), id);
      assert.ok(!index.references(id).some((m) => m.path === gone), id);
      index.coMentions(id);
    }
    await index.prepare(0);
    assert.deepStrictEqual(answers(index), answers(rebuilt(index)));
  });

  it('finishes a preparation despite changes arriving between its slices', async () => {
    const index = filled();
    const running = index.prepare(0);
    // A change every turn of the event loop for a while: each abandons the work under way.
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setImmediate(r));
      index.update(files[i % files.length], texts.get(files[i % files.length])! + `\nNote ${i}.\n`);
    }
    await running;
    await index.prepare(0);
    assert.strictEqual(index.prepared, true);
    assert.deepStrictEqual(answers(index), answers(rebuilt(index)));
  });
});

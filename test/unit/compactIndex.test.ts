// The index holds mentions compactly and makes MentionRefs when asked: what it answers must be
// what the analyses say, however many entities were asked for before and after any change.
import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { computeLineStarts } from '../../src/core/text';
import { DocumentAnalysis, EntityMention } from '../../src/core/types';

const GIVEN = ['Orla', 'Tamsin', 'Bertil', 'Ivo', 'Maren', 'Casimir', 'Yselle', 'Dagny'];
const FAMILY = ['Quillfeather', 'Marrowby', 'Tenckhoff', 'Argyle-Vance', 'Ostrander'];
const NAMES = GIVEN.flatMap((g) => FAMILY.map((f) => `${g} ${f}`));

/** A document naming each of names on its own line ("… spoke."), analysed by hand. */
function document(path: string, names: string[]): { analysis: DocumentAnalysis; text: string } {
  let text = '';
  const entities: EntityMention[] = [];
  for (const name of names) {
    const start = text.length;
    text += `${name} spoke.\n`;
    entities.push({ start, end: start + name.length, text: name, type: 'person' });
  }
  // Out of order on purpose: the index sorts them.
  entities.reverse();
  const analysis: DocumentAnalysis = {
    path, hash: path, date: { source: 'none' }, dates: [], entities, sentences: [], lineStarts: computeLineStarts(text), warnings: [],
  };
  return { analysis, text };
}

describe('CorpusIndex: compact mentions', () => {
  let index: CorpusIndex;
  beforeEach(() => {
    index = new CorpusIndex();
    for (const [path, names] of [['a.txt', NAMES], ['b.txt', NAMES.slice(0, 20)]] as const) {
      const { analysis, text } = document(path, names);
      index.set(analysis, text);
    }
  });

  it('places each mention at its line and character, its end offset included', () => {
    const line = NAMES.indexOf('Ivo Marrowby');
    const text = index.text('a.txt')!;
    const start = text.indexOf('Ivo Marrowby');
    for (const offset of [start, start + 5, start + 'Ivo Marrowby'.length]) {
      const hit = index.entityAt('a.txt', offset);
      assert.strictEqual(hit?.entity.name, 'Ivo Marrowby', `at ${offset}`);
      assert.deepStrictEqual(hit.mention, {
        path: 'a.txt', start, end: start + 12, text: 'Ivo Marrowby', range: { start: { line, character: 0 }, end: { line, character: 12 } },
      });
    }
    assert.strictEqual(index.entityAt('a.txt', start + 'Ivo Marrowby sp'.length), undefined);
    const inB = index.mentionsIn('b.txt');
    assert.deepStrictEqual(inB.map((m) => m.mention.text), NAMES.slice(0, 20));
    assert.deepStrictEqual(inB.map((m) => m.mention.range.start.line), NAMES.slice(0, 20).map((_, i) => i));
  });

  it('gives the same mention lists after more entities were asked for than it keeps', () => {
    const listOf = (name: string) => index.entities().find((e) => e.name === name)!.mentions.map((m) => `${m.path}:${m.range.start.line}:${m.text}`);
    const first = NAMES.map(listOf);
    assert.deepStrictEqual(first[0], ['a.txt:0:Orla Quillfeather', 'b.txt:0:Orla Quillfeather']);
    assert.deepStrictEqual(first[39], ['a.txt:39:Dagny Ostrander']);
    assert.deepStrictEqual([...NAMES].reverse().map(listOf).reverse(), first);
  });

  it('a record kept past a change does not fail, and lists what its documents now hold', () => {
    const kept = index.entities().find((e) => e.name === 'Orla Quillfeather')!;
    assert.deepStrictEqual(kept.mentions.map((m) => m.path), ['a.txt', 'b.txt']);
    index.remove('a.txt');
    const { analysis, text } = document('b.txt', ['Tamsin Marrowby', 'Ivo Tenckhoff', 'Orla Quillfeather']);
    index.set(analysis, text);
    assert.deepStrictEqual(kept.mentions.map((m) => `${m.path}:${m.range.start.line}`), ['b.txt:2']);
  });

  it('answers from the changed document after an update, not from lists it kept', () => {
    const id = index.entities().find((e) => e.name === 'Orla Quillfeather')!.id;
    assert.strictEqual(index.references(id).length, 2);
    const { analysis, text } = document('b.txt', ['Tamsin Marrowby', 'Orla Quillfeather']);
    index.set(analysis, text);
    assert.deepStrictEqual(index.references(id).map((m) => `${m.path}:${m.range.start.line}`), ['a.txt:0', 'b.txt:1']);
    index.remove('a.txt');
    assert.deepStrictEqual(index.references(id).map((m) => `${m.path}:${m.range.start.line}`), ['b.txt:1']);
  });
});

describe('CorpusIndex: mention lists of an entity in many documents', () => {
  it('lists every mention by path then offset, before and after a change', () => {
    const index = new CorpusIndex();
    const paths = Array.from({ length: 80 }, (_, i) => `d${String(i).padStart(2, '0')}.txt`);
    for (const [i, path] of paths.entries()) {
      // The popular name first in even documents, second in odd ones, and twice in every tenth.
      const names = [NAMES[1 + (i % 39)], 'Orla Quillfeather'];
      if (i % 2 === 0) names.reverse();
      if (i % 10 === 0) names.push('Orla Quillfeather');
      const { analysis, text } = document(path, names);
      index.set(analysis, text);
    }
    const popular = index.entities().find((e) => e.name === 'Orla Quillfeather')!;
    const expected = paths.flatMap((path, i) => {
      const lines = [i % 2 === 0 ? 0 : 1];
      if (i % 10 === 0) lines.push(2);
      return lines.map((line) => `${path}:${line}`);
    });
    const listed = () => index.references(popular.id).map((m) => `${m.path}:${m.range.start.line}`);
    // Found by a scan first, then made again from where they are once the kept lists moved on.
    assert.deepStrictEqual(listed(), expected);
    const all = () => index.entities().map((e) => e.mentions.map((m) => `${m.path}:${m.start}`).join());
    assert.deepStrictEqual(all(), all());
    assert.deepStrictEqual(listed(), expected);
    const small = index.entities().find((e) => e.name === NAMES[5])!;
    assert.deepStrictEqual(index.references(small.id).map((m) => m.path), ['d04.txt', 'd43.txt']);
    const { analysis, text } = document('d00.txt', [NAMES[5]]);
    index.set(analysis, text);
    assert.deepStrictEqual(listed(), expected.filter((m) => !m.startsWith('d00.txt')));
    assert.deepStrictEqual(index.references(small.id).map((m) => m.path), ['d00.txt', 'd04.txt', 'd43.txt']);
  });
});

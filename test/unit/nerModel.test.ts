import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tokenFeatures } from '../../src/core/entities/features';
import { deserializeModel, modelPath, nerModel, serializeModel } from '../../src/core/entities/model';
import { labelTokens, spansOf } from '../../src/core/entities/recognize';
import { sequences, tokenize } from '../../src/core/entities/tokens';
import { trainPerceptron, type TrainingSequence } from '../../src/core/entities/training';
import { LABELS } from '../../src/core/entities/types';
import { trainFromConll } from '../../scripts/nerTraining';
import { skipWithoutCorpus } from './sharedCorpora';

// A tiny labelled corpus written for this test: "<Name> said" people, "in <Place>" places.
function tinyCorpus(): TrainingSequence[] {
  const people = ['Orla', 'Bexley', 'Tamsin', 'Corrado', 'Ilse', 'Piet'];
  const places = ['Varnholm', 'Quillby', 'Estmark', 'Dovrin', 'Ashcombe', 'Lurra'];
  const out: TrainingSequence[] = [];
  people.forEach((person, i) => {
    const text = `Yesterday ${person} said the ferry left in ${places[i]} at noon .`;
    const toks = tokenize(text);
    const features = tokenFeatures(toks, true);
    const gold = new Uint8Array(toks.length);
    toks.forEach((t, j) => {
      if (t.text === person) gold[j] = LABELS.indexOf('B-PER');
      if (t.text === places[i]) gold[j] = LABELS.indexOf('B-LOC');
    });
    for (const [a, b] of sequences(toks)) out.push({ features, a, b, gold: gold.subarray(a, b) });
  });
  return out;
}

describe('entity recognizer model', () => {
  it('learns from labelled sequences and generalises to unseen names in the same frames', () => {
    const model = trainPerceptron(tinyCorpus(), { epochs: 5, seed: 1, minCount: 1 });
    const toks = tokenize('Yesterday Margit said the ferry left in Sollund at noon .');
    const spans = spansOf(labelTokens(model, toks, tokenFeatures(toks)), toks);
    assert.deepStrictEqual(
      spans.map((s) => `${s.cls}:${toks[s.a].text}`),
      ['PER:Margit', 'LOC:Sollund'],
    );
  });

  it('trains deterministically for a seed', () => {
    const a = serializeModel(trainPerceptron(tinyCorpus(), { epochs: 3, seed: 7, minCount: 1 }));
    const b = serializeModel(trainPerceptron(tinyCorpus(), { epochs: 3, seed: 7, minCount: 1 }));
    assert.ok(a.equals(b));
  });

  it('survives storage: the reloaded model decodes every token the same way', () => {
    const model = trainPerceptron(tinyCorpus(), { epochs: 3, seed: 3, minCount: 1 });
    const again = deserializeModel(serializeModel(model));
    const toks = tokenize('Later Orla said a ship docked in Varnholm, and Piet flew to Lurra.');
    const f = tokenFeatures(toks);
    assert.deepStrictEqual([...labelTokens(again, toks, f)], [...labelTokens(model, toks, f)]);
  });

  it('refuses a file that is not a model', () => {
    assert.throws(() => deserializeModel(require('zlib').gzipSync(Buffer.from('{"magic":"x"}\n'))), /not a Dossier recognizer model/);
  });

  it('ships a model that npm run train:ner reproduces byte for byte from CoNLL-2003 train', function () {
    this.timeout(120_000);
    const dir = skipWithoutCorpus(this, 'conll2003');
    const shipped = fs.readFileSync(modelPath());
    assert.ok(nerModel().keys.length > 10_000, 'the shipped model has its features');
    const trained = serializeModel(trainFromConll(path.join(dir, 'train.txt')));
    assert.ok(trained.equals(shipped), 'src/core/entities/ner-model.bin is stale: run npm run train:ner and commit it');
  });
});

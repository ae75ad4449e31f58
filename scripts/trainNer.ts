// Trains the entity recognizer on CoNLL-2003 train and writes src/core/entities/ner-model.bin.
// Usage: npm run train:ner [-- --epochs N] [--seed N] [--min-count N] [--out FILE] [--dev FILE]
// Deterministic: the same data, options and code give the same bytes. Prints dev scores of the
// recognizer alone after each epoch (PER/ORG/LOC exact spans; `npm run eval:ner` scores the
// whole analyzer).
import * as fs from 'fs';
import * as path from 'path';
import { serializeModel } from '../src/core/entities/model';
import { readConll } from './conll';
import { DEFAULT_TRAINING, prepare, score, trainFromConll } from './nerTraining';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const corpora = path.resolve(__dirname, '../../../shared/corpora/conll2003');
const trainFile = opt('train', path.join(corpora, 'train.txt'));
const devFile = opt('dev', path.join(corpora, 'dev.txt'));
const outFile = opt('out', path.resolve(__dirname, '../../src/core/entities/ner-model.bin'));
const epochs = Number(opt('epochs', String(DEFAULT_TRAINING.epochs)));
const seed = Number(opt('seed', String(DEFAULT_TRAINING.seed)));
const minCount = Number(opt('min-count', String(DEFAULT_TRAINING.minCount)));

function main(): void {
  if (!fs.existsSync(trainFile)) {
    console.error(`train:ner: ${trainFile} not found (CoNLL-2003 train; ../shared/corpora beside the checkout)`);
    process.exit(2);
  }
  const t0 = Date.now();
  const dev = fs.existsSync(devFile) ? readConll(devFile).map(prepare) : [];
  const model = trainFromConll(trainFile, {
    epochs,
    seed,
    minCount,
    afterEpoch: (epoch, m) => {
      if (dev.length) console.log(`epoch ${String(epoch).padStart(2)}  dev F1  ${score(m, dev)}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    },
  });
  const bytes = serializeModel(model);
  fs.writeFileSync(outFile, bytes);
  console.log(`train:ner: ${model.keys.length} features, ${(bytes.length / 1e6).toFixed(2)} MB → ${path.relative(process.cwd(), outFile)}`);
  if (dev.length) console.log(`train:ner: final dev F1 (recognizer alone)  ${score(model, dev)}`);
}

main();

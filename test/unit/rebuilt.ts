// The same documents filed into a fresh index: what an index computes from scratch, to compare
// an index that got there another way (edits, a saved clustering, another arrival order).
import { CorpusIndex } from '../../src/core/corpusIndex';

export function rebuilt(index: CorpusIndex): CorpusIndex {
  const fresh = new CorpusIndex();
  for (const p of index.paths()) fresh.set(index.analysis(p)!, index.text(p)!);
  return fresh;
}

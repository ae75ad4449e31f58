import * as assert from 'assert';
import { drain, sortSteps } from '../../src/core/steps';

/** A small deterministic generator of pseudo-random numbers (tests must repeat). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('sortSteps', () => {
  const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;

  it('sorts exactly like Array.prototype.sort, ties kept in input order, for sizes around its run length', () => {
    const next = random(7);
    for (const n of [0, 1, 2, 255, 256, 257, 511, 512, 513, 1000, 4097, 20_000]) {
      // Few distinct scores: many ties, so any instability would show in the order of `at`.
      const items = Array.from({ length: n }, (_, at) => ({ score: Math.floor(next() * 12), at }));
      const expected = [...items].sort(byScore);
      assert.deepStrictEqual(drain(sortSteps(items, byScore)), expected, `n=${n}`);
    }
  });

  it('leaves its input alone and yields in slices bounded by its chunk', () => {
    const next = random(11);
    const items = Array.from({ length: 10_000 }, () => next());
    const copy = items.slice();
    const steps = sortSteps(items, (a, b) => a - b, 1000);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    assert.deepStrictEqual(items, copy);
    assert.deepStrictEqual(r.value, copy.slice().sort((a, b) => a - b));
    // 10,000 elements sorted in runs, then 6 merge passes of 10,000 placements each.
    assert.ok(yields >= 60 && yields <= 80, `yields=${yields}`);
  });
});

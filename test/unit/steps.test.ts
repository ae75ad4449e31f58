import * as assert from 'assert';
import { ABANDONED, drain, Slicer, sortSteps } from '../../src/core/steps';

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

describe('Slicer', () => {
  /** A computation of `n` steps that records each step it takes. */
  function* counting(log: string[], name: string, n: number): Generator<void, string> {
    for (let i = 0; i < n; i++) {
      log.push(`${name}${i}`);
      yield;
    }
    return name;
  }

  it('runs tasks in order and computations to their end, interleaved turn by turn', async () => {
    // A zero-length slice: one task (or one step) per turn of the event loop.
    const slicer = new Slicer(0);
    const log: string[] = [];
    const a = slicer.steps(counting(log, 'a', 3));
    const t = slicer.run(() => (log.push('t'), 42));
    const b = slicer.steps(counting(log, 'b', 2));
    assert.deepStrictEqual(log, [], 'nothing runs before the event loop turns');
    assert.deepStrictEqual(await Promise.all([a, t, b]), ['a', 42, 'b']);
    // A computation goes to the back of the queue after its slice: the others get their turns.
    assert.deepStrictEqual(log, ['a0', 't', 'b0', 'a1', 'b1', 'a2']);
    assert.strictEqual(slicer.pending, 0);
  });

  it('runs many steps in one slice when they are short', async () => {
    const slicer = new Slicer(1000);
    const log: string[] = [];
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    await slicer.steps(counting(log, 'x', 1000));
    clearInterval(ticker);
    assert.strictEqual(log.length, 1000);
    assert.strictEqual(turns, 0, 'a long slice was cut short');
  });

  it('drops an abandoned computation, and passes on what a task or a step throws', async () => {
    const slicer = new Slicer(0);
    const log: string[] = [];
    let stop = false;
    const running = slicer.steps(counting(log, 'c', 100), () => stop);
    await slicer.run(() => undefined);
    stop = true;
    assert.strictEqual(await running, ABANDONED);
    assert.ok(log.length < 100);
    await assert.rejects(slicer.run(() => {
      throw new Error('task failed');
    }), /task failed/);
    await assert.rejects(
      slicer.steps(
        (function* (): Generator<void, void> {
          yield;
          throw new Error('step failed');
        })(),
      ),
      /step failed/,
    );
  });
});

describe('Slicer, nested', () => {
  it('lets a task queue more work, which may run in the same turn', async () => {
    const slicer = new Slicer(1000);
    const log: string[] = [];
    await slicer.run(() => {
      log.push('outer');
      void slicer.run(() => log.push('inner'));
    });
    // The inner task ran in the outer one's slice; the turn it had scheduled finds nothing to do.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(log, ['outer', 'inner']);
    assert.strictEqual(slicer.pending, 0);
  });
});

// Sliced computations: generators that yield after a bounded amount of work, so a host thread
// that also serves a UI can spread them over its event loop (a Slicer), or run them to the end at
// once (drain). Every piece of work the editor's thread does in slices goes through one Slicer, so
// that all of it together, not each kind on its own, stays within a slice per turn of the loop.

/** Runs a sliced computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Returned by Slicer.steps when the computation was abandoned (its `abandoned` said so). */
export const ABANDONED: unique symbol = Symbol('abandoned');

interface SliceTask {
  /** Does some work; true once there is nothing left to do. */
  step(until: number): boolean;
}

/**
 * Runs short synchronous tasks and sliced computations on this thread, one after another, at
 * most `sliceMs` at a time before the event loop gets a turn (setImmediate). Without it, the
 * continuations of dozens of file reads completing together, or one long computation, would run
 * back to back and hold the thread for as long as they all take. Tasks run in the order given; a
 * computation takes a slice's worth of steps, then goes to the back of the queue.
 */
export class Slicer {
  private readonly tasks: SliceTask[] = [];
  private scheduled = false;

  constructor(readonly sliceMs = 8) {}

  /** Runs fn in a slice; resolves (or rejects) with what it returned (or threw). */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.push({
        step: () => {
          try {
            resolve(fn());
          } catch (e) {
            reject(e);
          }
          return true;
        },
      });
    });
  }

  /**
   * Runs a sliced computation to its end, a few steps per slice. `abandoned` is asked before
   * every step: once it says so, the computation is dropped and ABANDONED returned.
   */
  steps<T>(steps: Generator<void, T>, abandoned?: () => boolean): Promise<T | typeof ABANDONED> {
    return new Promise<T | typeof ABANDONED>((resolve, reject) => {
      this.push({
        step: (until) => {
          try {
            do {
              if (abandoned?.()) {
                resolve(ABANDONED);
                return true;
              }
              const r = steps.next();
              if (r.done) {
                resolve(r.value);
                return true;
              }
            } while (performance.now() < until);
          } catch (e) {
            reject(e);
            return true;
          }
          return false;
        },
      });
    });
  }

  /** Work queued and not done yet. */
  get pending(): number {
    return this.tasks.length;
  }

  private push(task: SliceTask): void {
    this.tasks.push(task);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // A task that queued more work scheduled this turn, and the last one may have done it all.
      if (!this.tasks.length) return;
      const until = performance.now() + this.sliceMs;
      // At least one task a turn, however short the slice.
      do {
        const task = this.tasks.shift()!;
        if (!task.step(until)) this.tasks.push(task); // more to do: after the others
      } while (this.tasks.length && performance.now() < until);
      if (this.tasks.length) this.schedule();
    });
  }
}

/** Elements sorted natively per run before the runs are merged. */
const RUN = 256;

/**
 * A sorted copy of items, as `[...items].sort(compare)` gives it (stable), computed as a
 * bottom-up merge sort that yields about every `chunk` elements placed: sorting tens of
 * thousands of entities at once would hold a thread for tens of milliseconds.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, chunk = 2048): Generator<void, T[]> {
  let src = items.slice();
  let work = 0;
  for (let start = 0; start < src.length; start += RUN) {
    const run = src.slice(start, start + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) src[start + i] = run[i];
    if ((work += run.length) >= chunk) [work] = [0, yield];
  }
  let dst = new Array<T>(src.length);
  for (let width = RUN; width < src.length; width *= 2) {
    for (let lo = 0; lo < src.length; lo += 2 * width) {
      const mid = Math.min(lo + width, src.length);
      const hi = Math.min(lo + 2 * width, src.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Ties take the left run first: stable, like Array.prototype.sort.
        dst[k++] = compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        if (++work >= chunk) [work] = [0, yield];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    [src, dst] = [dst, src];
  }
  return src;
}

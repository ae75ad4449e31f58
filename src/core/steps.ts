// Sliced computations: generators that yield after a bounded amount of work, so a host thread
// that also serves a UI can spread them over its event loop (CorpusIndex.prepare), or run them
// to the end at once (drain).

/** Runs a sliced computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a sliced computation on this thread, giving the event loop a turn about every sliceMs. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const until = performance.now() + sliceMs;
    let r = steps.next();
    while (!r.done && performance.now() < until) r = steps.next();
    if (r.done) return r.value;
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

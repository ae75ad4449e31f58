// A time budget per document, on every thread. Synchronous analysis cannot be interrupted from
// the outside, except by V8 itself: a function run through a vm script with a `timeout` is
// stopped when the time is up (a watchdog thread terminates the execution and vm turns that into
// an error). The function runs in this context with its own globals; only the one-line script
// that calls it belongs to the small context below.
import * as vm from 'vm';

export interface BudgetPolicy {
  /** Budget of any document, in ms; 0 turns budgets off. */
  baseMs: number;
  /** Added per million characters of text. */
  perMillionCharsMs: number;
}

/**
 * Default: 5 s plus 5 s per million characters — tens of times what a news article needs
 * (a 10 MB file, the default size cap, gets 55 s), seconds for a pathological one.
 */
export const DEFAULT_BUDGET: BudgetPolicy = { baseMs: 5000, perMillionCharsMs: 5000 };

let policy: BudgetPolicy = DEFAULT_BUDGET;

/** Sets the budget of every later analysis on this thread (the CLI's --time-budget, workers). */
export function setBudgetPolicy(p: BudgetPolicy): void {
  policy = p;
}

export function budgetPolicy(): BudgetPolicy {
  return policy;
}

/** The budget of a document of `chars` characters, in ms; 0: none. */
export function documentBudgetMs(chars: number, p: BudgetPolicy = policy): number {
  return p.baseMs > 0 ? p.baseMs + (chars / 1_000_000) * p.perMillionCharsMs : 0;
}

export class BudgetExceeded extends Error {}

const context = vm.createContext({ run: undefined as undefined | (() => unknown) });
const callRun = new vm.Script('run()');

/** fn(), stopped with BudgetExceeded after `ms` ms (ms ≤ 0: no limit). Errors fn throws pass through. */
export function runWithin<T>(fn: () => T, ms: number): T {
  if (!(ms > 0) || !Number.isFinite(ms)) return fn();
  context.run = fn;
  try {
    return callRun.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) }) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded(`took longer than ${(ms / 1000).toFixed(1)} s`);
    throw e;
  } finally {
    context.run = undefined;
  }
}

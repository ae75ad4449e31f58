// Per-document analysis: a pure function of (path, text, date context), cached by callers under
// analysisKey (the content hash, salted with what outside the text decides the dates).
import { BudgetExceeded, documentBudgetMs, runWithin } from './budget';
import { analysisKey, DateContext } from './dateContext';
import { analyzeDates } from './dates';
import { findEntityMentions } from './entities';
import { contentHash } from './hash';
import { computeLineStarts, splitSentences } from './text';
import { DocumentAnalysis } from './types';

export { contentHash };

/**
 * Analyzes one document within its time budget (budget.ts; default from its length). An
 * analyzer that fails or runs out of time is reported in the warnings and its part left empty:
 * the document keeps what the others found, and is never lost or hung on.
 */
export function analyzeDocument(
  path: string,
  text: string,
  warnings: string[] = [],
  dateContext?: DateContext,
  budgetMs = documentBudgetMs(text.length),
): DocumentAnalysis {
  const allWarnings = [...warnings];
  const deadline = Date.now() + budgetMs;
  const stage = <T>(what: string, parts: string, run: () => T, fallback: T): T => {
    const left = budgetMs > 0 ? Math.max(1, deadline - Date.now()) : 0;
    try {
      return runWithin(run, left);
    } catch (e) {
      allWarnings.push(
        e instanceof BudgetExceeded
          ? `${path}: ${what} stopped: the document's time budget of ${(budgetMs / 1000).toFixed(1)} s ran out; its ${parts} are left out`
          : `${path}: ${what} failed: ${(e as Error).message}`,
      );
      return fallback;
    }
  };
  // One analyzer failing on odd text must not lose the other's results or the document.
  const { date, dates } = stage('date analysis', 'dates', () => analyzeDates(text, path, dateContext), { date: { source: 'none' } as DocumentAnalysis['date'], dates: [] });
  const entities = stage('entity analysis', 'entities', () => findEntityMentions(text), []);
  return {
    path,
    hash: analysisKey(path, text, dateContext),
    date,
    dates,
    entities,
    sentences: splitSentences(text),
    lineStarts: computeLineStarts(text),
    warnings: allWarnings,
  };
}

// Per-document analysis: a pure function of (path, text, date context), cached by callers under
// analysisKey (the content hash, salted with what outside the text decides the dates).
import { analysisKey, DateContext } from './dateContext';
import { analyzeDates } from './dates';
import { findEntityMentions } from './entities';
import { contentHash } from './hash';
import { computeLineStarts, splitSentences } from './text';
import { DocumentAnalysis } from './types';

export { contentHash };

export function analyzeDocument(path: string, text: string, warnings: string[] = [], dateContext?: DateContext): DocumentAnalysis {
  const allWarnings = [...warnings];
  let date: DocumentAnalysis['date'] = { source: 'none' };
  let dates: DocumentAnalysis['dates'] = [];
  let entities: DocumentAnalysis['entities'] = [];
  // One analyzer failing on odd text must not lose the other's results or the document.
  try {
    ({ date, dates } = analyzeDates(text, path, dateContext));
  } catch (e) {
    allWarnings.push(`${path}: date analysis failed: ${(e as Error).message}`);
  }
  try {
    entities = findEntityMentions(text);
  } catch (e) {
    allWarnings.push(`${path}: entity analysis failed: ${(e as Error).message}`);
  }
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

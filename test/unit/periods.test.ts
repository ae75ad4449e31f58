import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { periodOf } from '../../src/core/timeline';

// A hand-written article whose date expressions name periods longer than their timeline value.
const ARTICLE = `date 2025-03-12
Results season

Profits fell in the third quarter of 2024, the company said on Tuesday. Sales had risen in the first half of 2023.
Talks resumed last week.
`;

describe('periods of date expressions (timeline chart ranges)', () => {
  it('widens weeks, quarters and halves resolved by the analysis to the whole period', () => {
    const index = new CorpusIndex();
    index.update('results.txt', ARTICLE);
    const periods = new Map<string, ReturnType<typeof periodOf>>();
    for (const day of index.timeline()) for (const e of day.entries) periods.set(e.mentionText, periodOf(day.date));
    assert.deepStrictEqual(periods.get('the third quarter of 2024'), { start: '2024-07-01', end: '2024-09-30' });
    assert.deepStrictEqual(periods.get('the first half of 2023'), { start: '2023-01-01', end: '2023-06-30' });
    // "last week" from Wednesday 2025-03-12: the Monday-to-Sunday week before.
    assert.deepStrictEqual(periods.get('last week'), { start: '2025-03-03', end: '2025-03-09' });
    assert.strictEqual(periods.get('Tuesday'), undefined);
  });

  it('leaves plain days, months and years alone', () => {
    assert.strictEqual(periodOf('2025-03'), undefined);
    assert.strictEqual(periodOf('2025-05-04'), undefined);
    assert.strictEqual(periodOf('2019'), undefined);
    assert.deepStrictEqual(periodOf('2024-Q4'), { start: '2024-10-01', end: '2024-12-31' });
    assert.deepStrictEqual(periodOf('196X'), { start: '1960-01-01', end: '1969-12-31' });
  });
});

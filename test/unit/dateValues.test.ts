import * as assert from 'assert';
import { isoWeekOf, parseIsoDay } from '../../src/core/dates/calendar';
import { compareDateValues, granularityOfValue, periodPath, rangeOf } from '../../src/core/dates/values';

describe('date values', () => {
  it('gives each value the days it covers', () => {
    assert.deepStrictEqual(rangeOf('2026-W03'), { first: '2026-01-12', last: '2026-01-18' });
    assert.deepStrictEqual(rangeOf('2026-W03-WE'), { first: '2026-01-17', last: '2026-01-18' });
    assert.deepStrictEqual(rangeOf('2026-Q3'), { first: '2026-07-01', last: '2026-09-30' });
    assert.deepStrictEqual(rangeOf('2024-H1'), { first: '2024-01-01', last: '2024-06-30' });
    assert.deepStrictEqual(rangeOf('2025-WI'), { first: '2025-12-01', last: '2026-02-28' });
    assert.deepStrictEqual(rangeOf('196X'), { first: '1960-01-01', last: '1969-12-31' });
    assert.deepStrictEqual(rangeOf('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
    assert.strictEqual(rangeOf('someday'), undefined);
  });

  it('numbers ISO weeks across year ends', () => {
    assert.deepStrictEqual(isoWeekOf(parseIsoDay('2025-12-29')!), { year: 2026, week: 1 });
    assert.deepStrictEqual(isoWeekOf(parseIsoDay('2021-01-03')!), { year: 2020, week: 53 });
    assert.deepStrictEqual(isoWeekOf(parseIsoDay('2026-01-21')!), { year: 2026, week: 4 });
  });

  it('reads the granularity from the value', () => {
    const values = ['196X', '2026', '2026-H1', '2026-Q3', '2025-SU', '2026-01', '2026-W03', '2026-W03-WE', '2026-01-15'];
    assert.deepStrictEqual(values.map(granularityOfValue), ['decade', 'year', 'half', 'quarter', 'season', 'month', 'week', 'weekend', 'day']);
  });

  it('orders values along the calendar, the longer period first', () => {
    const sorted = ['2026-01-13', '2026-W03', '2026', '196X', '2026-01-12', '2025-WI', '2026-01', '1960', '2026-Q1'].sort(compareDateValues);
    assert.deepStrictEqual(sorted, ['196X', '1960', '2025-WI', '2026', '2026-Q1', '2026-01', '2026-W03', '2026-01-12', '2026-01-13']);
  });

  it('places periods in the timeline tree where they start', () => {
    const path = (v: string) => periodPath(v).map((p) => p.value).join(' > ');
    assert.strictEqual(path('2026-01-15'), '2026 > 2026-01 > 2026-01-15');
    assert.strictEqual(path('2026-W01'), '2025 > 2025-12 > 2026-W01');
    assert.strictEqual(path('2026-W03-WE'), '2026 > 2026-01 > 2026-W03-WE');
    assert.strictEqual(path('2026-Q3'), '2026 > 2026-Q3');
    assert.strictEqual(path('196X'), '196X');
    assert.strictEqual(path('not a date'), '');
  });
});

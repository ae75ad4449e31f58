import * as assert from 'assert';
import { formatDay } from '../../src/core/dates/calendar';
import { easterSunday, holidayIn, holidayOf } from '../../src/core/dates/holidays';

describe('holidays', () => {
  it('computes Easter Sunday (Gregorian) for known years', () => {
    const known: [number, string][] = [
      [1961, '1961-04-02'], [2000, '2000-04-23'], [2008, '2008-03-23'], [2011, '2011-04-24'], [2019, '2019-04-21'],
      [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2038, '2038-04-25'],
    ];
    for (const [y, day] of known) assert.strictEqual(formatDay(easterSunday(y)), day, String(y));
  });

  it('places fixed, Easter-relative and n-th weekday holidays', () => {
    const on = (name: string, y: number) => formatDay(holidayIn(holidayOf(name)!, y));
    assert.strictEqual(on('Boxing Day', 2025), '2025-12-26');
    assert.strictEqual(on('Good Friday', 2026), '2026-04-03');
    assert.strictEqual(on('Ash Wednesday', 2025), '2025-03-05');
    assert.strictEqual(on('Pentecost', 2025), '2025-06-08');
    assert.strictEqual(on('Thanksgiving', 2025), '2025-11-27');
    assert.strictEqual(on('Thanksgiving', 2026), '2026-11-26');
    assert.strictEqual(on('Memorial Day', 2026), '2026-05-25'); // the last Monday of May
    assert.strictEqual(on('Memorial Day', 2027), '2027-05-31');
    assert.strictEqual(on('Labor Day', 2026), '2026-09-07');
    assert.strictEqual(on('Martin Luther King Day', 2026), '2026-01-19');
    // Curly apostrophes are the same holiday.
    assert.strictEqual(holidayOf('New Year’s Eve'), holidayOf("New Year's Eve"));
  });
});

import * as assert from 'assert';
import { analyzeDates, findDateMentions, resolveDateExpression } from '../../src/core/dates';
import { checkPublicationDate } from '../../scripts/evalDates';
import { dateCases, nonDateCases, publicationDateCases } from './dateCases';

describe('date mentions: table', () => {
  for (const c of dateCases) {
    it(`[${c.reference ?? 'no date'}] ${JSON.stringify(c.expression)} in ${JSON.stringify(c.text)}`, () => {
      const mentions = findDateMentions(c.text, c.reference);
      const m = mentions.find((x) => x.text === c.expression);
      assert.ok(m, `no mention ${JSON.stringify(c.expression)}; got ${JSON.stringify(mentions.map((x) => x.text))}`);
      assert.strictEqual(c.text.slice(m.start, m.end), m.text);
      assert.strictEqual(m.value, c.value, m.how);
      if (c.granularity) assert.strictEqual(m.granularity, c.granularity, m.how);
      if (c.value === undefined) assert.strictEqual(m.granularity, undefined);
      assert.ok(m.how.length > 0);
    });
  }
});

describe('date mentions: words that are not dates', () => {
  for (const c of nonDateCases) {
    it(`ignores ${JSON.stringify(c.notDate)} in ${JSON.stringify(c.text)}`, () => {
      const bad = findDateMentions(c.text, c.reference).filter((m) => m.text.includes(c.notDate));
      assert.deepStrictEqual(bad.map((m) => m.text), []);
    });
  }
});

describe('publication dates: table', () => {
  for (const c of publicationDateCases) {
    it(`${c.path} → ${c.value ?? 'no date'} (${c.source})${c.context ? ` with ${JSON.stringify(c.context)}` : ''}`, () => {
      assert.strictEqual(checkPublicationDate(c), undefined);
    });
  }
});

describe('findDateMentions', () => {
  it('returns exact, sorted, non-overlapping spans without prepositions', () => {
    const text = 'On Thursday the team left; in August it returned, and on the 20th it met again in 2024.';
    const mentions = findDateMentions(text, '2026-01-21');
    assert.deepStrictEqual(mentions.map((m) => m.text), ['Thursday', 'August', 'the 20th', '2024']);
    for (let i = 0; i < mentions.length; i++) {
      assert.strictEqual(text.slice(mentions[i].start, mentions[i].end), mentions[i].text);
      if (i > 0) assert.ok(mentions[i - 1].end <= mentions[i].start);
    }
  });

  it('explains a weekday resolution', () => {
    const [m] = findDateMentions('The chief traveled Thursday.', '2026-01-17');
    assert.strictEqual(m.how, "Thursday → 2026-01-15, the most recent Thursday on or before this article's date 2026-01-17");
  });

  it('does not report times of day as dates', () => {
    const mentions = findDateMentions('The vote closed at 9 a.m. on January 5, and results came at 14:05.', '2026-01-17');
    assert.deepStrictEqual(mentions.map((m) => m.text), ['January 5']);
  });

  it('never crosses a line break', () => {
    const mentions = findDateMentions('The final was on 12\nMarch was cold.', '2026-01-17');
    assert.ok(mentions.every((m) => !m.text.includes('\n')));
  });

  it('skips the header marker but keeps a dateline on the same line', () => {
    const text = ' date 2026-01-27 NEW YORK, January 27. The operation began on January 3.';
    const mentions = findDateMentions(text, '2026-01-27');
    assert.deepStrictEqual(mentions.map((m) => [m.text, m.value]), [['January 27', '2026-01-27'], ['January 3', '2026-01-03']]);
  });

  it('ignores a malformed reference', () => {
    const [m] = findDateMentions('They met on Thursday.', '2026-13-45');
    assert.strictEqual(m.value, undefined);
  });

  it('copes with empty and odd text', () => {
    assert.deepStrictEqual(findDateMentions('', '2026-01-17'), []);
    assert.doesNotThrow(() => findDateMentions('the the the 0000 99/99/9999 31 February ✓ 😀 —', '2026-01-17'));
    assert.ok(findDateMentions('It ended on 31 February.', '2026-01-17').every((m) => m.text !== '31 February'));
  });
});

describe('resolveDateExpression', () => {
  it('resolves a bare expression without sentence context', () => {
    assert.deepStrictEqual(
      (({ value, granularity }) => ({ value, granularity }))(resolveDateExpression('August', '2026-01-27')!),
      { value: '2025-08', granularity: 'month' },
    );
    assert.strictEqual(resolveDateExpression('the 20th', '2026-01-21')?.value, '2026-01-20');
    assert.strictEqual(resolveDateExpression('2019', undefined)?.value, '2019');
  });

  it('returns undefined for what cannot be resolved', () => {
    assert.strictEqual(resolveDateExpression('Thursday'), undefined);
    assert.strictEqual(resolveDateExpression('the big day', '2026-01-17'), undefined);
  });
});

describe('analyzeDates', () => {
  it('uses the header date as reference', () => {
    const { date, dates } = analyzeDates('date 2026-01-17\nThe director traveled Thursday to Caracas.');
    assert.deepStrictEqual(date, { value: '2026-01-17', source: 'header', span: { start: 0, end: 15 } });
    assert.deepStrictEqual(dates.map((d) => [d.text, d.value]), [['Thursday', '2026-01-15']]);
  });

  it('counts a byline date as a mention resolved to itself', () => {
    const text = 'Officials meet in the capital\n\nJanuary 17, 2026\n\nThe envoy arrived on Thursday.';
    const { date, dates } = analyzeDates(text);
    assert.strictEqual(date.source, 'byline');
    assert.strictEqual(date.value, '2026-01-17');
    assert.deepStrictEqual(dates.map((d) => [d.text, d.value]), [['January 17, 2026', '2026-01-17'], ['Thursday', '2026-01-15']]);
  });

  it('infers the date from the latest day the text mentions', () => {
    const text = [
      'Analysts doubt the new government will change course.',
      'The envoy visited the capital on January 15 to discuss the transition.',
      'On January 3, 2026, troops seized the airport. On January 9 the talks were cancelled.',
      'On Sunday, the interim leader said she had had enough.',
    ].join('\n');
    const { date, dates } = analyzeDates(text);
    assert.strictEqual(date.source, 'inferred');
    assert.strictEqual(date.value, '2026-01-15');
    assert.strictEqual(text.slice(date.span!.start, date.span!.end), 'January 15');
    const byText = new Map(dates.map((d) => [d.text, d.value]));
    assert.strictEqual(byText.get('January 9'), '2026-01-09');
    assert.strictEqual(byText.get('Sunday'), '2026-01-11');
  });

  it('does not let a far-off bare day drag the inferred date to the end of the year', () => {
    const { date } = analyzeDates('The ceremony is on 12 February 2005. The deadline passed on 31 December.');
    assert.strictEqual(date.value, '2005-02-12');
  });

  it('does not infer from background dates when the text talks about later years', () => {
    const { date } = analyzeDates('The attacks of 11 September 2001 changed policy. In 2003 he was promoted.');
    assert.deepStrictEqual(date, { source: 'none' });
  });

  it('with no clue at all resolves explicit dates only', () => {
    const text = 'Profits rose last year. On Thursday the board met. The firm was founded in 1962 and listed in May 1999.';
    const { date, dates } = analyzeDates(text);
    assert.deepStrictEqual(date, { source: 'none' });
    const byText = new Map(dates.map((d) => [d.text, d]));
    assert.strictEqual(byText.get('last year')!.value, undefined);
    assert.strictEqual(byText.get('Thursday')!.value, undefined);
    assert.match(byText.get('Thursday')!.how, /no date/);
    assert.strictEqual(byText.get('1962')!.value, '1962');
    assert.strictEqual(byText.get('May 1999')!.value, '1999-05');
  });

  it('is fast enough for a long document', function () {
    this.timeout(10000);
    const paragraph = 'On Thursday, officials said prices rose 3% in August and would fall in 2027, after talks on January 15. ';
    const text = paragraph.repeat(2000); // ~200 KB
    const t0 = Date.now();
    const { dates } = analyzeDates(text);
    assert.strictEqual(dates.length, 8000);
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
  });
});

describe('long single-line documents', () => {
  // Work per date must not grow with the length of the line it sits on (no re-slicing or
  // searching back to the line start per match): the same count, found on one line or many.
  const piece = 'talks on jan 5th and 5th of Jan. stalled; ';
  it('finds the same dates on one long line as on many short ones', () => {
    const oneLine = piece.repeat(300);
    const manyLines = (piece.trimEnd() + '\n').repeat(300);
    assert.strictEqual(findDateMentions(oneLine, '2026-01-17').length, findDateMentions(manyLines, '2026-01-17').length);
    assert.strictEqual(findDateMentions(oneLine, '2026-01-17').length, 600);
  });

  it('reads a dateline at the start of a very long first line', () => {
    const { date } = analyzeDates('WASHINGTON, March 12, 2025 — The Senate met ' + 'and talked about March 13, 2025, '.repeat(2000));
    assert.strictEqual(date.source, 'byline');
    assert.strictEqual(date.value, '2025-03-12');
  });
});

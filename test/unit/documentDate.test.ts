import * as assert from 'assert';
import { detectDocumentDate } from '../../src/core/documentDate';

/** The text at the detected span. */
function spanText(text: string): string | undefined {
  const d = detectDocumentDate(text);
  return d.span ? text.slice(d.span.start, d.span.end) : undefined;
}

describe('detectDocumentDate: header', () => {
  it('reads a header line', () => {
    const text = 'date 2026-01-27\nNEW YORK, January 27. The agency said...';
    assert.deepStrictEqual(detectDocumentDate(text), { value: '2026-01-27', source: 'header', span: { start: 0, end: 15 } });
  });

  it('allows leading whitespace and more text on the same line', () => {
    const text = ' date 2026-01-17 Published by Ana Ruiz 16 de enero, 2026\n\nThe director traveled Thursday.';
    const d = detectDocumentDate(text);
    assert.strictEqual(d.value, '2026-01-17');
    assert.strictEqual(d.source, 'header');
    assert.strictEqual(spanText(text), 'date 2026-01-17');
  });

  it('finds the header on a later line and after a byte-order mark', () => {
    assert.strictEqual(detectDocumentDate('Wire copy\ndate 2025-03-14\nText').value, '2025-03-14');
    assert.strictEqual(detectDocumentDate('\uFEFFdate 2025-03-14\nText').value, '2025-03-14');
    assert.strictEqual(detectDocumentDate('Date: 2025-03-14\nText').value, '2025-03-14');
  });

  it('prefers the header over a byline', () => {
    const text = 'date 2026-01-17\nJanuary 16, 2026\nBody.';
    assert.strictEqual(detectDocumentDate(text).value, '2026-01-17');
  });

  it('rejects an impossible header date', () => {
    assert.strictEqual(detectDocumentDate('date 2026-02-30\nBody text.').source, 'none');
  });

  it('does not take "date" inside a sentence as a header', () => {
    assert.strictEqual(detectDocumentDate('The release date 2026-05-01 was moved.\n').source, 'none');
  });
});

describe('detectDocumentDate: byline', () => {
  const cases: Array<[string, string, string]> = [
    ['Envoy meets the president\n\nJanuary 17, 2026\n7 mins read\nBody text here.', '2026-01-17', 'January 17, 2026'],
    ['Envoy meets the president\nBy Lena Park | Jan. 17, 2026\nBody.', '2026-01-17', 'Jan. 17, 2026'],
    ['Envoy meets the president\n17 January 2026\nBody.', '2026-01-17', '17 January 2026'],
    ['La Gaceta\nPublicado por Ana Ruiz 16 de enero, 2026\nTexto.', '2026-01-16', '16 de enero, 2026'],
    ['La Gaceta\nPor Ana Ruiz, 16 de enero de 2026\nTexto.', '2026-01-16', '16 de enero de 2026'],
    ['안보\n\nThe headline\n\n김기자 2026. 1. 21. 14:05\n728x90\nBody.', '2026-01-21', '2026. 1. 21.'],
    ['Harbour Notes\n\n2025. 3. 15. 09:30\n\nBody.', '2025-03-15', '2025. 3. 15.'],
    ['Market wrap\nPosted 2026-01-21\nBody.', '2026-01-21', '2026-01-21'],
    ['Saturday, January 17, 2026\nBody.', '2026-01-17', 'January 17, 2026'],
    ['Senate passes the budget\nWASHINGTON, Jan. 16, 2026 — The Senate voted late on Thursday to approve the spending plan after weeks of talks.', '2026-01-16', 'Jan. 16, 2026'],
  ];
  for (const [text, value, expression] of cases) {
    it(`reads ${JSON.stringify(expression)}`, () => {
      const d = detectDocumentDate(text);
      assert.strictEqual(d.source, 'byline');
      assert.strictEqual(d.value, value);
      assert.strictEqual(spanText(text), expression);
    });
  }

  it('works with CRLF line endings', () => {
    const text = 'THE HERALD\r\n\r\nStrike enters third day\r\n\r\nBy Ana Ruiz | March 12, 2025\r\n\r\nBody text.\r\n';
    const d = detectDocumentDate(text);
    assert.strictEqual(d.value, '2025-03-12');
    assert.strictEqual(spanText(text), 'March 12, 2025');
  });

  it('does not take a date inside the lead sentence as a byline', () => {
    const text = 'The Ledger\n\nProsecutors opened a formal inquiry into contracts awarded by the port authority on March 10, 2025, hours after hundreds of dockworkers walked off the job.\n';
    assert.deepStrictEqual(detectDocumentDate(text), { source: 'none' });
  });

  it('only looks near the top', () => {
    const text = 'Title\n\n' + 'A long paragraph without any date at all. '.repeat(40) + '\n\nJanuary 17, 2026\n';
    assert.deepStrictEqual(detectDocumentDate(text), { source: 'none' });
  });

  it('ignores impossible dates', () => {
    assert.deepStrictEqual(detectDocumentDate('Title\nFebruary 30, 2026\nBody.'), { source: 'none' });
  });

  it('returns none for a document without a date', () => {
    assert.deepStrictEqual(detectDocumentDate('Profits rise\n\nThe company said profits rose on Thursday.'), { source: 'none' });
    assert.deepStrictEqual(detectDocumentDate(''), { source: 'none' });
  });
});

import * as assert from 'assert';
import { computeLineStarts, offsetAt, positionAt, spanAt, splitSentences } from '../../src/core/text';

describe('text positions', () => {
  it('counts LF, CRLF and lone CR as line ends, like VS Code', () => {
    const text = 'a\nbb\r\nccc\rd';
    const starts = computeLineStarts(text);
    assert.deepStrictEqual(starts, [0, 2, 6, 10]);
    assert.deepStrictEqual(positionAt(starts, text.indexOf('ccc')), { line: 2, character: 0 });
    assert.deepStrictEqual(positionAt(starts, text.indexOf('d')), { line: 3, character: 0 });
    assert.strictEqual(offsetAt(starts, { line: 1, character: 1 }, text.length), 3);
  });

  it('uses UTF-16 offsets for characters outside the BMP', () => {
    const text = '😀 Ana\nBo';
    const starts = computeLineStarts(text);
    assert.deepStrictEqual(positionAt(starts, text.indexOf('Ana')), { line: 0, character: 3 });
  });

  it('finds the span holding an offset, including its end', () => {
    const spans = [{ start: 0, end: 3 }, { start: 5, end: 9 }];
    assert.strictEqual(spanAt(spans, 7), spans[1]);
    assert.strictEqual(spanAt(spans, 3), spans[0]);
    assert.strictEqual(spanAt(spans, 4), undefined);
  });
});

describe('splitSentences', () => {
  const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

  it('splits on terminators followed by a capital, not after titles or initials', () => {
    assert.deepStrictEqual(sentences('Mr. Lund met Dr. Ward in the U.S. Capitol. They spoke. J. Smith left!'), [
      'Mr. Lund met Dr. Ward in the U.S. Capitol.',
      'They spoke.',
      'J. Smith left!',
    ]);
  });

  it('does not split East-Asian numeric dates', () => {
    assert.deepStrictEqual(sentences('Posted 2025. 3. 15. 09:30 by Park. Then rain.'), ['Posted 2025. 3. 15. 09:30 by Park.', 'Then rain.']);
  });

  it('ends a sentence at every line break and keeps quotes with their sentence', () => {
    assert.deepStrictEqual(sentences('Headline here\r\n\r\n"We won." She smiled.\nLast'), [
      'Headline here',
      '"We won."',
      'She smiled.',
      'Last',
    ]);
  });
});

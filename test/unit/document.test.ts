import * as assert from 'assert';
import { decodeDocument } from '../../src/core/document';

describe('decodeDocument', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const r = decodeDocument(Buffer.from('\ufeffCafé in Lisboa', 'utf8'), 'a.txt');
    assert.strictEqual(r.text, 'Café in Lisboa');
    assert.deepStrictEqual(r.warnings, []);
  });

  it('decodes invalid UTF-8 with replacement characters and says where', () => {
    const bytes = Buffer.concat([Buffer.from('Good text '), Buffer.from([0xa3, 0x35]), Buffer.from(' more')]);
    const r = decodeDocument(bytes, 'bad.txt');
    assert.strictEqual(r.text, 'Good text \ufffd5 more');
    assert.strictEqual(r.warnings.length, 1);
    assert.match(r.warnings[0], /bad\.txt: invalid UTF-8 at byte 10/);
  });

  it('skips binary files with a reason', () => {
    const r = decodeDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'x.txt');
    assert.strictEqual(r.text, undefined);
    assert.match(r.skipped!, /binary/);
  });

  it('accepts empty files and rejects files over the size limit', () => {
    assert.strictEqual(decodeDocument(new Uint8Array(0), 'e.txt').text, '');
    const big = decodeDocument(Buffer.alloc(3 * 1024, 'a'), 'big.txt', 2);
    assert.match(big.skipped!, /big\.txt: skipped, 3 KB is larger than the 2 KB limit/);
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const r = decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Oslo', 'utf16le')]), 'w.txt');
    assert.strictEqual(r.text, 'Oslo');
  });

  it('decodes UTF-16 without a byte-order mark, and says so', () => {
    for (const [bytes, label] of [
      [Buffer.from('Oslo and Bergen', 'utf16le'), 'UTF-16LE'],
      [Buffer.from('Oslo and Bergen', 'utf16le').swap16(), 'UTF-16BE'],
    ] as const) {
      const r = decodeDocument(bytes, 'w.txt');
      assert.strictEqual(r.text, 'Oslo and Bergen', label);
      assert.deepStrictEqual(r.warnings, [`w.txt: ${label} text without a byte-order mark; decoded as ${label}`]);
    }
  });

  it('skips random bytes behind a UTF-16 byte-order mark instead of decoding junk', () => {
    // A fixed pseudo-random sequence (xorshift), so the test is the same every run.
    let s = 0x2545f491;
    const bytes = Buffer.alloc(64 * 1024, 0).map(() => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), s & 0xff));
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    const r = decodeDocument(bytes, 'r.txt');
    assert.strictEqual(r.text, undefined);
    assert.match(r.skipped!, /r\.txt: skipped, starts with a UTF-16LE byte-order mark but does not decode to text/);
    const cjk = decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('東京で会議が開かれた。\n', 'utf16le')]), 'j.txt');
    assert.strictEqual(cjk.text, '東京で会議が開かれた。\n');
  });
});

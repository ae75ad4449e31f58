// Property-based robustness suite (fast-check) over random and adversarial texts: the analysis
// never throws, every offset lies inside its text, the export follows its contract, and the
// output is byte-identical with and without worker threads and the cache.
//
// `npm test` runs it at a CI-sized budget; `npm run fuzz` (scripts/fuzz.js) runs the same
// properties with FUZZ_RUNS inputs (default 100,000) and adds the time-linearity checks.
//   FUZZ_RUNS=N   inputs for the per-document property (others scale from it)
//   FUZZ_SEED=S   replay a run (fast-check prints the seed and path of any failure)
//   FUZZ_LINEAR=1 time-linearity checks (doubling the input at most 2.5x the time)
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../src/core/analyze';
import { analyzeDates } from '../../src/core/dates';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { findEntityMentions } from '../../src/core/entities';
import { buildExport, exportJson, exportJsonChunks } from '../../src/core/export';
import { loadFolderAsync } from '../../src/core/folder';
import { computeLineStarts, splitSentences } from '../../src/core/text';
import type { DocumentAnalysis } from '../../src/core/types';
import { exportProblems } from './exportSchema';
import { tempFolder } from './tempFolder';

const RUNS = Number(process.env.FUZZ_RUNS) || 3000;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const LINEAR = process.env.FUZZ_LINEAR === '1';
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.max(1, Math.round(numRuns)), seed: SEED, endOnFailure: true });

// ---------------------------------------------------------------------------------------------
// Texts.

const names = fc.stringMatching(/^[A-Z][a-z]{1,9}$/);
const pieces = fc.oneof(
  names,
  fc.constantFrom('John', 'Smith', 'Bank', 'Of', 'New', 'York', 'The', 'And', 'Minister', 'President', 'Inc.', 'Ltd', 'Corp'),
  fc.constantFrom('Mr.', 'Mrs.', 'Dr.', 'St.', '&', 'of', 'the', 'said', 'on', 'in', 'met', 'and', 'a', 'with', 'by', 'U.S.', 'UN', 'NATO'),
  fc.constantFrom('January 1, 2020', '2025-05-02', 'date 2025-05-02', 'Tuesday', 'last week', 'March', '1998', '1-', '12/31/2024', '5th of Jan.', 'Christmas', 'in 2004 and 2005'),
  fc.constantFrom('.', ',', ';', ':', '!', '?', '"', '“', '”', "'", '’', '(', ')', '—', '-', '…', '|', '#'),
  fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\t', '\u00a0', '\u2028', '\ufeff', '\u200b'),
  fc.constantFrom('Tromsø', 'Zürich', 'São Paulo', 'Łódź', '東京', 'Москва', 'القاهرة', 'e\u0301', '😀', '👩‍👩‍👧', '\ud800', '\udc00', '\u0000', '\u0007'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const separators = fc.constantFrom(' ', ' ', ' ', '', '\n', '. ', ', ');

/** Word soup: names, titles, dates, punctuation, line breaks of every kind, odd code points. */
// size 'medium': up to a few hundred pieces, not fast-check's default handful.
const soup = fc.array(fc.tuple(pieces, separators), { maxLength: 400, size: 'medium' }).map((parts) => parts.map(([p, s]) => p + s).join(''));

/** The shapes: one chunk repeated (capitalised runs, "Mr. ", "Smith & ", dates, "1-"…). */
const ADVERSARIAL_CHUNKS = ['John Smith Bank Of New York ', 'Mr. ', 'Smith & ', 'January 1, 2020 ', '1-', 'A. ', 'Mr. Smith ', 'New York Bank Of ', '2020 ', 'The ', '( ', '"A ', 'É ', 'Jan 5 '];
const repeated = fc
  .tuple(fc.constantFrom(...ADVERSARIAL_CHUNKS), fc.integer({ min: 1, max: 400 }), fc.constantFrom('', '.', '\n', 'date 2025-05-02\n'))
  .map(([chunk, n, end]) => (end.startsWith('date') ? end + chunk.repeat(n) : chunk.repeat(n) + end));

/** Random capitalised words, the first reproduction, at a test's size. */
const capitalisedRun = fc.array(fc.constantFrom('John', 'Smith', 'Bank', 'Of', 'New', 'York'), { maxLength: 600, size: 'medium' }).map((w) => w.join(' ') + '.');

const anyText = fc.oneof(
  { arbitrary: soup, weight: 5 },
  { arbitrary: repeated, weight: 2 },
  { arbitrary: capitalisedRun, weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 400, size: 'medium' }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 400, size: 'medium' }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Checks.

/** Every span of an analysis inside the text, sorted where promised, texts matching their slices. */
function offsetProblems(a: DocumentAnalysis, text: string): string[] {
  const out: string[] = [];
  const inside = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
  for (const d of a.dates) {
    if (!inside(d)) out.push(`date ${JSON.stringify(d)} outside the text`);
    else if (text.slice(d.start, d.end) !== d.text) out.push(`date text ${JSON.stringify(d.text)} is not its slice`);
  }
  for (const e of a.entities) {
    if (!inside(e) || e.start === e.end) out.push(`entity ${JSON.stringify(e)} outside the text`);
    else if (text.slice(e.start, e.end) !== e.text) out.push(`entity text ${JSON.stringify(e.text)} is not its slice ${JSON.stringify(text.slice(e.start, e.end))}`);
  }
  a.sentences.forEach((s, i) => {
    if (!inside(s)) out.push(`sentence ${JSON.stringify(s)} outside the text`);
    if (i > 0 && s.start < a.sentences[i - 1].end) out.push(`sentences ${i - 1} and ${i} overlap`);
  });
  if (a.date.span && !inside(a.date.span)) out.push(`document date span ${JSON.stringify(a.date.span)} outside the text`);
  if (a.lineStarts[0] !== 0 || a.lineStarts.some((s, i) => s > text.length || (i > 0 && s <= a.lineStarts[i - 1]))) out.push('line starts');
  return out;
}

function analyzeChecked(text: string): DocumentAnalysis {
  // No budget: a property must see the whole analysis, not a degraded one on a busy machine.
  const a = analyzeDocument('doc.txt', text, [], undefined, 0);
  assert.deepStrictEqual(a.warnings, [], 'an analyzer threw');
  assert.deepStrictEqual(offsetProblems(a, text), []);
  return a;
}

describe('fuzz: random and adversarial texts', function () {
  this.timeout(0);

  it(`analysis never throws and keeps every offset inside the text (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        analyzeChecked(text);
      }),
      params(RUNS),
    );
  });

  // Bare CR line ends are left out: the entity layer (being rewritten) reads a capitalised word
  // after a bare CR differently from one after LF ("Łódź, \rBank York" → "Bank York"); the
  // dates and everything outside entities agree for CR too.
  it(`the same analysis from LF and CRLF line ends, at the same offsets per line (${Math.round(RUNS / 10)} inputs)`, () => {
    fc.assert(
      fc.property(fc.array(soup.map((s) => s.replace(/[\r\n\u2028]/g, ' ')), { minLength: 1, maxLength: 6 }), (lines) => {
        const views = ['\n', '\r\n'].map((eol) => {
          const text = lines.join(eol);
          const a = analyzeChecked(text);
          const at = (offset: number) => {
            const line = computeLineStarts(text).filter((s) => s <= offset).length - 1;
            return `${line}:${offset - computeLineStarts(text)[line]}`;
          };
          return {
            dates: a.dates.map((d) => `${at(d.start)} ${d.text} ${d.value}`),
            entities: a.entities.map((e) => `${at(e.start)} ${e.text} ${e.type}`),
          };
        });
        assert.deepStrictEqual(views[1], views[0]);
      }),
      params(RUNS / 10),
    );
  });

  it(`exports of generated corpora follow the contract, and the streamed JSON is JSON.stringify's (${Math.round(RUNS / 10)} corpora)`, () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), (texts) => {
        const index = new CorpusIndex();
        texts.forEach((t, i) => index.update(`d${i}.txt`, t));
        const x = buildExport(index);
        assert.deepStrictEqual(exportProblems(x), []);
        assert.strictEqual(exportJson(index), JSON.stringify(x, null, 2) + '\n');
      }),
      params(RUNS / 10),
    );
  });

  describe('generated folders', () => {
    let dir = '';
    tempFolder('dossier-fuzz-', (d) => (dir = d));

    it(`give byte-identical exports with --jobs 0 and 2, and with and without the cache (${Math.max(3, Math.round(RUNS / 2000))} folders)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 10 }), async (texts) => {
          const folder = fs.mkdtempSync(path.join(dir, 'f'));
          texts.forEach((t, i) => fs.writeFileSync(path.join(folder, `d${i}.txt`), t));
          const cache = path.join(folder, '.dossier', 'cache');
          const plain = exportJson((await loadFolderAsync(folder, { jobs: 0 })).index);
          assert.strictEqual(exportJson((await loadFolderAsync(folder, { jobs: 2 })).index), plain, 'jobs 2');
          assert.strictEqual(exportJson((await loadFolderAsync(folder, { jobs: 0, cache })).index), plain, 'cold cache');
          assert.strictEqual(exportJson((await loadFolderAsync(folder, { jobs: 2, cache })).index), plain, 'warm cache');
          fs.rmSync(folder, { recursive: true, force: true });
        }),
        params(Math.max(3, RUNS / 2000)),
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Time: doubling the input at most 2.5x the time (best of several repeats). Only in `npm run fuzz`.

/** Best time of `repeats` runs, in ms; each starts from a collected heap when node runs with --expose-gc. */
function bestMs(run: () => unknown, repeats: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    gc?.();
    const t = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

const SHAPES: [string, (n: number) => string][] = [
  ['capitalised words', (n) => Array.from({ length: n / 6 }, (_, i) => ['John', 'Smith', 'Bank', 'Of', 'New', 'York'][(i * 7919) % 6]).join(' ') + '.'],
  ['"Mr. " repeated', (n) => 'Mr. '.repeat(n / 4)],
  ['"Smith & " repeated', (n) => 'Smith & '.repeat(n / 8)],
  ['full dates on one line', (n) => 'January 1, 2020 '.repeat(n / 16)],
  ['"1-" repeated', (n) => '1-'.repeat(n / 2)],
  ['CRLF lines of prose', (n) => 'Lena Holm met the mayor in Oslo on Tuesday.\r\n'.repeat(n / 45)],
  ['unicode without spaces', (n) => '東京で会議が開かれた。Zürich😀'.repeat(n / 20)],
  ['one huge line of prose', (n) => 'the port reopened after talks with Nordby Shipping and the union, '.repeat(n / 66)],
];

/** Each stage times `run` on what `prepare` (untimed) made of the text. */
interface Stage<P = unknown> {
  name: string;
  prepare: (text: string) => P;
  run: (prepared: P) => unknown;
}
const stage = <P>(s: Stage<P>): Stage => s as Stage;

const STAGES: Stage[] = [
  stage({ name: 'dates', prepare: (t) => t, run: (t) => analyzeDates(t) }),
  stage({ name: 'sentences and lines', prepare: (t) => t, run: (t) => [splitSentences(t), computeLineStarts(t)] }),
  stage({
    name: 'index, timeline and export',
    prepare: (t) => ({ text: t, analysis: analyzeDocument('a.txt', t, [], undefined, 0) }),
    // As the CLI writes it: chunk by chunk, never joined.
    run: ({ text, analysis }) => {
      const index = new CorpusIndex();
      index.set(analysis, text);
      let chars = 0;
      for (const chunk of exportJsonChunks(index)) chars += chunk.length;
      return chars;
    },
  }),
  stage({ name: 'entities', prepare: (t) => t, run: (t) => findEntityMentions(t) }),
];

describe('fuzz: time is linear in the input', function () {
  this.timeout(0);
  if (!LINEAR) {
    it.skip('runs in npm run fuzz (FUZZ_LINEAR=1), not in npm test');
    return;
  }
  const SIZE = Number(process.env.FUZZ_LINEAR_CHARS) || 40_000;
  const RATIO = 2.5;
  for (const { name, prepare, run } of STAGES) {
    for (const [shape, make] of SHAPES) {
      it(`${name}: ${shape} (${SIZE} → ${2 * SIZE} chars)`, () => {
        const small = prepare(make(SIZE));
        const large = prepare(make(2 * SIZE));
        run(small); // warm up the analyzers and the JIT
        // Best of 15 (of 3 for stages taking seconds). On a shared machine a few tens of ms
        // swing either way: a larger input done within 50 ms is no trend.
        const once = bestMs(() => run(small), 1);
        const repeats = once < 100 ? 15 : once < 1000 ? 7 : 3;
        const a = bestMs(() => run(small), repeats);
        const b = bestMs(() => run(large), repeats);
        const ratio = b / Math.max(a, 50 / RATIO);
        console.log(`      ${name} / ${shape}: ${a.toFixed(1)} ms → ${b.toFixed(1)} ms (x${(b / a).toFixed(2)})`);
        assert.ok(ratio <= RATIO, `${name} on ${shape}: doubling the input took x${(b / a).toFixed(2)} the time (${a.toFixed(1)} → ${b.toFixed(1)} ms)`);
      });
    }
  }
});

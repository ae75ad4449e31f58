// Acceptance on the seed articles, through the CLI's JSON export (the docs/EXPORT.md contract).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import type { DossierExport } from '../../src/core/export';
import { exportProblems } from './exportSchema';
import { repoRoot, skipWithoutCorpus } from './sharedCorpora';
import { granularityOfValue } from '../../src/core/dates/values';

describe('seeds acceptance (CLI export)', function () {
  this.timeout(120000);
  let x: DossierExport;
  const docPath = (prefix: string) => x.documents.find((d) => d.path.startsWith(prefix))!.path;

  before(function () {
    const seeds = skipWithoutCorpus(this, 'seeds');
    const out = execFileSync('node', [path.join(repoRoot, 'dist', 'cli.js'), 'export', seeds, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    x = JSON.parse(out);
  });

  it('follows the export schema', () => {
    assert.strictEqual(x.schema, 'dossier-export/2');
    assert.deepStrictEqual(exportProblems(x), []);
    assert.strictEqual(x.documents.length, 5);
    for (const e of x.entities) {
      assert.match(e.id, /^(person|organization|place):/);
      for (const m of e.mentions) assert.ok(m.length === m.text.length && m.line >= 0 && m.character >= 0);
    }
    // Every value is written in the form its granularity names (docs/EXPORT.md, "Date values").
    for (const d of x.dates) assert.ok(d.value === null ? d.granularity === null : granularityOfValue(d.value) === d.granularity, JSON.stringify(d));
  });

  it('finds each document date', () => {
    const date = (p: string) => x.documents.find((d) => d.path.startsWith(p))!.date;
    assert.strictEqual(date('000'), '2026-01-27');
    assert.strictEqual(date('002'), '2026-01-21');
    assert.strictEqual(date('004'), '2026-01-17');
    assert.ok(['2026-01-16', '2026-01-17'].includes(date('001')!), `001 → ${date('001')}`);
  });

  it('resolves "Thursday" in 001 and 004 to 2026-01-15 and "August" in 000 to 2025-08', () => {
    for (const p of ['001', '004']) {
      const thursdays = x.dates.filter((d) => d.path === docPath(p) && /^Thursday$/i.test(d.text));
      assert.ok(thursdays.length > 0, `no Thursday in ${p}`);
      assert.ok(thursdays.every((d) => d.value === '2026-01-15'), JSON.stringify(thursdays));
    }
    const august = x.dates.find((d) => d.path === docPath('000') && /August/.test(d.text));
    assert.strictEqual(august?.value, '2025-08');
    assert.strictEqual(august?.granularity, 'month');
  });

  it('ties Nicolas Maduro, Maduro and President Maduro to one entity in at least 3 documents', () => {
    const maduro = x.entities.filter((e) => e.mentions.some((m) => m.text === 'Maduro'));
    assert.strictEqual(maduro.length, 1, maduro.map((e) => e.name).join(', '));
    const texts = new Set(maduro[0].mentions.map((m) => m.text));
    assert.ok(texts.has('Nicolas Maduro') && texts.has('Maduro'), [...texts].join(', '));
    assert.ok(new Set(maduro[0].mentions.map((m) => m.path)).size >= 3);
    assert.strictEqual(maduro[0].type, 'person');
    // "President Maduro" is a mention whose span is just the name.
    const text002 = x.dates.length >= 0 && maduro[0].mentions.filter((m) => m.path === docPath('002'));
    assert.ok(text002 && text002.length > 0, 'no Maduro mention in 002 (which says "President Maduro")');
  });

  it('makes CIA and Central Intelligence Agency one organization', () => {
    const cia = x.entities.filter((e) => e.mentions.some((m) => m.text === 'CIA'));
    assert.strictEqual(cia.length, 1);
    assert.strictEqual(cia[0].type, 'organization');
    assert.ok(cia[0].mentions.some((m) => m.text === 'Central Intelligence Agency'));
  });

  it('makes John Ratcliffe and Ratcliffe one person mentioned in 4 documents', () => {
    const r = x.entities.filter((e) => e.mentions.some((m) => m.text === 'Ratcliffe'));
    assert.strictEqual(r.length, 1);
    assert.strictEqual(r[0].name, 'John Ratcliffe');
    assert.strictEqual(r[0].type, 'person');
    assert.strictEqual(new Set(r[0].mentions.map((m) => m.path)).size, 4);
  });

  it('has no entity named Comments, Thursday or January', () => {
    const bad = x.entities.filter((e) => /^(Comments|Thursday|January)$/i.test(e.name));
    assert.deepStrictEqual(bad.map((e) => e.name), []);
  });

  it('has timeline entries for 2026-01-15 from three documents', () => {
    const day = x.timeline.find((d) => d.date === '2026-01-15');
    assert.ok(day, 'no 2026-01-15 on the timeline');
    assert.ok(new Set(day.entries.map((e) => e.path)).size >= 3, JSON.stringify(day.entries.map((e) => e.path)));
  });
});

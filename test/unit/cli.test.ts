import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, skipWithoutCorpus } from './sharedCorpora';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

describe('dossier CLI', function () {
  this.timeout(300000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-cli-'));
    fs.writeFileSync(path.join(dir, 'crlf.txt'), 'date 2025-05-02\r\nMinister Lena Holm visited Oslo on Tuesday.\r\nHolm said talks went well.\r\n');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Prices rose '), Buffer.from([0xa3]), Buffer.from('5 in Oslo.')]));
    fs.writeFileSync(path.join(dir, 'notes.pdf'), 'not read');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with a message for a missing folder or a bad flag', () => {
    const missing = run('export', path.join(dir, 'nope'));
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /folder not found/);
    const badFlag = run('export', dir, '--format', 'xml');
    assert.strictEqual(badFlag.status, 2);
    assert.match(badFlag.stderr, /--format must be json, md, csv, ftm, graphml, gexf or timelinejs/);
    assert.strictEqual(run('frobnicate', dir).status, 2);
  });

  it('reports skipped and odd files on stderr and still analyzes the rest', () => {
    const r = run('export', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /image\.txt: skipped, looks like a binary file/);
    assert.match(r.stderr, /latin1\.txt: invalid UTF-8 at byte 12/);
    const x = JSON.parse(r.stdout);
    assert.deepStrictEqual(x.documents.map((d: { path: string }) => d.path), ['crlf.txt', 'empty.md', 'latin1.txt']);
    // CRLF: positions count \r\n as one line end.
    const holm = x.entities.find((e: { name: string }) => e.name === 'Lena Holm');
    assert.ok(holm, 'Lena Holm not found');
    const second = holm.mentions.find((m: { text: string; line: number }) => m.text === 'Holm');
    assert.deepStrictEqual([second.line, second.character], [2, 0]);
    const tuesday = x.dates.find((d: { text: string }) => d.text === 'Tuesday');
    assert.strictEqual(tuesday.value, '2025-04-29');
  });

  it('writes Markdown and CSV views and honours --include and --out', () => {
    // Written outside the corpus folder so later runs don't read the report as an article.
    const out = path.join(os.tmpdir(), `dossier-report-${process.pid}.md`);
    assert.strictEqual(run('export', dir, '--format', 'md', '--out', out).status, 0);
    const md = fs.readFileSync(out, 'utf8');
    fs.rmSync(out);
    assert.match(md, /^<!-- written by dossier export -->\n# Dossier report/);
    assert.match(md, /\| Lena Holm \| person \| 2 \| 1 \|/);
    const csv = run('export', dir, '--format', 'csv', '--include', 'crlf.txt').stdout.split('\n');
    assert.strictEqual(csv[0], 'kind,path,line,character,length,text,entity_id,entity_name,type,value');
    assert.ok(csv.some((l) => l.startsWith('date,crlf.txt,1,') && l.endsWith(',day,2025-04-29')));
    assert.ok(csv.slice(1).every((l) => l === '' || l.includes(',crlf.txt,')));
  });

  it('prints entities and timeline reports', () => {
    assert.match(run('entities', dir).stdout, /person\s+Lena Holm\s+\[1 doc\]\s+\(also: Holm\)/);
    assert.match(run('timeline', dir).stdout, /^2025-04-29\n\s+crlf\.txt:2 /m);
  });

  it('dates undated documents from --default-date and rejects an implausible one', () => {
    const plain = JSON.parse(run('export', dir, '--include', 'latin1.txt').stdout);
    assert.deepStrictEqual([plain.documents[0].date, plain.documents[0].dateSource], [null, 'none']);
    const r = run('export', dir, '--include', 'latin1.txt', '--include', 'crlf.txt', '--default-date', '2005-01-01');
    assert.strictEqual(r.status, 0, r.stderr);
    const x = JSON.parse(r.stdout);
    const byPath = new Map(x.documents.map((d: { path: string; date: string; dateSource: string }) => [d.path, [d.date, d.dateSource]]));
    assert.deepStrictEqual(byPath.get('latin1.txt'), ['2005-01-01', 'default']);
    assert.deepStrictEqual(byPath.get('crlf.txt'), ['2025-05-02', 'header']);
    const bad = run('export', dir, '--default-date', '05/01/2005');
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--default-date needs a day/);
  });

  it('writes the formats of other tools: FtM lines, GraphML, GEXF, TimelineJS', () => {
    const ftm = run('export', dir, '--format', 'ftm');
    assert.strictEqual(ftm.status, 0, ftm.stderr);
    const entities = ftm.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.ok(entities.some((e) => e.schema === 'Person' && e.properties.name[0] === 'Lena Holm'));
    assert.match(run('export', dir, '--format', 'graphml').stdout, /^<\?xml[^]*<graphml [^]*<node id="[^"]+"><data key="label">Lena Holm</m);
    assert.match(run('export', dir, '--format', 'gexf').stdout, /^<\?xml[^]*<gexf [^]*label="Oslo"/m);
    const timeline = JSON.parse(run('export', dir, '--format', 'timelinejs').stdout);
    assert.deepStrictEqual(timeline.events[0].start_date, { year: 2025, month: 4, day: 29 });
  });

  it('analyzes the BBC corpus and reports sport/199.txt as invalid UTF-8', function () {
    const bbc = skipWithoutCorpus(this, 'bbc');
    const r = run('entities', bbc);
    assert.strictEqual(r.status, 0, r.stderr.slice(-2000));
    assert.match(r.stderr, /sport\/199\.txt: invalid UTF-8 at byte \d+/);
    const json = run('export', bbc, '--include', 'sport/199.txt');
    const x = JSON.parse(json.stdout);
    assert.deepStrictEqual(x.documents.map((d: { path: string }) => d.path), ['sport/199.txt']);
    assert.ok(x.entities.length > 0, 'sport/199.txt produced no entities');
  });
});

describe('dossier CLI with a corrections file', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-corrections-'));
    fs.writeFileSync(
      path.join(dir, 'a.txt'),
      'date 2025-06-02\nHarbour master Ingrid Halvorsen said the Maritime Safety Office (MSO) closed the harbour. Halvorsen met Nordby Shipping. Comments\n',
    );
    fs.writeFileSync(path.join(dir, 'b.txt'), 'date 2025-06-03\nThe MSO said Halvorsen would speak in Tromsø on Friday.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const exportWith = (file: unknown) => {
    fs.mkdirSync(path.join(dir, '.dossier'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.dossier', 'aliases.json'), typeof file === 'string' ? file : JSON.stringify(file, null, 2));
    const r = run('export', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const x = JSON.parse(r.stdout);
    type E = { id: string; name: string; type: string; mentions: { text: string }[] };
    const holding = (text: string): E | undefined => x.entities.find((e: E) => e.mentions.some((m) => m.text === text));
    return { x, holding, stderr: r.stderr };
  };

  it('applies each correction kind written through addCorrection', () => {
    // The same function the editor's commands use to write the file.
    const { addCorrection } = require('../../src/core/corrections') as typeof import('../../src/core/corrections');
    let file = addCorrection({}, { kind: 'merge', names: ['Nordby Shipping', 'Maritime Safety Office'] });
    file = addCorrection(file, { kind: 'rename', entity: 'Ingrid Halvorsen', name: 'Ingrid K. Halvorsen' });
    file = addCorrection(file, { kind: 'retype', entity: 'Tromsø', type: 'organization' });
    file = addCorrection(file, { kind: 'ignore', name: 'Halvorsen' });
    const before = exportWith({});
    assert.ok(before.holding('Halvorsen'), 'Halvorsen not found before corrections');
    const after = exportWith(file);
    assert.strictEqual(after.holding('Nordby Shipping'), after.holding('Maritime Safety Office'), 'merge');
    assert.strictEqual(after.holding('Ingrid Halvorsen')!.name, 'Ingrid K. Halvorsen', 'rename');
    assert.strictEqual(after.holding('Tromsø')!.type, 'organization', 'retype');
    assert.strictEqual(after.holding('Halvorsen'), undefined, 'ignore');
    const split = exportWith(addCorrection({}, { kind: 'split', name: 'MSO' }));
    assert.notStrictEqual(split.holding('MSO'), split.holding('Maritime Safety Office'), 'split');
    const plain = exportWith({});
    assert.strictEqual(plain.holding('MSO'), plain.holding('Maritime Safety Office'));
  });

  it('reports a broken corrections file on stderr and analyzes without it', () => {
    const r = exportWith('{ "merge": [ oops');
    assert.match(r.stderr, /\.dossier\/aliases\.json: not valid JSON/);
    assert.ok(r.holding('Halvorsen'));
  });
});

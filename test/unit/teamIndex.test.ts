// The team index against a real PostgreSQL server (issue 13): sharded concurrent ingest, re-runs,
// --prune, a crash mid-ingest, and exports identical to the folder's. Articles are invented here.
import * as assert from 'assert';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  addedCorrections,
  correctionsFile,
  databaseError,
  documentKey,
  existingCorpus,
  inShard,
  neighbourSource,
  openDatabase,
  parseShard,
  recordCorrections,
  redactUrl,
  storedEntityAt,
  storedTargetAt,
  storedText,
  teamLocations,
  teamNeighbour,
  teamSources,
  teamTimeline,
  topEntities,
  withPassword,
} from '../../src/core/db';
import { loadFolder } from '../../src/core/folder';
import { repoRoot, skipWithoutCorpus } from './sharedCorpora';
import { asRole, query, teamDatabase } from './teamDatabase';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const runSync = (...args: string[]) => spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function started(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn('node', [cli, ...args]);
  // Decoded as a stream: a chunk may end inside a multi-byte character ("→" in a date's "how").
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

const run = (...args: string[]): Promise<Run> => started(args).done;

const PEOPLE = ['Mara Quillon', 'Tobias Renk', 'Ilse Varda', 'Oren Falkby', 'Petra Lindqvist', 'Anselm Drey'];
const ORGS = ['Veltra Harbour Authority', 'Northway Shipping Group', 'Kessel Audit Office'];
const PLACES = ['Lisbon', 'Gdansk', 'Rotterdam', 'Oslo'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** n invented articles, varied enough that shards, entities and dates all differ. */
function writeArticles(dir: string, n: number, from = 0): void {
  for (let i = from; i < from + n; i++) {
    const who = PEOPLE[i % PEOPLE.length];
    const other = PEOPLE[(i * 5 + 1) % PEOPLE.length];
    const org = ORGS[i % ORGS.length];
    const place = PLACES[(i >> 1) % PLACES.length];
    const day = String((i % 27) + 1).padStart(2, '0');
    const folder = path.join(dir, i % 3 ? 'wire' : 'notes');
    fs.mkdirSync(folder, { recursive: true });
    const text =
      `date 2024-${String((i % 12) + 1).padStart(2, '0')}-${day}\n\n` +
      `${who} of the ${org} met ${other} in ${place} on Tuesday. ${who.split(' ')[1]} said the audit begun on ` +
      `${MONTHS[i % MONTHS.length]} ${(i % 20) + 3}, 2023 was late.\n` +
      `The ${org} told reporters in ${place} last week that ${other.split(' ')[1]} would answer by ${MONTHS[(i + 2) % MONTHS.length]}.\n`;
    fs.writeFileSync(path.join(folder, `article-${String(i).padStart(3, '0')}.txt`), text);
  }
}

/** Everything stored for a corpus's documents, minus what says when or by whom it was written. */
async function contents(url: string, corpus: string): Promise<string[]> {
  const rows = await query<{ x: string }>(
    url,
    `WITH c AS (SELECT corpus_id FROM corpora WHERE name = $1)
     SELECT x FROM (
       SELECT format('d|%s|%s|%s|%s|%s|%s|%s|%s', doc_id, path, content_hash, analyzer_version, published, date_source, md5(text), md5(analysis::text)) x FROM documents JOIN c USING (corpus_id)
       UNION ALL SELECT format('m|%s|%s|%s|%s|%s|%s|%s', doc_id, n, start_offset, end_offset, surface, type, alias_key) FROM mentions JOIN c USING (corpus_id)
       UNION ALL SELECT format('t|%s|%s|%s|%s|%s|%s|%s', doc_id, n, start_offset, end_offset, text, value, granularity) FROM date_mentions JOIN c USING (corpus_id)
       UNION ALL SELECT format('k|%s|%s|%s', doc_id, alias_key, mentions) FROM alias_keys JOIN c USING (corpus_id)
     ) all_rows ORDER BY x COLLATE "C"`,
    [corpus],
  );
  return rows.map((r) => r.x);
}

/** Row versions of a corpus's documents: any write to a row changes its xmin. */
async function rowVersions(url: string, corpus: string): Promise<string[]> {
  const rows = await query<{ v: string }>(
    url,
    `SELECT d.path || ' ' || d.xmin::text AS v FROM documents d JOIN corpora c USING (corpus_id) WHERE c.name = $1 ORDER BY d.path`,
    [corpus],
  );
  return rows.map((r) => r.v);
}

function ok(r: Run | ReturnType<typeof runSync>): string {
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stderr;
}

function counts(stderr: string): { written: number; unchanged: number; removed: number } {
  const m = /index: (\d+) written, (\d+) unchanged, (\d+) removed/.exec(stderr);
  assert.ok(m, stderr);
  return { written: Number(m[1]), unchanged: Number(m[2]), removed: Number(m[3]) };
}

describe('team index on PostgreSQL', function () {
  this.timeout(120000);
  let url = '';
  let dir = '';
  teamDatabase((u) => (url = u));
  before(function () {
    if (!url) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-'));
    writeArticles(dir, 40);
    ok(runSync('db', 'migrate', '--db', url));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates once: a second run applies nothing; commands refuse a database without the schema', async () => {
    assert.match(ok(runSync('db', 'migrate', '--db', url)), /schema already current/);
    assert.deepStrictEqual(await query(url, 'SELECT version FROM schema_migrations ORDER BY version'), [{ version: 1 }, { version: 2 }, { version: 3 }]);
    const bare = new URL(url);
    bare.pathname += '_bare';
    await query(url, `CREATE DATABASE ${bare.pathname.slice(1)}`);
    try {
      const r = runSync('index', dir, '--db', bare.toString(), '--corpus', 'nowhere');
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /no Dossier schema: run `dossier db migrate/);
    } finally {
      await query(url, `DROP DATABASE ${bare.pathname.slice(1)} WITH (FORCE)`);
    }
  });

  it('two concurrent shards store exactly what one run stores, and a re-run writes nothing', async () => {
    const [a, b] = await Promise.all([
      run('index', dir, '--db', url, '--corpus', 'sharded', '--shard', '0/2', '--jobs', '0'),
      run('index', dir, '--db', url, '--corpus', 'sharded', '--shard', '1/2', '--jobs', '2'),
    ]);
    const shardA = counts(ok(a));
    const shardB = counts(ok(b));
    assert.ok(shardA.written > 0 && shardB.written > 0, 'both shards have documents');
    assert.strictEqual(shardA.written + shardB.written, 40);
    assert.strictEqual(counts(ok(await run('index', dir, '--db', url, '--corpus', 'single'))).written, 40);
    const single = await contents(url, 'single');
    assert.ok(single.some((x) => x.startsWith('m|')) && single.some((x) => x.startsWith('t|')) && single.some((x) => x.startsWith('k|')));
    assert.deepStrictEqual(await contents(url, 'sharded'), single);

    const before = await rowVersions(url, 'single');
    assert.deepStrictEqual(counts(ok(await run('index', dir, '--db', url, '--corpus', 'single'))), { written: 0, unchanged: 40, removed: 0 });
    assert.deepStrictEqual(await rowVersions(url, 'single'), before, 'no document row was rewritten');
  });

  it('two runs over the same documents at once both succeed and store what one run stores', async () => {
    const both = await Promise.all([1, 2].map(() => run('index', dir, '--db', url, '--corpus', 'twice', '--jobs', '0')));
    for (const r of both) ok(r);
    assert.deepStrictEqual(await contents(url, 'twice'), await contents(url, 'single'));
  });

  it('re-writes a changed document only, and --prune removes the ones gone from the folder', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-prune-'));
    try {
      writeArticles(work, 12);
      ok(await run('index', work, '--db', url, '--corpus', 'prune'));
      fs.rmSync(path.join(work, 'notes', 'article-000.txt'));
      fs.appendFileSync(path.join(work, 'wire', 'article-001.txt'), 'Ilse Varda declined to comment.\n');
      assert.deepStrictEqual(counts(ok(await run('index', work, '--db', url, '--corpus', 'prune'))), { written: 1, unchanged: 10, removed: 0 });
      assert.strictEqual((await rowVersions(url, 'prune')).length, 12, 'without --prune the stored copy stays');
      // A shard prunes only its own documents.
      const shards = await Promise.all(['0/2', '1/2'].map((s) => run('index', work, '--db', url, '--corpus', 'prune', '--prune', '--shard', s)));
      assert.strictEqual(shards.map((r) => counts(ok(r)).removed).reduce((x, y) => x + y), 1);
      assert.ok(!(await rowVersions(url, 'prune')).some((v) => v.startsWith('notes/article-000.txt ')));
      const folder = runSync('export', work);
      ok(folder);
      assert.strictEqual((await run('export', '--db', url, '--corpus', 'prune')).stdout, folder.stdout);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('a run killed mid-ingest, then run again, stores what a clean run stores', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-kill-'));
    try {
      writeArticles(big, 400);
      const { child, done } = started(['index', big, '--db', url, '--corpus', 'killed', '--jobs', '0']);
      let stored = 0;
      for (let waited = 0; stored < 5 && waited < 60000; waited += 10) {
        await new Promise((r) => setTimeout(r, 10));
        stored = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM documents JOIN corpora USING (corpus_id) WHERE name = 'killed'`))[0].n);
      }
      child.kill('SIGKILL');
      const killed = await done;
      assert.strictEqual(killed.signal, 'SIGKILL', 'the ingest was still running when killed');
      const partial = (await rowVersions(url, 'killed')).length;
      assert.ok(partial > 0 && partial < 400, `killed midway (${partial} of 400 stored)`);
      const rerun = counts(ok(await run('index', big, '--db', url, '--corpus', 'killed')));
      assert.strictEqual(rerun.unchanged, partial, 'what had committed is kept');
      assert.strictEqual(rerun.written, 400 - partial);
      ok(await run('index', big, '--db', url, '--corpus', 'clean', '--jobs', '2'));
      assert.deepStrictEqual(await contents(url, 'killed'), await contents(url, 'clean'));
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  /** Indexes the folder into the corpus and checks every export format against the folder's. */
  async function assertSameExports(folder: string, corpus: string): Promise<void> {
    ok(await run('index', folder, '--db', url, '--corpus', corpus));
    for (const format of ['json', 'md', 'csv']) {
      const fromFolder = runSync('export', folder, '--format', format);
      ok(fromFolder);
      const unclustered = await run('export', '--db', url, '--corpus', corpus, '--format', format);
      assert.strictEqual(unclustered.stdout, fromFolder.stdout, `${format} before db cluster`);
    }
    assert.match(ok(await run('db', 'cluster', '--db', url, '--corpus', corpus)), /entities stored/);
    assert.match(ok(await run('db', 'cluster', '--db', url, '--corpus', corpus)), /already current/);
    const stored = await query<{ n: string }>(url, `SELECT count(*) AS n FROM entities e JOIN corpora c USING (corpus_id) WHERE c.name = $1`, [corpus]);
    const fromFolder = runSync('export', folder).stdout;
    assert.strictEqual(Number(stored[0].n), JSON.parse(fromFolder).entities.length);
    assert.strictEqual((await run('export', '--db', url, '--corpus', corpus)).stdout, fromFolder, 'json from the stored clustering');
  }

  it('exports byte for byte what the folder export writes: samples/', async () => {
    await assertSameExports(path.join(repoRoot, 'samples'), 'samples');
  });

  it('exports byte for byte what the folder export writes: the shared seeds', async function () {
    await assertSameExports(skipWithoutCorpus(this, 'seeds'), 'seeds');
  });

  it('on BBC, two concurrent shards then db cluster export byte for byte what the folder export writes', async function () {
    const bbc = skipWithoutCorpus(this, 'bbc');
    // No time budget: on a loaded machine a document past it keeps only what was found, and the
    // two analyses (ingest, folder export) could then differ for reasons of load, not of code.
    const noBudget = ['--time-budget', '0'];
    const shards = await Promise.all(['0/2', '1/2'].map((s) => run('index', bbc, '--db', url, '--corpus', 'bbc', '--shard', s, '--jobs', '1', ...noBudget)));
    for (const r of shards) ok(r);
    ok(await run('db', 'cluster', '--db', url, '--corpus', 'bbc'));
    const [fromDb, fromFolder] = await Promise.all([run('export', '--db', url, '--corpus', 'bbc'), run('export', bbc, ...noBudget)]);
    assert.ok(JSON.parse(fromFolder.stdout).documents.length > 2000);
    assert.ok(fromDb.stdout === fromFolder.stdout, 'the JSON exports differ');
  });

  it('answers a hover from the database as the in-memory index does (entity and other sources)', async () => {
    const samples = path.join(repoRoot, 'samples');
    ok(await run('index', samples, '--db', url, '--corpus', 'hover'));
    ok(await run('db', 'cluster', '--db', url, '--corpus', 'hover'));
    const { index } = loadFolder(samples);
    const db = openDatabase(url);
    try {
      let checked = 0;
      for (const p of index.paths()) {
        const text = index.text(p)!;
        for (let offset = 0; offset < text.length; offset += 7) {
          const expected = index.entityAt(p, offset);
          const got = await storedEntityAt(db, 'hover', p, offset, 1000);
          if (!expected) {
            assert.strictEqual(got, undefined, `${p}@${offset}`);
            continue;
          }
          const perDoc = new Map<string, number>();
          for (const m of expected.entity.mentions) if (m.path !== p) perDoc.set(m.path, (perDoc.get(m.path) ?? 0) + 1);
          const sources = [...perDoc].map(([path, mentions]) => ({ path, mentions })).sort((a, b) => b.mentions - a.mentions || (a.path < b.path ? -1 : 1));
          assert.deepStrictEqual(got, { id: expected.entity.id, name: expected.entity.name, type: expected.entity.type, mentionCount: expected.entity.mentionCount, sources }, `${p}@${offset}`);
          checked++;
        }
      }
      assert.ok(checked > 50, `${checked} positions on entities`);
    } finally {
      await db.end();
    }
  });

  it('applies the corrections stored in the database as the folder export applies .dossier/aliases.json', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-corrections-'));
    try {
      writeArticles(work, 12);
      ok(await run('index', work, '--db', url, '--corpus', 'corrected'));
      ok(await run('db', 'cluster', '--db', url, '--corpus', 'corrected')); // to be made stale by the corrections
      const plain = runSync('export', work).stdout;
      fs.mkdirSync(path.join(work, '.dossier'));
      fs.writeFileSync(
        path.join(work, '.dossier', 'aliases.json'),
        JSON.stringify({
          merge: [['Mara Quillon', 'Tobias Renk']],
          rename: [{ entity: 'Northway Shipping Group', name: 'Northway' }],
          retype: [{ entity: 'Gdansk', type: 'organization' }],
          ignore: ['Kessel Audit Office'],
          dismissed: [['Ilse Varda', 'Petra Lindqvist']],
        }),
      );
      const corrected = runSync('export', work).stdout;
      assert.notStrictEqual(corrected, plain, 'the corrections change the export');
      // What the editor will write: one row per correction, by the corrector role.
      const [{ corpus_id: corpus }] = await query<{ corpus_id: number }>(url, `SELECT corpus_id FROM corpora WHERE name = 'corrected'`);
      await query(
        url,
        `INSERT INTO corrections (corpus_id, kind, names, value) VALUES
           ($1, 'merge', '{Mara Quillon,Tobias Renk}', NULL), ($1, 'rename', '{Northway Shipping Group}', 'Northway'),
           ($1, 'retype', '{Gdansk}', 'organization'), ($1, 'ignore', '{Kessel Audit Office}', NULL)`,
        [corpus],
      );
      await query(url, `INSERT INTO dismissed_suggestions (corpus_id, name_a, name_b) VALUES ($1, 'Ilse Varda', 'Petra Lindqvist')`, [corpus]);
      assert.strictEqual((await run('export', '--db', url, '--corpus', 'corrected')).stdout, corrected, 'the stale clustering is not adopted');
      assert.match(ok(await run('db', 'cluster', '--db', url, '--corpus', 'corrected')), /entities stored/);
      assert.strictEqual((await run('export', '--db', url, '--corpus', 'corrected')).stdout, corrected, 'from the stored clustering');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('db cluster after a few changed, new and pruned documents rewrites only what changed, and stores what a clustering from scratch stores', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-incremental-'));
    const stored = async (corpus: string) =>
      (
        await query<{ x: string }>(
          url,
          `WITH c AS (SELECT corpus_id FROM corpora WHERE name = $1)
           SELECT x FROM (
             SELECT format('e|%s|%s|%s|%s|%s|%s|%s', entity_id, ordinal, name, type, mention_count, document_count, cluster::text) x FROM entities JOIN c USING (corpus_id)
             UNION ALL SELECT format('k|%s|%s', alias_key, entity_id) FROM entity_members JOIN c USING (corpus_id)
             UNION ALL SELECT format('s|%s|%s|%s|%s', entity_id, doc_id, path, mentions) FROM entity_sources JOIN c USING (corpus_id)
           ) rows ORDER BY x COLLATE "C"`,
          [corpus],
        )
      ).map((r) => r.x);
    try {
      writeArticles(work, 30);
      ok(await run('index', work, '--db', url, '--corpus', 'incremental'));
      ok(await run('db', 'cluster', '--db', url, '--corpus', 'incremental'));
      // A changed article (a new person in it), a new one, and one gone.
      const changed = path.join(work, 'wire', 'article-004.txt');
      fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8') + 'Halvard Ostby of the Kessel Audit Office was not reached.\n');
      writeArticles(work, 1, 30);
      fs.rmSync(path.join(work, 'notes', 'article-003.txt'));
      ok(await run('index', work, '--db', url, '--corpus', 'incremental', '--prune'));
      const again = ok(await run('db', 'cluster', '--db', url, '--corpus', 'incremental'));
      const m = /(\d+) entit(?:y|ies) stored .*\((\d+) written, (\d+) removed, sources of (\d+) rebuilt/.exec(again);
      assert.ok(m, again);
      const [total, written, rebuilt] = [Number(m[1]), Number(m[2]), Number(m[4])];
      assert.ok(written > 0 && written < total, `${written} of ${total} entities rewritten`);
      assert.ok(rebuilt < total, `sources of ${rebuilt} of ${total} rebuilt`);
      ok(await run('index', work, '--db', url, '--corpus', 'scratch'));
      ok(await run('db', 'cluster', '--db', url, '--corpus', 'scratch'));
      const [incremental, scratch] = [await stored('incremental'), await stored('scratch')];
      assert.ok(scratch.some((x) => x.startsWith('s|')) && scratch.some((x) => x.includes('Halvard Ostby')));
      assert.deepStrictEqual(incremental, scratch);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it("index --db imports the folder's .dossier/aliases.json once; with split and ignore the export equals the folder's", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-import-'));
    try {
      writeArticles(work, 12);
      fs.mkdirSync(path.join(work, '.dossier'));
      // "Quillon" alone links to Mara Quillon in each document: split detaches it, although the
      // stored mentions keep the key from before corrections.
      const file = { split: ['Quillon'], ignore: ['Kessel Audit Office'], rename: [{ entity: 'Ilse Varda', name: 'I. Varda' }], dismissed: [['Tobias Renk', 'Oren Falkby']] };
      fs.writeFileSync(path.join(work, '.dossier', 'aliases.json'), JSON.stringify(file));
      const shards = await Promise.all(['0/2', '1/2'].map((s) => run('index', work, '--db', url, '--corpus', 'fromfile', '--shard', s)));
      assert.strictEqual(shards.map((r) => Number(/(\d+) corrections? imported/.exec(ok(r))?.[1] ?? 0)).reduce((a, b) => a + b), 4, 'each entry once');
      assert.doesNotMatch(ok(await run('index', work, '--db', url, '--corpus', 'fromfile')), /imported/, 'a re-run imports nothing');
      const stored = await query<{ kind: string; names: string[] }>(url, `SELECT kind, names FROM corrections JOIN corpora USING (corpus_id) WHERE name = 'fromfile' ORDER BY correction_id`);
      assert.deepStrictEqual(stored.map((r) => r.kind).sort(), ['ignore', 'rename', 'split']);
      const fromFolder = runSync('export', work).stdout;
      assert.ok(!JSON.parse(fromFolder).entities.some((e: { name: string }) => e.name === 'Kessel Audit Office'));
      assert.strictEqual((await run('export', '--db', url, '--corpus', 'fromfile')).stdout, fromFolder, 'before db cluster');
      ok(await run('db', 'cluster', '--db', url, '--corpus', 'fromfile'));
      assert.strictEqual((await run('export', '--db', url, '--corpus', 'fromfile')).stdout, fromFolder, 'from the stored clustering');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it("answers the editor's questions as the in-memory index does: target, sources, locations, text", async () => {
    const samples = path.join(repoRoot, 'samples');
    ok(await run('index', samples, '--db', url, '--corpus', 'editor'));
    ok(await run('db', 'cluster', '--db', url, '--corpus', 'editor'));
    const { index } = loadFolder(samples);
    const db = openDatabase(url);
    try {
      let entities = 0;
      let dates = 0;
      for (const p of index.paths()) {
        const text = index.text(p)!;
        assert.strictEqual(await storedText(db, 'editor', p), text);
        for (const placed of index.placedMentions(p)) {
          const entity = index.entityAt(p, placed.start)!.entity;
          const target = await storedTargetAt(db, 'editor', p, placed.start + 1);
          assert.deepStrictEqual(target, { kind: 'entity', aliasKey: placed.key }, `${p}@${placed.start}`);
          const answer = (await teamSources(db, 'editor', target!, { exclude: [documentKey(p)], limit: 100 }))!;
          const perDoc = new Map<string, number>();
          for (const m of entity.mentions) if (m.path !== p) perDoc.set(m.path, (perDoc.get(m.path) ?? 0) + 1);
          assert.deepStrictEqual(answer.entity, { id: entity.id, name: entity.name, type: entity.type, mentionCount: entity.mentionCount, documents: entity.documents.length });
          assert.strictEqual(answer.more, false);
          assert.deepStrictEqual(answer.sources.map((s) => [s.path, s.mentions]), [...perDoc].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
          const one = (await teamSources(db, 'editor', target!, { exclude: [documentKey(p)], limit: 1 }))!;
          assert.deepStrictEqual([one.sources.map((s) => s.path), one.more], [answer.sources.slice(0, 1).map((s) => s.path), perDoc.size > 1]);
          const first = index.firstMentionPerDocument(entity.id).filter((m) => m.path !== p);
          for (const s of answer.sources) {
            const m = first.find((f) => f.path === s.path)!;
            assert.deepStrictEqual([s.start, s.end, s.match], [m.start, m.end, m.text]);
            assert.ok(index.text(s.path)!.slice(0, s.start).endsWith(s.before) && index.text(s.path)!.slice(s.end).startsWith(s.after));
          }
          const locations = await teamLocations(db, 'editor', target!, { exclude: [documentKey(p)], firstOnly: true });
          assert.deepStrictEqual(locations.map((l) => [l.path, l.start]).sort(), first.map((m) => [m.path, m.start]).sort());
          for (const l of locations) assert.deepStrictEqual(l.lineStarts, index.analysis(l.path)!.lineStarts);
          const all = await teamLocations(db, 'editor', target!);
          assert.deepStrictEqual(all.map((l) => [l.path, l.start]).sort(), entity.mentions.map((m) => [m.path, m.start]).sort());
          entities++;
        }
        for (const d of index.analysis(p)!.dates) {
          if (!d.value || index.entityAt(p, d.start + 1)) continue;
          const target = await storedTargetAt(db, 'editor', p, d.start + 1);
          assert.deepStrictEqual(target, { kind: 'date', value: d.value });
          const same = new Set(index.sameDateMentions(d.value).filter((x) => x.mention.value === d.value && x.path !== p).map((x) => x.path));
          const answer = (await teamSources(db, 'editor', target!, { exclude: [documentKey(p)], limit: 100 }))!;
          assert.deepStrictEqual(answer.sources.map((s) => s.path).sort(), [...same].sort(), `${p}: ${d.text}`);
          assert.strictEqual(answer.more, false);
          const published = answer.sources.map((s) => s.published ?? '~');
          assert.deepStrictEqual(published, [...published].sort(), 'oldest first');
          dates++;
        }
      }
      assert.ok(entities > 50 && dates > 5, `${entities} entity mentions, ${dates} dates checked`);
      const top = await topEntities(db, 'editor', 100_000);
      const expected = index.entities();
      assert.deepStrictEqual(top.map((e) => [e.id, e.mentionCount]).sort(), expected.map((e) => [e.id, e.mentionCount]).sort());
      for (let i = 1; i < top.length; i++) assert.ok(top[i - 1].mentionCount >= top[i].mentionCount, 'most mentioned first');
      for (const e of top.slice(0, 10)) assert.strictEqual((await teamSources(db, 'editor', { kind: 'entity', aliasKey: e.aliasKey }))!.entity!.id, e.id);
      assert.strictEqual(await storedText(db, 'editor', 'no-such.txt'), undefined);
      assert.strictEqual(await teamSources(db, 'editor', { kind: 'entity', aliasKey: 'no such key' }), undefined);
    } finally {
      await db.end();
    }
  });

  it('walks the sources of an entity or a date in publication order as the in-memory index does (Next/Previous Source)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-chrono-'));
    const db = openDatabase(url);
    try {
      writeArticles(folder, 30);
      // Undated: sorts after every dated document.
      fs.writeFileSync(path.join(folder, 'undated.txt'), `${PEOPLE[0]} and ${PEOPLE[1]} spoke in ${PLACES[0]} about the ${ORGS[0]}.\n`);
      // No time budget: load must not make the stored analysis differ from the in-memory one.
      ok(await run('index', folder, '--db', url, '--corpus', 'chrono', '--time-budget', '0'));
      ok(await run('db', 'cluster', '--db', url, '--corpus', 'chrono'));
      const { index } = loadFolder(folder);
      const published = (p: string) => index.analysis(p)!.date.value;
      type Stop = [string, string | undefined, number, number];
      // Walks the stored chain from `from` (a stored document, dated by the database) in one direction.
      const walk = async (target: Parameters<typeof teamNeighbour>[2], from: string, direction: 1 | -1, exclude: number[] = []): Promise<Stop[]> => {
        const out: Stop[] = [];
        let here = from;
        for (let s = await teamNeighbour(db, 'chrono', target, { path: here }, direction, exclude); s; s = await teamNeighbour(db, 'chrono', target, { path: here }, direction, exclude)) {
          out.push([s.path, s.published, s.start, s.end]);
          here = s.path;
          assert.ok(out.length < 100, 'the walk ends');
        }
        return out;
      };
      let walked = 0;
      for (const entity of index.entities().filter((e) => e.documents.length > 3).slice(0, 4)) {
        const chain: Stop[] = index.firstMentionPerDocument(entity.id).map((m) => [m.path, published(m.path), m.start, m.end]);
        const first = index.placedMentions(chain[0][0]);
        const aliasKey = [...first].find((p) => p.start === chain[0][2])!.key;
        const target = { kind: 'entity' as const, aliasKey };
        assert.deepStrictEqual(await walk(target, chain[0][0], 1), chain.slice(1), entity.name);
        assert.deepStrictEqual(await walk(target, chain[chain.length - 1][0], -1), chain.slice(0, -1).reverse(), entity.name);
        // The workspace's documents are left out; a place given by the editor's own date need not be stored.
        const skipped = (await walk(target, chain[0][0], 1, [documentKey(chain[1][0])])).map((s) => s[0]);
        assert.deepStrictEqual(skipped, chain.slice(2).map((s) => s[0]));
        const fromLocal = await teamNeighbour(db, 'chrono', target, { path: 'not-stored.txt', published: chain[1][1], local: true }, -1);
        const day = chain[1][1]!;
        assert.strictEqual(fromLocal?.path, chain.filter((s) => s[1] !== undefined && (s[1] < day || (s[1] === day && s[0] < 'not-stored.txt'))).pop()?.[0]);
        walked++;
      }
      const several = (v: string) => new Set(index.sameDateMentions(v).filter((x) => x.mention.value === v).map((x) => x.path)).size > 2;
      const value = index.paths().flatMap((p) => index.analysis(p)!.dates.map((d) => d.value)).find((v) => v && several(v));
      assert.ok(value, 'a date several documents mention');
      const dated = new Map<string, Stop>();
      for (const r of index.sameDateMentions(value)) {
        if (r.mention.value !== value) continue;
        const had = dated.get(r.path);
        if (!had || r.mention.start < had[2]) dated.set(r.path, [r.path, published(r.path), r.mention.start, r.mention.end]);
      }
      const chain = [...dated.values()].sort((a, b) => (a[1] ?? '~') < (b[1] ?? '~') ? -1 : (a[1] ?? '~') > (b[1] ?? '~') ? 1 : a[0] < b[0] ? -1 : 1);
      assert.deepStrictEqual(await walk({ kind: 'date', value }, chain[0][0], 1), chain.slice(1), value);
      assert.ok(walked >= 2, `${walked} entities walked`);
    } finally {
      await db.end();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("lists the team corpus's dated mentions outside the workspace as the in-memory timeline does (the Timeline's team section)", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-team-timeline-'));
    const db = openDatabase(url);
    try {
      writeArticles(folder, 30);
      // No time budget: load must not make the stored analysis differ from the in-memory one.
      ok(await run('index', folder, '--db', url, '--corpus', 'timeline', '--time-budget', '0'));
      const { index } = loadFolder(folder);
      // The workspace has the notes; the team index adds the wire.
      const local = index.paths().filter((p) => p.startsWith('notes/'));
      assert.ok(local.length > 5 && local.length < index.paths().length);
      const exclude = local.map(documentKey);
      const expected = index
        .timeline()
        .map((day) => ({ date: day.date, granularity: day.granularity, entries: day.entries.filter((e) => !local.includes(e.path)).map((e) => [e.path, e.start, e.end, e.mentionText]) }))
        .filter((day) => day.entries.length);
      assert.ok(expected.length > 10, `${expected.length} dates`);
      const shown = (days: Awaited<ReturnType<typeof teamTimeline>>) => days.map((d) => ({ date: d.date, granularity: d.granularity, entries: d.entries.map((e) => [e.path, e.start, e.end, e.mentionText]) }));
      const all = await teamTimeline(db, 'timeline', { exclude, days: 10_000, perDay: 10_000 });
      assert.deepStrictEqual(shown(all), expected);
      for (const day of all) {
        assert.strictEqual(day.more, false);
        assert.strictEqual(day.sources, new Set(day.entries.map((e) => e.path)).size);
        for (const e of day.entries) {
          const text = index.text(e.path)!;
          assert.ok(text.slice(0, e.start).endsWith(e.before) && text.slice(e.end).startsWith(e.after) && e.before.length > 0, `${e.path}@${e.start}`);
          assert.strictEqual(e.published, index.analysis(e.path)!.date.value);
        }
      }
      // Limited: the latest 3 date values, 2 mentions each at most.
      const latest = new Set(expected.map((d) => d.date).sort().slice(-3));
      const few = await teamTimeline(db, 'timeline', { exclude, days: 3, perDay: 2 });
      assert.deepStrictEqual(
        shown(few),
        expected.filter((d) => latest.has(d.date)).map((d) => ({ ...d, entries: d.entries.slice(0, 2) })),
      );
      assert.deepStrictEqual(few.map((d) => d.more), expected.filter((d) => latest.has(d.date)).map((d) => d.entries.length > 2));
      // Without exclusions every stored document counts; a corpus nobody indexed has nothing.
      assert.strictEqual((await teamTimeline(db, 'timeline', { days: 10_000, perDay: 10_000 })).reduce((n, d) => n + d.entries.length, 0), index.timeline().reduce((n, d) => n + d.entries.length, 0));
      assert.deepStrictEqual(await teamTimeline(db, 'no such corpus'), []);
    } finally {
      await db.end();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('adds a correction once, however often or by how many writers it is recorded', async () => {
    ok(await run('index', path.join(repoRoot, 'samples'), '--db', url, '--corpus', 'recorded'));
    const db = openDatabase(url, 8);
    try {
      const { id } = await existingCorpus(db, 'recorded');
      const before = { merge: [['A', 'B']] };
      const after = { merge: [['A', 'B'], ['C', 'D']], split: ['E'], dismissed: [['F', 'G']], rename: [{ entity: 'H', name: 'I' }] };
      const rows = addedCorrections(before, after);
      assert.deepStrictEqual(rows.map((r) => r.kind), ['merge', 'split', 'rename', 'dismiss']);
      const added = await Promise.all([1, 2, 3, 4].map(() => recordCorrections(db, id, rows)));
      assert.strictEqual(added.reduce((n, a) => n + a.length, 0), 4);
      const file = await correctionsFile(db, id);
      assert.deepStrictEqual(file, { merge: [['C', 'D']], split: ['E'], rename: [{ entity: 'H', name: 'I' }], retype: [], ignore: [], dismissed: [['F', 'G']] });
    } finally {
      await db.end();
    }
  });

  it('the GRANTs of docs/TEAM-INDEX.md: the reader only reads, the corrector also writes corrections', async () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'TEAM-INDEX.md'), 'utf8');
    const block = /## Roles[\s\S]*?```sql\n([\s\S]*?)```/.exec(doc)![1];
    // Roles belong to the whole server: this run's names are its own, dropped at the end.
    const tag = `_${process.pid}`;
    const role = (r: string) => r + tag;
    const database = new URL(url).pathname.slice(1);
    const sql = block
      .replace(/\b(dossier_reader|dossier_corrector|alice|bob)\b/g, (r) => role(r))
      .replace(/DATABASE dossier\b/g, `DATABASE ${database}`);
    ok(await run('index', path.join(repoRoot, 'samples'), '--db', url, '--corpus', 'roles'));
    const [{ corpus_id: corpus }] = await query<{ corpus_id: number }>(url, `SELECT corpus_id FROM corpora WHERE name = 'roles'`);
    const correction = `INSERT INTO corrections (corpus_id, kind, names) VALUES (${corpus}, 'split', '{Ferreira}') RETURNING created_by`;
    try {
      await query(url, sql);
      assert.ok((await asRole<{ n: number }>(url, role('bob'), 'SELECT count(*)::int AS n FROM documents'))[0].n > 0, 'the reader reads');
      assert.deepStrictEqual(await asRole(url, role('alice'), correction), [{ created_by: role('alice') }], 'the corrector corrects, named');
      for (const [who, statement] of [
        ['bob', correction],
        ['bob', 'DELETE FROM documents'],
        ['alice', 'DELETE FROM documents'],
        ['alice', `UPDATE entities SET name = 'x'`],
      ]) {
        await assert.rejects(asRole(url, role(who), statement), /permission denied/, `${who}: ${statement}`);
      }
    } finally {
      await query(url, `DROP OWNED BY ${['dossier_reader', 'dossier_corrector', 'alice', 'bob'].map(role).join(', ')}`).catch(() => undefined);
      for (const r of ['alice', 'bob', 'dossier_corrector', 'dossier_reader']) await query(url, `DROP ROLE IF EXISTS ${role(r)}`);
    }
  });

  it('never shows the password of a URL it cannot use', async () => {
    const r = await run('export', '--db', 'postgresql://analyst:Tr0ub4dor@127.0.0.1:1/dossier');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /analyst:\*\*\*@127\.0\.0\.1:1/);
    assert.ok(!r.stderr.includes('Tr0ub4dor'));
  });
});

describe('team index command line (no server needed)', function () {
  this.timeout(60000);
  const samples = path.join(repoRoot, 'samples');
  const usage = (args: string[], message: RegExp) => {
    const r = runSync(...args);
    assert.strictEqual(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
  };

  it('says which team-index flags are missing, misplaced or malformed (exit 2, nothing contacted)', () => {
    const url = 'postgresql://nobody@127.0.0.1:1/none';
    usage(['index', samples], /index needs --db URL/);
    usage(['db', 'migrate'], /db needs --db URL/);
    usage(['db', 'vacuum', '--db', url], /unknown db command "vacuum"/);
    usage(['db', 'cluster', samples, '--db', url], /db cluster takes no folder/);
    usage(['export', samples, '--db', url], /give a folder or --db, not both/);
    usage(['export', samples, '--corpus', 'x'], /--corpus needs --db/);
    usage(['export', samples, '--shard', '0/2'], /--shard and --prune are options of index/);
    usage(['index', samples, '--db', url, '--shard', '2/2'], /--shard 2\/2: I must be 0 to N-1/);
    usage(['index', samples, '--db', url, '--shard', 'half'], /--shard needs I\/N/);
    usage(['index', samples, '--db', url, '--cache', '/tmp/x'], /--cache is for a folder/);
  });
});

describe('Next/Previous Source across the workspace and the team index', () => {
  const stops = [
    { path: 'b.txt', published: '2024-03-01', from: 'workspace' },
    { path: 'a.txt', published: '2024-03-01', from: 'team' },
    { path: 'c.txt', published: '2023-12-31', from: 'team' },
    { path: 'undated.txt', from: 'workspace' },
    { path: 'd.txt', published: '2024-05-10', from: 'workspace' },
  ];
  const step = (here: { path: string; published?: string }, direction: 1 | -1) => neighbourSource(stops, here, direction)?.path;

  it('goes to the nearest source in publication order (then by path), whichever side it comes from', () => {
    assert.strictEqual(step({ path: 'c.txt', published: '2023-12-31' }, 1), 'a.txt');
    assert.strictEqual(step({ path: 'a.txt', published: '2024-03-01' }, 1), 'b.txt', 'same day: by path');
    assert.strictEqual(step({ path: 'b.txt', published: '2024-03-01' }, 1), 'd.txt');
    assert.strictEqual(step({ path: 'd.txt', published: '2024-05-10' }, 1), 'undated.txt', 'undated last');
    assert.strictEqual(step({ path: 'undated.txt' }, 1), undefined);
    assert.strictEqual(step({ path: 'undated.txt' }, -1), 'd.txt');
    assert.strictEqual(step({ path: 'a.txt', published: '2024-03-01' }, -1), 'c.txt');
    assert.strictEqual(step({ path: 'c.txt', published: '2023-12-31' }, -1), undefined);
  });

  it('steps from a document that is not a source itself, and keeps the first of two equal listings', () => {
    assert.strictEqual(step({ path: 'x.txt', published: '2024-04-01' }, 1), 'd.txt');
    assert.strictEqual(step({ path: 'x.txt', published: '2024-04-01' }, -1), 'b.txt');
    const twice = neighbourSource([...stops, { path: 'd.txt', published: '2024-05-10', from: 'again' }], { path: 'b.txt', published: '2024-03-01' }, 1);
    assert.strictEqual(twice?.from, 'workspace');
  });
});

describe('team index naming rules', () => {
  it('redacts a password wherever a connection string carries it', () => {
    assert.strictEqual(redactUrl('postgresql://ana:p%40ss@db.example:5432/news?sslmode=verify-full'), 'postgresql://ana:***@db.example:5432/news?sslmode=verify-full');
    assert.strictEqual(redactUrl('postgres://db.example/news?user=ana&password=hunter2'), 'postgres://db.example/news?user=ana&password=***');
    assert.strictEqual(redactUrl("host=db.example user=ana password='two words' dbname=news"), 'host=db.example user=ana password=*** dbname=news');
    assert.strictEqual(redactUrl('postgresql://ana@db.example/news'), 'postgresql://ana@db.example/news', 'nothing to hide');
  });

  it('a password from the secret storage goes into the URL only to connect, and never into a message', () => {
    const url = withPassword('postgresql://ana@db.example:5432/news?sslmode=verify-full', 'p@ss word/1');
    assert.strictEqual(new URL(url).password, encodeURIComponent('p@ss word/1'));
    assert.strictEqual(redactUrl(url), 'postgresql://ana:***@db.example:5432/news?sslmode=verify-full');
    const message = databaseError(url, new Error(`password authentication failed: p@ss word/1 at ${url}`));
    assert.ok(!message.includes('p@ss word/1') && !message.includes(encodeURIComponent('p@ss word/1')), message);
    assert.match(message, /ana:\*\*\*@db\.example/);
  });

  it('puts every path in exactly one shard, spread over all of them', () => {
    const paths = Array.from({ length: 300 }, (_, i) => `wire/${i}.txt`);
    const count = 3;
    const sizes = [0, 1, 2].map((index) => paths.filter((p) => inShard(p, { index, count })).length);
    assert.strictEqual(sizes.reduce((a, b) => a + b), paths.length);
    for (const n of sizes) assert.ok(n > 60, `shard sizes ${sizes}`);
    assert.ok(Number.isSafeInteger(documentKey('wire/1.txt')) && documentKey('wire/1.txt') !== documentKey('wire/2.txt'));
    assert.deepStrictEqual(parseShard('1/3'), { shard: { index: 1, count: 3 } });
    for (const bad of ['3/3', '0/0', '-1/2', '1', 'a/b']) assert.ok(parseShard(bad).problem, bad);
  });
});

// Issue 12's one-line reproductions for the CLI's input and output, on generated folders.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './sharedCorpora';
import { tempFolder } from './tempFolder';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const ARTICLE = 'date 2025-05-02\nMinister Lena Holm visited Oslo on Tuesday.\n';
/** Lines of stderr that are not the usage text. */
const messages = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('dossier:'));

describe('CLI input handling', function () {
  this.timeout(60000);
  let dir = '';
  tempFolder('dossier-bad-input-', (d) => {
    dir = d;
    fs.writeFileSync(path.join(d, 'a.txt'), ARTICLE);
  });

  it('--help prints the usage on stdout and exits 0, wherever it is', () => {
    for (const args of [['--help'], ['-h'], ['export', dir, '--help']]) {
      const r = run(...args);
      assert.strictEqual(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^Usage:/);
      assert.match(r.stdout, /Exit status/);
    }
  });

  it('a glob it cannot read exits 2 with one line naming the problem', () => {
    for (const [flag, glob, said] of [
      ['--include', '{a', /--include: "\{a": "\{" at 1 is never closed/],
      ['--include', '[', /--include: "\[": "\[" at 1 is never closed/],
      ['--exclude', 'a}', /--exclude: "a\}": "\}" at 2 has no "\{"/],
    ] as const) {
      const r = run('export', dir, flag, glob);
      assert.strictEqual(r.status, 2);
      assert.deepStrictEqual(messages(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, said);
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/); // no stack
    }
  });

  it('user excludes add to the default ones', () => {
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'readme.md'), 'Edda Brun met Oslo.\n');
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts', 'b.txt'), ARTICLE);
    const x = JSON.parse(run('export', dir, '--exclude', 'drafts/**').stdout);
    assert.deepStrictEqual(x.documents.map((d: { path: string }) => d.path), ['a.txt']);
  });

  it('--jobs is capped at the file count and 4 per core, and says so', () => {
    fs.writeFileSync(path.join(dir, 'b.txt'), ARTICLE);
    const r = run('export', dir, '--jobs', '1000');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /--jobs 1000 capped at 2 \(2 files, \d+ cores?\)/);
    assert.strictEqual(JSON.parse(r.stdout).documents.length, 2);
    assert.doesNotMatch(run('export', dir, '--jobs', '2').stderr, /capped/);
  });

  it('FIFOs, devices and symbolic links are left out with a note, never read', () => {
    spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const r = run('export', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /pipe\.txt: skipped, not a regular file/);
    assert.match(r.stderr, /link\.txt: skipped, a symbolic link/);
    assert.match(r.stderr, /zero\.txt: skipped, a symbolic link/);
    assert.strictEqual(JSON.parse(r.stdout).documents.length, 1);
  });

  it('a folder whose path is too long is reported, not dropped silently', () => {
    // 25 levels of 200-character names pass PATH_MAX (4096 on Linux); the shell nests them with
    // relative steps, and rm -rf removes them the same way (fs.rmSync would need the full path).
    const name = 'd'.repeat(200);
    const deep = `cd "${dir}" && for i in $(seq 25); do mkdir ${name} && cd ${name}; done && echo 'Edda Brun met Kari Lund.' > deep.txt`;
    assert.strictEqual(spawnSync('bash', ['-c', deep]).status, 0);
    try {
      const r = run('export', dir);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /\/: folder skipped, path too long \(ENAMETOOLONG\)/);
    } finally {
      spawnSync('rm', ['-rf', path.join(dir, name)]);
    }
  });

  it('an unreadable folder is reported; an unreadable root exits 2', () => {
    // Root reads everything: as root, run the CLI as "nobody" so permissions apply.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const runAs = () => spawnSync('node', [cli, 'export', dir], { encoding: 'utf8', ...asUser });
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'locked', 'b.txt'), ARTICLE);
    fs.chmodSync(path.join(dir, 'locked'), 0);
    try {
      const r = runAs();
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /locked\/: folder skipped, permission denied \(EACCES\)/);
      assert.strictEqual(JSON.parse(r.stdout).documents.length, 1);
      fs.chmodSync(dir, 0);
      const root = runAs();
      assert.strictEqual(root.status, 2);
      assert.deepStrictEqual(messages(root.stderr), [`dossier: ${dir}: cannot read the folder: permission denied (EACCES)`]);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('a file over the size limit is skipped from its size, and UTF-16 without a BOM is read as UTF-16', () => {
    fs.writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(3 * 1024, 'a'));
    fs.writeFileSync(path.join(dir, 'wide.txt'), Buffer.from('Lena Holm visited Bergen on Friday.\n', 'utf16le'));
    const r = run('export', dir, '--max-size-kb', '2');
    assert.match(r.stderr, /big\.txt: skipped, 3 KB is larger than the 2 KB limit/);
    assert.match(r.stderr, /wide\.txt: UTF-16LE text without a byte-order mark; decoded as UTF-16LE/);
    assert.doesNotMatch(r.stderr, /wide\.txt: skipped/);
    const x = JSON.parse(r.stdout);
    assert.ok(x.entities.some((e: { name: string }) => e.name === 'Bergen'), 'Bergen not found in the UTF-16 file');
  });
});

describe('CLI output safety', function () {
  this.timeout(60000);
  let dir = '';
  tempFolder('dossier-bad-output-', (d) => {
    dir = path.join(d, 'corpus');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.txt'), ARTICLE);
  });

  it('a bad --out is one line on stderr and exit 2, before any analysis', () => {
    for (const [out, said] of [
      [path.join(dir, '..', 'missing', 'r.json'), /does not exist/],
      [path.join(dir, '..'), /is a folder/],
      [path.join(dir, 'a.txt', 'r.json'), /is not a folder/],
    ] as const) {
      const r = run('export', dir, '--out', out);
      assert.strictEqual(r.status, 2, out);
      assert.strictEqual(messages(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr, said);
    }
  });

  it('--out replaces the file through a rename, and a report inside the folder is never read back', () => {
    const out = path.join(dir, 'report.md');
    fs.writeFileSync(out, 'old report');
    assert.strictEqual(run('export', dir, '--format', 'md', '--out', out).status, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /# Dossier report/);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['a.txt', 'report.md']); // no temporary file left
    // Next run, with or without --out: still one document.
    const again = run('export', dir, '--format', 'md', '--out', out);
    assert.match(fs.readFileSync(out, 'utf8'), /^1 document,/m, again.stderr);
    const json = run('export', dir);
    assert.strictEqual(JSON.parse(json.stdout).documents.length, 1);
    assert.match(json.stderr, /report\.md: skipped, a report written by dossier export/);
  });

  it('JSON and CSV reports in the folder are not read back either, whatever the include globs', () => {
    for (const format of ['json', 'csv']) {
      assert.strictEqual(run('export', dir, '--format', format, '--out', path.join(dir, `report.${format}`)).status, 0);
    }
    const r = run('export', dir, '--include', '**/*');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path), ['a.txt']);
    assert.match(r.stderr, /report\.json: skipped, a report written by dossier export/);
    assert.match(r.stderr, /report\.csv: skipped, a report written by dossier export/);
  });

  it('a reader that goes away (EPIPE) ends the CLI quietly with status 0', async () => {
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `n${i}.txt`), `${ARTICLE}Edda Brun${i} met Kari Lund${i} in Tromsø.\n`.repeat(20));
    const child = spawn('node', [cli, 'export', dir, '--jobs', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.strictEqual(code, 0, stderr);
    assert.strictEqual(stderr, '');
  });

  it('a full output device gives one line and exit 1', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync('node', [cli, 'export', dir], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      assert.strictEqual(r.status, 1);
      assert.deepStrictEqual(messages(r.stderr), ['dossier: cannot write the output: no space left on the device (ENOSPC)']);
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('CLI cache path problems', function () {
  this.timeout(60000);
  let dir = '';
  tempFolder('dossier-bad-cache-', (d) => {
    dir = d;
    fs.mkdirSync(path.join(d, 'corpus'));
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(d, 'corpus', `a${i}.txt`), `${ARTICLE}Edda Brun${i} spoke.\n`);
  });

  it('a cache path that is a file: one line, and the analysis runs without it', () => {
    fs.writeFileSync(path.join(dir, 'cache'), '');
    const r = run('export', path.join(dir, 'corpus'), '--cache', path.join(dir, 'cache'));
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(messages(r.stderr), [`dossier: warning: cache: ${path.join(dir, 'cache')} is not a folder; analyzing without a cache`]);
    assert.strictEqual(JSON.parse(r.stdout).documents.length, 12);
  });

  it('a cache whose version folder is a file: a few lines, not one per bucket', () => {
    fs.mkdirSync(path.join(dir, 'cache'));
    const { ANALYZER_VERSION } = require('../../src/core/analysisCache') as typeof import('../../src/core/analysisCache');
    fs.writeFileSync(path.join(dir, 'cache', `v${ANALYZER_VERSION}`), '');
    const r = run('export', path.join(dir, 'corpus'), '--cache', path.join(dir, 'cache'));
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(messages(r.stderr).length <= 5, r.stderr);
    assert.match(r.stderr, /cache: cannot read 256 buckets \(ENOTDIR: not a directory\); their documents will be re-analyzed/);
  });
});

describe('CLI with a read-only cache', function () {
  this.timeout(60000);
  let dir = '';
  tempFolder('dossier-ro-cache-', (d) => {
    dir = d;
    fs.chmodSync(d, 0o755);
    fs.mkdirSync(path.join(d, 'corpus'));
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(d, 'corpus', `a${i}.txt`), `${ARTICLE}Edda Brun${i} spoke.\n`);
  });

  it('reuses what it can and says in a line or two that nothing is saved', function () {
    if (process.getuid?.() !== 0) this.skip(); // needs root to make a cache another user cannot write
    const cache = path.join(dir, 'cache');
    assert.strictEqual(run('export', path.join(dir, 'corpus'), '--cache', cache).status, 0);
    fs.appendFileSync(path.join(dir, 'corpus', 'a0.txt'), 'Kari Lund agreed.\n'); // one miss to store
    const r = spawnSync('node', [cli, 'export', path.join(dir, 'corpus'), '--cache', cache], { encoding: 'utf8', uid: 65534, gid: 65534 });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(messages(r.stderr).length <= 3, r.stderr);
    assert.match(r.stderr, /cache: cannot write bucket [0-9a-f]{2} \(EACCES/);
    assert.strictEqual(JSON.parse(r.stdout).documents.length, 12);
  });
});

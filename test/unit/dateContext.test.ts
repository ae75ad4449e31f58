import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../src/core/analyze';
import { AnalysisCache } from '../../src/core/analysisCache';
import { analysisKey, dateContextFor, dateFromPath, modifiedDay, parseDefaultDate, parseSidecar, setSidecarRow, SIDECAR_FILE } from '../../src/core/dateContext';
import { analyzeDates } from '../../src/core/dates';
import { loadFolder, loadFolderAsync } from '../../src/core/folder';
import { contentHash } from '../../src/core/hash';
import { tempFolder } from './tempFolder';

describe('dateContext: names', () => {
  it('reads the user pattern before the built-in forms', () => {
    assert.deepStrictEqual(dateFromPath('x/20240501_07-03-2021.txt', '(?<d>\\d{2})-(?<m>\\d{2})-(?<y>\\d{4})'), { value: '2021-03-07', source: 'fileName' });
    assert.deepStrictEqual(dateFromPath('x/20240501_07-03-2021.txt'), { value: '2024-05-01', source: 'fileName' });
  });

  it('ignores an invalid pattern instead of failing', () => {
    assert.deepStrictEqual(dateFromPath('x/20240501.txt', '(?<year>'), { value: '2024-05-01', source: 'fileName' });
  });

  it('reads Windows separators', () => {
    assert.deepStrictEqual(dateFromPath('C:\\news\\2024\\05\\01\\a.txt'), { value: '2024-05-01', source: 'folderName' });
  });
});

describe('dateContext: sidecar and default', () => {
  it('parses path,date rows with a header, quotes and comments, and reports bad rows', () => {
    const { dates, problems } = parseSidecar('path,date\r\n# exported 2024\r\na.txt,2024-05-01\r\n"sub/b, c.txt",2023-01-02\r\nc.txt,2024-02-30\r\n./d.txt , 2024-06-01\r\n');
    assert.deepStrictEqual([...dates], [['a.txt', '2024-05-01'], ['sub/b, c.txt', '2023-01-02'], ['d.txt', '2024-06-01']]);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /dates\.csv:5/);
  });

  it('accepts only a plausible day as default', () => {
    assert.deepStrictEqual(parseDefaultDate('2005-01-01'), { value: '2005-01-01' });
    assert.ok(parseDefaultDate('2005-13-01').problem);
    assert.ok(parseDefaultDate('1850-01-01').problem);
    assert.deepStrictEqual(parseDefaultDate(''), {});
  });

  it('takes a modification time only when the folder opted in, and only a plausible one', () => {
    const mtime = Date.UTC(2024, 1, 3, 23, 59);
    assert.strictEqual(dateContextFor({ sidecar: new Map() }, 'a.txt', mtime), undefined);
    assert.deepStrictEqual(dateContextFor({ sidecar: new Map(), useModifiedTime: true }, 'a.txt', mtime), { modified: '2024-02-03' });
    assert.strictEqual(modifiedDay(0), undefined);
    assert.notStrictEqual(analysisKey('a.txt', 'x', { modified: '2024-02-03' }), analysisKey('a.txt', 'x', { modified: '2024-02-04' }));
  });

  it('gives each document its own sidecar row', () => {
    const folder = { sidecar: new Map([['a/b.txt', '2024-05-01']]), default: '2005-01-01' };
    assert.deepStrictEqual(dateContextFor(folder, 'a/b.txt'), { sidecar: '2024-05-01', default: '2005-01-01' });
    assert.deepStrictEqual(dateContextFor(folder, 'a/c.txt'), { default: '2005-01-01' });
    assert.strictEqual(dateContextFor({ sidecar: new Map() }, 'a/c.txt'), undefined);
  });

  it('says where the reference came from in every explanation', () => {
    const { dates } = analyzeDates('The council met on Thursday.', 'APW19980807.0261.txt');
    assert.match(dates[0].how, /^Thursday → 1998-08-06, .*1998-08-07 \(from the file name\)$/);
    const viaDefault = analyzeDates('The council met on Thursday.', 'bbc/001.txt', { default: '2005-01-01' });
    assert.match(viaDefault.dates[0].how, /\(from the folder's default date\)$/);
  });
});

describe('dateContext: cache key', () => {
  const text = 'The council met on Thursday.';

  it('is the plain content hash when nothing outside the text dates the document', () => {
    assert.strictEqual(analysisKey('bbc/001.txt', text), contentHash(text));
    assert.strictEqual(analyzeDocument('bbc/001.txt', text).hash, contentHash(text));
  });

  it('changes with a dated name, a sidecar row or a default, as the analysis does', () => {
    const keys = [
      analysisKey('bbc/001.txt', text),
      analysisKey('20240501.txt', text),
      analysisKey('bbc/001.txt', text, { sidecar: '2024-05-01' }),
      analysisKey('bbc/001.txt', text, { sidecar: '2024-05-02' }),
      analysisKey('bbc/001.txt', text, { default: '2024-05-01' }),
    ];
    assert.strictEqual(new Set(keys).size, keys.length);
    assert.strictEqual(analyzeDocument('20240501.txt', text).hash, keys[1]);
    assert.strictEqual(analyzeDocument('bbc/001.txt', text, [], { default: '2024-05-01' }).hash, keys[4]);
  });
});

describe('folder loading with dates from the folder', () => {
  let dir = '';
  tempFolder('dossier-dates-', (d) => (dir = d));

  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };

  it('applies the sidecar, names and the default, and reports bad sidecar rows', () => {
    write('001.txt', 'The council met on Thursday.\n');
    write('002.txt', 'The mayor spoke on Friday.\n');
    write('2024/05/01/003.txt', 'The port reopened on Monday.\n');
    write(SIDECAR_FILE, 'path,date\n001.txt,2024-03-08\nmissing.txt,not a date\n');
    const { index, warnings } = loadFolder(dir, { defaultDate: '2005-01-01' });
    const source = (p: string) => [index.analysis(p)!.date.value, index.analysis(p)!.date.source];
    assert.deepStrictEqual(source('001.txt'), ['2024-03-08', 'sidecar']);
    assert.deepStrictEqual(source('002.txt'), ['2005-01-01', 'default']);
    assert.deepStrictEqual(source('2024/05/01/003.txt'), ['2024-05-01', 'folderName']);
    assert.ok(warnings.some((w) => /dates\.csv:3/.test(w)), warnings.join('\n'));
  });

  it('reads modification times only with useModifiedTime', () => {
    write('001.txt', 'The council met on Thursday.\n');
    fs.utimesSync(path.join(dir, '001.txt'), new Date(Date.UTC(2024, 2, 8, 12)), new Date(Date.UTC(2024, 2, 8, 12)));
    assert.strictEqual(loadFolder(dir).index.analysis('001.txt')!.date.source, 'none');
    const opted = loadFolder(dir, { useModifiedTime: true }).index.analysis('001.txt')!;
    assert.deepStrictEqual([opted.date.value, opted.date.source, opted.dates[0].value], ['2024-03-08', 'modified', '2024-03-07']);
  });

  it('re-resolves dates from the cache when the sidecar changes', async function () {
    this.timeout(60000);
    write('001.txt', 'The council met on Thursday.\n');
    const cacheDir = path.join(dir, '.cache');
    write(SIDECAR_FILE, '001.txt,2024-03-08\n');
    const first = await loadFolderAsync(dir, { jobs: 0, cache: cacheDir, include: ['*.txt'] });
    assert.strictEqual(first.index.analysis('001.txt')!.dates[0].value, '2024-03-07');
    write(SIDECAR_FILE, '001.txt,2024-03-16\n');
    const second = await loadFolderAsync(dir, { jobs: 0, cache: new AnalysisCache(cacheDir), include: ['*.txt'] });
    assert.strictEqual(second.stats.cacheHits, 0);
    assert.strictEqual(second.index.analysis('001.txt')!.dates[0].value, '2024-03-14');
    const third = await loadFolderAsync(dir, { jobs: 0, cache: new AnalysisCache(cacheDir), include: ['*.txt'] });
    assert.strictEqual(third.stats.cacheHits, 1);
    assert.strictEqual(third.index.analysis('001.txt')!.dates[0].value, '2024-03-14');
  });
});

describe('dateContext: writing the sidecar', () => {
  it('starts a table, replaces a row and keeps the others', () => {
    const first = setSidecarRow(undefined, 'a.txt', '2024-05-01');
    assert.strictEqual(first, 'path,date\na.txt,2024-05-01\n');
    const second = setSidecarRow(first, 'b c, d.txt', '2024-05-02');
    const third = setSidecarRow(second, 'a.txt', '2024-06-01');
    assert.strictEqual(third, 'path,date\na.txt,2024-06-01\n"b c, d.txt",2024-05-02\n');
    assert.deepStrictEqual([...parseSidecar(third).dates], [['a.txt', '2024-06-01'], ['b c, d.txt', '2024-05-02']]);
    assert.strictEqual(setSidecarRow('# kept\r\nx.txt,2020-01-01\r\n', 'y.txt', '2021-01-01'), '# kept\r\nx.txt,2020-01-01\r\ny.txt,2021-01-01\r\n');
  });
});
